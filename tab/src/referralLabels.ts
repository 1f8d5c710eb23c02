import type { BadgeProps } from "@fluentui/react-components";
import type { ReferralKind, ReferralStatus, ReferralSummary } from "./api.js";

// How a referral reads wherever the tab shows one: the coordinator's list and the referrer's own.

export const KIND_LABELS: Record<ReferralKind, string> = {
  individual: "Individual child or young adult",
  group: "Group or cohort",
  "person-of-concern": "Person of concern",
  "location-of-concern": "Location of concern",
};

export const STATUS_COLOURS: Record<ReferralStatus, BadgeProps["color"]> = {
  "awaiting-approval": "informative",
  "not-approved": "subtle",
  new: "brand",
  "more-information-requested": "warning",
  accepted: "success",
  declined: "danger",
  withdrawn: "subtle",
};

/** Waiting for the coordinator's triage. */
export const AWAITING_TRIAGE: ReferralStatus[] = ["new", "more-information-requested"];

/** The statuses a referrer may still withdraw from. */
export const WITHDRAWABLE: ReferralStatus[] = ["awaiting-approval", "new", "more-information-requested"];

export function formatDate(isoDate: string): string {
  return new Date(`${isoDate}T12:00:00Z`).toLocaleDateString("en-GB", {
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
}

export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/London",
  });
}

export function referrerText(r: ReferralSummary): string {
  return [r.referrer.jobTitle, r.referrer.agency].filter(Boolean).join(", ");
}

/** What a possible match was matched on, in words. */
export const MATCHED_ON = {
  "name-and-date-of-birth": "same name and date of birth",
  "address-and-postcode": "same address and postcode",
} as const;
