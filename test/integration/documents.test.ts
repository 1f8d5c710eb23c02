import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { buffer } from "node:stream/consumers";
import { BlobServiceClient } from "@azure/storage-blob";
import {
  blobDocuments,
  DEFENDER_CLEAN,
  DEFENDER_MALICIOUS,
  ensureDocumentContainer,
} from "../../bot/src/adapters/blob/blob-documents.js";
import { usedLinks } from "../../bot/src/adapters/tables/used-links.js";
import { tableFactory } from "../../bot/src/adapters/tables/storage.js";
import { auditOfArea } from "../support/audit.js";
import { azurite } from "../support/azurite.js";
import { call, type Request } from "../support/http.js";
import { PEOPLE } from "../support/people.js";
import { forgetMertonReferrals } from "../support/forget-referrals.js";
import { mertonChild } from "../support/referral-forms.js";
import { acceptedMertonReferral } from "../support/referrals.js";
import { signInAs, startTestService, type TestService } from "../support/service.js";

// Documents on a Merton child's case through the tab's API, against Azurite's tables and blobs:
// the coordinator attaches a risk assessment, kept privately in the documents container; files
// that are too large or not what they say are refused in words; the chair marks it reviewed; a
// member downloads it through a link that opens once, with no sign-in (the link is the credential),
// and the download is audited.

const PDF = Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const SCAN_TAG = "Malware Scanning scan result";

interface Summary {
  id: string;
  name: string;
  kindLabel: string;
  scan: string;
  version: string;
  mayReview: boolean;
  review: { by: { name: string }; note: string } | null;
}

