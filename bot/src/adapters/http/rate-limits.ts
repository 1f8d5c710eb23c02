import type { Request, RequestHandler } from "express";
import { rateLimit } from "express-rate-limit";
import type { ProblemResponse } from "./contract/index.js";

// Limits on how often one person, and one network address, may call the service: a runaway
// client or a crowd slows down instead of taking the service down for everyone else.

const MINUTE = 60_000;

function limiter(limit: number, key: (req: Request) => string, message: string): RequestHandler {
  return rateLimit({
    windowMs: MINUTE,
    limit,
    standardHeaders: "draft-7",
    legacyHeaders: false,
    keyGenerator: key,
    // The service's own output stays structured: no console warnings from the limiter.
    validate: false,
    handler: (_req, res) => {
      res.status(429).json({ error: { code: "too-many-requests", message } } satisfies ProblemResponse);
    },
  });
}

export const perAddress = (limit: number): RequestHandler =>
  limiter(
    limit,
    (req) => req.ip ?? "unknown",
    "Too many requests from your network in the last minute. Wait a minute, then try again.",
  );

export const perPerson = (limit: number): RequestHandler =>
  limiter(
    limit,
    (req) => req.user?.id ?? req.ip ?? "unknown",
    "You have made a great many requests in the last minute. Wait a minute, then try again.",
  );
