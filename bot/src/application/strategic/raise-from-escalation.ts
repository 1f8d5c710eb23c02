import type { Actor } from "../../domain/people/actor.js";
import { Refusal } from "../../domain/refusal.js";
import { knownMeeting } from "../panels/known-panels.js";
import { accessEscalation } from "../access/register-access.js";
import { SubjectIdInput } from "../access/subject-access.js";
import { issueRegisterItem, type NewRegisterItem } from "./issue-register-item.js";
import type { RegisterPorts } from "./register-ports.js";
import type { RegisterItemView } from "./register-view.js";

// An operational panel that escalates a case to the strategic MACE (the decision "escalate")
// raises the blockage or theme behind it on the area's strategic register. The entry carries the
// case's reference, the panel and the meeting, and nothing else of the case.

export async function raiseFromEscalation(
  ports: RegisterPorts,
  actor: Actor,
  panelId: unknown,
  meetingId: string,
  subjectId: unknown,
  input: NewRegisterItem,
  via: string,
): Promise<RegisterItemView> {
  const { panel, strategic } = await accessEscalation(ports, actor.id, panelId);
  knownMeeting(ports.catalogue, panel.id, meetingId);
  const id = SubjectIdInput.safeParse(subjectId);
  const [atMeeting, byChairs] = id.success
    ? await Promise.all([
        ports.casework.decision(panel.areaId, panel.id, meetingId, id.data),
        ports.casework.decision(panel.areaId, panel.id, meetingId, id.data, "chairs-decision"),
      ])
    : [undefined, undefined];
  const escalation = [atMeeting, byChairs].find((d) => d?.value.kind === "escalate");
  if (!escalation)
    throw new Refusal(
      "not-found",
      "No escalation to the strategic MACE is recorded for this case at this meeting. Record the decision first.",
      { code: "no-escalation" },
    );
  return issueRegisterItem(
    ports,
    actor,
    strategic,
    input,
    { kind: "escalation", panelId: panel.id, meetingId, caseReference: escalation.value.reference },
    via,
    escalation.value.subjectId,
  );
}
