import {
  Badge,
  Button,
  Field,
  Input,
  Link,
  TableCell,
  TableRow,
  makeStyles,
  tokens,
  type BadgeProps,
} from "@fluentui/react-components";
import { DateField } from "./DateField.js";
import { useState } from "react";
import type { MeetingStatus, PanelMeeting } from "./api.js";

// One meeting in the panel's list: its date and time, whether it is in Teams, its join link, and
// for a coordinator moving or cancelling it.

const STATUS: Record<MeetingStatus, { label: string; colour: BadgeProps["color"] }> = {
  planned: { label: "Not in Teams yet", colour: "subtle" },
  scheduled: { label: "In Teams", colour: "success" },
  moved: { label: "Moved", colour: "warning" },
  cancelled: { label: "Cancelled", colour: "danger" },
};

const useStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", gap: "8px" },
  editor: { display: "flex", flexWrap: "wrap", gap: "12px", alignItems: "flex-end", padding: "8px 0" },
  note: { color: tokens.colorNeutralForeground3 },
});

const londonTime = (iso: string): string =>
  new Date(iso).toLocaleTimeString("en-GB", {
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/London",
  });

export function MeetingRow({
  meeting,
  coordinator,
  editing,
  busy,
  onEdit,
  onOpenAgenda,
  onMove,
  onCancel,
}: {
  meeting: PanelMeeting;
  coordinator: boolean;
  editing: "move" | "cancel" | null;
  busy: boolean;
  onEdit: (kind: "move" | "cancel" | null) => void;
  onOpenAgenda: () => void;
  onMove: (change: { date: string; startTime: string; reason: string }) => void;
  onCancel: (reason: string) => void;
}) {
  const styles = useStyles();
  const [date, setDate] = useState(meeting.date);
  const [startTime, setStartTime] = useState(londonTime(meeting.start));
  const [reason, setReason] = useState("");
  const status = STATUS[meeting.status];
  const changeable = coordinator && meeting.version !== null && meeting.status !== "cancelled";
  return (
    <>
      <TableRow data-meeting-id={meeting.id}>
        <TableCell>
          <time dateTime={meeting.start}>{meeting.description}</time>
          {meeting.note && (
            <div className={styles.note}>
              <small>{meeting.note}</small>
            </div>
          )}
        </TableCell>
        <TableCell>
          <Badge appearance="tint" color={status.colour}>
            {status.label}
          </Badge>
        </TableCell>
        <TableCell>
          {meeting.joinUrl ? (
            <Link
              href={meeting.joinUrl}
              target="_blank"
              rel="noreferrer"
              aria-label={`Join in Teams, ${meeting.description}`}
            >
              Join in Teams
            </Link>
          ) : (
            "—"
          )}
        </TableCell>
        <TableCell>
          <Button size="small" onClick={onOpenAgenda} aria-label={`Agenda, ${meeting.description}`}>
            Agenda
          </Button>
        </TableCell>
        {coordinator && (
          <TableCell>
            {changeable && (
              <div className={styles.actions}>
                <Button
                  size="small"
                  onClick={() => onEdit(editing === "move" ? null : "move")}
                  aria-label={`Move, ${meeting.description}`}
                >
                  Move
                </Button>
                <Button
                  size="small"
                  onClick={() => onEdit(editing === "cancel" ? null : "cancel")}
                  aria-label={`Cancel meeting, ${meeting.description}`}
                >
                  Cancel meeting
                </Button>
              </div>
            )}
          </TableCell>
        )}
      </TableRow>
      {editing && (
        <TableRow>
          <TableCell colSpan={5}>
            <form
              className={styles.editor}
              aria-label={
                editing === "move"
                  ? `Move the ${meeting.description} meeting`
                  : `Cancel the ${meeting.description} meeting`
              }
              onSubmit={(e) => {
                e.preventDefault();
                if (editing === "move") onMove({ date, startTime, reason: reason.trim() });
                else onCancel(reason.trim());
              }}
            >
              {editing === "move" && (
                <>
                  <DateField label="New date" required value={date} onChange={setDate} />
                  <Field label="Start time" required>
                    <Input
                      type="time"
                      value={startTime}
                      onChange={(_e, d) => setStartTime(d.value)}
                      required
                    />
                  </Field>
                </>
              )}
              <Field
                label={editing === "move" ? "Reason (optional)" : "Reason, sent to everyone invited"}
                required={editing === "cancel"}
              >
                <Input
                  value={reason}
                  onChange={(_e, d) => setReason(d.value)}
                  maxLength={500}
                  required={editing === "cancel"}
                />
              </Field>
              <Button type="submit" appearance="primary" disabled={busy}>
                {editing === "move" ? "Move meeting" : "Cancel this meeting"}
              </Button>
              <Button type="button" onClick={() => onEdit(null)}>
                Keep as it is
              </Button>
            </form>
          </TableCell>
        </TableRow>
      )}
    </>
  );
}
