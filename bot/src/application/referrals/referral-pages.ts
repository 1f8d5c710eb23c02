import { z } from "zod";
import { Refusal } from "../../domain/refusal.js";
import { Referral } from "../../domain/referrals/referral.js";
import type { Versioned } from "../ports/versioned.js";

// The referral list comes a page at a time, newest first. A page ends with a cursor naming the
// last referral shown; clients send it back as it came, and it is checked before it is used.

export const PAGE_SIZE = { default: 50, max: 200 } as const;

/** Which page of the list to show: the first unless `after` is a cursor a page ended with. */
export interface PageRequest {
  pageSize?: number;
  after?: string;
}

export interface ReferralPage {
  referrals: Versioned<Referral>[];
  /** The cursor for the page after this one, or null when this is the last. */
  next: string | null;
}

const Request = z.strictObject({
  pageSize: z.number().int().min(1).max(PAGE_SIZE.max).default(PAGE_SIZE.default),
  after: z.string().max(200).optional(),
});
const Cursor = z.strictObject({ at: Referral.shape.submitted.shape.at, id: Referral.shape.id });
type Cursor = z.infer<typeof Cursor>;

const encode = (c: Cursor): string => Buffer.from(JSON.stringify(c)).toString("base64url");

function decode(cursor: string): Cursor {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    json = undefined;
  }
  const parsed = Cursor.safeParse(json);
  if (!parsed.success)
    throw new Refusal("invalid", "This list cannot be continued from here. Load the referrals again.", {
      code: "invalid-cursor",
    });
  return parsed.data;
}

const key = (r: Versioned<Referral>): Cursor => ({ at: r.value.submitted.at, id: r.value.id });
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
/** Newest first; referrals submitted at the same moment in a fixed order, by id. */
const newerFirst = (a: Cursor, b: Cursor): number => compare(b.at, a.at) || compare(b.id, a.id);

/** The requested page of `found`, newest first. */
export function pageOf(found: Versioned<Referral>[], request: PageRequest): ReferralPage {
  const parsed = Request.safeParse(request);
  if (!parsed.success)
    throw new Refusal("invalid", `Ask for between 1 and ${PAGE_SIZE.max} referrals at a time.`, {
      code: "invalid-page",
    });
  const { pageSize, after } = parsed.data;
  const from = after === undefined ? undefined : decode(after);
  const sorted = found
    .filter((r) => from === undefined || newerFirst(from, key(r)) < 0)
    .sort((a, b) => newerFirst(key(a), key(b)));
  const referrals = sorted.slice(0, pageSize);
  const last = referrals.at(-1);
  return { referrals, next: sorted.length > pageSize && last ? encode(key(last)) : null };
}
