import { z } from "zod";
import { mayGrant } from "../../domain/people/grants.js";
import { PanelRole, type Person } from "../../domain/people/membership.js";
import type { PeopleFinder } from "../ports/people-finder.js";
import { savePersonDetails, type PersonDetails } from "./change-person.js";
import { setPanelRole } from "./panel-roles.js";
import { panelsOfArea, requireAreaManager } from "./people-access.js";
import { PEOPLE_CSV_COLUMNS, readPeopleCsv, runsAsFormula, type PeopleCsvRow } from "./people-csv.js";
import type { Caller, PeoplePorts } from "./people-ports.js";

// Importing an area's people from a CSV file: every row previewed with what it will change and
// its problems in plain words, nothing written until the administrator confirms, then each good
// row applied through the same commands as the People page. Importing the same file again
// changes nothing.

export interface ImportRowPreview {
  line: number;
  email: string;
  displayName: string;
  outcome: "add" | "change" | "unchanged" | "problem";
  changes: string[];
  problems: string[];
}

export interface ImportPreview {
  area: { id: string; name: string };
  rows: ImportRowPreview[];
  counts: Record<ImportRowPreview["outcome"], number>;
}

interface RowPlan {
  preview: ImportRowPreview;
  details?: PersonDetails & { id: string };
  role?: { panelId: string; role: PanelRole; deputyForEmail: string };
  writePerson: boolean;
  writeRole: boolean;
}

const Email = z.email();
const ObjectId = z.uuid();
const yes = (v: string) => /^(yes|y|true|1)$/i.test(v);
const yesOrNo = (v: string) => v === "" || /^(yes|y|true|1|no|n|false|0)$/i.test(v);

async function planImport(
  ports: PeoplePorts,
  caller: Caller,
  areaId: unknown,
  text: string,
  finder: PeopleFinder | undefined,
) {
  const { area, authority } = await requireAreaManager(ports, caller, areaId);
  const rows = readPeopleCsv(text);
  const panels = panelsOfArea(ports, area.id);
  const agencies = [...ports.catalogue.agencies.values()].filter((a) => a.areaId === area.id);
  const [known, ...members] = await Promise.all([
    ports.directory.peopleIn(area.id),
    ...panels.map((p) => ports.directory.membersOf(p.id)),
  ]);
  const byId = new Map(known.map((p) => [p.id, p]));
  const roles = new Map(members.flat().map((m) => [`${m.panelId}|${m.personId}`, m]));
  const firstRowOf = new Map<string, { line: number; details: string }>();
  const seen = new Map<string, number>();

  const plans: RowPlan[] = [];
  for (const row of rows) plans.push(await planRow(row));
  return {
    area,
    plans,
    emailToId: new Map(
      plans.flatMap((p) => (p.details ? [[p.details.email.toLowerCase(), p.details.id]] : [])),
    ),
    byId,
  };

  async function planRow(row: PeopleCsvRow): Promise<RowPlan> {
    const problems: string[] = [];
    const changes: string[] = [];
    for (const column of PEOPLE_CSV_COLUMNS)
      if (runsAsFormula(row[column]))
        problems.push(
          `${column} starts with =, +, - or @, which a spreadsheet would run as a formula: remove that first character`,
        );
    const email = row.email.trim();
    if (!Email.safeParse(email).success) problems.push("email is not an email address");
    const displayName = row.displayName.trim();
    if (!displayName) problems.push("displayName is empty");
    if (displayName.length > 256)
      problems.push("displayName is longer than the 256 characters Microsoft Entra ID allows");
    if (row.jobTitle.length > 120) problems.push("jobTitle is longer than 120 characters");
    const agency = agencies.find(
      (a) => a.id === row.agency || a.name.toLowerCase() === row.agency.toLowerCase(),
    );
    if (!agency) problems.push(`agency "${row.agency}" is not one of ${area.name}'s agencies`);
    if (!yesOrNo(row.approvesReferrals)) problems.push('approvesReferrals should be "yes" or "no"');

    let id = row.objectId.trim();
    if (id && !ObjectId.safeParse(id).success) problems.push("objectId is not an Entra object id");
    else if (finder && email && !problems.length) {
      const found = await finder.find(id || email);
      if (!found)
        problems.push(
          `${email} is not in the organisation's directory: invite them first (partner agencies' staff as guests)`,
        );
      else id = found.id;
    } else if (!id && !problems.length)
      problems.push(
        "objectId is empty, and the directory cannot be searched here: give the person's Entra object id",
      );

    const panel = row.panel
      ? panels.find(
          (p) =>
            p.id === row.panel ||
            p.id.endsWith(`-${row.panel}`) ||
            p.name.toLowerCase() === row.panel.toLowerCase(),
        )
      : undefined;
    if (row.panel && !panel) problems.push(`panel "${row.panel}" is not one of ${area.name}'s panels`);
    const role = PanelRole.safeParse(row.role.toLowerCase());
    if (row.role && !role.success)
      problems.push(
        `role "${row.role}" is not known: use coordinator, chair, member, deputy, presenter or analyst`,
      );
    if (row.panel && !row.role) problems.push("role is empty: say what they do on the panel");
    if (row.role && !row.panel) problems.push("panel is empty: say which panel the role is on");
    if (role.success && role.data === "deputy" && !row.deputyFor)
      problems.push("deputyFor is empty: a deputy stands in for a member of their agency");

    const key = `${id}|${panel?.id ?? ""}`;
    if (id && seen.has(key)) problems.push(`repeats line ${seen.get(key)}`);
    else if (id) seen.set(key, row.line);

    const before = byId.get(id);
    const details =
      agency && id
        ? ({
            id,
            displayName,
            email,
            agencyId: agency.id,
            jobTitle: row.jobTitle.trim(),
            approvesReferrals: row.approvesReferrals
              ? yes(row.approvesReferrals)
              : (before?.approvesReferralsIn?.includes(area.id) ?? false),
            suspended: before?.suspended ?? false,
            ...(before?.userPrincipalName ? { userPrincipalName: before.userPrincipalName } : {}),
            guest: before?.guest ?? false,
          } satisfies PersonDetails & { id: string })
        : undefined;
    let writePerson = false;
    if (details) {
      const summary = JSON.stringify([
        details.displayName,
        details.email,
        details.agencyId,
        details.jobTitle,
        details.approvesReferrals,
      ]);
      const first = firstRowOf.get(id);
      if (first && first.details !== summary)
        problems.push(`the person's details differ from line ${first.line}`);
      if (!first) {
        firstRowOf.set(id, { line: row.line, details: summary });
        changes.push(...personChanges(before, details, area.id));
        writePerson = changes.length > 0;
        const panelIds = panels.map((p) => p.id);
        if (writePerson && !mayGrant(authority, { kind: "details", areaId: area.id, panelIds }))
          problems.push(`you cannot add or change people in ${area.name}`);
        const approverChanged =
          (before?.approvesReferralsIn?.includes(area.id) ?? false) !== details.approvesReferrals;
        if (approverChanged && !mayGrant(authority, { kind: "approver", areaId: area.id }))
          problems.push(`only ${area.name}'s administrators can name who approves referrals`);
      }
    }
    let writeRole = false;
    if (panel && role.success && id) {
      const current = roles.get(`${panel.id}|${id}`);
      if (current?.role !== role.data || (role.data === "deputy" && !!row.deputyFor)) {
        writeRole = current?.role !== role.data;
        if (writeRole)
          changes.push(
            current ? `${panel.name}: ${current.role} → ${role.data}` : `${panel.name}: ${role.data}`,
          );
      }
      if (
        writeRole &&
        !mayGrant(authority, { kind: "panel-role", areaId: area.id, panelId: panel.id, role: role.data })
      )
        problems.push(`you cannot give roles on ${panel.name}`);
    }
    const outcome = problems.length ? "problem" : !changes.length ? "unchanged" : before ? "change" : "add";
    return {
      preview: {
        line: row.line,
        email,
        displayName,
        outcome,
        changes: problems.length ? [] : changes,
        problems,
      },
      ...(details ? { details } : {}),
      ...(panel && role.success
        ? { role: { panelId: panel.id, role: role.data, deputyForEmail: row.deputyFor.trim().toLowerCase() } }
        : {}),
      writePerson,
      writeRole,
    };
  }
}

