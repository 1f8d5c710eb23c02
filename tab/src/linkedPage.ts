import type { PanelView } from "./PanelsPage.js";

// A link from a card opens the same task here (Teams on a phone opens links, not a card's
// buttons): the tab's address or Teams' sub-page id carries the page and the item's ids, which
// the bot writes in bot/src/adapters/teams/tab-links.ts.

/** Where a link asks the tab to open, and the item on that page to bring into view. */
export type LinkedPage =
  | { to: "panel"; panelId: string; view: PanelView; meetingId?: string; itemId?: string; focus?: string }
  | { to: "my-referrals"; referral?: { panelId?: string; referralId: string } }
  | { to: "refer"; panelId?: string; kind?: string }
  | { to: "approval"; panelId: string; referralId: string; focus: "approval" }
  | { to: "panels"; focus: string }
  | { to: "none" };

/** What a link's query asks for; `none` when it names no page the tab has. */
export function readLink(query: string): LinkedPage {
  const q = new URLSearchParams(query);
  const given = (name: string) => q.get(name) || undefined;
  const panelId = given("panel");
  const meetingId = given("meeting");
  const page = given("page");
  const on = (view: PanelView, extra: { meetingId?: string; itemId?: string; focus?: string } = {}) =>
    panelId ? ({ to: "panel", panelId, view, ...extra } as const) : ({ to: "none" } as const);
  switch (page) {
    case undefined:
      return meetingId ? on("meetings", { meetingId }) : { to: "none" };
    case "actions": {
      const actionId = given("action");
      return on("actions", actionId ? { focus: `action:${actionId}` } : {});
    }
    case "sign-in":
      return meetingId ? on("meetings", { meetingId, focus: "sign-in" }) : on("meetings");
    case "record-action":
      return meetingId ? on("meetings", { meetingId, focus: "record-action" }) : on("meetings");
    case "referrals": {
      const referralId = given("referral");
      return on("referrals", referralId ? { itemId: referralId } : {});
    }
    case "approval": {
      const referralId = given("referral");
      return panelId && referralId
        ? { to: "approval", panelId, referralId, focus: "approval" }
        : { to: "none" };
    }
    case "my-referrals": {
      // Links posted before they named the panel open the referral once the list has it.
      const referralId = given("referral");
      return referralId
        ? { to: "my-referrals", referral: { ...(panelId ? { panelId } : {}), referralId } }
        : { to: "my-referrals" };
    }
    case "refer": {
      const kind = given("kind");
      return { to: "refer", ...(panelId ? { panelId } : {}), ...(kind ? { kind } : {}) };
    }
    case "access-requests": {
      const requestId = given("request");
      return { to: "panels", focus: requestId ? `access-request:${requestId}` : "access-requests" };
    }
    case "ask-for-access":
      return { to: "panels", focus: "ask-for-access" };
    case "panels":
      return { to: "panels", focus: panelId ? `panel:${panelId}` : "panels" };
    default:
      return { to: "none" };
  }
}

/** How long a linked item is waited for while its page loads. */
const WAIT_MS = 20_000;

/**
 * Once the element marked `data-link-target={target}` is drawn, scrolls to it, focuses it and
 * marks it (`data-linked`) so the eye finds it too. Returns how to stop waiting.
 */
export function showLinked(target: string): () => void {
  const selector = `[data-link-target="${CSS.escape(target)}"]`;
  const found = () => {
    const element = document.querySelector<HTMLElement>(selector);
    if (!element) return false;
    if (!element.hasAttribute("tabindex")) element.tabIndex = -1;
    element.setAttribute("data-linked", "true");
    element.scrollIntoView({ block: "center" });
    element.focus({ preventScroll: true });
    return true;
  };
  if (found()) return () => undefined;
  const observer = new MutationObserver(() => {
    if (found()) stop();
  });
  const timer = window.setTimeout(() => stop(), WAIT_MS);
  const stop = () => {
    observer.disconnect();
    window.clearTimeout(timer);
  };
  observer.observe(document.body, { childList: true, subtree: true });
  return stop;
}
