/**
 * `Content-Disposition` for a file to save under `name`: plain ASCII where it can be (quotes,
 * backslashes and anything else replaced), the name itself in UTF-8 beside it.
 */
export const attachment = (name: string): string =>
  `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