describe("Documents on a case, through the tab's API with Azurite's blob service", function () {
  this.timeout(60_000);
  let service: TestService;
  let robin: { subjectId: string; reference: string };
  let blobs: BlobServiceClient;
  const base = () => `/api/areas/merton/subjects/${robin.subjectId}/documents`;

  const api = async (person: string, path: string, request: Request = {}) =>
    call(service, path, { ...request, token: await signInAs(service, person) });
  const attach = async (person: string, query: string, bytes: Buffer, type = "application/pdf") => {
    const params = new URLSearchParams(query);
    const name = params.get("name") ?? "";
    params.delete("name");
    const res = await fetch(`${service.url}${base()}?${params.toString()}`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${await signInAs(service, person)}`,
        "content-type": type,
        "x-file-name": encodeURIComponent(name),
      },
      body: new Blob([new Uint8Array(bytes)]),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  before(async () => {
    service = await startTestService({}, { now: () => new Date("2026-12-20T12:00:00Z") });
    robin = await acceptedMertonReferral(service, "Robin Invented-Hale", "7 Imaginary Close", "2027-01-07");
    blobs = BlobServiceClient.fromConnectionString((await azurite()).connectionString);
  });
  const waiting: string[] = [];
  after(async () => {
    await forgetMertonReferrals(waiting);
    await service?.close();
  });

  it("keeps the coordinator's risk assessment in the private container, by area and id", async () => {
    const attached = await attach(
      PEOPLE.mertonCoordinator.id,
      "panelId=merton-pre-mace&kind=risk-assessment&name=Risk%20assessment.pdf",
      PDF,
    );
    assert.equal(attached.status, 201, JSON.stringify(attached.body));
    const document = attached.body["document"] as Summary;
    const container = blobs.getContainerClient("documents");
    const properties = await container.getProperties();
    assert.equal(properties.blobPublicAccess, undefined, "the container is private");
    const blob = container.getBlobClient(`merton/${document.id}`);
    const read = await blob.download();
    assert.equal(read.contentType, "application/pdf");
    assert.deepEqual(await buffer(read.readableStreamBody!), PDF);
  });

  it("refuses a file over 10 MB and one that is not what its name says, in words, keeping nothing", async () => {
    const before = await api(PEOPLE.mertonCoordinator.id, base());
    const big = await attach(
      PEOPLE.mertonCoordinator.id,
      "panelId=merton-pre-mace&kind=other&name=scan.pdf",
      Buffer.alloc(10 * 1024 * 1024 + 10, 0x25),
    );
    assert.equal(big.status, 413);
    assert.match(JSON.stringify(big.body), /larger than 10 MB/);
    const renamed = await attach(
      PEOPLE.mertonCoordinator.id,
      "panelId=merton-pre-mace&kind=other&name=notes.docx",
      Buffer.from("MZ\x90\x00 a program"),
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    assert.equal(renamed.status, 400);
    assert.match(
      JSON.stringify(renamed.body),
      /notes\.docx is named as a Word file, but its contents are not Word/,
    );
    const after = await api(PEOPLE.mertonCoordinator.id, base());
    assert.equal(
      (after.body["documents"] as Summary[]).length,
      (before.body["documents"] as Summary[]).length,
    );
  });

  it("lets the chair mark it reviewed, and no member", async () => {
    const listed = await api(PEOPLE.mertonChair.id, base());
    const [document] = listed.body["documents"] as Summary[];
    assert.ok(document?.mayReview);
    const path = `${base()}/${document.id}/review`;
    const byMember = await api(PEOPLE.mertonPoliceOfficer.id, path, {
      body: { note: "Seen", version: document.version },
    });
    assert.equal(byMember.status, 403);
    const reviewed = await api(PEOPLE.mertonChair.id, path, {
      body: { note: "Agreed at triage.", version: document.version },
    });
    assert.equal(reviewed.status, 200, reviewed.text);
    const review = (reviewed.body["document"] as Summary).review;
    assert.deepEqual([review?.by.name, review?.note], [PEOPLE.mertonChair.displayName, "Agreed at triage."]);
  });

  it("lets a member download it once through its link, opened with no sign-in, audited naming the subject", async () => {
    const listed = await api(PEOPLE.mertonPoliceOfficer.id, base());
    const [document] = listed.body["documents"] as Summary[];
    const link = await api(PEOPLE.mertonPoliceOfficer.id, `${base()}/${document!.id}/link`, { body: {} });
    assert.equal(link.status, 200, link.text);
    const url = link.body["url"] as string;
    assert.match(url, /^\/downloads\/[\w-]+$/);
    // The link is the credential: opened with no sign-in, as Teams' browser opens it, once.
    const first = await call(service, url);
    assert.equal(first.status, 200);
    assert.deepEqual(first.bytes, PDF);
    assert.equal(first.headers.get("content-type"), "application/pdf");
    assert.match(
      first.headers.get("content-disposition") ?? "",
      /^attachment; filename="Risk assessment\.pdf"/,
    );
    assert.equal(first.headers.get("cache-control"), "no-store");
    const second = await call(service, url);
    assert.equal(second.status, 403);
    assert.match(second.headers.get("content-type") ?? "", /^text\/html/);
    assert.match(second.text, /used already/);
    // The document's file is served through its link alone, not to a bearer token.
    const direct = await api(PEOPLE.mertonPoliceOfficer.id, `${base()}/${document!.id}/file`);
    assert.equal(direct.status, 404);
    const audit = (
      await auditOfArea(
        tableFactory({ kind: "connection-string", connectionString: (await azurite()).connectionString }),
        "merton",
      )
    )
      .map((a) => a.value)
      .filter((a) => a.action === "document.downloaded" && a.documentId === document!.id);
    assert.deepEqual(
      audit.map((a) => [a.actorId, a.subjectId, a.reference]),
      [[PEOPLE.mertonPoliceOfficer.id, robin.subjectId, robin.reference]],
    );
  });

  it("keeps the referrer's Risk Factor Matrix with her referral, for the coordinator and not the members", async () => {
    const sent = await service.desk.submit(
      { id: PEOPLE.mertonSocialWorker.id, name: PEOPLE.mertonSocialWorker.displayName },
      "merton-pre-mace",
      "individual",
      randomUUID(),
      mertonChild("Ash Notreal-Byrne"),
    );
    assert.ok(sent.ok);
    waiting.push(sent.referral.id);
    const path = `/api/panels/merton-pre-mace/referrals/${sent.referral.id}/documents`;
    const res = await fetch(`${service.url}${path}?kind=risk-factor-matrix`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${await signInAs(service, PEOPLE.mertonSocialWorker.id)}`,
        "content-type": "application/pdf",
        "x-file-name": encodeURIComponent("Risk Factor Matrix – Ash.pdf"),
      },
      body: new Blob([new Uint8Array(PDF)]),
    });
    assert.equal(res.status, 201, await res.clone().text());
    const listed = await api(PEOPLE.mertonCoordinator.id, path);
    const [matrix] = listed.body["documents"] as Summary[];
    assert.deepEqual(
      [matrix?.name, matrix?.kindLabel],
      ["Risk Factor Matrix – Ash.pdf", "Risk Factor Matrix"],
    );
    assert.equal((await api(PEOPLE.mertonPoliceOfficer.id, path)).status, 404);
    const link = await api(PEOPLE.mertonCoordinator.id, `${path}/${matrix!.id}/link`, { body: {} });
    const file = await call(service, link.body["url"] as string);
    assert.equal(file.status, 200);
    // A name beyond plain ASCII is offered both ways, as browsers read them.
    assert.match(
      file.headers.get("content-disposition") ?? "",
      /filename="Risk Factor Matrix _ Ash\.pdf"; filename\*=UTF-8''Risk%20Factor%20Matrix%20%E2%80%93%20Ash\.pdf$/,
    );
  });

  it("refuses the analyst the case's documents, and anyone signed out", async () => {
    assert.equal((await api(PEOPLE.mertonAnalyst.id, base())).status, 403);
    assert.equal((await call(service, base())).status, 401);
  });

  it("forgets used download links once expired, a bounded key range at a time, and keeps those still in their minute", async () => {
    const records = usedLinks(
      tableFactory({ kind: "connection-string", connectionString: (await azurite()).connectionString }),
    );
    const area = `links-${randomUUID().slice(0, 8)}`;
    const [early, late, live] = [randomUUID(), randomUUID(), randomUUID()];
    assert.equal(await records.use(area, early, "2026-12-20T11:58:00.000Z"), true);
    assert.equal(await records.use(area, late, "2026-12-20T11:59:00.000Z"), true);
    assert.equal(await records.use(area, live, "2026-12-20T12:00:30.000Z"), true);
    const now = "2026-12-20T12:00:00.000Z";
    assert.equal(await records.forget(area, now, 1), 1);
    assert.equal(await records.forget(area, now, 100), 1);
    assert.equal(await records.forget(area, now, 100), 0);
    // The one still in its minute is still refused a second use.
    assert.equal(await records.use(area, live, "2026-12-20T12:00:30.000Z"), false);
    assert.equal(await records.use(area, early, "2026-12-20T11:58:00.000Z"), true);
  });

  it("reads Microsoft Defender for Storage's scan result from the blob's index tag, a check it could not make as failed", async () => {
    const container = blobs.getContainerClient("documents");
    await ensureDocumentContainer(container);
    const files = blobDocuments(container, { resultTag: SCAN_TAG });
    await files.put("merton/scan-check", PDF, "application/pdf");
    assert.equal(await files.scanVerdict("merton/scan-check"), "awaiting-scan");
    await container.getBlobClient("merton/scan-check").setTags({ [SCAN_TAG]: DEFENDER_CLEAN });
    assert.equal(await files.scanVerdict("merton/scan-check"), "clean");
    await container.getBlobClient("merton/scan-check").setTags({ [SCAN_TAG]: DEFENDER_MALICIOUS });
    assert.equal(await files.scanVerdict("merton/scan-check"), "malicious");
    for (const unchecked of ["Error", "Not scanned"]) {
      await container.getBlobClient("merton/scan-check").setTags({ [SCAN_TAG]: unchecked });
      assert.equal(await files.scanVerdict("merton/scan-check"), "scan-failed");
    }
    await files.remove("merton/scan-check");
    assert.equal(await files.open("merton/scan-check"), undefined);
  });
});
