import {
  Badge,
  Button,
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Subtitle2,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
} from "@fluentui/react-components";
import { ResponsiveTable } from "./ResponsiveTable.js";
import { useEffect, useMemo, useState } from "react";
import { ActionHistory, ChangeAction } from "./ActionChanges.js";
import { ChoiceField } from "./ChoiceField.js";
import { RecordAction } from "./RecordAction.js";
import { SubjectReference } from "./subjectLinks.js";
import { useApi } from "./useApi.js";
import { dayShown } from "./ukDates.js";
import { api, type AgendaSubject, type PanelAction, type PanelSummary, type TokenSource } from "./api.js";
import { openDownload } from "./openDownload.js";

// A panel's action log: filter by status, owner, agency and overdue, sort by due date or owner,
// export as CSV; the coordinator records actions, and the owner (or a coordinator or chair) marks
// them done, extends them or closes them as not possible (coordinators and chairs also reassign). A meeting page shows the log for that meeting.

const useStyles = makeStyles({
  section: { marginTop: "24px", display: "flex", flexDirection: "column", gap: "12px" },
  filters: {
    display: "flex",
    flexWrap: "wrap",
    gap: "12px",
    alignItems: "flex-end",
    "@media print": { display: "none" },
  },
  table: { tableLayout: "auto" },
  noPrint: { "@media print": { display: "none" } },
});

type Sort = "due" | "owner";

