import { withPorts } from "../with-ports.js";
import { addLink } from "./add-link.js";
import { endLink } from "./end-link.js";
import { findSubjects } from "./find-subjects.js";
import type { LinkPorts } from "./link-ports.js";
import { recordSubject } from "./record-subject.js";
import { subjectMap } from "./subject-map.js";

// Links between an area's subjects and the map they make: finding a subject, recording a new
// person, place or group, drawing and ending links, and the map around a subject.

export const linkDesk = (ports: LinkPorts) => ({
  find: withPorts(ports, findSubjects),
  record: withPorts(ports, recordSubject),
  add: withPorts(ports, addLink),
  end: withPorts(ports, endLink),
  map: withPorts(ports, subjectMap),
});
export type LinkDesk = ReturnType<typeof linkDesk>;

export type { NewLink } from "./add-link.js";
export type { NewSubject } from "./record-subject.js";
export type { LinkKindChoice, LinkView, SubjectSummary } from "./link-views.js";
export type { MapEdge, MapNode, MapQuery, SharedPlace, SubjectMap } from "./subject-map.js";
