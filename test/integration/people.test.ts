import assert from "node:assert/strict";
import { auditOfArea } from "../support/audit.js";
import { randomUUID } from "node:crypto";
import { tableFactory } from "../../bot/src/adapters/tables/storage.js";
import type {
  AreaPeopleResponse,
  DirectoryResponse,
  ImportResponse,
  MeResponse,
  PanelsResponse,
  ProblemResponse,
} from "../../bot/src/adapters/http/contract/index.js";
import { MAX_CSV_BYTES, PEOPLE_CSV_COLUMNS } from "../../bot/src/application/people/people-csv.js";
import type { GraphServer } from "../../scripts/dev-kit/graph-stand-in/index.js";
import { azurite } from "../support/azurite.js";
import { startServiceWithGraph } from "../support/graph.js";
import { call } from "../support/http.js";
import { PEOPLE } from "../support/people.js";
import { signInAs, startTestService, type TestService } from "../support/service.js";

const TAMSIN = "00000000-0000-4000-8000-000000000113";

/** The audit entries of an area for one person and action. */
async function audited(areaId: string, personId: string, action: string): Promise<Record<string, unknown>[]> {
  const { connectionString } = await azurite();
  const entries = await auditOfArea(tableFactory({ kind: "connection-string", connectionString }), areaId);
  return entries
    .map((e) => e.value as unknown as Record<string, unknown>)
    .filter((e) => e["personId"] === personId && e["action"] === action);
}

/** A new invented person of `agencyId`, as the People page sends them. */
const newcomer = (agencyId = "mer-csc", displayName = "Noor Invented") => ({
  displayName,
  email: `noor.${randomUUID().slice(0, 8)}@merton.example`,
  agencyId,
  jobTitle: "Youth worker",
});

