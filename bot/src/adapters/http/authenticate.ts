import type { NextFunction, Request, Response } from "express";
import type { SignedInUser, TokenValidator } from "../identity/token-validator.js";
import { HttpProblem } from "./errors.js";

declare module "express-serve-static-core" {
  interface Request {
    user?: SignedInUser;
    /** The bearer token itself: exchanged on the user's behalf when the service calls Graph. */
    accessToken?: string;
  }
}

/** Every tab API request carries a bearer token; nothing under /api is served without one. */
export function authenticate(validate: TokenValidator) {
  return async (req: Request, _res: Response, next: NextFunction): Promise<void> => {
    try {
      const header = req.get("authorization") ?? "";
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match?.[1]) throw new HttpProblem(401, "unauthenticated", "Sign in to use MACE panels.");
      req.user = await validate(match[1]);
      req.accessToken = match[1];
      next();
    } catch (e) {
      next(e);
    }
  };
}

export function signedIn(req: Request): SignedInUser {
  if (!req.user) throw new HttpProblem(401, "unauthenticated", "Sign in to use MACE panels.");
  return req.user;
}
