// One vocabulary for "no" across the application: every command or query that cannot do what was
// asked throws a Refusal with its reason and a message written for the person who asked. Each
// client maps reasons once: the HTTP adapter to statuses, the bot to card messages.

export type RefusalReason =
  /** It does not exist, or the person may not know that it does. */
  | "not-found"
  /** The person may not do this. */
  | "not-allowed"
  /** What was sent is wrong; `fields` says where. */
  | "invalid"
  /** Someone else changed it first; `changedBy` says who and when, where known. */
  | "conflict"
  /** Not in this state or at this time (a cancelled meeting, sign-in before the day). */
  | "not-now";

export interface FieldProblem {
  field: string;
  message: string;
}

export interface RefusalDetail {
  /** A stable code for clients and tests; the reason when not given. */
  code?: string;
  fields?: FieldProblem[];
  changedBy?: { name: string; at: string };
}

export class Refusal extends Error {
  constructor(
    readonly reason: RefusalReason,
    message: string,
    readonly detail: RefusalDetail = {},
  ) {
    super(message);
    this.name = "Refusal";
  }

  get code(): string {
    return this.detail.code ?? this.reason;
  }

  get fields(): FieldProblem[] {
    return this.detail.fields ?? [];
  }
}
