import type { NextFunction, Request, Response } from "express";

/** Express 4 does not pass a rejected promise to the error handler; this does. */
export const route =
  (handler: (req: Request, res: Response) => Promise<void>) =>
  (req: Request, res: Response, next: NextFunction): void => {
    handler(req, res).catch(next);
  };
