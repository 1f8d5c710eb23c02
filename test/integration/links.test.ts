import assert from "node:assert/strict";
import { tableFactory } from "../../bot/src/adapters/tables/storage.js";
import type {
  LinkResponse,
  ProblemResponse,
  SubjectMapResponse,
  SubjectResponse,
  SubjectsResponse,
} from "../../bot/src/adapters/http/contract/index.js";
import { auditOfArea } from "../support/audit.js";
import { azurite } from "../support/azurite.js";
import { call } from "../support/http.js";
import { demoActor, PEOPLE } from "../support/people.js";
import { referredAndAccepted } from "../support/referrals.js";
import { signInAs, startTestService, type TestService } from "../support/service.js";

// Through the tab's API, against Azurite: Priya, Merton's coordinator, links a child to a person
// of concern and a place at a meeting; the map around the child shows the three, to those allowed.

const PANEL = "merton-pre-mace";
const MEETING = "2026-12-03";

describe("Links and the map, through the API", function () {
  this.timeout(60_000);
  let service: TestService;
  const token: Record<string, string> = {};
  let robin: { id: string; reference: string };
  let sasha: { id: string; reference: string };
  let dale: SubjectResponse["subject"];
  let shop: SubjectResponse["subject"];
  let toShop: string;
  /** A child referred by `by` and accepted by Priya: `by` then presents the case. */
  const accepted = async (by: { id: string; name: string }, name: string) => {
    const { subjectId, reference } = await referredAndAccepted(service.desk, by, name);
    return { id: subjectId, reference };
  };
  const mapOf = (who: string, subjectId: string, query = "depth=2") =>
    call<SubjectMapResponse & ProblemResponse>(
      service,
      `/api/areas/merton/subjects/${subjectId}/map?${query}`,
      {
        token: token[who],
      },
    );
  const linkBody = (kind: string, to: string) => ({
    kind,
    from: robin.id,
    to,
    note: "Seen together at the parade.",
    panelId: PANEL,
    meetingId: MEETING,
  });

  before(async () => {
    service = await startTestService({}, { now: () => new Date("2026-11-24T12:00:00Z") });
    for (const [who, id] of [
      ["priya", PEOPLE.mertonCoordinator.id],
      ["grace", PEOPLE.mertonSocialWorker.id],
      ["ines", PEOPLE.mertonAdministrator.id],
      ["hannah", PEOPLE.mertonNurse.id],
      ["lambeth", PEOPLE.lambethCoordinator.id],
    ] as const)
      token[who] = await signInAs(service, id);
    robin = await accepted(demoActor("Grace Mensah"), "Robin Invented-Hale");
    // Ines refers a child too, and so presents that case and no other.
    sasha = await accepted(demoActor("Ines Dalgaard"), "Sasha Invented-Lowe");
  });
  after(async () => {
    await service?.close();
  });

  it("the coordinator records a person of concern and a place, and finds them again", async () => {
    const created = await Promise.all([
      call<SubjectResponse>(service, "/api/areas/merton/subjects", {
        token: token["priya"],
        body: { kind: "person-of-concern", label: "Dale Invented-Crane", dateOfBirth: "1994-02-03" },
      }),
      call<SubjectResponse>(service, "/api/areas/merton/subjects", {
        token: token["priya"],
        body: { kind: "location-of-concern", label: "14 Invented Parade", postcode: "SM4 5ZZ" },
      }),
    ]);
    assert.deepEqual(
      created.map((r) => r.status),
      [201, 201],
    );
    [dale, shop] = created.map((r) => r.body.subject) as [typeof dale, typeof shop];
    assert.match(dale.reference, /^MER-S-2026-\d{4}$/);
    assert.match(shop.reference, /^MER-S-2026-\d{4}$/);
    assert.notEqual(dale.reference, shop.reference);

    const byName = await call<SubjectsResponse>(service, "/api/areas/merton/subjects?q=dale%20crane", {
      token: token["priya"],
    });
    assert.deepEqual(
      byName.body.subjects.map((s) => [s.reference, s.label]),
      [[dale.reference, "Dale Invented-Crane"]],
    );
    const byPostcode = await call<SubjectsResponse>(service, "/api/areas/merton/subjects?q=SM4%205ZZ", {
      token: token["priya"],
    });
    assert.deepEqual(
      byPostcode.body.subjects.map((s) => s.reference),
      [shop.reference],
    );
    const presenter = await call<ProblemResponse>(service, "/api/areas/merton/subjects?q=crane", {
      token: token["grace"],
    });
    assert.equal(presenter.status, 403);
  });

  it("links the child to both at a meeting, and refuses the same link again in plain words", async () => {
    const exploited = await call<LinkResponse>(service, "/api/areas/merton/links", {
      token: token["priya"],
      body: linkBody("exploited-by", dale.id),
    });
    assert.equal(exploited.status, 201, exploited.text);
    assert.deepEqual(
      [exploited.body.link.fromReference, exploited.body.link.label, exploited.body.link.toReference],
      [robin.reference, "exploited by", dale.reference],
    );
    const frequents = await call<LinkResponse>(service, "/api/areas/merton/links", {
      token: token["priya"],
      body: linkBody("frequents", shop.id),
    });
    assert.equal(frequents.status, 201, frequents.text);
    toShop = frequents.body.link.id;

    const again = await call<ProblemResponse>(service, "/api/areas/merton/links", {
      token: token["priya"],
      body: linkBody("frequents", shop.id),
    });
    assert.equal(again.status, 409);
    assert.equal(again.body.error.message, "These two are already linked this way.");
    const wrong = await call<ProblemResponse>(service, "/api/areas/merton/links", {
      token: token["priya"],
      body: linkBody("lives-at", dale.id),
    });
    assert.equal(wrong.status, 400);
    assert.match(wrong.body.error.message, /"lives at" links a person to a location/);
    const member = await call<ProblemResponse>(service, "/api/areas/merton/links", {
      token: token["hannah"],
      body: linkBody("sibling", sasha.id),
    });
    assert.equal(member.status, 403);
  });

  it("the map of depth 2 around the child holds the three, with their links and references", async () => {
    const map = await mapOf("priya", robin.id);
    assert.equal(map.status, 200, map.text);
    assert.deepEqual(
      map.body.nodes.map((n) => [n.reference, n.kind, n.label, n.depth]).sort(),
      [
        [robin.reference, "individual", "Robin Invented-Hale", 0],
        [dale.reference, "person-of-concern", "Dale Invented-Crane", 1],
        [shop.reference, "location-of-concern", "14 Invented Parade", 1],
      ].sort(),
    );
    const refOf = new Map(map.body.nodes.map((n) => [n.id, n.reference]));
    assert.deepEqual(
      map.body.edges.map((e) => [refOf.get(e.from), e.label, refOf.get(e.to)]).sort(),
      [
        [robin.reference, "exploited by", dale.reference],
        [robin.reference, "frequents", shop.reference],
      ].sort(),
    );
    assert.equal(map.body.nodes.find((n) => n.id === robin.id)?.case?.status, "open");
    assert.equal(map.body.cut, false);
  });

  it("refuses a member of another area, and a presenter the map of another presenter's case", async () => {
    const lambeth = await mapOf("lambeth", robin.id);
    assert.equal(lambeth.status, 403);
    assert.equal(lambeth.body.error.code, "not-a-member");
    const ines = await mapOf("ines", robin.id);
    assert.equal(ines.status, 403);
    assert.equal(ines.body.error.message, "You can see the record only of the cases you present.");
    // Grace presents Robin's case: she sees its map, the others by reference and kind only.
    const grace = await mapOf("grace", robin.id);
    assert.equal(grace.status, 200);
    assert.deepEqual(
      grace.body.nodes.map((n) => [n.reference, n.label]).sort(),
      [
        [robin.reference, "Robin Invented-Hale"],
        [dale.reference, null],
        [shop.reference, null],
      ].sort(),
    );
    const bad = await mapOf("priya", robin.id, "depth=4&kinds=knows");
    assert.equal(bad.status, 400);
  });

  it("writes each view and change in the audit trail with the references it showed", async () => {
    const { connectionString } = await azurite();
    const tables = tableFactory({ kind: "connection-string", connectionString });
    const entries = (await auditOfArea(tables, "merton")).map((e) => e.value);
    const ofAction = (action: string) => entries.filter((e) => e.action === action);
    const mine = (action: string) =>
      ofAction(action).filter((e) => e.shown?.some((r) => [dale.reference, shop.reference].includes(r)));
    assert.deepEqual(
      mine("map.viewed")
        .map((e) => [e.actorId, e.via, e.reference, e.shown?.slice().sort()])
        .sort(),
      [
        [
          PEOPLE.mertonCoordinator.id,
          "tab map",
          robin.reference,
          [robin.reference, dale.reference, shop.reference].sort(),
        ],
        [
          PEOPLE.mertonSocialWorker.id,
          "tab map",
          robin.reference,
          [robin.reference, dale.reference, shop.reference].sort(),
        ],
      ].sort(),
    );
    assert.deepEqual(
      mine("link.added")
        .map((e) => e.shown)
        .sort(),
      [
        [robin.reference, dale.reference],
        [robin.reference, shop.reference],
      ].sort(),
    );
    assert.deepEqual(
      mine("subjects.searched")
        .map((e) => e.shown)
        .sort(),
      [[dale.reference], [shop.reference]].sort(),
    );
    assert.deepEqual(
      ofAction("subject.created")
        .filter((e) => [dale.id, shop.id].includes(e.subjectId ?? ""))
        .map((e) => e.reference)
        .sort(),
      [dale.reference, shop.reference].sort(),
    );
  });

  it("the map downloads as a marked PNG through a link that opens once, audited, refused to those who may not see it", async () => {
    const path = `/api/areas/merton/subjects/${robin.id}/map.png?depth=2`;
    const ask = (who: string) =>
      call<{ url: string } & ProblemResponse>(service, "/api/downloads", {
        body: { path },
        token: token[who],
      });
    const asked = await ask("priya");
    assert.equal(asked.status, 200, asked.text);
    const image = await call(service, asked.body.url);
    assert.equal(image.status, 200, image.text);
    assert.equal(image.headers.get("content-type"), "image/png");
    const name = `OFFICIAL-SENSITIVE-map-${robin.reference}-2026-11-24.png`;
    assert.equal(
      image.headers.get("content-disposition"),
      `attachment; filename="${name}"; filename*=UTF-8''${name}`,
    );
    assert.equal(image.headers.get("cache-control"), "no-store");
    assert.equal(image.bytes.subarray(1, 4).toString("ascii"), "PNG");
    assert.ok(image.bytes.readUInt32BE(16) >= 400, "at least 400 pixels wide");
    const again = await call(service, asked.body.url);
    assert.equal(again.status, 403);
    assert.match(again.text, /This download link has been used already/);

    const { connectionString } = await azurite();
    const tables = tableFactory({ kind: "connection-string", connectionString });
    const images = (await auditOfArea(tables, "merton"))
      .map((e) => e.value)
      .filter((e) => e.action === "map.viewed" && e.via === "map image");
    assert.deepEqual(
      images.map((e) => [e.actorId, e.reference, e.shown?.slice().sort()]),
      [
        [
          PEOPLE.mertonCoordinator.id,
          robin.reference,
          [robin.reference, dale.reference, shop.reference].sort(),
        ],
      ],
    );

    const lambeth = await ask("lambeth");
    assert.equal(lambeth.status, 403);
    assert.equal(lambeth.body.error.code, "not-a-member");
    const ines = await ask("ines");
    assert.equal(ines.status, 403);
    assert.equal(ines.body.error.message, "You can see the record only of the cases you present.");
    // Straight to the image, without a link, the same check refuses her.
    assert.equal((await call(service, path, { token: token["ines"] })).status, 403);
  });

  it("ends a link with its reason, once; and it can be drawn again", async () => {
    const end = (who: string) =>
      call<LinkResponse & ProblemResponse>(service, `/api/areas/merton/links/${toShop}/end`, {
        token: token[who],
        body: { reason: "Stopped going there." },
      });
    assert.equal((await end("hannah")).status, 403);
    const ended = await end("priya");
    assert.equal(ended.status, 200, ended.text);
    assert.deepEqual(
      [ended.body.link.ended?.reason, ended.body.link.ended?.byName],
      ["Stopped going there.", "Priya Okafor"],
    );
    assert.equal((await end("priya")).status, 409);
    // Ended today, it was still in force today: the map draws it as ended.
    const map = await mapOf("priya", robin.id, "depth=1");
    assert.equal(typeof map.body.edges.find((e) => e.id === toShop)?.endedAt, "string");
    const again = await call<LinkResponse>(service, "/api/areas/merton/links", {
      token: token["priya"],
      body: linkBody("frequents", shop.id),
    });
    assert.equal(again.status, 201, again.text);
  });

  it("of the same link sent twice at once, storage keeps one and the other is told", async () => {
    const sent = await Promise.all(
      [linkBody("sibling", sasha.id), { ...linkBody("sibling", robin.id), from: sasha.id }].map((body) =>
        call<LinkResponse & ProblemResponse>(service, "/api/areas/merton/links", {
          token: token["priya"],
          body,
        }),
      ),
    );
    assert.deepEqual(sent.map((r) => r.status).sort(), [201, 409]);
    assert.equal(
      sent.find((r) => r.status === 409)?.body.error.message,
      "These two are already linked this way.",
    );
    const map = await mapOf("priya", robin.id, "depth=1&kinds=sibling");
    assert.equal(map.body.edges.length, 1);
  });
});
