import assert from "node:assert/strict";
import { subjectMapPng, subjectMapSvg } from "../../bot/src/adapters/charts/subject-map-png.js";
import { linkDesk, type SubjectMap } from "../../bot/src/application/links/link-desk.js";
import { demoActor } from "../support/people.js";
import { fakePorts, referralDesk } from "../support/fakes/index.js";
import { referredAndAccepted } from "../support/referrals.js";

// The map around a child as the image for a briefing: drawn by the service from the map each
// person may see, the subjects' references and names, each link's kind, marked above and below;
// a subject whose record is withheld from the viewer is drawn grey by its reference alone. A name
// pasted from Word (its line break a vertical tab) is drawn as its visible text; a map cut short
// says so under the top marking, as the page does.

const PANEL = "merton-pre-mace";
const MEETING = "2027-01-07";
const priya = demoActor("Priya Okafor");
const grace = demoActor("Grace Mensah");

/** A PNG's width and height, from its header. */
function pngSize(png: Buffer): { width: number; height: number } {
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.equal(png.subarray(12, 16).toString("ascii"), "IHDR");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const svgSize = (svg: string) => {
  const [, width = "0", height = "0"] = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg) ?? [];
  return { width: Number(width), height: Number(height) };
};

describe("The map's image", () => {
  let coordinators: SubjectMap;
  let presenters: SubjectMap;
  let pasted: SubjectMap;

  before(async () => {
    const ports = fakePorts("2026-12-20T12:00:00Z");
    const links = linkDesk(ports);
    const robin = (await referredAndAccepted(referralDesk(ports), grace, "Robin Invented-Hale")).subjectId;
    const record = async (label: string, kind: "person-of-concern" | "location-of-concern") =>
      (await links.record(priya, "merton", { kind, label, postcode: null, dateOfBirth: null }, "test")).id;
    const dale = await record("Dale Invented-Crane", "person-of-concern");
    const shop = await record("12 Invented Parade", "location-of-concern");
    for (const [kind, to] of [
      ["exploited-by", dale],
      ["frequents", shop],
    ] as const)
      await links.add(
        priya,
        "merton",
        { kind, from: robin, to, note: "", panelId: PANEL, meetingId: MEETING, referralId: null },
        "test",
      );
    coordinators = await links.map(priya, "merton", robin, { depth: 2, kinds: [] }, "test");
    // Names as they come from a pasted document: Word's line break, a stray control character, a
    // page break, a carriage return and half of an emoji's surrogate pair.
    const sky = (await referredAndAccepted(referralDesk(ports), grace, "Sky\u000BInvented-Lowe")).subjectId;
    const van = await record("Van\u0001 Invented\uD83D-Hollis\u000CBlue\rcar", "person-of-concern");
    await links.add(
      priya,
      "merton",
      {
        kind: "associates-with",
        from: sky,
        to: van,
        note: "",
        panelId: PANEL,
        meetingId: MEETING,
        referralId: null,
      },
      "test",
    );
    pasted = await links.map(priya, "merton", sky, { depth: 1, kinds: [] }, "test");
    // Grace presents Robin's case only: the others' records are withheld from her.
    presenters = await links.map(grace, "merton", robin, { depth: 2, kinds: [] }, "test");
  });

  it("draws each subject's reference and name and each link's kind, marked above and below", () => {
    const svg = subjectMapSvg(coordinators);
    for (const text of [
      "MER-2026-0001",
      "Robin Invented-Hale",
      "MER-S-2026-0001",
      "Dale Invented-Crane",
      "MER-S-2026-0002",
      "12 Invented Parade",
      "exploited by",
      "frequents",
    ])
      assert.ok(svg.includes(`>${text}<`), text);
    assert.equal(svg.split(">OFFICIAL-SENSITIVE</text>").length - 1, 2);
    // Coloured by kind: a child blue, a person of concern red, a place green.
    for (const colour of ["#0F6CBD", "#B10E1C", "#0E700E"])
      assert.ok(svg.includes(`fill="${colour}"`), colour);
  });

  it("draws a subject withheld from the viewer grey, by its reference alone", () => {
    const svg = subjectMapSvg(presenters);
    for (const reference of ["MER-2026-0001", "MER-S-2026-0001", "MER-S-2026-0002"])
      assert.ok(svg.includes(`>${reference}<`), reference);
    assert.ok(svg.includes(">Robin Invented-Hale<"));
    for (const name of ["Dale", "Invented-Crane", "Invented Parade"]) assert.ok(!svg.includes(name), name);
    assert.equal(svg.split(`fill="#8A8886"`).length - 1, 2);
  });

  it("is a PNG twice the drawing's size", async () => {
    const svg = svgSize(subjectMapSvg(coordinators));
    const png = await subjectMapPng(coordinators);
    const { width, height } = pngSize(png);
    assert.deepEqual([width, height], [svg.width * 2, svg.height * 2]);
    assert.ok(width >= 400 && width <= 1200, `${width} wide`);
    assert.ok(height >= 500 && height <= 1400, `${height} high`);
    assert.ok(png.length > 10_000, `${png.length} bytes`);
  });

  it("draws a name pasted with control characters as its visible text, Word's line breaks as breaks", async () => {
    const svg = subjectMapSvg(pasted);
    for (const text of ["Sky", "Invented-Lowe", "Van Invented-Hollis", "Blue", "car"])
      assert.ok(svg.includes(`>${text}<`), text);
    const notXml = [...svg].filter((ch) => {
      const c = ch.codePointAt(0) ?? 0;
      return (c < 0x20 && ![0x9, 0xa, 0xd].includes(c)) || (c >= 0xd800 && c <= 0xdfff);
    });
    assert.deepEqual(notXml, []);
    const { width, height } = pngSize(await subjectMapPng(pasted));
    assert.ok(width >= 300 && height >= 300, `${width} by ${height}`);
  });

  it("says under the top marking when the map leaves subjects out, as the page does", async () => {
    const notice =
      "The map shows the first 150 subjects only. Choose a smaller depth or fewer kinds of link.";
    assert.ok(!subjectMapSvg(coordinators).includes("subjects only"));
    const cut = subjectMapSvg({ ...coordinators, cut: true });
    const at = (text: string) => cut.indexOf(text);
    assert.equal(cut.split(`>${notice}</text>`).length - 1, 1);
    assert.ok(at(">OFFICIAL-SENSITIVE<") < at(notice) && at(notice) < at("<g transform"));
    // The line sits below the marking and above every subject, and the picture is wide enough for it.
    const [, y = "0"] = /<text x="[\d.]+" y="([\d.]+)"[^>]*>The map shows/.exec(cut) ?? [];
    assert.ok(Number(y) > 17, `notice at ${y}`);
    assert.ok(svgSize(cut).width >= notice.length * 11 * 0.6, `${svgSize(cut).width} wide`);
    assert.equal(svgSize(cut).height, svgSize(subjectMapSvg(coordinators)).height + 19);
    pngSize(await subjectMapPng({ ...coordinators, cut: true }));
  });

  it("keeps a map of many subjects within 4,000 pixels", async () => {
    const many: SubjectMap = {
      ...coordinators,
      nodes: Array.from({ length: 150 }, (_, i) => ({
        id: `s${i}`,
        reference: `MER-S-2026-${String(i + 1).padStart(4, "0")}`,
        kind: "individual" as const,
        depth: i === 0 ? 0 : i < 40 ? 1 : 2,
        label: `Invented Child ${i + 1}`,
        withheld: false,
        case: null,
      })),
      edges: [],
      centre: "s0",
    };
    const { width, height } = pngSize(await subjectMapPng(many));
    assert.equal(Math.max(width, height), 4000);
  });
});
