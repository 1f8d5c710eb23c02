import type { NextFunction, Request, Response } from "express";
import type { Logger } from "pino";
import { ZodError } from "zod";
import { ConcurrencyConflict } from "../../application/ports/versioned.js";
import { Refusal, type RefusalReason } from "../../application/refusal.js";
import { ReferralStepRefused } from "../../domain/referrals/triage.js";
import { InvalidToken } from "../identity/token-validator.js";

/** An error whose message is written for the person using the product. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Problems with particular fields, shown beside each. */
    readonly fields?: { field: string; message: string }[],
  ) {
    super(message);
    this.name = "HttpProblem";
  }
}

/** How each reason for a refusal is answered over HTTP. */
const REFUSAL_STATUS: Record<RefusalReason, number> = {
  "not-found": 404,
  "not-allowed": 403,
  invalid: 400,
  conflict: 409,
  "not-now": 409,
};

export function problemHandler(log: Logger) {
  return (err: unknown, _req: Request, res: Response, _next: NextFunction): void => {
    if (err instanceof HttpProblem) {
      res.status(err.status).json({
        error: { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) },
      });
    } else if (err instanceof Refusal) {
      res.status(REFUSAL_STATUS[err.reason]).json({
        error: { code: err.code, message: err.message, ...(err.fields.length ? { fields: err.fields } : {}) },
      });
    } else if (err instanceof ReferralStepRefused) {
      res.status(err.status).json({ error: { code: "not-now", message: err.message } });
    } else if (err instanceof InvalidToken) {
      res
        .status(401)
        .set("WWW-Authenticate", "Bearer")
        .json({ error: { code: "unauthenticated", message: err.reason } });
    } else if (err instanceof ConcurrencyConflict) {
      res.status(412).json({ error: { code: "changed-by-someone-else", message: err.message } });
    } else if (err instanceof ZodError) {
      const fields = err.issues.map((i) => ({ field: i.path.join("."), message: i.message }));
      res.status(400).json({
        error: {
          code: "invalid-input",
          message: "Some of what was sent is not valid. Nothing was saved.",
          fields,
        },
      });
    } else if (err instanceof SyntaxError && "status" in err && (err as { status: number }).status === 400) {
      res
        .status(400)
        .json({ error: { code: "invalid-json", message: "The request body is not valid JSON." } });
    } else if (
      typeof err === "object" &&
      err !== null &&
      (err as { type?: string }).type === "entity.too.large"
    ) {
      res
        .status(413)
        .json({ error: { code: "too-large", message: "The request is too large. Nothing was saved." } });
    } else {
      log.error({ err }, "unhandled error");
      res.status(500).json({
        error: {
          code: "internal",
          message: "Something went wrong on our side. Nothing was saved; please try again.",
        },
      });
    }
  };
}
