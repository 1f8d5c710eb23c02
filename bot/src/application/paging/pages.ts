import { z } from "zod";
import { Refusal } from "../../domain/refusal.js";
import type { Page, PagePosition } from "../ports/casework.js";
import type { Versioned } from "../ports/versioned.js";

// Long lists (a panel's referrals, its done actions) come a page at a time, in the order the store
// keeps them. A page ends with a cursor naming its last record; clients send it back as it came,
// and it is checked before it is used. Only the page is read from storage.

export const PAGE_SIZE = { default: 50, max: 200 } as const;

/** Which page of the list to show: the first unless `after` is a cursor a page ended with. */
export interface PageRequest {
  pageSize?: number;
  after?: string;
}

export interface PageOf<T> {
  values: Versioned<T>[];
  /** The cursor for the page after this one, or null when this is the last. */
  next: string | null;
}

const Request = z.strictObject({
  pageSize: z.number().int().min(1).max(PAGE_SIZE.max).default(PAGE_SIZE.default),
  after: z.string().max(200).optional(),
});
const Cursor = z.strictObject({ at: z.iso.datetime(), id: z.uuid() });

const encode = (c: PagePosition): string => Buffer.from(JSON.stringify(c)).toString("base64url");

function decode(cursor: string, what: string): PagePosition {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    json = undefined;
  }
  const parsed = Cursor.safeParse(json);
  if (!parsed.success)
    throw new Refusal("invalid", `This list cannot be continued from here. Load the ${what} again.`, {
      code: "invalid-cursor",
    });
  return parsed.data;
}

/** The requested page of a list; `what` names its records in messages ("referrals"). */
export async function pageOf<T>(
  what: string,
  request: PageRequest,
  positionOf: (value: T) => PagePosition,
  read: (size: number, after: PagePosition | undefined) => Promise<Page<T>>,
): Promise<PageOf<T>> {
  const parsed = Request.safeParse(request);
  if (!parsed.success)
    throw new Refusal("invalid", `Ask for between 1 and ${PAGE_SIZE.max} ${what} at a time.`, {
      code: "invalid-page",
    });
  const { pageSize, after } = parsed.data;
  const { values, more } = await read(pageSize, after === undefined ? undefined : decode(after, what));
  const last = values.at(-1)?.value;
  return { values, next: more && last ? encode(positionOf(last)) : null };
}
