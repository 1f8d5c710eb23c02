import { loadCatalogue } from "../../bot/src/adapters/config-files/catalogue-files.js";
import { caseworkTables } from "../../bot/src/adapters/tables/casework-tables.js";
import { directoryTables } from "../../bot/src/adapters/tables/directory-tables.js";
import { referralDraftTables } from "../../bot/src/adapters/tables/referral-draft-tables.js";
import type { TableFactory } from "../../bot/src/adapters/tables/storage.js";
import { referralDesk } from "../../bot/src/application/referrals/referral-desk.js";

/**
 * The referral desk over real tables, composed as the service composes it, on the test's clock
 * and with notices left undelivered: for tests that look at what storage holds or is asked.
 */
export function referralDeskOver(tables: TableFactory, now: () => Date = () => new Date()) {
  const casework = caseworkTables(tables);
  const desk = referralDesk({
    catalogue: loadCatalogue("bot/config/areas"),
    casework,
    directory: directoryTables(tables),
    drafts: referralDraftTables(tables),
    now,
    onNotices: () => undefined,
  });
  return { desk, casework };
}
