import { randomUUID } from "node:crypto";
import type { Casework, StoredCase } from "../bot/src/application/ports/casework.js";
import type { Subject } from "../bot/src/domain/cohort/case.js";
import { LINK_KINDS, LINK_RULES, type Link, type LinkKind } from "../bot/src/domain/links/link.js";

// Ten years of a panel's record seen from its subjects: children, persons of concern, locations and
// groups the panel has known, their closed cases, and the links drawn between them, written
// through the casework port as the product writes them (every copy included).

export interface RecordSize {
  subjects: number;
  links: number;
}

const KINDS: Subject["kind"][] = [
  ...Array<Subject["kind"]>(12).fill("individual"),
  ...Array<Subject["kind"]>(4).fill("person-of-concern"),
  ...Array<Subject["kind"]>(3).fill("location-of-concern"),
  "group",
];
const END: Record<Subject["kind"], string> = {
  individual: "person",
  "person-of-concern": "person",
  "location-of-concern": "location",
  group: "group",
};
const start = Date.UTC(2016, 0, 4, 9);
const at = (i: number, n: number) =>
  new Date(start + Math.floor((i / n) * 10 * 365 * 86_400_000)).toISOString();

export async function writeRecord(
  casework: Casework,
  area: { areaId: string; panelId: string; prefix: string },
  size: RecordSize,
  progress: (message: string) => void,
): Promise<void> {
  const subjects: Subject[] = Array.from({ length: size.subjects }, (_, i) => {
    const kind = KINDS[i % KINDS.length] ?? "individual";
    return {
      id: randomUUID(),
      areaId: area.areaId,
      kind,
      reference: `${area.prefix}-S-${at(i, size.subjects).slice(0, 4)}-${String(i + 1).padStart(5, "0")}`,
      label: kind === "location-of-concern" ? `${i} Archive Road, SM4 5ZZ` : `Archived Subject ${i}`,
      referralIds: [],
      ...(kind === "location-of-concern" && { postcode: "SM45ZZ" }),
      createdAt: at(i, size.subjects),
    };
  });
  const closed = (s: Subject, i: number): StoredCase => ({
    areaId: area.areaId,
    panelId: area.panelId,
    subjectId: s.id,
    reference: s.reference,
    placement:
      s.kind === "individual"
        ? "victim"
        : s.kind === "group"
          ? "group"
          : s.kind === "location-of-concern"
            ? "location"
            : "person-of-concern",
    riskLevel: null,
    status: "closed",
    openedAt: at(i, size.subjects),
    nextMeetingDate: null,
    referralIds: [],
    closedAt: at(i + 1, size.subjects),
    lastDecision: { kind: "remove", on: at(i + 1, size.subjects).slice(0, 10) },
  });
  for (let i = 0; i < subjects.length; i += 5) {
    const unit = casework.unit(area.areaId, "history");
    subjects.slice(i, i + 5).forEach((s, n) => {
      unit.createSubject(s);
      unit.createCase(closed(s, i + n));
    });
    await unit.commit();
    if ((i + 5) % 1000 === 0) progress(`  ${i + 5}/${size.subjects} subjects and their closed cases stored`);
  }
  const links: Link[] = [];
  for (let i = 0; links.length < size.links; i++) {
    const kind: LinkKind = LINK_KINDS[i % LINK_KINDS.length] ?? "other";
    const rule = LINK_RULES[kind];
    const from = subjects[(i * 7919) % subjects.length];
    const to = subjects[(i * 104_729 + 13) % subjects.length];
    if (!from || !to || from.id === to.id) continue;
    const joins = (ends: readonly string[], s: Subject) => ends.includes(END[s.kind]);
    if (!joins(rule.from, from) || !joins(rule.to, to)) continue;
    const added = { by: "history", byName: "Archived coordinator", at: at(i % size.links, size.links) };
    links.push({
      id: randomUUID(),
      areaId: area.areaId,
      kind,
      from: from.id,
      to: to.id,
      note: "",
      panelId: area.panelId,
      meetingId: null,
      referralId: null,
      added,
      ended: i % 3 ? null : { ...added, reason: "Ended in the archive." },
    });
  }
  for (let i = 0; i < links.length; i += 30) {
    const unit = casework.unit(area.areaId, "history");
    links.slice(i, i + 30).forEach((l) => unit.createLink(l));
    await unit.commit();
    if ((i + 30) % 5010 === 0) progress(`  ${i + 30}/${links.length} links stored`);
  }
  progress(`  record: ${subjects.length} subjects with closed cases, ${links.length} links`);
}
