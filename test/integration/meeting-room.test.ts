import assert from "node:assert/strict";
import { fileInZip, zipEntries } from "../support/zip.js";
import { recordingConnector, type RecordingConnector } from "../support/connector.js";
import { acceptedMertonReferral } from "../support/referrals.js";
import { call, type Request } from "../support/http.js";
import { asInPdf, pdfPages } from "../support/pdf.js";
import { auditOfArea } from "../support/audit.js";
import { azurite } from "../support/azurite.js";
import { tableFactory } from "../../bot/src/adapters/tables/storage.js";
import { PEOPLE } from "../support/people.js";
import { signInAs, startTestService, type TestService } from "../support/service.js";
import { inputs, teamsChat, teamsUser, texts, type Card, type TeamsUser } from "../support/teams-chat.js";

// A Merton pre-MACE run from the tab's API: sign-in with the statement, quorum, names held back until
// signed in, a decision per case with its effect on later agendas, a stale save refused, minutes.

const PANEL = "merton-pre-mace";
const MEETING = "2027-01-07";
interface Room {
  inProgress: boolean;
  signedIn: boolean;
  signIns: { name: string; agency: string; capacity: string }[];
  apologies: { name: string; agency: string }[];
  quorum: { quorate: boolean; missing: string[] };
  statement: string;
}
type Listed = { subjectId: string; reference: string; label: string | null };
interface AgendaAnswer {
  namesHidden: boolean;
  unplaced: Listed[];
  entries: {
    title: string;
    slots: { subjects: Listed[] }[];
    listed: Listed[];
  }[];
}

