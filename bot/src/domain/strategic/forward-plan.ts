import { z } from "zod";

// The strategic MACE's forward plan (001's strategic agenda, item 8 and its table): for each
// coming meeting, the thematic discussions and reports agreed for it, with who leads each. The
// coordinator keeps it; members see it, and each meeting's agenda shows what is planned for it.

export const PlannedTopic = z.strictObject({
  id: z.uuid(),
  title: z.string().trim().min(3).max(200),
  lead: z.string().trim().max(120),
  /** Whether a report is asked for the meeting (001: "Report requested?"). */
  reportRequested: z.boolean(),
});
export type PlannedTopic = z.infer<typeof PlannedTopic>;

export const MeetingPlan = z.strictObject({
  areaId: z.string().max(80),
  panelId: z.string().max(80),
  meetingId: z.iso.date(),
  topics: z.array(PlannedTopic).max(12),
});
export type MeetingPlan = z.infer<typeof MeetingPlan>;
