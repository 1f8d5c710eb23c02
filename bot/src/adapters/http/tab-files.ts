import express, { type NextFunction, type Request, type Response, type Router } from "express";

// The built tab (scripts/lib/tab-build.ts). Its scripts and styles carry their content's hash in
// their names, so browsers keep them for a year; the page (index.html), which names this
// version's files, and anything else are checked with the service each time. The build writes a
// brotli and a gzip copy beside each hashed file, so nothing is compressed per request.

const HASHED = /-[A-Z0-9]{8}\.(?:js|css)$/;
const FOR_A_YEAR = "public, max-age=31536000, immutable";
// The service's preference, whatever the order the browser lists them in (Chrome puts gzip first).
const COPIES = [
  { encoding: "br", suffix: ".br" },
  { encoding: "gzip", suffix: ".gz" },
] as const;

export function tabFiles(tabDir: string, { sourceMaps }: { sourceMaps: boolean }): Router {
  const router = express.Router();
  // Source maps help locally; in Azure they would publish the tab's source to anyone.
  if (!sourceMaps)
    router.use((req, res, next) => (req.path.endsWith(".map") ? res.status(404).end() : next()));
  router.get(HASHED, compressedCopy(tabDir));
  router.use(
    express.static(tabDir, {
      index: "index.html",
      setHeaders: (res, file) => res.set("Cache-Control", HASHED.test(file) ? FOR_A_YEAR : "no-cache"),
    }),
  );
  // A file that is not there (a chunk of a version since replaced) is missing, not the page.
  router.get(/\.\w+$/, (_req, res) => res.status(404).end());
  // The tab's own addresses (/tab/configure, /tab/consent…) are all the one page.
  router.get("*", (_req, res) => {
    res.set("Cache-Control", "no-cache");
    res.sendFile("index.html", { root: tabDir });
  });
  return router;
}

/** Sends the compressed copy the browser accepts, as the original's type; otherwise goes on. */
function compressedCopy(tabDir: string) {
  return (req: Request, res: Response, next: NextFunction): void => {
    res.vary("Accept-Encoding");
    const copy = COPIES.find(({ encoding }) => req.acceptsEncodings(encoding) === encoding);
    if (!copy) return next();
    const headers = {
      "Content-Type": `${express.static.mime.lookup(req.path)}; charset=utf-8`,
      "Content-Encoding": copy.encoding,
      "Cache-Control": FOR_A_YEAR,
    };
    // Without a copy (or the file itself), the file is served as it is stored, or not found.
    res.sendFile(`${req.path}${copy.suffix}`, { root: tabDir, headers }, (err) => {
      if (err && !res.headersSent) next();
    });
  };
}
