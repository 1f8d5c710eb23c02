import { z } from "zod";
import { LinkKind } from "../../../domain/links/link.js";
import { IsoDate } from "./meetings.js";
import type { LinkView, SubjectMap, SubjectSummary } from "../../../application/links/link-desk.js";

// Links between an area's subjects: finding and recording subjects, drawing and ending links, and
// the map around a subject.

export const SubjectId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, "that is not a subject's id");
export const LinkId = z.uuid("that is not a link's id");
export const SubjectSearchQuery = z.strictObject({
  q: z.string().trim().min(2, "type a reference, a postcode or a word of a name").max(100),
});
/** A person, place or group the panel names, recorded as a subject of the area. */
export const NewSubjectBody = z.strictObject({
  kind: z.enum(["individual", "person-of-concern", "location-of-concern", "group"]),
  label: z.string().trim().min(2, "give a name, or a place's first line").max(200),
  postcode: z.string().trim().max(10).nullable().default(null),
  dateOfBirth: IsoDate.nullable().default(null),
});
export type NewSubjectRequest = z.input<typeof NewSubjectBody>;
export const NewLinkBody = z.strictObject({
  kind: LinkKind,
  from: SubjectId,
  to: SubjectId,
  note: z.string().trim().max(500).default(""),
  panelId: z.string().regex(/^[a-z0-9-]{1,80}$/, "that is not a panel's id"),
  meetingId: IsoDate.nullable().default(null),
  referralId: z.uuid("that is not a referral's id").nullable().default(null),
});
export type NewLinkRequest = z.input<typeof NewLinkBody>;
export const EndLinkBody = z.strictObject({
  reason: z.string().trim().min(3, "say why the link is ended").max(500),
});
export type EndLinkRequest = z.input<typeof EndLinkBody>;
/** `kinds` is a comma-separated list of link kinds; all are shown when it is absent. */
export const SubjectMapQuery = z.strictObject({
  depth: z.coerce.number().int().min(1, "1 to 3").max(3, "1 to 3").default(2),
  kinds: z
    .string()
    .max(300)
    .optional()
    .transform((s) => (s ? s.split(",").filter(Boolean) : []))
    .pipe(z.array(LinkKind)),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});

export type {
  LinkKindChoice,
  LinkView,
  MapEdge,
  MapNode,
  SharedPlace,
  SubjectMap,
  SubjectSummary,
} from "../../../application/links/link-desk.js";
export type { LinkKind };

export interface SubjectsResponse {
  subjects: SubjectSummary[];
}
export interface SubjectResponse {
  subject: SubjectSummary;
}
export interface LinkResponse {
  link: LinkView;
}
export type SubjectMapResponse = SubjectMap;
