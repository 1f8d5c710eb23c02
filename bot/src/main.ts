import { existsSync } from "node:fs";
import { CatalogueError } from "./domain/catalogue/catalogue.js";
import { loadSettings, SettingsError } from "./settings.js";
import { startService } from "./service.js";

// Entry point: `node dist/bot/src/main.js` in Azure, `tsx bot/src/main.ts` locally.
if (existsSync(".env")) process.loadEnvFile(".env");

try {
  const settings = loadSettings();
  const service = await startService(settings);
  const stop = (): void => {
    service.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
} catch (e) {
  if (e instanceof SettingsError || e instanceof CatalogueError) {
    console.error(e.message);
    process.exit(2);
  }
  throw e;
}
