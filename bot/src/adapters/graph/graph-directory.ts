import { GraphError } from "@microsoft/microsoft-graph-client";
import { z } from "zod";
import type { FoundPerson, PeopleFinder } from "../../application/ports/people-finder.js";
import { GraphConnection, type GraphConnectionOptions, type GraphFailure } from "./graph-client.js";

// The organisation's directory (Microsoft Entra ID) through Microsoft Graph, over the shared
// connection (graph-client.ts). Search follows Graph's rules for $search on users
// (learn.microsoft.com/graph/search-query-parameter): each clause "property:text" in double quotes,
// a double quote or backslash in the text escaped with a backslash, everything else percent-encoded,
// OR outside the quotes, and the ConsistencyLevel: eventual header, without which Graph refuses it.
// displayName is matched word by word; mail and userPrincipalName as "starts with".

/** Graph's largest page of users (learn.microsoft.com/graph/api/user-list); one page is enough. */
const MAX_TOP = 999;
const SELECT = ["id", "displayName", "mail", "userPrincipalName", "jobTitle", "userType"];

/** A directory problem, in words for the person at the People page; `detail` is for the log. */
export class DirectoryProblem extends Error {
  constructor(
    readonly kind: "sign-in" | "no-access" | "busy" | "unavailable" | "rejected",
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = "DirectoryProblem";
  }
}

const GraphUser = z.object({
  id: z.string().min(1),
  displayName: z.string().nullable().optional(),
  mail: z.string().nullable().optional(),
  userPrincipalName: z.string().min(1),
  // Null with only User.ReadBasic.All: neither is in the basic profile.
  jobTitle: z.string().nullable().optional(),
  userType: z.string().nullable().optional(),
});
const UserPage = z.object({ value: z.array(GraphUser) });

const GUEST_MARK = "#EXT#";

/** B2B principal names are the home address with "@" made "_": AdeleV_adatum.com#EXT#@contoso.com. */
function homeAddress(principalName: string): string {
  const local = principalName.slice(0, principalName.indexOf(GUEST_MARK));
  const at = local.lastIndexOf("_");
  return at < 0 ? principalName : `${local.slice(0, at)}@${local.slice(at + 1)}`;
}

function person(user: z.infer<typeof GraphUser>): FoundPerson {
  const guest = user.userType === "Guest" || user.userPrincipalName.toUpperCase().includes(GUEST_MARK);
  return {
    id: user.id,
    displayName: user.displayName || user.userPrincipalName,
    email: user.mail || (guest ? homeAddress(user.userPrincipalName) : user.userPrincipalName),
    userPrincipalName: user.userPrincipalName,
    jobTitle: user.jobTitle ?? null,
    guest,
  };
}

/** One clause of a $search: the text with `"` and `\` escaped by a backslash. */
const clause = (property: string, text: string): string =>
  `"${property}:${text.replace(/["\\]/g, (c) => `\\${c}`)}"`;

/** The user path: key syntax for a principal name starting with "$", which OData reads as an option. */
const userPath = (idOrUpn: string): string =>
  idOrUpn.startsWith("$")
    ? `/users('${encodeURIComponent(idOrUpn.replace(/'/g, "''"))}')`
    : `/users/${encodeURIComponent(idOrUpn)}`;

function problemFrom(failure: GraphFailure): DirectoryProblem {
  switch (failure.kind) {
    case "no-consent":
      return new DirectoryProblem(
        "sign-in",
        "Microsoft 365 did not give MACE panels access to the directory. Close the tab, open it again and retry; if it happens again, ask your IT team to grant the app the User.ReadBasic.All permission.",
        failure.detail,
      );
    case "no-token":
      return new DirectoryProblem("sign-in", "Microsoft 365 gave no access token. Sign in again.");
    case "sign-in":
      return new DirectoryProblem(
        "sign-in",
        "Microsoft 365 did not accept the sign-in for the directory. Close the tab, open it again and retry.",
        failure.detail,
      );
    case "no-access":
      return new DirectoryProblem(
        "no-access",
        "Microsoft 365 refused to let MACE panels search your organisation's directory. Guests from a partner agency cannot search it unless the council allows them; otherwise ask your IT team to grant the app the User.ReadBasic.All permission.",
        failure.detail,
      );
    case "busy":
      return new DirectoryProblem(
        "busy",
        "Microsoft 365 is busy and asked MACE panels to slow down. Try the search again in a minute.",
      );
    case "unreachable":
    case "unavailable":
      return new DirectoryProblem(
        "unavailable",
        "Microsoft 365 did not answer, so the directory could not be searched. Try again in a few minutes.",
      );
    case "unexpected-answer":
    case "not-found":
    case "refused":
      return new DirectoryProblem(
        "rejected",
        "Microsoft 365 could not answer that search. Tell your MACE panels administrator, who can see the reason in the service's log.",
        failure.detail,
      );
  }
}

export class GraphDirectory implements PeopleFinder {
  private readonly graph: GraphConnection;

  constructor(options: GraphConnectionOptions) {
    this.graph = new GraphConnection(options);
  }

  async search(query: string, top: number): Promise<FoundPerson[]> {
    const text = query.trim();
    const size = Math.min(Math.floor(top), MAX_TOP);
    if (!text || !(size >= 1)) return [];
    const expression = ["displayName", "mail", "userPrincipalName"].map((p) => clause(p, text)).join(" OR ");
    const page = await this.graph.call(
      async (client) =>
        UserPage.parse(
          await client
            .api("/users")
            .header("ConsistencyLevel", "eventual")
            // The client puts query values in the URL as given: encode the expression here.
            .search(encodeURIComponent(expression))
            .select(SELECT)
            .top(size)
            .get(),
        ),
      problemFrom,
    );
    return page.value.slice(0, size).map(person);
  }

  async find(idOrUpn: string): Promise<FoundPerson | undefined> {
    const key = idOrUpn.trim();
    // An empty key would be GET /users: the whole directory, not one person.
    if (!key) return undefined;
    return this.graph.call(async (client) => {
      try {
        return person(GraphUser.parse(await client.api(userPath(key)).select(SELECT).get()));
      } catch (e) {
        if (e instanceof GraphError && e.statusCode === 404) return undefined;
        throw e;
      }
    }, problemFrom);
  }
}
