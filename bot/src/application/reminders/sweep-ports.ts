import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import type { Casework } from "../ports/casework.js";
import type { DeliveryStore } from "../ports/deliveries.js";
import type { Directory } from "../ports/directory.js";
import type { Log } from "../ports/log.js";
import type { ReminderMessenger } from "../ports/messengers.js";

export interface SweepOptions {
  /** This instance, as the lease and claims name it. */
  instance: string;
  leaseMs: number;
  /** Reminders missed while the service was down are still sent for this many days. */
  lookbackDays: number;
  /** Reminders for a day go from this local hour. */
  fromHour: number;
  /** First retry after this long, doubling each time. */
  retryBaseMs: number;
}

/** What the reminder sweep needs. */
export interface SweepPorts {
  catalogue: Catalogue;
  directory: Directory;
  casework: Casework;
  deliveries: DeliveryStore;
  messenger: ReminderMessenger;
  log: Log;
  now: () => Date;
  options: SweepOptions;
}

export interface SweepReport {
  swept: boolean;
  sent: number;
  retrying: number;
  undeliverable: number;
}

/** The sweep's lease ran out under it: another instance carries on. */
export class LeaseLost extends Error {}

export const panelName = (ports: Pick<SweepPorts, "catalogue">, panelId: string): string =>
  ports.catalogue.panels.get(panelId)?.name ?? panelId;
