import type { WhoToAsk } from "../../../application/people/access-desk.js";
import {
  ACCESS_REASON_MAX,
  APPROVABLE_ROLES,
  accessRequestId,
  type AccessRequest,
} from "../../../domain/people/access-request.js";
import { openInTab, type TabLinks } from "../tab-links.js";
import { VERBS } from "../verbs.js";
import { card, execute, facts, heading, para, type Element } from "./elements.js";

// The cards of asking to join a panel. They name people, never a child, and are still sent
// only to personal chat: who asks to join a child-protection panel is the partnership's business.

const coordinatorsLine = (names: string[]) =>
  names.length ? names.join(", ") : "no coordinator yet (its area's administrators decide)";

/** To someone on no panel: that they are not, whom to ask, and the button to ask. */
export function notOnPanelCard(view: WhoToAsk, links: TabLinks): Element {
  const body: Element[] = [
    heading("You are not on any MACE panel yet"),
    para(
      view.areaKnown
        ? "A panel's coordinator adds the people who attend it. Your area's panels and their coordinators:"
        : "A panel's coordinator adds the people who attend it. The panels and their coordinators:",
    ),
  ];
  for (const area of view.areas)
    body.push(
      para(`**${area.name}**`, { spacing: "Medium" }),
      facts(area.panels.map((p) => [p.name, coordinatorsLine(p.coordinators)])),
    );
  for (const asked of view.asked)
    body.push(
      para(`You have asked to join ${asked.panelName}. Its coordinators will decide.`, { color: "Good" }),
    );
  body.push(
    para("Press **Ask for access** to ask to join a panel; its coordinators are told straight away."),
  );
  return card(body, [
    execute("Ask for access", VERBS.access.form, {}),
    openInTab(links({ page: "ask-for-access" })),
  ]);
}

/** Which panel, for which agency, and why; shown again with what was typed and the problem. */
export function askForAccessCard(
  view: WhoToAsk,
  links: TabLinks,
  typed: Record<string, unknown> = {},
  problem?: string,
): Element {
  const value = (id: string) => (typeof typed[id] === "string" ? { value: typed[id] } : {});
  const several = view.areas.length > 1;
  const named = (area: string, name: string) => (several ? `${area}: ${name}` : name);
  return card(
    [
      heading("Ask to join a MACE panel"),
      ...(problem ? [para(problem, { color: "Attention" })] : []),
      {
        type: "Input.ChoiceSet",
        id: "panelId",
        label: "Panel",
        isRequired: true,
        errorMessage: "Choose the panel.",
        choices: view.areas.flatMap((a) =>
          a.panels.map((p) => ({ title: named(a.name, p.name), value: p.id })),
        ),
        ...value("panelId"),
      },
      {
        type: "Input.ChoiceSet",
        id: "agencyId",
        label: "Your agency",
        isRequired: true,
        errorMessage: "Choose your agency.",
        choices: view.areas.flatMap((a) =>
          a.agencies.map((g) => ({ title: named(a.name, g.name), value: g.id })),
        ),
        ...value("agencyId"),
      },
      { type: "Input.Text", id: "jobTitle", label: "Your job title", maxLength: 120, ...value("jobTitle") },
      {
        type: "Input.Text",
        id: "reason",
        label: "Why you need to join it",
        isMultiline: true,
        isRequired: true,
        maxLength: ACCESS_REASON_MAX,
        errorMessage: "Say why you need to join the panel.",
        ...value("reason"),
      },
    ],
    [
      execute("Send request", VERBS.access.ask, {}, { style: "positive", associatedInputs: "auto" }),
      openInTab(links({ page: "ask-for-access" })),
    ],
  );
}

/** What the requester sees once their request is recorded. */
export function askedCard(panelName: string, coordinators: string[]): Element {
  return card([
    { ...heading(`Request sent to join ${panelName}`), color: "Good" },
    para(`${coordinatorsLine(coordinators)} will decide. I will tell you here when they have.`),
  ]);
}

/** To a panel's coordinator, in personal chat: approve with a role, or decline with a reason. */
export function decideAccessCard(
  r: AccessRequest,
  panelName: string,
  agencyName: string,
  links: TabLinks,
): Element {
  const data = { requestId: accessRequestId(r) };
  return card(
    [
      heading(`${r.displayName} asks to join ${panelName}`),
      facts([
        ["Name", r.displayName],
        ["Email", r.email],
        ["Agency", agencyName],
        ["Job title", r.jobTitle],
      ]),
      para(`**Why:** ${r.reason}`),
      {
        type: "Input.ChoiceSet",
        id: "role",
        label: "Role if you approve",
        value: "member",
        choices: APPROVABLE_ROLES.map((role) => ({ title: role, value: role })),
      },
      {
        type: "Input.Text",
        id: "reason",
        label: "Reason (needed if you decline)",
        isMultiline: true,
        maxLength: ACCESS_REASON_MAX,
      },
    ],
    [
      execute("Approve", VERBS.access.approve, data, { style: "positive", associatedInputs: "auto" }),
      execute("Decline", VERBS.access.decline, data, { style: "destructive", associatedInputs: "auto" }),
      openInTab(links({ page: "access-requests", areaId: r.areaId, requestId: data.requestId })),
    ],
  );
}

/** The decision, as the coordinator who made it and the requester see it. */
export function accessDecidedCard(r: AccessRequest, panelName: string, forRequester: boolean): Element {
  const approved = r.status === "approved";
  const by = r.decided?.byName ?? "The coordinator";
  const lines = forRequester
    ? approved
      ? [
          `${by} added you as ${r.decided?.role ?? "member"}. Type **panels** to see it, or open the MACE panels tab.`,
        ]
      : [`${by} declined your request: ${r.decided?.reason ?? ""}`]
    : approved
      ? [`You added ${r.displayName} as ${r.decided?.role ?? "member"}. They have been told.`]
      : [`You declined ${r.displayName}'s request. They have been told, with your reason.`];
  const title = forRequester
    ? approved
      ? `You are on ${panelName}`
      : `Your request to join ${panelName} was declined`
    : `${r.displayName}: ${approved ? "approved" : "declined"}`;
  return card([{ ...heading(title), color: approved ? "Good" : "Attention" }, ...lines.map((l) => para(l))]);
}
