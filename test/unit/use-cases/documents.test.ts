import assert from "node:assert/strict";
import { buffer } from "node:stream/consumers";
import { Document, Packer, Paragraph } from "docx";
import { Refusal } from "../../../bot/src/domain/refusal.js";
import { forgetExpiredLinks } from "../../../bot/src/application/downloads/forget-used-links.js";
import { removeDocumentsOf } from "../../../bot/src/application/retention/remove-documents.js";
import { readWholeRecord } from "../../../bot/src/application/retention/whole-record.js";
import { fakePorts, historyDesk, referralDesk, type FakePorts } from "../../support/fakes/index.js";
import { documentsOn } from "../../support/fakes/documents.js";
import { tokenOf } from "../../support/fakes/downloads.js";
import { demoActor, PEOPLE } from "../../support/people.js";
import { referredAndAccepted } from "../../support/referrals.js";
import { mertonChild } from "../../support/referral-forms.js";

// Documents attached to a Merton child's case and to a referral, on fakes: who may attach, see,
// review and download them; files judged by their contents; downloads only through a link that
// opens once, within its minute, each audited naming the subject.

const PANEL = "merton-pre-mace";
const priya = demoActor(PEOPLE.mertonCoordinator.displayName);
const grace = demoActor(PEOPLE.mertonSocialWorker.displayName);
const chair = demoActor(PEOPLE.mertonChair.displayName);
const police = demoActor(PEOPLE.mertonPoliceOfficer.displayName);
const analyst = demoActor(PEOPLE.mertonAnalyst.displayName);
const hannah = demoActor("Hannah Reyes");

const PDF = Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const PROGRAM = Buffer.from("MZ\x90\x00\x03\x00\x00\x00 this program cannot be run in DOS mode");

const refusedWith = (code: string, words?: RegExp) => (e: unknown) => {
  assert.ok(e instanceof Refusal, String(e));
  assert.equal(e.code, code, e.message);
  if (words) assert.match(e.message, words);
  return true;
};

