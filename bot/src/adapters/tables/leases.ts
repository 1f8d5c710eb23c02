import { Lease } from "../../application/ports/deliveries.js";
import { AlreadyExists, ConcurrencyConflict } from "../../application/ports/versioned.js";
import { EntityStore } from "./entity-store.js";
import { TABLES, type TableFactory } from "./storage.js";

// Leases in the ActionsDue table: work that every instance runs on its beat but only one may do at
// a time (the reminder sweep, each area's partition moves) is done by whoever holds its lease.

export function tableLeases(tables: TableFactory) {
  const client = tables(TABLES.actionsDue);
  const leases = new EntityStore(client, Lease, (l) => ({ partitionKey: "lease", rowKey: l.name }));
  return {
    /** Takes the lease, or renews it, unless another holder's has not yet run out. */
    async takeLease(name: string, holder: string, now: Date, ms: number): Promise<boolean> {
      const next = { name, holder, until: new Date(now.getTime() + ms).toISOString() };
      const current = await leases.get("lease", name);
      try {
        if (!current) await leases.insert(next, holder);
        else if (current.value.holder === holder || current.value.until <= now.toISOString())
          await leases.replace(next, current.etag, holder);
        else return false;
        return true;
      } catch (e) {
        if (e instanceof AlreadyExists || e instanceof ConcurrencyConflict) return false;
        throw e;
      }
    },

    /** Gives the lease up, if it is still this holder's: the next instance takes it at once. */
    async releaseLease(name: string, holder: string): Promise<void> {
      const current = await leases.get("lease", name);
      if (current?.value.holder !== holder) return;
      await client.deleteEntity("lease", name, { etag: current.etag }).catch(() => undefined);
    },

    leaseHolder: async (name: string): Promise<Lease | undefined> => (await leases.get("lease", name))?.value,
  };
}
