import type { ReferralKind } from "../../domain/catalogue/panel.js";

// Every card that asks something of someone also opens the same task in the tab: Teams on a phone
// does not run a card's Action.Execute buttons, but it does open links. A link carries ids and
// references only, never a name or a child's details: it can be read wherever the card is.

/** The static tab's entity id in the manifest. */
export const TAB_ENTITY_ID = "mace-panels";

/** A task a card asks for, as a page of the tab and the item on it. */
export type TabTask =
  | { page: "agenda"; panelId: string; meetingId: string }
  | { page: "actions"; panelId: string; actionId?: string }
  | { page: "record-action"; panelId: string; meetingId?: string }
  | { page: "sign-in"; panelId: string; meetingId: string }
  | { page: "referrals"; panelId: string; referralId: string }
  | { page: "approval"; panelId: string; referralId: string }
  | { page: "my-referrals"; panelId?: string; referralId?: string }
  | { page: "refer"; panelId?: string; kind?: ReferralKind }
  | { page: "access-requests"; areaId: string; requestId?: string }
  | { page: "ask-for-access" }
  /** The tab's home, the person's panels; with a panel, that panel's place on it. */
  | { page: "panels"; panelId?: string };

/** Makes the link to a task in the tab. */
export type TabLinks = (task: TabTask) => string;

/** The query the tab reads, from its address or from Teams' sub-page id. */
export function tabPageOf(task: TabTask): string {
  const q = new URLSearchParams();
  const set = (name: string, value: string | undefined) => {
    if (value) q.set(name, value);
  };
  // An agenda is the tab's oldest link and has no page name: links already posted keep working.
  if (task.page !== "agenda") q.set("page", task.page);
  switch (task.page) {
    case "agenda":
    case "sign-in":
    case "record-action":
      set("panel", task.panelId);
      set("meeting", task.meetingId);
      break;
    case "actions":
      set("panel", task.panelId);
      set("action", task.actionId);
      break;
    case "referrals":
    case "approval":
      set("panel", task.panelId);
      set("referral", task.referralId);
      break;
    case "my-referrals":
      // The panel too: the tab opens the referral itself, wherever it is in the list.
      set("panel", task.panelId);
      set("referral", task.referralId);
      break;
    case "refer":
      set("panel", task.panelId);
      set("kind", task.kind);
      break;
    case "access-requests":
      set("area", task.areaId);
      set("request", task.requestId);
      break;
    case "panels":
      set("panel", task.panelId);
      break;
    case "ask-for-access":
      break;
  }
  return q.toString();
}

/**
 * Links into the personal tab inside Teams when the app's id is known (a deep link whose
 * sub-entity the tab reads, with the tab's web address for clients that open it in a browser),
 * otherwise the tab's web address.
 */
export function tabLinks(publicUrl: string, teamsAppId?: string): TabLinks {
  return (task) => {
    const page = tabPageOf(task);
    const webUrl = `${publicUrl}/tab/?${page}`;
    if (!teamsAppId) return webUrl;
    const query = new URLSearchParams({
      webUrl,
      context: JSON.stringify({ subEntityId: page }),
    });
    return `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/${TAB_ENTITY_ID}?${query.toString()}`;
  };
}

/** The button under a card's own buttons that opens its task in the tab. */
export const openInTab = (url: string, title = "Open in the tab"): Record<string, unknown> => ({
  type: "Action.OpenUrl",
  title,
  url,
});

/** The same button on a row of its own, for a card whose own buttons already fill its action bar. */
export const openInTabRow = (url: string): Record<string, unknown> => ({
  type: "ActionSet",
  actions: [openInTab(url)],
});
