// Where a typed command or a card button may be used. Anywhere else it gets only `elsewhere`:
// what was typed or pressed may carry a child's details, so it is never acted on in the wrong place.

export type Allowed = { where: "any" } | { where: "personal" | "channel"; elsewhere: string };

/** The reply for using it in this conversation, or undefined when it may be used here. */
export const refusedHere = (allowed: Allowed, conversationType: string | undefined): string | undefined =>
  // Group chats count as neither a personal chat nor a channel.
  allowed.where === "any" || allowed.where === conversationType ? undefined : allowed.elsewhere;
