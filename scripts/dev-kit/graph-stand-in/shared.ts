import type { NextFunction, Request, Response } from "express";

// What every part of the stand-in shares: Graph's error, and the verified caller.

export class GraphRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Who a verified token says is calling: a user (delegated scopes) or an app (roles). */
export interface Caller {
  oid: string | undefined;
  /** The app itself, with no user (the token's `idtyp` is "app"). */
  app: boolean;
  scopes: string[];
  roles: string[];
}

export type Authenticate = (req: Request) => Promise<Caller>;

export const handle =
  (fn: (req: Request, res: Response) => Promise<void>) =>
  (req: Request, res: Response, next: NextFunction): void => {
    fn(req, res).catch(next);
  };