describe("Documents attached to a case or a referral", () => {
  let ports: FakePorts;
  let docs: ReturnType<typeof documentsOn>;
  let robin: Awaited<ReturnType<typeof referredAndAccepted>>;

  beforeEach(async () => {
    ports = fakePorts("2026-12-20T12:00:00Z");
    docs = documentsOn(ports);
    robin = await referredAndAccepted(referralDesk(ports), grace, "Robin Invented-Hale");
  });

  const attachRisk = (by = priya, bytes: Uint8Array = PDF, name = "Risk assessment December.pdf") =>
    docs.desk.attachToCase(
      by,
      "merton",
      robin.subjectId,
      { panelId: PANEL, kind: "risk-assessment", name },
      bytes,
      "test",
    );
  const link = (by: { id: string; name: string }, documentId: string, referralId?: string) =>
    docs.linkToCaseDocument(by, "merton", robin.subjectId, documentId, { referralId });

  it("keeps a coordinator's risk assessment on the case, clean, with who attached it and when, and audits it", async () => {
    const attached = await attachRisk();
    assert.deepEqual(
      [
        attached.kindLabel,
        attached.name,
        attached.size,
        attached.contentType,
        attached.uploadedBy,
        attached.scan,
      ],
      [
        "Risk assessment",
        "Risk assessment December.pdf",
        PDF.byteLength,
        "application/pdf",
        "Priya Okafor",
        "clean",
      ],
    );
    assert.deepEqual(attached.attachedTo, {
      kind: "case",
      reference: robin.reference,
      panelId: PANEL,
      panelName: "Pre-MACE operational panel",
    });
    // The file is kept by area and id: nothing in its name says whose it is.
    assert.deepEqual(docs.files.names(), [`merton/${attached.id}`]);
    const audit = ports.casework.auditOf("merton").filter((a) => a.action === "document.attached");
    assert.deepEqual(
      audit.map((a) => [a.actorId, a.subjectId, a.reference, a.documentId]),
      [[priya.id, robin.subjectId, robin.reference, attached.id]],
    );
  });

  it("judges a file by its first bytes: a program named as a PDF is refused in words, and nothing is kept", async () => {
    await assert.rejects(
      attachRisk(priya, PROGRAM, "plan.pdf"),
      refusedWith("invalid", /plan\.pdf is named as a PDF file, but its contents are not PDF/),
    );
    await assert.rejects(
      attachRisk(priya, PROGRAM, "tool.exe"),
      refusedWith("invalid", /only PDF, Word, Excel, PNG and JPEG files can/),
    );
    await assert.rejects(
      attachRisk(priya, new Uint8Array(10 * 1024 * 1024 + 1).fill(0x25), "huge.pdf"),
      refusedWith("invalid", /huge\.pdf is larger than 10 MB/),
    );
    assert.deepEqual(docs.files.names(), []);
    assert.equal((await docs.desk.ofSubject(priya, "merton", robin.subjectId, "test")).documents.length, 0);
  });

  it("takes a Word safety plan and a PNG peer map, each kept with its own type", async () => {
    const word = await Packer.toBuffer(
      new Document({ sections: [{ children: [new Paragraph("Safety plan")] }] }),
    );
    const plan = await docs.desk.attachToCase(
      grace,
      "merton",
      robin.subjectId,
      { panelId: PANEL, kind: "safety-plan", name: "Safety plan.docx" },
      word,
      "test",
    );
    ports.clock.set("2026-12-20T12:05:00Z");
    const map = await docs.desk.attachToCase(
      police,
      "merton",
      robin.subjectId,
      { panelId: PANEL, kind: "peer-map", name: "Peer map.png" },
      PNG,
      "test",
    );
    assert.equal(plan.contentType, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assert.equal(map.contentType, "image/png");
    const listed = await docs.desk.ofSubject(chair, "merton", robin.subjectId, "test");
    assert.deepEqual(
      listed.documents.map((d) => [d.kindLabel, d.uploadedBy, d.mayReview]),
      [
        ["Safety plan", "Grace Mensah", false],
        ["Peer map", police.name, false],
      ],
    );
    assert.deepEqual(listed.panels, [
      { id: PANEL, name: "Pre-MACE operational panel", reference: robin.reference },
    ]);
  });

  it("lets only a chair of the panel mark a risk assessment reviewed, once, with a note", async () => {
    const attached = await attachRisk();
    const listed = await docs.desk.ofSubject(chair, "merton", robin.subjectId, "test");
    assert.equal(listed.documents[0]?.mayReview, true);
    await assert.rejects(
      docs.desk.review(
        police,
        "merton",
        robin.subjectId,
        attached.id,
        { note: "Seen", version: attached.version },
        "test",
      ),
      refusedWith("chairs-only", /Only the panel's chairs/),
    );
    ports.clock.set("2026-12-21T09:30:00Z");
    const reviewed = await docs.desk.review(
      chair,
      "merton",
      robin.subjectId,
      attached.id,
      { note: "Agreed: risk remains significant.", version: attached.version },
      "test",
    );
    assert.deepEqual(reviewed.review, {
      by: { id: chair.id, name: chair.name },
      at: "2026-12-21T09:30:00.000Z",
      note: "Agreed: risk remains significant.",
    });
    await assert.rejects(
      docs.desk.review(
        chair,
        "merton",
        robin.subjectId,
        attached.id,
        { note: "", version: reviewed.version },
        "test",
      ),
      refusedWith("already-reviewed", /was marked reviewed by .* on 21 December 2026/),
    );
    const again = await docs.desk.ofSubject(chair, "merton", robin.subjectId, "test");
    assert.equal(again.documents[0]?.mayReview, false);
    assert.equal(again.documents[0]?.review?.note, "Agreed: risk remains significant.");
    assert.equal(ports.casework.auditOf("merton").filter((a) => a.action === "document.reviewed").length, 1);
  });

  it("refuses a review of anything but a risk assessment, and one made on an old version", async () => {
    const plan = await docs.desk.attachToCase(
      priya,
      "merton",
      robin.subjectId,
      { panelId: PANEL, kind: "safety-plan", name: "plan.pdf" },
      PDF,
      "test",
    );
    await assert.rejects(
      docs.desk.review(
        chair,
        "merton",
        robin.subjectId,
        plan.id,
        { note: "", version: plan.version },
        "test",
      ),
      refusedWith("not-reviewable"),
    );
    const risk = await attachRisk();
    await assert.rejects(
      docs.desk.review(chair, "merton", robin.subjectId, risk.id, { note: "", version: 'W/"stale"' }, "test"),
      (e: unknown) => (e as Error).name === "ConcurrencyConflict",
    );
  });

  it("lets a member download through a link that opens once, audited naming the subject", async () => {
    const attached = await attachRisk();
    ports.clock.set("2026-12-22T10:00:00Z");
    const given = await link(police, attached.id);
    assert.equal(given.expiresAt, "2026-12-22T10:01:00.000Z");
    const opened = await docs.open(tokenOf(given.url));
    assert.deepEqual(await buffer(opened.body), PDF);
    assert.equal(opened.document.name, "Risk assessment December.pdf");
    const downloads = ports.casework.auditOf("merton").filter((a) => a.action === "document.downloaded");
    assert.deepEqual(
      downloads.map((a) => [a.actorId, a.subjectId, a.reference, a.documentId, a.at]),
      [[police.id, robin.subjectId, robin.reference, attached.id, "2026-12-22T10:00:00.000Z"]],
    );
    await assert.rejects(docs.open(tokenOf(given.url)), refusedWith("link-used", /used already/));
    assert.equal(
      ports.casework.auditOf("merton").filter((a) => a.action === "document.downloaded").length,
      1,
    );
  });

  it("opens a link as the person it was made for, whoever holds it, and refuses it once they may no longer see the document", async () => {
    const attached = await attachRisk();
    const given = await link(police, attached.id);
    // The link is the credential: it opens as the police officer it was made for.
    const opened = await docs.open(tokenOf(given.url));
    assert.deepEqual(await buffer(opened.body), PDF);
    const again = await link(police, attached.id);
    await ports.directory.removeRole(PANEL, police.id);
    await assert.rejects(
      docs.open(tokenOf(again.url)),
      (e: unknown) => e instanceof Refusal && e.reason === "not-allowed" && e.code !== "link-used",
    );
    const downloads = ports.casework.auditOf("merton").filter((a) => a.action === "document.downloaded");
    assert.deepEqual(
      downloads.map((a) => a.actorId),
      [police.id],
    );
  });

  it("forgets a used link five minutes after its minute is up, when it is refused as expired anyway", async () => {
    const attached = await attachRisk();
    const given = await link(police, attached.id);
    await buffer((await docs.open(tokenOf(given.url))).body);
    const forget = () =>
      forgetExpiredLinks({ catalogue: ports.catalogue, usedLinks: docs.downloads.usedLinks, now: ports.now });
    // Within its minute the record of its use stays, and refuses it again.
    assert.equal(await forget(), 0);
    await assert.rejects(docs.open(tokenOf(given.url)), refusedWith("link-used"));
    // Kept five minutes more, for an instance whose clock runs behind.
    ports.clock.set("2026-12-20T12:01:00.001Z");
    assert.equal(await forget(), 0);
    ports.clock.set("2026-12-20T12:06:00.001Z");
    assert.equal(await forget(), 1);
    assert.equal(await forget(), 0);
    await assert.rejects(docs.open(tokenOf(given.url)), refusedWith("link-expired", /expired/));
  });

  it("refuses a link after its minute, and one whose contents were changed", async () => {
    const attached = await attachRisk();
    const late = await link(police, attached.id);
    ports.clock.set("2026-12-20T12:01:00Z");
    await assert.rejects(docs.open(tokenOf(late.url)), refusedWith("link-expired", /expired/));
    const fresh = await link(police, attached.id);
    // The link is sealed: a change anywhere in it, here in the middle of its contents, is refused.
    const sealed = Buffer.from(tokenOf(fresh.url), "base64url");
    const at = Math.floor(sealed.length / 2);
    sealed[at] = (sealed[at] ?? 0) ^ 0x01;
    await assert.rejects(docs.open(sealed.toString("base64url")), refusedWith("bad-link"));
    // Nor did the changed copy spend the real link.
    assert.equal((await docs.open(tokenOf(fresh.url))).document.id, attached.id);
  });

  it("holds a file the scan has not yet spoken for, and never offers one it found malware in", async () => {
    docs.files.scanSays("awaiting-scan");
    const attached = await attachRisk();
    assert.equal(attached.scan, "awaiting-scan");
    await assert.rejects(
      link(police, attached.id),
      refusedWith("awaiting-scan", /waiting for its malware scan/),
    );
    docs.files.scanSays("clean", `merton/${attached.id}`);
    const listed = await docs.desk.ofSubject(police, "merton", robin.subjectId, "test");
    assert.equal(listed.documents[0]?.scan, "clean");
    assert.ok(await link(police, attached.id));

    docs.files.scanSays("malicious");
    const bad = await attachRisk(priya, PDF, "second.pdf");
    assert.equal(bad.scan, "malicious");
    await assert.rejects(link(police, bad.id), refusedWith("malicious", /found a threat/));
  });

  it("holds a file as awaiting its scan while the scan's verdict cannot be read, and offers it once it can", async () => {
    const scanVerdict = docs.files.scanVerdict;
    docs.files.scanVerdict = () => Promise.reject(new Error("This request is not authorized to read tags"));
    const attached = await attachRisk();
    assert.equal(attached.scan, "awaiting-scan");
    assert.deepEqual(docs.files.names(), [`merton/${attached.id}`]);
    const listed = await docs.desk.ofSubject(police, "merton", robin.subjectId, "test");
    assert.equal(listed.documents[0]?.scan, "awaiting-scan");
    docs.files.scanVerdict = scanVerdict;
    const later = await docs.desk.ofSubject(police, "merton", robin.subjectId, "test");
    assert.equal(later.documents[0]?.scan, "clean");
    assert.ok(await link(police, attached.id));
  });

  it("removes the file again when its record cannot be stored, so no file is kept that no list shows", async () => {
    docs.documents.add = () => Promise.reject(new Error("storage unavailable"));
    await assert.rejects(attachRisk(), /storage unavailable/);
    assert.deepEqual(docs.files.names(), []);
  });

  it("tells the person to attach a file again when the scan could not check it, and never offers it", async () => {
    docs.files.scanSays("scan-failed");
    const attached = await attachRisk();
    assert.equal(attached.scan, "scan-failed");
    await assert.rejects(
      link(police, attached.id),
      refusedWith("scan-failed", /could not check Risk assessment December\.pdf.*Attach the file again/),
    );
    const listed = await docs.desk.ofSubject(priya, "merton", robin.subjectId, "test");
    assert.equal(listed.documents[0]?.scan, "scan-failed");
  });

  it("keeps a case's documents from a presenter of other cases and from the analyst", async () => {
    const attached = await attachRisk();
    // Grace presents Robin's case: she sees its documents.
    assert.equal((await docs.desk.ofSubject(grace, "merton", robin.subjectId, "test")).documents.length, 1);
    // Another child, referred by the school nurse: Grace presents no case of hers.
    const skye = await referredAndAccepted(referralDesk(ports), hannah, "Skye Madeup-Frost");
    const hers = await docs.desk.attachToCase(
      priya,
      "merton",
      skye.subjectId,
      { panelId: PANEL, kind: "safety-plan", name: "plan.pdf" },
      PDF,
      "test",
    );
    await assert.rejects(
      docs.desk.ofSubject(grace, "merton", skye.subjectId, "test"),
      refusedWith("not-your-case"),
    );
    await assert.rejects(
      docs.linkToCaseDocument(grace, "merton", skye.subjectId, hers.id, {}),
      refusedWith("not-your-case"),
    );
    // A document id from another subject's record is not found under this one.
    await assert.rejects(
      docs.linkToCaseDocument(priya, "merton", skye.subjectId, attached.id, {}),
      refusedWith("unknown-document"),
    );
    await assert.rejects(
      docs.desk.ofSubject(analyst, "merton", robin.subjectId, "test"),
      (e: unknown) => e instanceof Refusal && e.reason === "not-allowed",
    );
  });

  it("keeps a referral's Risk Factor Matrix with the referral, and shows it in the case's record once accepted", async () => {
    const desk = referralDesk(ports);
    const sent = await desk.submit(
      grace,
      PANEL,
      "individual",
      crypto.randomUUID(),
      mertonChild("Ash Notreal-Byrne"),
    );
    assert.ok(sent.ok);
    const matrix = await docs.desk.attachToReferral(
      grace,
      PANEL,
      sent.referral.id,
      { kind: "risk-factor-matrix", name: "Risk Factor Matrix.pdf" },
      PDF,
      "test",
    );
    assert.deepEqual(matrix.attachedTo.kind, "referral");
    assert.equal((await docs.desk.ofReferral(priya, PANEL, sent.referral.id, "test")).length, 1);
    // A member of the panel does not see referrals, nor their documents.
    await assert.rejects(
      docs.desk.ofReferral(police, PANEL, sent.referral.id, "test"),
      refusedWith("not-found"),
    );

    const read = await desk.view(priya, PANEL, sent.referral.id, "test");
    const accepted = await desk.triage(
      priya,
      PANEL,
      sent.referral.id,
      { decision: "accept", note: "", linkToSubjectId: null },
      read.etag,
      "test",
    );
    const record = await docs.desk.ofSubject(police, "merton", accepted.subjectId ?? "", "test");
    assert.deepEqual(
      record.documents.map((d) => [d.kindLabel, d.attachedTo.kind, d.referralId]),
      [["Risk Factor Matrix", "referral", sent.referral.id]],
    );
    const given = await docs.linkToCaseDocument(police, "merton", accepted.subjectId ?? "", matrix.id, {
      referralId: sent.referral.id,
    });
    const opened = await docs.open(tokenOf(given.url));
    assert.deepEqual(await buffer(opened.body), PDF);
    const download = ports.casework.auditOf("merton").find((a) => a.action === "document.downloaded");
    assert.deepEqual([download?.subjectId, download?.referralId], [accepted.subjectId, sent.referral.id]);
  });

  it("lists the documents held in the subject access export, with their review, from the case and its referral", async () => {
    const risk = await attachRisk();
    ports.clock.set("2026-12-21T09:30:00Z");
    await docs.desk.review(
      chair,
      "merton",
      robin.subjectId,
      risk.id,
      { note: "Agreed.", version: risk.version },
      "test",
    );
    await docs.desk.attachToReferral(
      priya,
      PANEL,
      robin.referralId,
      { kind: "peer-map", name: "Peer map.png" },
      PNG,
      "test",
    );
    const held = await historyDesk(ports).exportForSubjectAccess(
      demoActor("Ines Dalgaard"),
      "merton",
      robin.subjectId,
      "subject access export",
    );
    assert.deepEqual(
      held.documents.map((d) => [d.name, d.kind, d.attachedTo, d.uploadedBy, d.review]),
      [
        [
          "Risk assessment December.pdf",
          "Risk assessment",
          `Case ${robin.reference}, Pre-MACE operational panel`,
          "Priya Okafor",
          `Reviewed by ${chair.name} on 21 December 2026 at 09:30: Agreed.`,
        ],
        [
          "Peer map.png",
          "Peer map",
          `Referral ${robin.reference}, Pre-MACE operational panel`,
          "Priya Okafor",
          "",
        ],
      ],
    );
  });

  it("deletes a removed record's documents and their files with the record", async () => {
    const risk = await attachRisk();
    const record = await readWholeRecord(ports.casework, "merton", robin.subjectId);
    assert.ok(record);
    assert.equal(await removeDocumentsOf(ports, record), 1);
    assert.deepEqual(docs.files.names(), []);
    assert.equal(await ports.documents.get("merton", { subjectId: robin.subjectId }, risk.id), undefined);
  });
});
