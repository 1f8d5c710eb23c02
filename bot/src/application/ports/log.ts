// Where the application reports what happened: structured, identifiers only, never names or case
// details. pino in the service.

export interface Log {
  info(fields: object | string, message?: string): void;
  warn(fields: object | string, message?: string): void;
  error(fields: object | string, message?: string): void;
}
