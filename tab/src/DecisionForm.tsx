import {
  Body1,
  Button,
  Checkbox,
  Field,
  Input,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { DateField } from "./DateField.js";
import { useState } from "react";
import { ChairsDecisionFields, type ChairsAgreement } from "./ChairsDecisionFields.js";
import { ChoiceField } from "./ChoiceField.js";
import { EscalationOffer } from "./EscalationOffer.js";
import { LinkSubjects } from "./LinkSubjects.js";
import { agreementOf, formOf, linksOf, list, namedIn } from "./decisionValues.js";
import {
  api,
  type CaseDecision,
  type DecisionForm,
  type DecisionKind,
  type Disruption,
  type PanelMeeting,
  type PanelSummary,
  type RoomResponse,
  type TokenSource,
} from "./api.js";

// One agenda item's decision at a meeting: the decision and its effect, the VOLT links and
// disruption noted, and, while the coordinator records it, the case's links to other subjects. On
// the meeting's day it is recorded signed in to the meeting; before the next meeting, only as a
// chairs' decision outside the meeting.

const useStyles = makeStyles({
  row: { display: "flex", gap: "12px", flexWrap: "wrap", alignItems: "flex-end" },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: "8px",
    padding: "12px 0",
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

// The VOLT links a panel notes, typed as lists.
const LINK_FIELDS = [
  ["personsOfConcern", "Persons of concern (comma between each)"],
  ["locations", "Locations"],
  ["groups", "Groups"],
  ["themes", "Themes for the strategic MACE"],
] as const;

export function DecisionItem({
  token,
  panel,
  meetingId,
  item,
  current,
  editable,
  room,
  laterMeetings,
  onEditing,
  onSaved,
  onFailed,
}: {
  token: TokenSource;
  panel: PanelSummary;
  meetingId: string;
  item: { subjectId: string; reference: string; label: string | null };
  current: CaseDecision | undefined;
  editable: boolean;
  room: RoomResponse;
  laterMeetings: PanelMeeting[];
  /** Told when the form opens and when it is saved or cancelled, so it is not taken away between. */
  onEditing?: (editing: boolean) => void;
  onSaved: (text: string) => void;
  onFailed: (text: string) => void;
}) {
  const styles = useStyles();
  const [open, setOpenState] = useState(false);
  // Just escalated: the offer to raise it on the strategic register opens by itself.
  const [escalated, setEscalated] = useState(false);
  const [form, setForm] = useState<DecisionForm>(formOf(current));
  const [agreement, setAgreement] = useState<ChairsAgreement>(agreementOf(current, room));
  const [links, setLinks] = useState(linksOf(current));
  // Opened, the form starts from the decision as recorded now: it may have come after the form did.
  const setOpen = (on: boolean) => {
    if (on) {
      setForm(formOf(current));
      setAgreement(agreementOf(current, room));
      setLinks(linksOf(current));
    }
    setOpenState(on);
    onEditing?.(on);
  };
  const name = `${item.reference}${item.label ? ` ${item.label}` : ""}`;
  const kindLabel = room.decisionKinds.find((k) => k.value === current?.kind)?.label;
  const byChairs = room.deciding.how === "chairs-decision";
  const agreedBy = current?.taken?.how === "chairs-decision" ? current.taken.chairName : null;
  const needsSignIn = room.deciding.how === "at-the-meeting" && !room.signedIn;
  const opener = byChairs
    ? current
      ? "Change the chairs' decision"
      : "Record a chairs' decision"
    : current
      ? "Change the decision"
      : "Record the decision";

  const save = async () => {
    try {
      const { decision } = await api.decide(
        token,
        panel.id,
        meetingId,
        item.subjectId,
        {
          ...form,
          volt: {
            personsOfConcern: list(links.personsOfConcern),
            locations: list(links.locations),
            groups: list(links.groups),
            themes: list(links.themes),
          },
          chairsDecision: byChairs ? agreement : null,
        },
        current?.version ?? "none",
      );
      setOpen(false);
      setEscalated(decision.kind === "escalate");
      onSaved(
        `The decision on ${item.reference} is recorded.${decision.transfer ? ` Referral ${decision.transfer.reference} is made to ${decision.transfer.panelName}.` : ""}`,
      );
    } catch (e) {
      onFailed((e as Error).message);
    }
  };

  return (
    <div className={styles.item} data-subject-id={item.subjectId}>
      <Body1>
        <strong>{name}</strong>:{" "}
        {current
          ? `${kindLabel ?? current.kind}, ${agreedBy ? `a chairs' decision outside the meeting agreed by ${agreedBy}, ` : ""}recorded by ${current.recordedByName}`
          : "no decision yet"}
      </Body1>
      {editable && !open && (
        <div className={styles.row}>
          <Button
            onClick={() => setOpen(true)}
            disabled={needsSignIn}
            aria-label={`${opener} on ${item.reference}`}
            aria-describedby={needsSignIn ? `sign-in-first-${item.subjectId}` : undefined}
          >
            {opener}
          </Button>
          {needsSignIn && <Body1 id={`sign-in-first-${item.subjectId}`}>Sign in to the meeting first</Body1>}
        </div>
      )}
      {open && (
        <form
          aria-label={`Decision on ${item.reference}`}
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          {byChairs && <ChairsDecisionFields room={room} value={agreement} onChange={setAgreement} />}
          <div className={styles.row}>
            <ChoiceField
              label="Decision"
              required
              value={form.kind}
              onChange={(v) => setForm({ ...form, kind: v as DecisionKind })}
              options={room.decisionKinds}
            />
            {form.kind === "continue" && (
              <DateField
                label="Review by"
                required
                value={form.reviewDate ?? ""}
                onChange={(day) => setForm({ ...form, reviewDate: day || null })}
              />
            )}
            {form.kind === "return" && (
              <ChoiceField
                label="Return to the meeting on"
                required
                value={form.returnTo ?? ""}
                onChange={(v) => setForm({ ...form, returnTo: v || null })}
                options={laterMeetings.map((m) => ({ value: m.id, label: m.description }))}
                empty="Choose…"
              />
            )}
            {form.kind === "transfer" && (
              <ChoiceField
                label="Transfer to"
                required
                value={form.transferTo ?? ""}
                onChange={(v) => setForm({ ...form, transferTo: v || null })}
                options={room.transferPanels.map((p) => ({ value: p.id, label: p.name }))}
                empty="Choose…"
              />
            )}
            <ChoiceField
              label="Risk after discussion"
              value={form.riskLevel ?? ""}
              onChange={(v) => setForm({ ...form, riskLevel: v || null })}
              options={room.riskLevels.map((l) => ({ value: l.id, label: l.label }))}
              empty="Unchanged"
            />
          </div>
          <Field label="Rationale (needed to remove, or to remain considered without full discussion)">
            <Textarea value={form.rationale} onChange={(_e, d) => setForm({ ...form, rationale: d.value })} />
          </Field>
          <div className={styles.row}>
            {LINK_FIELDS.map(([key, label]) => (
              <Field key={key} label={label}>
                <Input value={links[key]} onChange={(_e, d) => setLinks({ ...links, [key]: d.value })} />
              </Field>
            ))}
          </div>
          <fieldset>
            <legend>Disruption agreed</legend>
            <div className={styles.row}>
              {(room.disruptions as readonly Disruption[]).map((d) => (
                <Checkbox
                  key={d}
                  label={d}
                  checked={form.disruption.includes(d)}
                  onChange={(_e, c) =>
                    setForm({
                      ...form,
                      disruption: c.checked
                        ? [...form.disruption, d]
                        : form.disruption.filter((x) => x !== d),
                    })
                  }
                />
              ))}
            </div>
            <Field label="Disruption detail">
              <Input
                value={form.disruptionDetail}
                onChange={(_e, d) => setForm({ ...form, disruptionDetail: d.value })}
              />
            </Field>
          </fieldset>
          <div className={styles.row}>
            <Button appearance="primary" type="submit">
              Save the decision
            </Button>
            <Button onClick={() => setOpen(false)}>Cancel</Button>
          </div>
        </form>
      )}
      {editable && !open && (escalated || current?.kind === "escalate") && (
        <EscalationOffer
          token={token}
          panelId={panel.id}
          meetingId={meetingId}
          item={item}
          openAtFirst={escalated}
        />
      )}
      {open && (
        <LinkSubjects
          token={token}
          areaId={panel.area.id}
          panelId={panel.id}
          subject={item}
          drawnAt={{ meetingId }}
          named={namedIn(links)}
          headingLevel="h4"
        />
      )}
    </div>
  );
}
