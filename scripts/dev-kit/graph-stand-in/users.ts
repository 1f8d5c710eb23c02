import type { Express, Request } from "express";
import { DIRECTORY_PEOPLE, type DirectoryUser } from "./directory-people.js";
import { matches, parseSearch } from "./search-expression.js";
import { GraphRefusal, handle, type Authenticate, type Caller } from "./shared.js";

// The directory calls the product makes: GET /users with $search, $select and $top, and GET
// /users/{id | userPrincipalName}. Refused as Graph refuses them: $search without the
// ConsistencyLevel header, a page size outside 1 to 999, unknown properties, a principal name
// starting with "$" outside key syntax, a caller without a directory permission, a guest listing
// users (Entra's default guest restrictions). With only User.ReadBasic.All, properties outside the
// basic profile come back null, as they do from Graph.

export type { DirectoryUser } from "./directory-people.js";

const FULL = ["User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"];
const BASIC = "User.ReadBasic.All";
const BASIC_PROFILE = new Set(["id", "displayName", "givenName", "surname", "mail", "userPrincipalName"]);
/** Returned when no $select is given (learn.microsoft.com/graph/api/user-list). */
const DEFAULT_PROPERTIES = [
  "businessPhones",
  "displayName",
  "givenName",
  "id",
  "jobTitle",
  "mail",
  "mobilePhone",
  "officeLocation",
  "preferredLanguage",
  "surname",
  "userPrincipalName",
];
const KNOWN = new Set([...DEFAULT_PROPERTIES, "userType", "department", "accountEnabled"]);
const DEFAULT_PAGE = 100;

const denied = (): GraphRefusal =>
  new GraphRefusal(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");

/** What the caller may read: the full profile, the basic one, or nothing (refused). */
function access(who: Caller): "full" | "basic" {
  const granted = [...who.scopes, ...who.roles];
  if (granted.some((g) => FULL.includes(g))) return "full";
  if (granted.includes(BASIC)) return "basic";
  throw denied();
}

function selected(query: URLSearchParams): string[] {
  const select = query.get("$select");
  if (select === null) return DEFAULT_PROPERTIES;
  const names = select.split(",").map((s) => s.trim());
  const unknown = names.find((n) => !KNOWN.has(n));
  if (unknown !== undefined) {
    throw new GraphRefusal(
      400,
      "BadRequest",
      `Could not find a property named '${unknown}' on type 'microsoft.graph.user'.`,
    );
  }
  return names;
}

function present(user: DirectoryUser, properties: string[], reach: "full" | "basic") {
  const stored = user as unknown as Record<string, unknown>;
  return Object.fromEntries(
    properties.map((p) => {
      if (p === "businessPhones") return [p, []];
      return [p, reach === "basic" && !BASIC_PROFILE.has(p) ? null : (stored[p] ?? null)];
    }),
  );
}

function pageSize(query: URLSearchParams): number {
  const top = query.get("$top");
  if (top === null) return DEFAULT_PAGE;
  const n = /^\d+$/.test(top) ? Number(top) : NaN;
  if (!(n >= 1 && n <= 999)) {
    throw new GraphRefusal(
      400,
      "Request_UnsupportedQuery",
      `Invalid page size specified: '${top}'. Must be between 1 and 999 inclusive.`,
    );
  }
  return n;
}

export function directoryStandIn(app: Express, authenticate: Authenticate) {
  const users = DIRECTORY_PEOPLE;
  const queryOf = (req: Request) => new URLSearchParams(req.originalUrl.split("?")[1] ?? "");

  app.get(
    "/v1.0/users",
    handle(async (req, res) => {
      const who = await authenticate(req);
      const reach = access(who);
      if (users.find((u) => u.id === who.oid)?.userType === "Guest") throw denied();
      const query = queryOf(req);
      for (const option of ["$filter", "$orderby", "$count", "$expand", "$skip"]) {
        if (query.has(option)) {
          throw new GraphRefusal(
            400,
            "Request_UnsupportedQuery",
            `This local Graph stands in for the directory calls the product makes; '${option}' is not one of them.`,
          );
        }
      }
      const properties = selected(query);
      const size = pageSize(query);
      const search = query.get("$search");
      if (search !== null && req.get("consistencylevel")?.toLowerCase() !== "eventual") {
        throw new GraphRefusal(
          400,
          "Request_UnsupportedQuery",
          "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
        );
      }
      const expression = search === null ? undefined : parseSearch(search);
      const found = users
        .filter((u) => {
          if (!expression) return true;
          return matches(expression, (property) => {
            if (!KNOWN.has(property)) {
              throw new GraphRefusal(
                400,
                "Request_UnsupportedQuery",
                `Property '${property}' is not supported in a $search clause.`,
              );
            }
            if (reach === "basic" && !BASIC_PROFILE.has(property)) throw denied();
            const value = (u as unknown as Record<string, unknown>)[property];
            return typeof value === "string" ? value : null;
          });
        })
        .sort((a, b) => a.displayName.localeCompare(b.displayName));
      const skip = Number(Buffer.from(query.get("$skiptoken") ?? "", "base64url").toString() || 0);
      const page = found.slice(skip, skip + size);
      const next = new URLSearchParams(query);
      next.set("$skiptoken", Buffer.from(String(skip + size)).toString("base64url"));
      res.json({
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users",
        value: page.map((u) => present(u, properties, reach)),
        ...(skip + size < found.length
          ? { "@odata.nextLink": `${req.protocol}://${req.get("host")}/v1.0/users?${next.toString()}` }
          : {}),
      });
    }),
  );

  const readOne = (key: string) =>
    handle(async (req, res) => {
      const reach = access(await authenticate(req));
      const wanted = key.toLowerCase();
      const user = users.find((u) => u.id === wanted || u.userPrincipalName.toLowerCase() === wanted);
      if (!user) {
        throw new GraphRefusal(
          404,
          "Request_ResourceNotFound",
          `Resource '${key}' does not exist or one of its queried reference-property objects are not present.`,
        );
      }
      res.json(present(user, selected(queryOf(req)), reach));
    });

  // Key syntax, for a principal name that starts with "$": /users('$x@y.com'), a quote doubled.
  app.get(/^\/v1\.0\/users\('((?:[^']|'')*)'\)$/, (req, res, next) => {
    readOne(String(req.params[0]).replace(/''/g, "'"))(req, res, next);
  });
  app.get("/v1.0/users/:key", (req, res, next) => {
    const key = String(req.params["key"]);
    if (key.startsWith("$")) {
      next(
        new GraphRefusal(
          400,
          "BadRequest",
          `'${key}' is read as a system query option; a user principal name that begins with '$' must be asked for as /users('${key}').`,
        ),
      );
      return;
    }
    readOne(key)(req, res, next);
  });

  return {
    /** The people in the directory, members and guests. */
    users: (): DirectoryUser[] => users.map((u) => ({ ...u })),
  };
}
