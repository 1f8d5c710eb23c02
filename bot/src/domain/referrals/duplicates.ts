import { createHash } from "node:crypto";
import type { ReferralKind } from "../catalogue/panel.js";
import type { FormValues } from "./form.js";
import type { MatchOn } from "./referral.js";

// Likely duplicates: the same name and date of birth, or the same address and postcode. Keys are
// hashed so that stored keys and logs do not show the details in plain text; a hash of a name and
// date of birth can be guessed, so the table's access controls, not the hash, keep them private.

export interface MatchKey {
  on: MatchOn;
  hash: string;
}

/** A name or address line as compared: case, accents, punctuation and spacing ignored. */
export const squash = (s: string): string =>
  s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
/** A detail as a storage key: the key shows no name or address in plain text. */
export const digest = (s: string): string => createHash("sha256").update(s).digest("hex").slice(0, 32);
const str = (v: unknown): string => (typeof v === "string" ? v : "");

/** The answers match keys are made from. */
export const MATCH_FIELDS = ["subjectName", "dateOfBirth", "address", "postcode"] as const;

/** The keys a subject is matched on; names are compared with case, accents and spacing ignored. */
export function matchKeys(kind: ReferralKind, values: FormValues): MatchKey[] {
  const keys: MatchKey[] = [];
  const name = squash(str(values["subjectName"]));
  const dob = str(values["dateOfBirth"]);
  if ((kind === "individual" || kind === "person-of-concern") && name && dob)
    keys.push({ on: "name-and-date-of-birth", hash: digest(`${name}|${dob}`) });
  const postcode = str(values["postcode"]).replace(/\s+/g, "").toUpperCase();
  const firstLine = squash(str(values["address"]).split(/[\n,]/)[0] ?? "");
  // A person is matched with people and a place with places: a child living above a known shop is
  // not the shop.
  const family = kind === "location-of-concern" ? "place" : "person";
  if (kind !== "group" && postcode && firstLine)
    keys.push({ on: "address-and-postcode", hash: digest(`${family}|${firstLine}|${postcode}`) });
  return keys;
}
