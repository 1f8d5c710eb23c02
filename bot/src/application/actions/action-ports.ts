import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import type { Casework } from "../ports/casework.js";
import type { DeliveryStore } from "../ports/deliveries.js";
import type { Directory } from "../ports/directory.js";
import type { ActionChanges } from "../ports/messengers.js";

/** What the action log's commands need; each declares the part it uses. */
export interface ActionPorts {
  catalogue: Catalogue;
  casework: Casework;
  directory: Directory;
  deliveries: DeliveryStore;
  now: () => Date;
  changes?: ActionChanges;
}
