import { withPorts } from "../with-ports.js";
import { setAdministrator } from "./administrators.js";
import { applyImport, previewImport } from "./import-people.js";
import { savePersonDetails } from "./change-person.js";
import { removePanelRole, setPanelRole } from "./panel-roles.js";
import type { PeoplePorts } from "./people-ports.js";
import { viewAreaPeople } from "./view-people.js";
import { managedAreas, requireManager, searchDirectory } from "./managed-areas.js";

// An area's people and their places: the one way in for the People page, imports and access
// requests, so the rules of who may grant what hold whichever is used.

export const peopleDesk = (ports: PeoplePorts) => ({
  view: withPorts(ports, viewAreaPeople),
  savePerson: withPorts(ports, savePersonDetails),
  setRole: withPorts(ports, setPanelRole),
  removeRole: withPorts(ports, removePanelRole),
  setAdministrator: withPorts(ports, setAdministrator),
  previewImport: withPorts(ports, previewImport),
  applyImport: withPorts(ports, applyImport),
  managedAreas: withPorts(ports, managedAreas),
  requireManager: withPorts(ports, requireManager),
  searchDirectory: withPorts(ports, searchDirectory),
});
export type PeopleDesk = ReturnType<typeof peopleDesk>;

export type { AreaPeopleView, PersonRow } from "./view-people.js";
export type { Caller } from "./people-ports.js";
export { PersonDetails } from "./change-person.js";
export type { ImportPreview, ImportRowPreview } from "./import-people.js";
export { PEOPLE_CSV_COLUMNS, PEOPLE_CSV_TEMPLATE } from "./people-csv.js";