describe("People and access, managed from the tab", function () {
  let service: TestService;
  let admin: string;
  const upload = async (token: string, path: string, text: string, type = "text/csv") => {
    const res = await fetch(`${service.url}${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": type },
      body: text,
    });
    return { status: res.status, body: (await res.json()) as ImportResponse & ProblemResponse };
  };

  before(async () => {
    service = await startTestService();
    admin = await signInAs(service, PEOPLE.mertonAdministrator.id);
  });
  after(() => service?.close());

  it("an administrator adds a person and makes them a member of pre-MACE; they see the panel until they are removed", async () => {
    const id = randomUUID();
    const added = await call(service, `/api/areas/merton/people/${id}`, {
      method: "PUT",
      token: admin,
      body: newcomer(),
    });
    assert.equal(added.status, 204, added.text);
    const granted = await call(service, `/api/panels/merton-pre-mace/members/${id}`, {
      method: "PUT",
      token: admin,
      body: { role: "member" },
    });
    assert.equal(granted.status, 204, granted.text);

    const noor = await signInAs(service, id);
    const panels = await call<PanelsResponse>(service, "/api/panels", { token: noor });
    assert.deepEqual(
      panels.body.panels.map((p) => [p.id, p.role]),
      [["merton-pre-mace", "member"]],
    );
    assert.equal((await call(service, "/api/panels/merton-pre-mace", { token: noor })).status, 200);
    const view = await call<AreaPeopleResponse>(service, "/api/areas/merton/people", { token: admin });
    assert.deepEqual(view.body.people.find((p) => p.id === id)?.roles, [
      { panelId: "merton-pre-mace", role: "member", deputyFor: null },
    ]);

    const removed = await call(service, `/api/panels/merton-pre-mace/members/${id}`, {
      method: "DELETE",
      token: admin,
    });
    assert.equal(removed.status, 204, removed.text);
    const refused = await call<ProblemResponse>(service, "/api/panels/merton-pre-mace", { token: noor });
    assert.equal(refused.status, 403);
    assert.match(refused.body.error.message, /not a member of this panel/);

    for (const action of ["person.added", "role.granted", "role.removed"]) {
      const entries = await audited("merton", id, action);
      assert.equal(entries.length, 1, action);
      assert.equal(entries[0]?.["actorId"], PEOPLE.mertonAdministrator.id);
      assert.equal(entries[0]?.["via"], "tab");
    }
  });

  it("tells the home page which areas a person manages", async () => {
    const me = (token: string) => call<MeResponse>(service, "/api/me", { token });
    assert.deepEqual((await me(admin)).body.manages, [{ id: "merton", name: "Merton", administrator: true }]);
    const priya = await signInAs(service, PEOPLE.mertonCoordinator.id);
    assert.deepEqual((await me(priya)).body.manages, [
      { id: "merton", name: "Merton", administrator: false },
    ]);
    const nurse = await signInAs(service, PEOPLE.mertonNurse.id);
    assert.deepEqual((await me(nurse)).body.manages, []);
  });

  it("refuses Merton's administrator Lambeth's people, and a member every area's", async () => {
    const lambeth = await call<ProblemResponse>(service, "/api/areas/lambeth/people", { token: admin });
    assert.equal(lambeth.status, 403);
    assert.match(lambeth.body.error.message, /Only Lambeth's administrators/);
    const change = await call(service, `/api/areas/lambeth/people/${PEOPLE.lambethManager.id}`, {
      method: "PUT",
      token: admin,
      body: { ...newcomer("lam-csc"), displayName: "Changed" },
    });
    assert.equal(change.status, 403);
    const role = await call(service, `/api/panels/lambeth-mave/members/${PEOPLE.lambethManager.id}`, {
      method: "DELETE",
      token: admin,
    });
    assert.equal(role.status, 403);
    const nurse = await signInAs(service, PEOPLE.mertonNurse.id);
    assert.equal((await call(service, "/api/areas/merton/people", { token: nurse })).status, 403);
    assert.equal(
      (await call(service, "/api/areas/merton/directory?q=amara", { token: nurse })).status,
      403,
      "the directory is searched by the area's managers only",
    );
  });

  it("refuses a coordinator who tries to make themselves an administrator", async () => {
    const priya = await signInAs(service, PEOPLE.mertonCoordinator.id);
    const res = await call<ProblemResponse>(
      service,
      `/api/areas/merton/administrators/${PEOPLE.mertonCoordinator.id}`,
      { method: "PUT", token: priya },
    );
    assert.equal(res.status, 403);
    assert.match(res.body.error.message, /Only Merton's administrators can make someone an administrator/);
    assert.equal((await audited("merton", PEOPLE.mertonCoordinator.id, "administrator.granted")).length, 0);
  });

  it("keeps a panel's last coordinator", async () => {
    const res = await call<ProblemResponse>(
      service,
      `/api/panels/merton-pre-mace/members/${PEOPLE.mertonCoordinator.id}`,
      { method: "DELETE", token: admin },
    );
    assert.equal(res.status, 409);
    assert.match(res.body.error.message, /needs at least one coordinator/);
    const view = await call<AreaPeopleResponse>(service, "/api/areas/merton/people", { token: admin });
    const priya = view.body.people.find((p) => p.id === PEOPLE.mertonCoordinator.id);
    assert.ok(priya?.roles.some((r) => r.panelId === "merton-pre-mace" && r.role === "coordinator"));
  });

  it("keeps a display name as long as Entra ID allows (256), and refuses a longer one, saying which field, writing nothing", async () => {
    const kept = randomUUID();
    const longest = `N${"n".repeat(255)}`;
    const saved = await call(service, `/api/areas/merton/people/${kept}`, {
      method: "PUT",
      token: admin,
      body: newcomer("mer-csc", longest),
    });
    assert.equal(saved.status, 204);
    let view = await call<AreaPeopleResponse>(service, "/api/areas/merton/people", { token: admin });
    assert.equal(view.body.people.find((p) => p.id === kept)?.displayName, longest);

    const id = randomUUID();
    const res = await call<ProblemResponse>(service, `/api/areas/merton/people/${id}`, {
      method: "PUT",
      token: admin,
      body: newcomer("mer-csc", "N".repeat(257)),
    });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.fields?.[0]?.field, "displayName");
    assert.match(
      res.body.error.fields?.[0]?.message ?? "",
      /at most 256 characters, as in Microsoft Entra ID/,
    );
    view = await call<AreaPeopleResponse>(service, "/api/areas/merton/people", { token: admin });
    assert.equal(
      view.body.people.some((p) => p.id === id),
      false,
    );
    assert.equal((await audited("merton", id, "person.added")).length, 0);
  });

  it("gives the blank import template to download", async () => {
    const res = await call(service, "/api/areas/merton/people/template.csv", { token: admin });
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type") ?? "", /^text\/csv/);
    assert.match(
      res.headers.get("content-disposition") ?? "",
      /attachment; filename="merton-people-template.csv"/,
    );
    assert.equal(res.text.split("\n")[0], PEOPLE_CSV_COLUMNS.join(","));
  });

  it("says plainly that the directory cannot be searched when Microsoft Graph is off", async () => {
    const res = await call<ProblemResponse>(service, "/api/areas/merton/directory?q=amara", { token: admin });
    assert.equal(res.status, 503);
    assert.match(res.body.error.message, /not connected to your organisation's directory/);
  });

  it("refuses an import file that is too large or has the wrong columns, and writes nothing", async () => {
    const header = `${PEOPLE_CSV_COLUMNS.join(",")}\n`;
    const bigId = randomUUID();
    const row = `${bigId},big@merton.example,Big File,mer-csc,Worker,,,,no\n`;
    const big = header + row.repeat(Math.ceil(MAX_CSV_BYTES / row.length) + 10);
    const tooLarge = await upload(admin, "/api/areas/merton/people/import/apply", big);
    assert.equal(tooLarge.status, 413);
    assert.match(tooLarge.body.error.message, /larger than 512 KB/);
    assert.equal((await audited("merton", bigId, "person.added")).length, 0);

    const wrong = await upload(
      admin,
      "/api/areas/merton/people/import/preview",
      "name,email,team\nNoor,noor@merton.example,CSC\n",
    );
    assert.equal(wrong.status, 400);
    assert.match(wrong.body.error.message, /The file has no column objectId, displayName/);
    assert.match(wrong.body.error.message, /The columns name, team are not ones we know/);

    const asJson = await upload(admin, "/api/areas/merton/people/import/apply", "{}", "application/json");
    assert.equal(asJson.status, 415);
  });

  it("previews a 30-row file with its two problem rows, applies the other 28, and a second import changes nothing", async () => {
    const tamsin = await signInAs(service, TAMSIN);
    const ids: string[] = Array.from({ length: 30 }, () => randomUUID());
    const rows = ids.map((id, i) => {
      const agency = i === 7 ? "Fire and Rescue" : i % 2 ? "sta-police" : "Children's Social Care";
      const [panel, role] =
        i === 19 ? ["staffordshire-tamworth", "observer"] : i < 10 ? ["tamworth", "member"] : ["", ""];
      return `${id},person${i}.${id.slice(0, 6)}@staffs.example,Invented Person ${i},${agency},Practitioner,${panel},${role},,no`;
    });
    const file = `${PEOPLE_CSV_COLUMNS.join(",")}\n${rows.join("\n")}\n`;

    const preview = await upload(tamsin, "/api/areas/staffordshire/people/import/preview", file);
    assert.equal(preview.status, 200, JSON.stringify(preview.body));
    assert.deepEqual(preview.body.counts, { add: 28, change: 0, unchanged: 0, problem: 2 });
    assert.deepEqual(
      preview.body.rows.filter((r) => r.problems.length).map((r) => [r.line, r.problems]),
      [
        [9, [`agency "Fire and Rescue" is not one of Staffordshire's agencies`]],
        [21, [`role "observer" is not known: use coordinator, chair, member, deputy, presenter or analyst`]],
      ],
    );
    assert.deepEqual(preview.body.rows[0]?.changes, [
      "added to the directory",
      "Tamworth District MACE panel: member",
    ]);
    assert.equal(
      (await audited("staffordshire", ids[0] ?? "", "person.added")).length,
      0,
      "a preview writes nothing",
    );

    const applied = await upload(tamsin, "/api/areas/staffordshire/people/import/apply", file);
    assert.equal(applied.status, 200);
    assert.deepEqual(applied.body.counts, { add: 28, change: 0, unchanged: 0, problem: 2 });
    const view = await call<AreaPeopleResponse>(service, "/api/areas/staffordshire/people", {
      token: tamsin,
    });
    const imported = view.body.people.filter((p) => ids.includes(p.id));
    assert.equal(imported.length, 28);
    assert.equal(
      imported.filter((p) => p.roles.some((r) => r.panelId === "staffordshire-tamworth")).length,
      9,
      "the members of Tamworth's panel, less the row with an unknown agency",
    );
    assert.equal((await audited("staffordshire", ids[0] ?? "", "role.granted"))[0]?.["via"], "people import");

    const again = await upload(tamsin, "/api/areas/staffordshire/people/import/apply", file);
    assert.deepEqual(again.body.counts, { add: 0, change: 0, unchanged: 28, problem: 2 });
    assert.equal((await audited("staffordshire", ids[0] ?? "", "person.added")).length, 1);
    assert.equal((await audited("staffordshire", ids[0] ?? "", "role.granted")).length, 1);
  });
});

