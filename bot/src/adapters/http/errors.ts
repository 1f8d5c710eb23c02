import type { NextFunction, Request, Response } from "express";
import type { Logger } from "pino";
import { ZodError } from "zod";
import { Refusal, type RefusalReason } from "../../domain/refusal.js";
import { ConcurrencyConflict } from "../../application/ports/versioned.js";
import { InvalidToken } from "../identity/token-validator.js";
import type { ProblemResponse } from "./contract/index.js";

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

const STATUS_OF: Record<RefusalReason, number> = {
  "not-found": 404,
  "not-allowed": 403,
  invalid: 400,
  conflict: 409,
  "not-now": 409,
};

/** A refusal from the domain or the application, as a problem to answer. */
function asProblem(err: unknown): unknown {
  if (err instanceof Refusal) {
    const fields = err.fields.map(({ field, message }) => ({ field, message }));
    return new HttpProblem(STATUS_OF[err.reason], err.code, err.message, fields.length ? fields : undefined);
  }
  return err;
}

interface BodyProblem {
  status: number;
  code: string;
  message: string;
}

// What the body parser refuses, answered in words; any other 4xx it raises is the sender's too.
const BODY_PROBLEMS: Record<string, Omit<BodyProblem, "status">> = {
  "entity.too.large": { code: "too-large", message: "The request is too large. Nothing was saved." },
  "charset.unsupported": {
    code: "unsupported-charset",
    message: "Send the request body as UTF-8 JSON. Nothing was saved.",
  },
  "encoding.unsupported": {
    code: "unsupported-encoding",
    message: "Send the request body uncompressed, or compressed with gzip or deflate. Nothing was saved.",
  },
};

function bodyProblem(err: unknown): BodyProblem | undefined {
  if (typeof err !== "object" || err === null) return undefined;
  // The body parser's errors (http-errors) say their status and that it may be shown.
  const { type, status, expose } = err as { type?: unknown; status?: unknown; expose?: unknown };
  if (expose !== true || typeof status !== "number" || status < 400 || status >= 500) return undefined;
  const known = typeof type === "string" ? BODY_PROBLEMS[type] : undefined;
  return {
    status,
    ...(known ?? {
      code: "unreadable-body",
      message: "The request body could not be read. Nothing was saved.",
    }),
  };
}

/** A refusal or problem as its status and words, for answers that are not JSON (a download link's page). */
export function problemOf(thrown: unknown): { status: number; message: string } | undefined {
  const err = asProblem(thrown);
  if (err instanceof HttpProblem) return { status: err.status, message: err.message };
  if (err instanceof ZodError)
    return {
      status: 400,
      message: "The link names a file the service cannot make. Reload the page and try again.",
    };
  return undefined;
}

export function problemHandler(log: Logger) {
  return (thrown: unknown, _req: Request, res: Response, _next: NextFunction): void => {
    const err = asProblem(thrown);
    if (err instanceof HttpProblem) {
      if (err.status === 401) res.set("WWW-Authenticate", "Bearer");
      res.status(err.status).json({
        error: { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) },
      } satisfies ProblemResponse);
    } else if (err instanceof InvalidToken) {
      res
        .status(401)
        .set("WWW-Authenticate", "Bearer")
        .json({ error: { code: "unauthenticated", message: err.reason } } satisfies ProblemResponse);
    } else if (err instanceof ConcurrencyConflict) {
      res
        .status(412)
        .json({ error: { code: "changed-by-someone-else", message: err.message } } satisfies ProblemResponse);
    } else if (err instanceof ZodError) {
      const fields = err.issues.map((i) => ({ field: i.path.join("."), message: i.message }));
      res.status(400).json({
        error: {
          code: "invalid-input",
          message: "Some of what was sent is not valid. Nothing was saved.",
          fields,
        },
      } satisfies ProblemResponse);
    } else if (err instanceof SyntaxError && "status" in err && (err as { status: number }).status === 400) {
      res.status(400).json({
        error: { code: "invalid-json", message: "The request body is not valid JSON." },
      } satisfies ProblemResponse);
    } else if (bodyProblem(err)) {
      const { status, code, message } = bodyProblem(err) as BodyProblem;
      res.status(status).json({ error: { code, message } } satisfies ProblemResponse);
    } else {
      log.error({ err }, "unhandled error");
      res.status(500).json({
        error: {
          code: "internal",
          message: "Something went wrong on our side. Nothing was saved; please try again.",
        },
      } satisfies ProblemResponse);
    }
  };
}
