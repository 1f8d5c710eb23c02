import assert from "node:assert/strict";
import { tableFactory, TABLES } from "../../bot/src/adapters/tables/storage.js";
import { azurite } from "../support/azurite.js";
import { call, type Request } from "../support/http.js";
import { PEOPLE } from "../support/people.js";
import { signInAs, startTestService, type TestService } from "../support/service.js";

interface ActionAnswer {
  id: string;
  reference: string;
  title: string;
  ownerName: string;
  ownerAgency: string;
  dueDate: string;
  status: string;
  overdue: boolean;
  version: string;
  caseReference: string | null;
  completed: { byName: string; note: string } | null;
}

describe("The action log in the tab's API", () => {
  let service: TestService;
  const now = new Date("2026-11-24T12:00:00Z");

  before(async () => {
    service = await startTestService({}, { now: () => now });
  });
  after(() => service.close());

  const send = (token: string, path: string, request: Request = {}) =>
    call(service, path, { ...request, token });
  const jaydenSubject = async (token: string) => {
    const agenda = (await send(token, "/api/panels/merton-pre-mace/meetings/2026-12-03/agenda")).body as {
      entries: { slots: { subjects: { subjectId: string; reference: string; label: string | null }[] }[] }[];
    };
    return agenda.entries
      .flatMap((e) => e.slots)
      .flatMap((s) => s.subjects)
      .find((s) => s.label === "Jayden Okoro-Hart");
  };

  let recorded: ActionAnswer;

  it("records an action at a meeting, due two weeks later, with its sending and reminders indexed by date", async () => {
    const priya = await signInAs(service, PEOPLE.mertonCoordinator.id);
    const subject = await jaydenSubject(priya);
    assert.ok(subject);
    const res = await send(priya, "/api/panels/merton-pre-mace/meetings/2026-12-03/actions", {
      body: {
        subjectId: subject.subjectId,
        title: "Share the health chronology with the social worker",
        text: "Send the school nurse's chronology to the allocated social worker before the review.",
        ownerId: PEOPLE.mertonNurse.id,
      },
    });
    assert.equal(res.status, 201, res.text);
    recorded = res.body["action"] as ActionAnswer;
    assert.match(recorded.reference, /^MER-A-2026-\d{4}$/);
    assert.equal(recorded.dueDate, "2026-12-17");
    assert.equal(recorded.ownerName, "Hannah Reyes");
    assert.equal(recorded.caseReference, subject.reference);
    assert.equal(recorded.status, "open");

    const { connectionString } = await azurite();
    const due = tableFactory({ kind: "connection-string", connectionString })(TABLES.actionsDue);
    const kinds: string[] = [];
    for (const date of ["2026-11-24", "2026-12-14", "2026-12-17", "2026-12-21"]) {
      for await (const e of due.listEntities({ queryOptions: { filter: `PartitionKey eq '${date}'` } })) {
        if (e["actionId"] === recorded.id) kinds.push(`${String(e["kind"])} ${date}`);
      }
    }
    assert.deepEqual(kinds, [
      "assigned 2026-11-24",
      "reminder 2026-12-14",
      "updates-due 2026-12-17",
      "escalation 2026-12-21",
    ]);
  });

  it("lists actions with filters; a presenter sees only the actions she owns", async () => {
    const nurse = await signInAs(service, PEOPLE.mertonNurse.id);
    const mine = await send(
      nurse,
      `/api/panels/merton-pre-mace/actions?owner=${PEOPLE.mertonNurse.id}&status=open`,
    );
    assert.equal(mine.status, 200);
    const listed = mine.body["actions"] as ActionAnswer[];
    assert.ok(listed.some((a) => a.id === recorded.id));
    assert.ok(listed.every((a) => a.ownerName === "Hannah Reyes" && a.status === "open"));
    const grace = await signInAs(service, PEOPLE.mertonSocialWorker.id);
    const seen = (await send(grace, "/api/panels/merton-pre-mace/actions")).body["actions"] as ActionAnswer[];
    assert.ok(!seen.some((a) => a.id === recorded.id));
    const lambeth = await signInAs(service, PEOPLE.lambethCoordinator.id);
    assert.equal((await send(lambeth, "/api/panels/merton-pre-mace/actions")).status, 403);
  });

  it("marks an overdue action, and filters on it", async () => {
    const priya = await signInAs(service, PEOPLE.mertonCoordinator.id);
    const lateAction = {
      title: "Confirm the school place",
      text: "Confirm the school place with admissions.",
      ownerId: PEOPLE.mertonPoliceOfficer.id,
    };
    // Two weeks after the meeting has passed: recorded only once the coordinator confirms it.
    const unconfirmed = await send(priya, "/api/panels/merton-pre-mace/meetings/2026-11-05/actions", {
      body: lateAction,
    });
    assert.equal(unconfirmed.status, 400);
    assert.equal((unconfirmed.body["error"] as { code: string }).code, "due-date-passed");
    const late = await send(priya, "/api/panels/merton-pre-mace/meetings/2026-11-05/actions", {
      body: { ...lateAction, confirmOverdue: true },
    });
    assert.equal(late.status, 201, late.text);
    const subject = await jaydenSubject(priya);
    const drifting = await send(priya, "/api/panels/merton-pre-mace/meetings/2026-11-05/actions", {
      body: {
        subjectId: subject?.subjectId ?? null,
        title: "Book the return interview",
        text: "Book the return home interview.",
        ownerId: PEOPLE.mertonPoliceOfficer.id,
        confirmOverdue: true,
      },
    });
    assert.equal(drifting.status, 201, drifting.text);
    const overdue = (await send(priya, "/api/panels/merton-pre-mace/actions?overdue=true")).body[
      "actions"
    ] as ActionAnswer[];
    assert.deepEqual(overdue.map((a) => [a.title, a.dueDate, a.overdue]).sort(), [
      ["Book the return interview", "2026-11-19", true],
      ["Confirm the school place", "2026-11-19", true],
    ]);

    // The drifting action brings its case to the next meeting with the worker attending (000 §4).
    const agenda = (await send(priya, "/api/panels/merton-pre-mace/meetings/2026-12-03/agenda")).body as {
      entries: { slots: { subjects: { subjectId: string }[]; workerMustAttend: boolean }[] }[];
    };
    const slot = agenda.entries
      .flatMap((e) => e.slots)
      .find((s) => s.subjects.some((x) => x.subjectId === subject?.subjectId));
    assert.equal(slot?.workerMustAttend, true);

    // Once the action is done, the case no longer drifts.
    const action = drifting.body["action"] as ActionAnswer;
    const done = await send(priya, `/api/panels/merton-pre-mace/actions/${action.id}/done`, {
      body: { note: "Booked." },
      ifMatch: action.version,
    });
    assert.equal(done.status, 200, done.text);
    const after = (await send(priya, "/api/panels/merton-pre-mace/meetings/2026-12-03/agenda"))
      .body as typeof agenda;
    const again = after.entries
      .flatMap((e) => e.slots)
      .find((s) => s.subjects.some((x) => x.subjectId === subject?.subjectId));
    assert.equal(again?.workerMustAttend, false);
  });

  it("lets only the owner, a coordinator or a chair mark it done; a stale or repeated one is refused", async () => {
    const officer = await signInAs(service, PEOPLE.mertonPoliceOfficer.id);
    const refused = await send(officer, `/api/panels/merton-pre-mace/actions/${recorded.id}/done`, {
      body: { note: "" },
      ifMatch: recorded.version,
    });
    assert.equal(refused.status, 403);
    assert.match(
      String((refused.body["error"] as { message: string }).message),
      /Only Hannah Reyes, who owns this action/,
    );

    const nurse = await signInAs(service, PEOPLE.mertonNurse.id);
    const done = await send(nurse, `/api/panels/merton-pre-mace/actions/${recorded.id}/done`, {
      body: { note: "Sent on 10 December." },
      ifMatch: recorded.version,
    });
    assert.equal(done.status, 200, done.text);
    const action = done.body["action"] as ActionAnswer;
    assert.deepEqual(
      [action.status, action.completed?.byName, action.completed?.note],
      ["done", "Hannah Reyes", "Sent on 10 December."],
    );
    const again = await send(nurse, `/api/panels/merton-pre-mace/actions/${recorded.id}/done`, {
      body: { note: "" },
      ifMatch: recorded.version,
    });
    assert.equal(again.status, 409);
    const update = await send(nurse, `/api/panels/merton-pre-mace/actions/${recorded.id}/updates`, {
      body: { text: "One more thing." },
      ifMatch: action.version,
    });
    assert.equal(update.status, 409);
    assert.match(update.text, /is done, so it takes no more updates/);
  });

  it("refuses bad input and changes by non-coordinators, writing nothing", async () => {
    const priya = await signInAs(service, PEOPLE.mertonCoordinator.id);
    const nurse = await signInAs(service, PEOPLE.mertonNurse.id);
    const body = { title: "A title", text: "Something to do.", ownerId: PEOPLE.mertonNurse.id };
    assert.equal(
      (await send(nurse, "/api/panels/merton-pre-mace/meetings/2026-12-03/actions", { body })).status,
      403,
    );
    const unknownOwner = await send(priya, "/api/panels/merton-pre-mace/meetings/2026-12-03/actions", {
      body: { ...body, ownerId: "nobody" },
    });
    assert.equal(unknownOwner.status, 400);
    assert.match(unknownOwner.text, /Choose the action's owner/);
    // Someone in the directory who is not on the panel cannot own its actions.
    const notOnPanel = await send(priya, "/api/panels/merton-pre-mace/meetings/2026-12-03/actions", {
      body: { ...body, ownerId: PEOPLE.lambethCoordinator.id },
    });
    assert.equal(notOnPanel.status, 400);
    assert.match(notOnPanel.text, /from the panel's members/);
    const early = await send(priya, "/api/panels/merton-pre-mace/meetings/2026-12-03/actions", {
      body: { ...body, dueDate: "2026-12-01" },
    });
    assert.equal(early.status, 400);
    const notAMeeting = await send(priya, "/api/panels/merton-pre-mace/meetings/2026-12-04/actions", {
      body,
    });
    assert.equal(notAMeeting.status, 404);
  });

  it("exports the action log as CSV for the agencies' own records", async () => {
    const priya = await signInAs(service, PEOPLE.mertonCoordinator.id);
    await send(priya, "/api/panels/merton-pre-mace/meetings/2026-12-03/actions", {
      body: {
        title: "=HYPERLINK(1) review",
        text: "Check the referral link.",
        ownerId: PEOPLE.mertonNurse.id,
      },
    });
    const res = await send(priya, "/api/panels/merton-pre-mace/actions.csv?meetingId=2026-12-03");
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type") ?? "", /^text\/csv/);
    const lines = res.text.trim().split("\n");
    assert.equal(lines[0], "OFFICIAL-SENSITIVE", "the file carries its marking above the header");
    assert.equal(
      lines[1],
      "Reference,Meeting,Case,Title,Action,Owner,Agency,Due,Status,Completed,Latest update",
    );
    const row = lines.find((l) => l.startsWith(recorded.reference));
    assert.match(row ?? "", /,2026-12-03,MER-2026-\d{4},Share the health chronology with the social worker,/);
    assert.match(row ?? "", /,Hannah Reyes,[^,]+,2026-12-17,Done,Hannah Reyes 2026-11-24,/);
    // A cell that would start a formula in a spreadsheet is written as text.
    assert.ok(lines.some((l) => l.includes(",'=HYPERLINK(1) review,")));
  });

  it("gives done actions a page at a time after the open ones, and refuses a forged cursor", async () => {
    const priya = await signInAs(service, PEOPLE.mertonCoordinator.id);
    // Two more done actions, so that the done ones fill more than one page of one.
    for (const title of ["Book the room for the review", "Send the minutes to the school"]) {
      const made = await send(priya, "/api/panels/merton-pre-mace/meetings/2026-12-03/actions", {
        body: { subjectId: null, title, text: `${title}, as agreed.`, ownerId: PEOPLE.mertonNurse.id },
      });
      assert.equal(made.status, 201, made.text);
      const action = made.body["action"] as ActionAnswer;
      const done = await send(priya, `/api/panels/merton-pre-mace/actions/${action.id}/done`, {
        body: { note: "" },
        ifMatch: action.version,
      });
      assert.equal(done.status, 200, done.text);
    }
    const first = await send(priya, "/api/panels/merton-pre-mace/actions?pageSize=1");
    assert.equal(first.status, 200, first.text);
    const firstActions = first.body["actions"] as ActionAnswer[];
    const open = firstActions.filter((a) => a.status === "open");
    assert.deepEqual(
      firstActions.map((a) => a.status),
      [...open.map(() => "open"), "done"],
      "the open ones, then one done",
    );
    // The suite's clock stands still, so its done actions were completed at one moment, and come
    // in a fixed order by id: one a page, none twice, then no further page.
    const done = [firstActions.at(-1)];
    let next = first.body["next"];
    while (typeof next === "string") {
      const page = await send(priya, `/api/panels/merton-pre-mace/actions?pageSize=1&after=${next}`);
      const actions = page.body["actions"] as ActionAnswer[];
      assert.deepEqual(
        actions.map((a) => a.status),
        ["done"],
      );
      done.push(actions[0]);
      next = page.body["next"];
    }
    assert.equal(next, null);
    const titles = done.map((a) => a?.title);
    assert.equal(new Set(done.map((a) => a?.id)).size, done.length, "none twice");
    for (const title of ["Book the room for the review", recorded.title, "Send the minutes to the school"])
      assert.ok(titles.includes(title), `${title} is on a page`);
    const forged = await send(priya, "/api/panels/merton-pre-mace/actions?after=not-a-cursor");
    assert.equal(forged.status, 400);
    assert.match(forged.text, /This list cannot be continued from here\. Load the actions again\./);
  });
});