describe("Running a meeting: sign-in, quorum, decisions and minutes", function () {
  this.timeout(60_000);
  let service: TestService;
  let connector: RecordingConnector;
  let now = new Date("2026-12-20T12:00:00Z");
  const cases: { subjectId: string; reference: string; name: string }[] = [];

  const api = async (person: string, path: string, request: Request = {}) => {
    const token = await signInAs(service, person);
    const res = await call(service, `/api/panels/${PANEL}${path}`, { ...request, token });
    return { ...res, type: res.headers.get("content-type") ?? "" };
  };
  const errorOf = (r: { body: Record<string, unknown> }) =>
    r.body["error"] as { code: string; message: string };
  const agenda = async (person: string) =>
    (await api(person, `/meetings/${MEETING}/agenda`)).body as unknown as AgendaAnswer;
  // Every case on an agenda: in slots, listed without a slot, or still to place.
  const subjectsOf = (a: AgendaAnswer): Listed[] => [
    ...a.entries.flatMap((e) => [...e.slots.flatMap((s) => s.subjects), ...e.listed]),
    ...a.unplaced,
  ];

  before(async () => {
    connector = await recordingConnector();
    service = await startTestService({}, { now: () => now });
    // Two children referred before Christmas, accepted for the January meeting.
    for (const name of ["Robin Invented-Hale", "Skye Madeup-Frost"]) {
      cases.push(await acceptedMertonReferral(service, name, `${cases.length + 7} Imaginary Close`, MEETING));
    }
    now = new Date(`${MEETING}T10:00:00Z`);
  });
  after(async () => {
    await service.close();
    await connector.close();
  });

  it("holds back the meeting's names until a person signs in and agrees; a second press records one attendance", async () => {
    const before = await agenda(PEOPLE.mertonCoordinator.id);
    assert.equal(before.namesHidden, true);
    const ours = subjectsOf(before).filter((s) => cases.some((c) => c.subjectId === s.subjectId));
    assert.equal(ours.length, 2);
    assert.ok(ours.every((s) => s.label === null));

    const room = (await api(PEOPLE.mertonCoordinator.id, `/meetings/${MEETING}/room`))
      .body as unknown as Room;
    assert.equal(room.inProgress, true);
    assert.match(room.statement, /^Information shared at this panel is confidential\./);
    const refused = await api(PEOPLE.mertonCoordinator.id, `/meetings/${MEETING}/room/sign-in`, {
      body: { agencyId: "mer-csc", capacity: "member", agreed: false },
    });
    assert.equal(refused.status, 400);

    const first = await api(PEOPLE.mertonCoordinator.id, `/meetings/${MEETING}/room/sign-in`, {
      body: { agencyId: "mer-csc", capacity: "member", agreed: true },
    });
    assert.equal(first.status, 201);
    const again = await api(PEOPLE.mertonCoordinator.id, `/meetings/${MEETING}/room/sign-in`, {
      body: { agencyId: "mer-csc", capacity: "member", agreed: true },
    });
    assert.equal(again.status, 200);
    assert.equal((again.body as unknown as Room).signIns.filter((s) => s.name === "Priya Okafor").length, 1);

    const after = await agenda(PEOPLE.mertonCoordinator.id);
    assert.equal(after.namesHidden, false);
    const named = subjectsOf(after).filter((s) => cases.some((c) => c.subjectId === s.subjectId));
    assert.deepEqual(named.map((s) => s.label).sort(), cases.map((c) => c.name).sort());
    // Hannah has not signed in: she still sees references only.
    assert.equal((await agenda(PEOPLE.mertonNurse.id)).namesHidden, true);
  });

  it("is quorate only when Health, Children's Social Care, Police and Education are signed in; the sign-in card works from the channel", async () => {
    // Only someone from the agency can represent it.
    const notHers = await api(PEOPLE.mertonNurse.id, `/meetings/${MEETING}/room/sign-in`, {
      body: { agencyId: "mer-police", capacity: "member", agreed: true },
    });
    assert.equal(notHers.status, 403);
    await api(PEOPLE.mertonNurse.id, `/meetings/${MEETING}/room/sign-in`, {
      body: { agencyId: "mer-health", capacity: "member", agreed: true },
    });
    let room = (await api(PEOPLE.mertonChair.id, `/meetings/${MEETING}/room`)).body as unknown as Room;
    assert.deepEqual(room.quorum, { ...room.quorum, quorate: false, missing: ["Police", "Education"] });

    // Tom signs in from the card in the channel, as a deputy for the police.
    const chat = teamsChat(
      () => service.url,
      () => connector.url,
      "19:merton-meeting@thread.tacv2",
    );
    const tom = teamsUser(PEOPLE.mertonChair);
    // He presses Sign in on the card the bot posted in the channel.
    const posted = "1733050000001";
    const pressed = await chat.press(chat.inChannel(tom, posted), "meeting.sign-in", {
      panelId: PANEL,
      meetingId: MEETING,
      agencyId: "mer-police",
      capacity: "deputy",
      agreed: "true",
    });
    const hisView = chat.cardOf(pressed);
    assert.deepEqual(texts(hisView), [
      "Signed in: Pre-MACE operational panel",
      "You are signed in for Police. The meeting's case details are now shown to you in the tab.",
      "Meeting: Thursday 7 January 2027, 09:30 to 13:30",
      "Agency: Police",
      "Attending as: Deputy for the agency's member",
      "Signed in at: 10:00",
      "You agreed to the information sharing agreement and the confidentiality statement.",
    ]);
    assert.deepEqual(inputs(hisView), {}, "his view has no form to fill in again");
    // Everyone else keeps the form, and Teams is told to ask for Tom's own view whenever he looks.
    const forEveryone = connector.updated.find((u) => u.activityId === posted);
    assert.ok(forEveryone, "the channel's card was updated");
    const [attached] = forEveryone.activity["attachments"] as { content: Card }[];
    const everyoneCard = attached?.content ?? {};
    assert.deepEqual(Object.keys(inputs(everyoneCard)).sort(), ["agencyId", "agreed", "capacity"]);
    assert.deepEqual(everyoneCard["refresh"], {
      action: {
        type: "Action.Execute",
        title: "Refresh",
        verb: "meeting.sign-in-view",
        data: { panelId: PANEL, meetingId: MEETING },
      },
      userIds: [tom.id],
    });
    const twice = await chat.press(chat.inChannel(tom, posted), "meeting.sign-in", {
      panelId: PANEL,
      meetingId: MEETING,
      agencyId: "mer-police",
      capacity: "deputy",
      agreed: "true",
    });
    assert.equal(texts(chat.cardOf(twice))[1], "You are signed in for Police.");
    // Opening the channel later: Teams asks for each person's view of the card.
    const view = (who: TeamsUser) =>
      chat.press(chat.inChannel(who, posted), "meeting.sign-in-view", { panelId: PANEL, meetingId: MEETING });
    assert.equal(texts(chat.cardOf(await view(tom)))[1], "You are signed in for Police.");
    // Hannah signed in from the tab: the card shows her that too.
    assert.equal(
      texts(chat.cardOf(await view(teamsUser(PEOPLE.mertonNurse))))[1],
      "You are signed in for Health.",
    );
    // Someone who has not signed in sees the form, still naming Tom for refresh.
    const notYet = chat.cardOf(await view(teamsUser(PEOPLE.mertonEducationLead)));
    assert.deepEqual(Object.keys(inputs(notYet)).sort(), ["agencyId", "agreed", "capacity"]);
    assert.deepEqual((notYet["refresh"] as { userIds: string[] }).userIds, [tom.id]);
    const notAgreed = await chat.press(chat.inChannel(tom), "meeting.sign-in", {
      panelId: PANEL,
      meetingId: MEETING,
      agencyId: "mer-police",
      capacity: "deputy",
      agreed: "false",
    });
    assert.match(String(notAgreed.value), /tick the agreement/);
    // Someone on another area's panel cannot sign in to this one from a card, whatever they name.
    const outsider = await chat.press(
      chat.inChannel(teamsUser(PEOPLE.lambethCoordinator)),
      "meeting.sign-in",
      {
        panelId: PANEL,
        meetingId: MEETING,
        agencyId: "mer-police",
        capacity: "guest",
        agreed: "true",
      },
    );
    assert.equal(
      outsider.value,
      "Sorry: You are not a member of this panel. Ask its coordinator to add you.",
    );
    const listed = (await api(PEOPLE.mertonChair.id, `/meetings/${MEETING}/room`)).body as unknown as Room;
    assert.ok(!listed.signIns.some((x) => x.name === PEOPLE.lambethCoordinator.displayName));

    await api(PEOPLE.mertonEducationLead.id, `/meetings/${MEETING}/room/sign-in`, {
      body: { agencyId: "mer-education", capacity: "member", agreed: true },
    });
    const apology = await api(PEOPLE.mertonCoordinator.id, `/meetings/${MEETING}/room/apologies`, {
      body: { agencyId: "mer-youth-justice", personName: "Sam Invented" },
    });
    assert.equal(apology.status, 201);
    assert.equal(
      (
        await api(PEOPLE.mertonNurse.id, `/meetings/${MEETING}/room/apologies`, {
          body: { agencyId: "mer-youth-justice", personName: "X Y" },
        })
      ).status,
      403,
    );
    room = (await api(PEOPLE.mertonChair.id, `/meetings/${MEETING}/room`)).body as unknown as Room;
    assert.equal(room.quorum.quorate, true);
    assert.deepEqual(
      room.signIns.map((s) => `${s.name}, ${s.agency}, ${s.capacity}`),
      [
        "Priya Okafor, Children's Social Care, member",
        "Owen Brathwaite, Education, member",
        "Hannah Reyes, Health, member",
        "Tom Ashworth, Police, deputy",
      ],
    );
    assert.deepEqual(
      room.apologies.map((a) => `${a.name} (${a.agency})`),
      ["Sam Invented (Youth Justice Service)"],
    );
  });

  it("records a decision per case: a review date puts the case on the first meeting on or after it; a stale save is refused", async () => {
    const [robin, skye] = cases;
    assert.ok(robin && skye);
    const decided = await api(
      PEOPLE.mertonCoordinator.id,
      `/meetings/${MEETING}/decisions/${robin.subjectId}`,
      {
        method: "PUT",
        ifMatch: "none",
        body: {
          kind: "continue",
          reviewDate: "2027-01-20",
          riskLevel: "significant",
          volt: {
            personsOfConcern: ["Adult known as 'K'"],
            locations: ["Invented Park"],
            groups: [],
            themes: ["County lines"],
          },
          disruption: ["Child Abduction Warning Notice"],
          disruptionDetail: "Served by the police this week.",
        },
      },
    );
    assert.equal(decided.status, 200, JSON.stringify(decided.body));
    const february = (await api(PEOPLE.mertonCoordinator.id, `/meetings/2027-02-04/agenda`))
      .body as unknown as AgendaAnswer;
    assert.ok(
      subjectsOf(february).some((s) => s.subjectId === robin.subjectId),
      "on the February agenda",
    );

    // A second coordinator's save from the same empty form is refused, naming who saved first.
    const stale = await api(
      PEOPLE.mertonCoordinator.id,
      `/meetings/${MEETING}/decisions/${robin.subjectId}`,
      {
        method: "PUT",
        ifMatch: "none",
        body: { kind: "return", returnTo: "2027-03-04" },
      },
    );
    assert.equal(stale.status, 409);
    assert.equal(
      (stale.body["error"] as { message: string }).message,
      "This item was changed by Priya Okafor at 10:00. Reload to see it before saving.",
    );

    const noRationale = await api(
      PEOPLE.mertonCoordinator.id,
      `/meetings/${MEETING}/decisions/${skye.subjectId}`,
      {
        method: "PUT",
        ifMatch: "none",
        body: { kind: "remove" },
      },
    );
    assert.equal(noRationale.status, 400);
    assert.deepEqual(
      (noRationale.body["error"] as { fields: { field: string }[] }).fields.map((f) => f.field),
      ["rationale"],
    );
    const removed = await api(
      PEOPLE.mertonCoordinator.id,
      `/meetings/${MEETING}/decisions/${skye.subjectId}`,
      {
        method: "PUT",
        ifMatch: "none",
        body: {
          kind: "remove",
          rationale: "Moved out of the area; the host panel has the case.",
          riskLevel: "moderate",
        },
      },
    );
    assert.equal(removed.status, 200);
    // Decided here, both stay on this meeting's agenda, for its minutes.
    const today = subjectsOf(await agenda(PEOPLE.mertonCoordinator.id)).map((s) => s.subjectId);
    assert.deepEqual(
      [today.includes(robin.subjectId), today.includes(skye.subjectId)],
      [true, true],
      "both decided cases stay on this meeting's agenda",
    );

    const notCoordinator = await api(
      PEOPLE.mertonNurse.id,
      `/meetings/${MEETING}/decisions/${skye.subjectId}`,
      {
        method: "PUT",
        ifMatch: removed.etag,
        body: { kind: "remove", rationale: "Another rationale entirely." },
      },
    );
    assert.equal(notCoordinator.status, 403);

    const action = await api(PEOPLE.mertonCoordinator.id, `/meetings/${MEETING}/actions`, {
      body: {
        subjectId: robin.subjectId,
        title: "Share the disruption plan",
        text: "Share the disruption plan with the school.",
        ownerId: PEOPLE.mertonEducationLead.id,
      },
    });
    assert.equal(action.status, 201);
  });

  it("generates the draft minutes for coordinators and chairs; once agreed at the next meeting, members export them as a Word document", async () => {
    const [robin, skye] = cases;
    const minutes = await api(PEOPLE.mertonCoordinator.id, `/meetings/${MEETING}/minutes`);
    assert.equal(minutes.status, 200);
    const m = minutes.body as unknown as {
      attendance: { name: string }[];
      apologies: { name: string }[];
      quorum: { quorate: boolean };
      items: {
        reference: string;
        label: string;
        decision: string;
        riskLevel: string;
        links: string[];
        disruption: string[];
        actions: { reference: string; title: string; owner: string }[];
      }[];
      themes: string[];
    };
    assert.equal(m.attendance.length, 4);
    assert.deepEqual(
      m.apologies.map((a) => a.name),
      ["Sam Invented"],
    );
    assert.equal(m.quorum.quorate, true);
    const robinItem = m.items.find((i) => i.reference === robin?.reference);
    assert.deepEqual(
      robinItem && [
        robinItem.label,
        robinItem.decision,
        robinItem.riskLevel,
        robinItem.links,
        robinItem.disruption,
        robinItem.actions.map((a) => ({ ...a, reference: /^MER-A-2027-\d{4}$/.test(a.reference) })),
      ],
      [
        "Robin Invented-Hale",
        "Continue; review by 2027-01-20.",
        "Significant",
        ["Person of concern: Adult known as 'K'", "Location: Invented Park", "Theme: County lines"],
        ["Child Abduction Warning Notice", "Served by the police this week."],
        [
          {
            reference: true,
            title: "Share the disruption plan",
            owner: "Owen Brathwaite",
            agency: "Education",
            dueDate: "2027-01-21",
          },
        ],
      ],
    );
    const skyeItem = m.items.find((i) => i.reference === skye?.reference);
    assert.equal(
      skyeItem?.decision,
      "Removed from the cohort: Moved out of the area; the host panel has the case.",
    );
    assert.deepEqual(m.themes, ["County lines"]);

    assert.deepEqual(
      [(minutes.body as unknown as { status: object }).status],
      [
        {
          state: "draft",
          words: "Draft: awaiting agreement at the panel's next meeting, on 4 February 2027.",
          exportable: false,
        },
      ],
    );

    assert.equal((await api(PEOPLE.mertonSocialWorker.id, `/meetings/${MEETING}/minutes`)).status, 403);
    // A member, signed in or not, is told the draft awaits agreement, and when; nothing of it is shown.
    for (const member of [PEOPLE.mertonNurse, PEOPLE.mertonPoliceOfficer]) {
      const draft = await api(member.id, `/meetings/${MEETING}/minutes`);
      assert.deepEqual(
        [draft.status, errorOf(draft).code, errorOf(draft).message],
        [
          409,
          "minutes-awaiting-agreement",
          "These minutes are awaiting agreement at the panel's next meeting, on 4 February 2027. Until then only the panel's coordinators and chairs read the draft.",
        ],
      );
      assert.ok(!draft.text.includes("Robin"));
    }
    const draftWord = await api(PEOPLE.mertonCoordinator.id, `/meetings/${MEETING}/minutes.docx`);
    assert.deepEqual([draftWord.status, errorOf(draftWord).code], [409, "minutes-not-agreed"]);

    // At February's meeting the coordinator, signed in, records January's minutes as agreed.
    let word: Awaited<ReturnType<typeof api>> | undefined;
    const onTheDay = now;
    now = new Date("2027-02-04T10:00:00Z");
    try {
      const signIn = await api(PEOPLE.mertonCoordinator.id, `/meetings/2027-02-04/room/sign-in`, {
        body: { agencyId: "mer-csc", capacity: "member", agreed: true },
      });
      assert.equal(signIn.status, 201, signIn.text);
      const agreed = await api(
        PEOPLE.mertonCoordinator.id,
        `/meetings/2027-02-04/previous-minutes/agreement`,
        {
          body: { correction: "" },
        },
      );
      assert.equal(agreed.status, 201, agreed.text);
      assert.equal(
        (agreed.body["status"] as { words: string }).words,
        "Agreed at the meeting on 4 February 2027, recorded by Priya Okafor.",
      );
      word = await api(PEOPLE.mertonNurse.id, `/meetings/${MEETING}/minutes.docx`);
    } finally {
      now = onTheDay;
    }
    assert.ok(word);
    assert.equal(word.status, 200);
    assert.equal(word.type, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    const document = fileInZip(word.bytes, "word/document.xml");
    assert.ok(document?.includes("Robin Invented-Hale"));
    assert.ok(document?.includes("The meeting was quorate."));
    // Every page is marked, in its header and its footer.
    const marked = zipEntries(word.bytes).filter(
      (e) =>
        /^word\/(header|footer)\d*\.xml$/.test(e.name) &&
        e.data.toString("utf8").includes("OFFICIAL-SENSITIVE"),
    );
    assert.deepEqual(marked.map((e) => e.name.replace(/\d*\.xml$/, "")).sort(), [
      "word/footer",
      "word/header",
    ]);
  });

  it("the agreed minutes download as a PDF through a link that opens once, with no sign-in: decisions, marking and page numbers on every page", async () => {
    const minutes = (await api(PEOPLE.mertonNurse.id, `/meetings/${MEETING}/minutes`)).body as unknown as {
      items: { reference: string; decision: string | null }[];
    };
    const ours = minutes.items.filter((i) => cases.some((c) => c.reference === i.reference));
    assert.equal(ours.length, 2);
    const path = `/api/panels/${PANEL}/meetings/${MEETING}/minutes.pdf`;
    const asked = await call<{ url: string; expiresAt: string }>(service, "/api/downloads", {
      body: { path },
      token: await signInAs(service, PEOPLE.mertonNurse.id),
    });
    assert.equal(asked.status, 200, asked.text);
    assert.match(asked.body.url, /^\/downloads\/[\w-]+$/);
    assert.equal(asked.body.expiresAt, new Date(now.getTime() + 60_000).toISOString());

    // A probe (a link checker, a download manager's HEAD) neither spends the link nor audits it.
    const probe = await fetch(`${service.url}${asked.body.url}`, { method: "HEAD" });
    assert.deepEqual([probe.status, probe.headers.get("allow")], [405, "GET"]);

    const file = await call(service, asked.body.url);
    assert.equal(file.status, 200, file.text);
    assert.equal(file.headers.get("content-type"), "application/pdf");
    assert.equal(
      file.headers.get("content-disposition"),
      `attachment; filename="${PANEL}-${MEETING}-minutes.pdf"; filename*=UTF-8''${PANEL}-${MEETING}-minutes.pdf`,
    );
    assert.equal(file.headers.get("cache-control"), "no-store");
    const pages = await pdfPages(file.bytes);
    const text = pages.join(" ");
    for (const item of ours) {
      assert.ok(item.decision, `${item.reference} was decided`);
      assert.ok(text.includes(asInPdf(`Decision: ${item.decision}`)), item.decision);
    }
    assert.ok(text.includes("Robin Invented-Hale"));
    assert.ok(text.includes("The meeting was quorate."));
    pages.forEach((page, n) => {
      assert.equal(page.split("OFFICIAL-SENSITIVE").length - 1, 2, `page ${n + 1} is marked above and below`);
      assert.ok(page.includes(`Page ${n + 1} of ${pages.length}`));
    });

    // The download is audited as the minutes' read is, once, as the nurse the link was made for.
    const audited = async () =>
      (
        await auditOfArea(
          tableFactory({ kind: "connection-string", connectionString: (await azurite()).connectionString }),
          "merton",
        )
      )
        .map((e) => e.value)
        .filter((e) => e.action === "minutes.viewed" && e.via === "minutes PDF")
        .map((e) => [e.actorId, e.reference]);
    assert.deepEqual(await audited(), [[PEOPLE.mertonNurse.id, `minutes ${MEETING}`]]);

    const again = await call(service, asked.body.url);
    assert.equal(again.status, 403);
    assert.match(again.headers.get("content-type") ?? "", /^text\/html/);
    assert.match(again.text, /This download link has been used already: each link opens once\./);
    assert.equal((await audited()).length, 1);

    // The link is refused to someone the minutes are not for, and to a file no page offers.
    const outsider = await call(service, "/api/downloads", {
      body: { path },
      token: await signInAs(service, PEOPLE.lambethCoordinator.id),
    });
    assert.equal(outsider.status, 403);
    const elsewhere = await call(service, "/api/downloads", {
      body: { path: `/api/panels/${PANEL}/meetings/${MEETING}/room` },
      token: await signInAs(service, PEOPLE.mertonNurse.id),
    });
    assert.equal(elsewhere.status, 404);
    assert.equal((await call(service, "/api/downloads", { body: { path } })).status, 401);
  });

  it("the agenda downloads as a PDF of what the member sees, with no page controls, marked on every page", async () => {
    const asked = await call<{ url: string }>(service, "/api/downloads", {
      body: { path: `/api/panels/${PANEL}/meetings/${MEETING}/agenda.pdf` },
      token: await signInAs(service, PEOPLE.mertonCoordinator.id),
    });
    assert.equal(asked.status, 200, asked.text);
    const file = await call(service, asked.body.url);
    assert.equal(file.status, 200, file.text);
    const pages = await pdfPages(file.bytes);
    const text = pages.join(" ");
    for (const c of cases) assert.ok(text.includes(`${c.reference} ${c.name}`), c.reference);
    assert.ok(text.includes("Agenda for "));
    assert.ok(text.includes("Statements read at the start of the meeting"));
    for (const control of ["Publish agenda", "Print", "Back to meetings", "Earlier", "Later"])
      assert.ok(!text.includes(control), control);
    pages.forEach((page, n) => {
      assert.equal(page.split("OFFICIAL-SENSITIVE").length - 1, 2, `page ${n + 1} is marked above and below`);
      assert.ok(page.includes(`Page ${n + 1} of ${pages.length}`));
    });
  });

  it("a transfer to another area's panel makes a referral there, once, carrying the decision", async () => {
    const skye = cases[1];
    assert.ok(skye);
    const listed = (await api(PEOPLE.mertonCoordinator.id, `/meetings/${MEETING}/decisions`)).body[
      "decisions"
    ] as {
      subjectId: string;
      version: string;
    }[];
    const version = listed.find((d) => d.subjectId === skye.subjectId)?.version ?? "";
    const body = {
      kind: "transfer",
      transferTo: "lambeth-mave",
      rationale: "Moved to Lambeth with her family; the host panel takes her on.",
      riskLevel: "significant",
      volt: { personsOfConcern: [], locations: ["Invented Park"], groups: [], themes: [] },
    };
    const first = await api(PEOPLE.mertonCoordinator.id, `/meetings/${MEETING}/decisions/${skye.subjectId}`, {
      method: "PUT",
      ifMatch: version,
      body,
    });
    assert.equal(first.status, 200, JSON.stringify(first.body));
    const transfer = (first.body["decision"] as { transfer: { reference: string; panelName: string } })
      .transfer;
    assert.match(transfer.reference, /^LAM-2027-\d{4}$/);
    assert.equal(transfer.panelName, "Lambeth: MAVE panel");
    const again = await api(PEOPLE.mertonCoordinator.id, `/meetings/${MEETING}/decisions/${skye.subjectId}`, {
      method: "PUT",
      ifMatch: first.etag,
      body,
    });
    assert.equal(
      (again.body["decision"] as { transfer: { reference: string } }).transfer.reference,
      transfer.reference,
    );

    const leila = { id: PEOPLE.lambethCoordinator.id, name: "Leila Haddad" };
    const arrived = (await service.desk.list(leila, "lambeth-mave", "test", {}, ["new"])).referrals.filter(
      (r) => r.value.transferredFrom?.reference === skye.reference,
    );
    assert.equal(arrived.length, 1, "one referral, however often the decision is saved");
    const referral = arrived[0]?.value;
    assert.equal(referral?.reference, transfer.reference);
    assert.equal(referral?.values["subjectName"], skye.name);
    assert.equal(referral?.transferredFrom?.panelName, "Pre-MACE operational panel");
    // The host coordinator's tab shows where it came from.
    const hostToken = await signInAs(service, PEOPLE.lambethCoordinator.id);
    const detail = (
      await call<{ transferredFrom: { reference: string } | null }>(
        service,
        `/api/panels/lambeth-mave/referrals/${referral?.id ?? ""}`,
        { token: hostToken },
      )
    ).body;
    assert.equal(detail.transferredFrom?.reference, skye.reference);
    assert.match(
      referral?.transferredFrom?.summary ?? "",
      /Rationale: Moved to Lambeth with her family.*Risk after discussion: Significant\. Locations: Invented Park\./,
    );
    transferred = referral?.id ?? "";
  });

  let transferred = "";
  it("the transfer is checked against Lambeth's own rules, and Leila asks the Merton coordinator for what is missing", async () => {
    const path = `/api/panels/lambeth-mave/referrals/${transferred}`;
    interface Detail {
      version: string;
      status: string;
      transferredFrom: { sourceRisk: unknown; hostRisk: string } | null;
      hostChecks: { field: string | null; label: string | null; message: string; askSource: boolean }[];
      questions: { question: string; answer: string | null }[];
    }
    const leila = await signInAs(service, PEOPLE.lambethCoordinator.id);
    const detail = (await call<Detail>(service, path, { token: leila })).body;
    // Both areas grade Emerging, Moderate, Significant: the level is carried, and Merton's kept.
    assert.deepEqual(
      [detail.transferredFrom?.hostRisk, detail.transferredFrom?.sourceRisk],
      ["same-scale", { level: "significant", label: "Significant", areaName: "Merton" }],
    );
    // The checklist is Merton's to send; a Lambeth service manager's approval is Lambeth's own step.
    assert.deepEqual(
      detail.hostChecks.map((g) => [g.field, g.askSource]),
      [
        ["blockers", true],
        [null, false],
      ],
      "the system blocker checklist and a Lambeth service manager's approval (004)",
    );

    const question = "Which of the system blockers stops Skye's safety plan?";
    const asked = await call<Detail>(service, `${path}/triage`, {
      token: leila,
      body: { decision: "ask", question },
      ifMatch: detail.version,
    });
    assert.equal(asked.status, 200, JSON.stringify(asked.body));
    assert.equal(asked.body.status, "more-information-requested");

    // The Merton coordinator made the transfer, so the question is hers to answer.
    const priya = await signInAs(service, PEOPLE.mertonCoordinator.id);
    const hers = (await call<Detail>(service, path, { token: priya })).body;
    const answered = await call<Detail>(service, `${path}/answer`, {
      token: priya,
      body: { answer: "The multi-agency plan is not working and escalation has not reduced risk." },
      ifMatch: hers.version,
    });
    assert.equal(answered.status, 200, JSON.stringify(answered.body));
    const back = (await call<Detail>(service, path, { token: leila })).body;
    assert.deepEqual(
      back.questions.map((q) => [q.question, q.answer]),
      [[question, "The multi-agency plan is not working and escalation has not reduced risk."]],
    );
  });

  it("an escalation keeps the case here and opens it on the strategic MACE's next agenda", async () => {
    const robin = cases[0];
    assert.ok(robin);
    const listed = (await api(PEOPLE.mertonCoordinator.id, `/meetings/${MEETING}/decisions`)).body[
      "decisions"
    ] as {
      subjectId: string;
      version: string;
    }[];
    const version = listed.find((d) => d.subjectId === robin.subjectId)?.version ?? "";
    const escalated = await api(
      PEOPLE.mertonCoordinator.id,
      `/meetings/${MEETING}/decisions/${robin.subjectId}`,
      {
        method: "PUT",
        ifMatch: version,
        body: { kind: "escalate", riskLevel: "significant" },
      },
    );
    assert.equal(escalated.status, 200, JSON.stringify(escalated.body));
    const token = await signInAs(service, PEOPLE.mertonCoordinator.id);
    const strategic = (
      await call<AgendaAnswer>(service, "/api/panels/merton-strategic-mace/meetings/2027-01-21/agenda", {
        token,
      })
    ).body;
    assert.ok(
      subjectsOf(strategic).some((s) => s.subjectId === robin.subjectId),
      "on the strategic MACE's agenda",
    );
    // Here it comes back at the next meeting.
    const february = (await api(PEOPLE.mertonCoordinator.id, "/meetings/2027-02-04/agenda"))
      .body as unknown as AgendaAnswer;
    assert.ok(subjectsOf(february).some((s) => s.subjectId === robin.subjectId));
  });

  it("posts the sign-in card to the panel's channel once when the meeting starts, with the statement and no case", async () => {
    const CHANNEL = "19:merton-meeting@thread.tacv2";
    const chat = teamsChat(
      () => service.url,
      () => connector.url,
      CHANNEL,
    );
    await chat.say(chat.inChannel(teamsUser(PEOPLE.mertonCoordinator)), "help");
    const panel = await api(PEOPLE.mertonCoordinator.id, "");
    const linked = await api(PEOPLE.mertonCoordinator.id, "/channel", {
      method: "PUT",
      ifMatch: panel.etag,
      body: { conversationId: CHANNEL },
    });
    assert.equal(linked.status, 200);
    const from = connector.sent.length;
    assert.equal(await service.openStartingMeetings(), 1);
    assert.equal(await service.openStartingMeetings(), 0);
    await service.noticesDelivered();
    const cards = connector.cardsIn(CHANNEL).slice(-1);
    assert.equal(connector.sent.length - from, 1);
    const text = JSON.stringify(cards[0]);
    assert.ok(text.includes("Sign in: Pre-MACE operational panel"));
    assert.ok(text.includes("Information shared at this panel is confidential."));
    for (const c of cases) assert.ok(!text.includes(c.name) && !text.includes(c.reference));
    const again = await api(PEOPLE.mertonCoordinator.id, `/meetings/${MEETING}/room/sign-in-card`, {
      body: {},
    });
    assert.deepEqual(again.body, { posted: false, alreadyPosted: true });
  });
});
