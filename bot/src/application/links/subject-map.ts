import type { Area, ReferralKind } from "../../domain/catalogue/panel.js";
import type { Subject } from "../../domain/cohort/case.js";
import {
  inForceDuring,
  LINK_KINDS,
  LINK_RULES,
  otherEnd,
  type Link,
  type LinkKind,
} from "../../domain/links/link.js";
import type { Actor } from "../../domain/people/actor.js";
import { Refusal } from "../../domain/refusal.js";
import { localDay } from "../../domain/schedule/dates.js";
import {
  AreaIdInput,
  SubjectIdInput,
  accessArea,
  maySeeSubject,
  refuseUnlessMaySee,
} from "../access/subject-access.js";
import { auditEntry } from "../audit/audit-trail.js";
import type { StoredCase } from "../ports/casework.js";
import type { LinkPorts } from "./link-ports.js";
import { auditPanel, LINK_KIND_CHOICES, type LinkKindChoice } from "./link-views.js";

// The map around a subject: the subjects linked to it, and theirs, to a chosen depth. Each depth
// is one wave of reads sent together (each subject's links, cases and record), so a map costs as
// many round trips one after another as it has levels, however many subjects it holds. Names are
// shown only to those who may see each subject's record; every view is audited with what it showed.

export const MAX_NODES = 150;
const MAX_SHARED = 100;

export interface MapQuery {
  depth: number;
  /** The kinds of link followed and shown; all when empty. */
  kinds: LinkKind[];
  /** The links in force at some time in this period (ISO dates): to today, and on the last day when no start is given. */
  from?: string | undefined;
  to?: string | undefined;
}

export interface MapNode {
  id: string;
  reference: string;
  kind: ReferralKind;
  /** How many links away from the centre. */
  depth: number;
  /** Null where the viewer may see only the reference and kind (a presenter, of others' cases). */
  label: string | null;
  withheld: boolean;
  /** Its case across the area's panels: open if open on any; the highest risk of those considered. */
  case: {
    status: "open" | "closed";
    riskLevel: string | null;
    riskLabel: string | null;
    /** The risk's place in the area's scale, lowest 0. */
    riskRank: number | null;
    panels: string[];
  } | null;
}

export interface MapEdge {
  id: string;
  kind: LinkKind;
  from: string;
  to: string;
  label: string;
  inverse: string;
  /** The note and who drew it, where the viewer may see both ends. */
  note: string | null;
  addedByName: string | null;
  addedAt: string;
  endedAt: string | null;
}

/** Two children who share a place or a group without being linked to each other. */
export interface SharedPlace {
  child: string;
  place: string;
  with: string;
}

export interface SubjectMap {
  centre: string;
  depth: number;
  kinds: LinkKind[];
  from: string;
  to: string;
  nodes: MapNode[];
  edges: MapEdge[];
  shared: SharedPlace[];
  /** Whether subjects were left out to keep the map within `maxNodes`. */
  cut: boolean;
  maxNodes: number;
  riskLevels: { id: string; label: string }[];
  linkKinds: LinkKindChoice[];
}

interface Read {
  subject: Subject;
  cases: StoredCase[];
  links: Link[];
}

