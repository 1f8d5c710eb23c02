import type { AccessRequest } from "../../domain/people/access-request.js";
import type { Versioned } from "./versioned.js";

// Requests to join a panel, kept in their area's records beside the notices they owe, so a
// request and its notice are written together. A person's request for a panel is one point
// read; an area's or a panel's open requests are one range.

export interface AccessRequestRecords {
  accessRequest(
    areaId: string,
    panelId: string,
    personId: string,
  ): Promise<Versioned<AccessRequest> | undefined>;
  /** The open requests of an area, or of one of its panels. */
  openAccessRequests(areaId: string, panelId?: string): Promise<Versioned<AccessRequest>[]>;
}

/** Written in a casework unit: created when there is no `before`, else moved on from it. */
export interface AccessRequestWrites {
  putAccessRequest(request: AccessRequest, before: Versioned<AccessRequest> | undefined): void;
}