function personChanges(
  before: Person | undefined,
  after: PersonDetails & { id: string },
  areaId: string,
): string[] {
  if (!before) return ["added to the directory"];
  const changed: string[] = [];
  if (before.displayName !== after.displayName) changed.push(`name: ${after.displayName}`);
  if (before.email !== after.email) changed.push(`email: ${after.email}`);
  if (before.agencyId !== after.agencyId) changed.push("agency");
  if (before.jobTitle !== after.jobTitle) changed.push(`job title: ${after.jobTitle}`);
  if ((before.approvesReferralsIn?.includes(areaId) ?? false) !== after.approvesReferrals)
    changed.push(after.approvesReferrals ? "approves referrals" : "no longer approves referrals");
  return changed;
}

const countsOf = (rows: ImportRowPreview[]) => ({
  add: rows.filter((r) => r.outcome === "add").length,
  change: rows.filter((r) => r.outcome === "change").length,
  unchanged: rows.filter((r) => r.outcome === "unchanged").length,
  problem: rows.filter((r) => r.outcome === "problem").length,
});

/** What importing the file would do, row by row; nothing is written. */
export async function previewImport(
  ports: PeoplePorts,
  caller: Caller,
  areaId: unknown,
  text: string,
  finder: PeopleFinder | undefined,
): Promise<ImportPreview> {
  const { area, plans } = await planImport(ports, caller, areaId, text, finder);
  const rows = plans.map((p) => p.preview);
  return { area: { id: area.id, name: area.name }, rows, counts: countsOf(rows) };
}

/** Applies the rows without problems, people first and deputies last; returns what was done. */
export async function applyImport(
  ports: PeoplePorts,
  caller: Caller,
  areaId: unknown,
  text: string,
  finder: PeopleFinder | undefined,
): Promise<ImportPreview> {
  const { area, plans, emailToId, byId } = await planImport(ports, caller, areaId, text, finder);
  const good = plans.filter((p) => p.preview.outcome !== "problem");
  for (const p of good)
    if (p.writePerson && p.details)
      await savePersonDetails(ports, caller, area.id, p.details, "people import");
  const byDeputiesLast = [...good].sort(
    (a, b) => Number(a.role?.role === "deputy") - Number(b.role?.role === "deputy"),
  );
  for (const p of byDeputiesLast) {
    if (!p.writeRole || !p.role || !p.details) continue;
    const deputyFor =
      emailToId.get(p.role.deputyForEmail) ??
      [...byId.values()].find((x) => x.email.toLowerCase() === p.role?.deputyForEmail)?.id;
    await setPanelRole(
      ports,
      caller,
      p.role.panelId,
      p.details.id,
      { role: p.role.role, deputyFor },
      "people import",
    );
  }
  const rows = plans.map((p) => p.preview);
  return { area: { id: area.id, name: area.name }, rows, counts: countsOf(rows) };
}