export async function subjectMap(
  ports: Pick<LinkPorts, "catalogue" | "casework" | "directory" | "now">,
  actor: Actor,
  areaId: unknown,
  subjectId: string,
  query: MapQuery,
  via: string,
): Promise<SubjectMap> {
  const area = ports.catalogue.areas.find((a) => a.id === AreaIdInput.safeParse(areaId).data);
  const known = SubjectIdInput.safeParse(subjectId).success;
  if (query.depth < 1 || query.depth > 3)
    throw new Refusal("invalid", "Choose a depth of 1, 2 or 3 links.", { code: "invalid-depth" });
  const today = localDay(ports.now());
  const to = query.to ?? today;
  const from = query.from ?? to;
  if (from > to)
    throw new Refusal("invalid", "The period's start is after its end.", {
      code: "invalid-period",
      fields: [{ field: "from", message: "before the end" }],
    });
  const kinds = query.kinds.length ? [...new Set(query.kinds)] : [...LINK_KINDS];
  const kept = (l: Link) => kinds.includes(l.kind) && inForceDuring(l, from, to);

  // Whether the person may see the area is asked while the centre is read: nothing read is shown
  // until it is answered.
  const readLevel = async (ids: string[]): Promise<Read[]> => {
    if (!area || !known) return [];
    const { casework } = ports;
    const [subjects, cases, links] = await Promise.all([
      casework.subjects(area.id, ids),
      Promise.all(ids.map((id) => casework.subjectCases(area.id, id))),
      Promise.all(ids.map((id) => casework.subjectLinks(area.id, id))),
    ]);
    return ids.flatMap((id, i) => {
      const subject = subjects.get(id);
      return subject ? [{ subject, cases: cases[i] ?? [], links: (links[i] ?? []).filter(kept) }] : [];
    });
  };
  const [access, [centre]] = await Promise.all([accessArea(ports, actor.id, areaId), readLevel([subjectId])]);
  if (!centre || !area)
    throw new Refusal("not-found", "There is no such subject in this area. Check the reference.", {
      code: "unknown-subject",
    });
  refuseUnlessMaySee(access, centre.cases);

  // A presenter sees the record of their own case only: its direct links, not the network beyond.
  const depthShown = access.presenterOnly ? 1 : query.depth;
  const read = new Map([[subjectId, { ...centre, depth: 0 }]]);
  let frontier = [centre];
  let cut = false;
  for (let depth = 1; depth <= depthShown && frontier.length; depth++) {
    const next = [...new Set(frontier.flatMap((r) => r.links.map((l) => otherEnd(l, r.subject.id))))].filter(
      (id) => !read.has(id),
    );
    const room = MAX_NODES - read.size;
    if (next.length > room) cut = true;
    const level = await readLevel(next.slice(0, room));
    for (const r of level) read.set(r.subject.id, { ...r, depth });
    frontier = level;
  }

  const visible = new Map([...read].map(([id, r]) => [id, maySeeSubject(access, r.cases)]));
  const nodes = [...read.values()].map((r) => nodeOf(r, visible.get(r.subject.id) ?? false, area, ports));
  const edges = new Map<string, MapEdge>();
  for (const r of read.values())
    for (const l of r.links)
      if (read.has(l.from) && read.has(l.to))
        edges.set(l.id, edgeOf(l, !!visible.get(l.from) && !!visible.get(l.to)));
  const edgeList = [...edges.values()].sort(
    (a, b) => a.addedAt.localeCompare(b.addedAt) || a.id.localeCompare(b.id),
  );
  const view: SubjectMap = {
    centre: subjectId,
    depth: depthShown,
    kinds,
    from,
    to,
    nodes,
    edges: edgeList,
    shared: access.presenterOnly ? [] : sharedPlaces(nodes, edgeList, subjectId),
    cut,
    maxNodes: MAX_NODES,
    riskLevels: area.riskScale.levels.map((l) => ({ id: l.id, label: l.label })),
    linkKinds: LINK_KIND_CHOICES,
  };
  await ports.casework.appendAudit(area.id, [
    auditEntry(ports.now(), {
      areaId: area.id,
      panelId: auditPanel(
        access,
        centre.cases.map((c) => c.panelId),
      ),
      actorId: actor.id,
      action: "map.viewed",
      subjectId,
      reference: centre.subject.reference,
      shown: nodes.map((n) => n.reference),
      via,
    }),
  ]);
  return view;
}

function nodeOf(
  r: Read & { depth: number },
  visible: boolean,
  area: Area,
  ports: Pick<LinkPorts, "catalogue">,
): MapNode {
  const base = { id: r.subject.id, reference: r.subject.reference, kind: r.subject.kind, depth: r.depth };
  if (!visible) return { ...base, label: null, withheld: true, case: null };
  const open = r.cases.filter((c) => c.status === "open");
  const considered = open.length ? open : r.cases;
  const levels = area.riskScale.levels;
  const rankOf = (c: StoredCase) => levels.findIndex((l) => l.id === c.riskLevel);
  const highest = considered.reduce<StoredCase | undefined>(
    (top, c) => (!top || rankOf(c) > rankOf(top) ? c : top),
    undefined,
  );
  const rank = highest ? rankOf(highest) : -1;
  return {
    ...base,
    label: r.subject.label,
    withheld: false,
    case: highest
      ? {
          status: open.length ? "open" : "closed",
          riskLevel: rank >= 0 ? (levels[rank]?.id ?? null) : null,
          riskLabel: rank >= 0 ? (levels[rank]?.label ?? null) : null,
          riskRank: rank >= 0 ? rank : null,
          panels: considered.map((c) => ports.catalogue.panels.get(c.panelId)?.name ?? c.panelId),
        }
      : null,
  };
}

const edgeOf = (l: Link, bothVisible: boolean): MapEdge => ({
  id: l.id,
  kind: l.kind,
  from: l.from,
  to: l.to,
  label: LINK_RULES[l.kind].label,
  inverse: LINK_RULES[l.kind].inverse,
  note: bothVisible ? l.note : null,
  addedByName: bothVisible ? l.added.byName : null,
  addedAt: l.added.at,
  endedAt: l.ended?.at ?? null,
});

/** Children linked to the same place or group but not to each other, the centre's first. */
export function sharedPlaces(nodes: MapNode[], edges: MapEdge[], centre: string): SharedPlace[] {
  const kindOf = new Map(nodes.map((n) => [n.id, n.kind]));
  const direct = new Set(edges.flatMap((e) => [`${e.from}|${e.to}`, `${e.to}|${e.from}`]));
  const shared: SharedPlace[] = [];
  for (const place of nodes.filter((n) => n.kind === "location-of-concern" || n.kind === "group")) {
    const children = [
      ...new Set(
        edges
          .filter((e) => e.from === place.id || e.to === place.id)
          .map((e) => otherEnd(e, place.id))
          .filter((id) => kindOf.get(id) === "individual"),
      ),
    ].sort((a, b) => (a === centre ? -1 : b === centre ? 1 : 0));
    children.forEach((child, i) =>
      children
        .slice(i + 1)
        .filter((other) => !direct.has(`${child}|${other}`))
        .forEach((other) => shared.push({ child, place: place.id, with: other })),
    );
  }
  return shared.sort((a, b) => Number(b.child === centre) - Number(a.child === centre)).slice(0, MAX_SHARED);
}
