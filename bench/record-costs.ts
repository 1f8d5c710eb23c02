import { randomUUID } from "node:crypto";
import { caseworkTables } from "../bot/src/adapters/tables/casework-tables.js";
import { actionLog } from "../bot/src/application/actions/action-log.js";
import { cohortDesk } from "../bot/src/application/cohort/cohort-desk.js";
import { historyDesk } from "../bot/src/application/history/history-desk.js";
import { linkDesk } from "../bot/src/application/links/link-desk.js";
import { referralDesk } from "../bot/src/application/referrals/referral-desk.js";
import { benchValues, median } from "./bench-support.js";
import { measured } from "./history-costs.js";
import { FRESH, OLD, sideBySide } from "./history-area.js";
import { writeRecord } from "./record-area.js";

// The panel's record does not grow the cost of reading it: the cohort's first page, a subject's
// history and a map of depth 2 around it, on Merton (fresh) and on Kingsmead (5,000 subjects the
// panel has known and 20,000 links between them), alternately in one store. The subject read is
// the same in both: a child accepted from a referral, linked to a person of concern and a place,
// with an action, so only the area's record around it differs. The goal is the round trips (the
// same in both); the time ratio is reported beside them, and on Azurite it grows with the
// partition even for point reads (see the README), where Table Storage indexes its keys.

const RUNS = Number(process.env["BENCH_HISTORY_RUNS"] ?? 30);

export async function recordCosts(connection: string, scans: string[]): Promise<void> {
  const { plain, trips, counted, ports, actor } = await sideBySide(connection);

  console.log(
    "\nThe panel's record (Kingsmead, configured as Merton): storing ten years of subjects and links…",
  );
  await writeRecord(
    caseworkTables(plain),
    { ...OLD, prefix: "KMD" },
    { subjects: 5000, links: 20_000 },
    (m) => console.log(m),
  );

  // The same live record in both areas: the child the operations read, and its neighbours.
  const live = async (area: typeof FRESH): Promise<string> => {
    const desk = { referrals: referralDesk(ports(plain)), links: linkDesk(ports(plain)) };
    const priya = actor(area.areaId, "Priya Okafor");
    const made = await desk.referrals.submit(
      actor(area.areaId, "Grace Mensah"),
      area.panelId,
      "individual",
      randomUUID(),
      benchValues(7000),
    );
    if (!made.ok) throw new Error("bench referral refused");
    const read = await desk.referrals.view(priya, area.panelId, made.referral.id, "bench");
    await desk.referrals.triage(
      priya,
      area.panelId,
      made.referral.id,
      { decision: "accept", note: "", linkToSubjectId: null },
      read.etag,
      "bench",
    );
    const accepted = await desk.referrals.view(priya, area.panelId, made.referral.id, "bench");
    const child = accepted.value.subjectId;
    if (!child) throw new Error("the bench referral brought no subject");
    const person = await desk.links.record(
      priya,
      area.areaId,
      { kind: "person-of-concern", label: "Bench Person", postcode: null, dateOfBirth: null },
      "bench",
    );
    const place = await desk.links.record(
      priya,
      area.areaId,
      { kind: "location-of-concern", label: "1 Bench Arcade", postcode: "SM4 6ZZ", dateOfBirth: null },
      "bench",
    );
    for (const [to, kind] of [
      [person.id, "exploited-by"],
      [place.id, "frequents"],
    ] as const)
      await desk.links.add(
        priya,
        area.areaId,
        {
          kind,
          from: child,
          to,
          note: "",
          panelId: area.panelId,
          meetingId: null,
          referralId: made.referral.id,
        },
        "bench",
      );
    await actionLog(ports(plain)).create(
      priya,
      area.panelId,
      made.referral.meetingDate ?? new Date().toISOString().slice(0, 10),
      {
        subjectId: child,
        title: "Bench action",
        text: "Benchmark.",
        ownerId: actor(area.areaId, "Hannah Reyes").id,
        dueDate: null,
      },
      "bench",
    );
    return child;
  };
  const children: Record<string, string> = {};
  for (const area of [FRESH, OLD]) children[area.areaId] = await live(area);
  // Merton's closed list holds one case, so both areas' first closed page is shown and audited.
  await writeRecord(
    caseworkTables(plain),
    { ...FRESH, prefix: "MER" },
    { subjects: 1, links: 0 },
    () => undefined,
  );

  const cohort = cohortDesk(ports(counted));
  const history = historyDesk(ports(counted));
  const links = linkDesk(ports(counted));
  const priyaOf = (area: typeof FRESH) => actor(area.areaId, "Priya Okafor");
  const operations: [string, (area: typeof FRESH) => Promise<unknown>, boolean][] = [
    [
      "cohort, first page of open cases",
      (a) => cohort.view(priyaOf(a), a.panelId, { list: "open" }, "bench"),
      true,
    ],
    // The closed list is the panel's history itself: a full page in Kingsmead, an empty one in Merton.
    [
      "cohort, first page of closed cases",
      (a) => cohort.view(priyaOf(a), a.panelId, { list: "closed" }, "bench"),
      false,
    ],
    ["case history", (a) => history.view(priyaOf(a), a.areaId, children[a.areaId], "bench"), true],
    [
      "map of depth 2",
      (a) => links.map(priyaOf(a), a.areaId, children[a.areaId] ?? "", { depth: 2, kinds: [] }, "bench"),
      true,
    ],
  ];
  console.log(`\nFresh area against ten years of subjects and links (medians of ${RUNS}, alternating)`);
  for (const [name, run, sameData] of operations) {
    const cost = { fresh: [] as number[], old: [] as number[] };
    const shape = { fresh: "", old: "" };
    for (let i = 0; i < RUNS; i++)
      for (const [which, area] of [
        ["fresh", FRESH],
        ["old", OLD],
      ] as const) {
        const m = await measured(trips, () => run(area), scans, name);
        cost[which].push(m.ms);
        shape[which] = `${m.requests} requests, ${m.sequential} one after another`;
      }
    const ratio = median(cost.old) / median(cost.fresh);
    const met = shape.fresh === shape.old;
    console.log(
      `  ${name}: fresh ${shape.fresh}; with history ${shape.old} (goal: the same) — ${met ? "goal met" : "goal missed"}; time ${ratio.toFixed(2)}x the fresh area's${sameData ? "" : " (the page holds the history itself)"}`,
    );
    if (!met) process.exitCode = 1;
  }
}