describe("Finding someone to add in the organisation's directory", function () {
  let service: TestService;
  let graph: GraphServer;

  before(async () => ({ service, graph } = await startServiceWithGraph()));
  after(async () => {
    await service?.close();
    await graph?.close();
  });

  it("finds members and partner agencies' guests through the signed-in administrator's access", async () => {
    const admin = await signInAs(service, PEOPLE.mertonAdministrator.id);
    const search = (q: string) =>
      call<DirectoryResponse>(service, `/api/areas/merton/directory?q=${encodeURIComponent(q)}`, {
        token: admin,
      });
    const amara = await search("Amara");
    assert.equal(amara.status, 200, amara.text);
    assert.deepEqual(
      amara.body.people.map((p) => [p.displayName, p.guest]),
      [["Amara Lindqvist", false]],
    );
    const sam = await search("sam.okonjo");
    assert.deepEqual(
      sam.body.people.map((p) => [p.displayName, p.email, p.guest]),
      [["Sam Okonjo", "sam.okonjo@met.example", true]],
    );
    const short = await call<ProblemResponse>(service, "/api/areas/merton/directory?q=a", { token: admin });
    assert.equal(short.status, 400);
    assert.match(short.body.error.fields?.[0]?.message ?? "", /at least two letters/);
  });
});
