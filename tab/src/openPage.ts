import type { ManagedArea, PanelSummary } from "./api.js";
import type { LinkedReferral } from "./MyReferrals.js";
import type { PanelView } from "./PanelsPage.js";
import { reportKey, type ReportOf } from "./reportAccess.js";

// The one page the tab shows besides a subject's history or map: the person's panels (home), or
// one page opened from them or from a card's link.

export type OpenPage =
  | { to: "home" }
  | {
      to: "panel";
      view: PanelView;
      panel: PanelSummary;
      meetingId?: string | null;
      /** The item a link named on that view, opened there. */
      itemId?: string;
    }
  | { to: "people"; area: ManagedArea }
  /** The Reports page of one panel, or of the whole area (no panel). */
  | { to: "reports"; of: ReportOf }
  /** My referrals, with the referral a link named. */
  | { to: "my-referrals"; referral?: LinkedReferral }
  /** The referral form, with what a link chose. */
  | { to: "refer"; panelId?: string; kind?: string }
  /** A manager's approval of one referral, opened from the approval card's link. */
  | { to: "approval"; panelId: string; referralId: string };

/**
 * The button on the home page that opened the page, to take the focus back when it closes; none
 * for an approval, which only a card's link opens.
 */
export function returnKey(page: OpenPage): string | null {
  switch (page.to) {
    case "panel":
      return `${page.view}:${page.panel.id}`;
    case "people":
      return `people:${page.area.id}`;
    case "reports":
      return reportKey(page.of);
    case "my-referrals":
      return "my-referrals";
    case "refer":
      return "refer";
    default:
      return null;
  }
}
