import express, { type Router } from "express";

// The built tab (scripts/lib/tab-build.ts). Its scripts and styles carry their content's hash in
// their names, so browsers keep them for a year; the page (index.html), which names this
// version's files, and anything else are checked with the service each time.

const HASHED = /-[A-Z0-9]{8}\.(?:js|css)$/;
const FOR_A_YEAR = "public, max-age=31536000, immutable";

export function tabFiles(tabDir: string, { sourceMaps }: { sourceMaps: boolean }): Router {
  const router = express.Router();
  // Source maps help locally; in Azure they would publish the tab's source to anyone.
  if (!sourceMaps)
    router.use((req, res, next) => (req.path.endsWith(".map") ? res.status(404).end() : next()));
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