export function ActionLogSection({
  token,
  panel,
  meId,
  meetingId,
  cases = [],
}: {
  token: TokenSource;
  panel: PanelSummary;
  meId: string;
  /** Only this meeting's actions, and new ones are recorded against it. */
  meetingId?: string;
  /** The meeting's cases, one of which a new action can be linked to. */
  cases?: AgendaSubject[];
}) {
  const styles = useStyles();
  const [status, setStatus] = useState<"open" | "done" | "not-possible" | "">(meetingId ? "" : "open");
  const [owner, setOwner] = useState("");
  const [agency, setAgency] = useState("");
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [sort, setSort] = useState<Sort>("due");
  const [message, setMessage] = useState<{ intent: "success" | "error"; text: string } | null>(null);
  const canRecord = panel.role === "coordinator";
  const canCompleteAny = panel.role === "coordinator" || panel.role === "chair";

  const query = useMemo(() => {
    const q = new URLSearchParams();
    if (meetingId) q.set("meetingId", meetingId);
    if (status) q.set("status", status);
    if (owner) q.set("owner", owner);
    if (agency) q.set("agency", agency);
    if (overdueOnly) q.set("overdue", "true");
    return q.toString();
  }, [meetingId, status, owner, agency, overdueOnly]);

  const listed = useApi(() => api.actions(token, panel.id, query), [token, panel.id, query]);
  // Done actions come a page at a time, the most recently completed first.
  const [older, setOlder] = useState<{ actions: PanelAction[]; next: string | null } | null>(null);
  useEffect(() => setOlder(null), [listed.data]);
  const actions = listed.data && [...listed.data.actions, ...(older?.actions ?? [])];
  const next = older ? older.next : (listed.data?.next ?? null);
  const showOlder = async (after: string) => {
    try {
      const page = await api.actions(
        token,
        panel.id,
        `${query}${query ? "&" : ""}after=${encodeURIComponent(after)}`,
      );
      setOlder({ actions: [...(older?.actions ?? []), ...page.actions], next: page.next });
    } catch (e) {
      setMessage({ intent: "error", text: (e as Error).message });
    }
  };
  const undelivered = listed.data?.undelivered ?? [];
  const team = useApi(() => api.members(token, panel.id), [token, panel.id]);
  // Without the members, the owner filter offers only "Anyone".
  const members = team.data?.members ?? [];
  const shown = message ?? (listed.error ? { intent: "error" as const, text: listed.error } : null);

  const sorted = useMemo(
    () =>
      [...(actions ?? [])].sort((a, b) =>
        sort === "owner"
          ? a.ownerName.localeCompare(b.ownerName) || a.dueDate.localeCompare(b.dueDate)
          : a.dueDate.localeCompare(b.dueDate) || a.reference.localeCompare(b.reference),
      ),
    [actions, sort],
  );
  const agencies = useMemo(
    () => [...new Map((actions ?? []).map((a) => [a.ownerAgencyId, a.ownerAgency])).entries()],
    [actions],
  );

  const exportCsv = async () => {
    try {
      await openDownload(await api.actionsCsv(token, panel.id, query));
    } catch (e) {
      setMessage({ intent: "error", text: (e as Error).message });
    }
  };

  const complete = async (action: PanelAction) => {
    try {
      await api.completeAction(token, panel.id, action, "");
      setMessage({ intent: "success", text: `${action.reference} is marked done.` });
      await listed.reload();
    } catch (e) {
      setMessage({ intent: "error", text: (e as Error).message });
      await listed.reload();
    }
  };

  return (
    <section className={styles.section} aria-labelledby={`actions-${meetingId ?? "panel"}`}>
      <Subtitle2 as="h2" id={`actions-${meetingId ?? "panel"}`}>
        {meetingId ? "This meeting's actions" : "Action log"}
      </Subtitle2>
      <div className={styles.filters}>
        <Field label="Status">
          <Select value={status} onChange={(_e, d) => setStatus(d.value as typeof status)}>
            <option value="">All</option>
            <option value="open">Open</option>
            <option value="done">Done</option>
            <option value="not-possible">Not possible</option>
          </Select>
        </Field>
        <ChoiceField
          label="Owner"
          value={owner}
          onChange={setOwner}
          options={members.map((m) => ({ value: m.id, label: m.displayName }))}
          empty="Anyone"
        />
        <ChoiceField
          label="Agency"
          value={agency}
          onChange={setAgency}
          options={agencies.map(([value, label]) => ({ value, label }))}
          empty="Any agency"
        />
        <Checkbox
          label="Overdue only"
          checked={overdueOnly}
          onChange={(_e, d) => setOverdueOnly(Boolean(d.checked))}
        />
        <Field label="Sort by">
          <Select value={sort} onChange={(_e, d) => setSort(d.value as Sort)}>
            <option value="due">Due date</option>
            <option value="owner">Owner</option>
          </Select>
        </Field>
        <Button onClick={() => void exportCsv()}>Export as CSV</Button>
      </div>
      {shown && (
        <MessageBar intent={shown.intent} role={shown.intent === "error" ? "alert" : "status"}>
          <MessageBarBody>{shown.text}</MessageBarBody>
        </MessageBar>
      )}
      {undelivered.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Reminders Teams could not deliver</MessageBarTitle>
            Chase these owners another way, or ask them to add MACE panels in Teams.
            <ul aria-label="Reminders not delivered">
              {undelivered.slice(0, 10).map((u) => (
                <li key={u.id}>
                  {u.reference ? `${u.reference}, ` : "Escalation, "}
                  {u.recipientName}: {u.reason}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <ResponsiveTable
        className={styles.table}
        aria-label={meetingId ? "This meeting's actions" : `${panel.name} action log`}
      >
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Reference</TableHeaderCell>
            <TableHeaderCell>Action</TableHeaderCell>
            <TableHeaderCell>Case</TableHeaderCell>
            <TableHeaderCell>Owner</TableHeaderCell>
            <TableHeaderCell>Due</TableHeaderCell>
            <TableHeaderCell>Status</TableHeaderCell>
            <TableHeaderCell className={styles.noPrint}>Change</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {sorted.map((a) => (
            <TableRow key={a.id} data-action={a.reference} data-link-target={`action:${a.id}`}>
              <TableCell>{a.reference}</TableCell>
              <TableCell>
                <b>{a.title}</b>
                <div>{a.text}</div>
                <ActionHistory action={a} />
              </TableCell>
              <TableCell>
                {a.caseReference ? (
                  <SubjectReference areaId={a.areaId} subjectId={a.subjectId} reference={a.caseReference} />
                ) : (
                  "—"
                )}
              </TableCell>
              <TableCell>
                {a.outsideOwner ? a.owner : a.ownerName}
                {!a.outsideOwner && <div>{a.ownerAgency}</div>}
              </TableCell>
              <TableCell>{dayShown(a.dueDate)}</TableCell>
              <TableCell>
                <Badge
                  appearance="tint"
                  color={
                    a.status === "done"
                      ? "success"
                      : a.status === "not-possible"
                        ? "subtle"
                        : a.overdue
                          ? "danger"
                          : "informative"
                  }
                >
                  {a.status === "done"
                    ? `Done by ${a.completed?.byName ?? ""}`
                    : a.status === "not-possible"
                      ? "Not possible"
                      : a.overdue
                        ? "Overdue"
                        : "Open"}
                </Badge>
              </TableCell>
              <TableCell className={styles.noPrint}>
                {a.status === "open" && (canCompleteAny || a.ownerId === meId) && (
                  <Button
                    size="small"
                    onClick={() => void complete(a)}
                    aria-label={`Mark done, ${a.reference}`}
                  >
                    Mark done
                  </Button>
                )}
                {a.status === "open" && (canCompleteAny || a.ownerId === meId) && (
                  <ChangeAction
                    token={token}
                    panelId={panel.id}
                    action={a}
                    members={members}
                    mayReassign={canCompleteAny}
                    onChanged={async (text) => {
                      setMessage({ intent: "success", text });
                      await listed.reload();
                    }}
                  />
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </ResponsiveTable>
      {actions && actions.length === 0 && <p>No actions match.</p>}
      {next && (
        <Button appearance="secondary" onClick={() => void showOlder(next)}>
          Show older done actions
        </Button>
      )}
      {canRecord && meetingId && (
        <RecordAction
          token={token}
          panel={panel}
          meetingId={meetingId}
          members={members}
          cases={cases}
          onRecorded={async (reference) => {
            setMessage({ intent: "success", text: `${reference} is recorded.` });
            await listed.reload();
          }}
          onProblem={(text) => setMessage({ intent: "error", text })}
        />
      )}
    </section>
  );
}
