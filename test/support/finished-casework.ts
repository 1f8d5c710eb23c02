import { randomUUID } from "node:crypto";
import type { Action } from "../../bot/src/domain/actions/action.js";
import type { Referral } from "../../bot/src/domain/referrals/referral.js";

// Invented referrals and actions of one area's panel, settled or done some days before now (or
// still open): the casework the archive move takes, or leaves live.

export const REFERRER = "referrer-ada";

export function finishedCasework(areaId: string, panelId: string, now = Date.now()) {
  const day = (n: number) => new Date(now - n * 86_400_000).toISOString();
  const referral = (n: number, settledDaysAgo: number | null): Referral => ({
    id: randomUUID(),
    reference: `ARC-2026-${String(n).padStart(4, "0")}`,
    areaId,
    panelId,
    kind: "individual",
    status: settledDaysAgo === null ? "new" : "declined",
    submitted: { by: REFERRER, byName: "Ada Fenwick", at: day((settledDaysAgo ?? 0) + 2 + n / 1000) },
    referrer: { agencyId: "arc-school", jobTitle: "Safeguarding lead", email: "ada@example.org" },
    meetingDate: null,
    values: {},
    managerId: null,
    approval: null,
    triage:
      settledDaysAgo === null
        ? null
        : {
            by: "coordinator",
            byName: "Priya Okafor",
            at: day(settledDaysAgo),
            decision: "declined",
            note: "",
          },
    questions: [],
    possibleDuplicates: [],
    linkedSubjectId: null,
    subjectId: null,
  });
  const action = (n: number, doneDaysAgo: number | null): Action => ({
    id: randomUUID(),
    reference: `ARC-A-2026-${String(n).padStart(4, "0")}`,
    areaId,
    panelId,
    meetingId: day((doneDaysAgo ?? 0) + 14).slice(0, 10),
    subjectId: "subject-1",
    caseReference: null,
    title: `Action ${n}`,
    text: "An invented action.",
    ownerId: "owner",
    ownerName: "Hannah Reyes",
    ownerAgencyId: "arc-health",
    dueDate: day((doneDaysAgo ?? 0) + 7).slice(0, 10),
    status: doneDaysAgo === null ? "open" : "done",
    created: { by: "coordinator", byName: "Priya Okafor", at: day((doneDaysAgo ?? 0) + 14) },
    completed:
      doneDaysAgo === null
        ? null
        : { by: "owner", byName: "Hannah Reyes", at: day(doneDaysAgo + n / 1000), note: "" },
    updates: [],
  });
  return { day, referral, action };
}
