import { randomUUID } from "node:crypto";
import type { ReferralKind } from "../../domain/catalogue/panel.js";
import { Subject } from "../../domain/cohort/case.js";
import { postcodeOf } from "../../domain/cohort/subject-search.js";
import type { Actor } from "../../domain/people/actor.js";
import { matchKeys } from "../../domain/referrals/duplicates.js";
import { Refusal } from "../../domain/refusal.js";
import { accessArea, refuseUnlessCoordinator } from "../access/subject-access.js";
import { auditEntry } from "../audit/audit-trail.js";
import { ConcurrencyConflict } from "../ports/versioned.js";
import { referenceYear } from "../referrals/issue-referral.js";
import type { LinkPorts } from "./link-ports.js";
import { auditPanel, summaryOf, type SubjectSummary } from "./link-views.js";

// A person, place or group the panel names (a group's members, a person of concern, a place a
// child frequents) recorded as a subject of the area with no referral, so it can be linked and
// found. Its match keys are written as a referral's are, so a later referral of the same person
// or place is flagged as a likely duplicate.

export interface NewSubject {
  kind: ReferralKind;
  label: string;
  postcode: string | null;
  /** A person's date of birth, which their match key is made of. */
  dateOfBirth: string | null;
}

const ATTEMPTS = 5;
const isPerson = (kind: ReferralKind) => kind === "individual" || kind === "person-of-concern";
const invalid = (field: string, message: string, text: string) =>
  new Refusal("invalid", text, { code: "invalid-subject", fields: [{ field, message }] });

export async function recordSubject(
  ports: Pick<LinkPorts, "catalogue" | "casework" | "directory" | "now">,
  actor: Actor,
  areaId: unknown,
  input: NewSubject,
  via: string,
): Promise<SubjectSummary> {
  const access = await accessArea(ports, actor.id, areaId);
  refuseUnlessCoordinator(access);
  const area = ports.catalogue.areas.find((a) => a.id === access.areaId);
  const postcode = input.postcode ? postcodeOf(input.postcode) : undefined;
  if (input.postcode && !postcode)
    throw invalid("postcode", "enter a full UK postcode", "Enter a full UK postcode, for example SW19 1AA.");
  if (input.dateOfBirth && !isPerson(input.kind))
    throw invalid("dateOfBirth", "only a person has one", "Only a person has a date of birth.");

  // A place's first line is its name as the coordinator wrote it, as a referral's address is read.
  const keys = matchKeys(input.kind, {
    subjectName: input.label,
    ...(input.dateOfBirth && { dateOfBirth: input.dateOfBirth }),
    ...(postcode && { postcode }),
    ...(input.kind === "location-of-concern" && { address: input.label }),
  });
  const { casework } = ports;
  const year = referenceYear(ports.now());
  const id = randomUUID();
  for (let attempt = 1; ; attempt++) {
    // The subject counter and the subjects (or waiting referrals) already known by these keys.
    const [counter, known] = await Promise.all([
      casework.counter("subject", access.areaId, year),
      keys.length
        ? casework.matches(
            access.areaId,
            keys.map((k) => k.hash),
          )
        : [],
    ]);
    const matches = [...new Set(known.map((m) => m.reference))];
    if (matches.length)
      throw new Refusal(
        "conflict",
        `${matches.join(", ")} looks like the same ${isPerson(input.kind) ? "person" : "place"}: search for it and link to it instead of recording it again.`,
        { code: "likely-duplicate" },
      );
    const issued = (counter?.value.issued ?? 0) + 1;
    const subject = Subject.parse({
      id,
      areaId: access.areaId,
      kind: input.kind,
      reference: `${area?.referencePrefix ?? "XXX"}-S-${year}-${String(issued).padStart(4, "0")}`,
      label: input.label,
      referralIds: [],
      ...(postcode && { postcode }),
      createdAt: ports.now().toISOString(),
      ...(keys.length && { matchKeys: keys.map((k) => ({ on: k.on, hash: k.hash })) }),
    });
    const unit = casework.unit(access.areaId, actor.name);
    unit.setCounter("subject", { areaId: access.areaId, year, issued }, counter?.etag);
    unit.createSubject(subject);
    for (const key of keys)
      unit.addMatch({
        areaId: access.areaId,
        hash: key.hash,
        on: key.on,
        subjectId: id,
        reference: subject.reference,
      });
    unit.audit(
      auditEntry(ports.now(), {
        areaId: access.areaId,
        panelId: auditPanel(access),
        actorId: actor.id,
        action: "subject.created",
        subjectId: id,
        reference: subject.reference,
        via,
      }),
    );
    try {
      await unit.commit();
      return summaryOf(subject);
    } catch (e) {
      // Another subject took the number: the next one is tried.
      if (!(e instanceof ConcurrencyConflict)) throw e;
      if (attempt >= ATTEMPTS)
        throw new Refusal("conflict", "Several subjects were recorded at once. Try again in a moment.", {
          code: "busy",
        });
    }
  }
}
