import { GraphRefusal } from "./shared.js";

// Graph's $search on directory objects (learn.microsoft.com/graph/search-query-parameter): clauses
// "property:text" in double quotes, a double quote or backslash inside escaped with a backslash,
// joined by upper-case AND and OR outside the quotes, with parentheses for precedence. displayName is
// matched by tokens; any other property that supports $filter matches as startsWith.

export type SearchExpression =
  | { clause: { property: string; text: string } }
  | { op: "AND" | "OR"; left: SearchExpression; right: SearchExpression };

type Token = { kind: "clause"; text: string } | { kind: "AND" | "OR" | "(" | ")" };

const syntaxError = (source: string, position: number): GraphRefusal =>
  new GraphRefusal(
    400,
    "BadRequest",
    `Syntax error: character '${source[position] ?? ""}' is not valid at position ${position} in '${source}'.`,
  );

function lex(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i] ?? "";
    if (/\s/.test(c)) {
      i++;
    } else if (c === "(" || c === ")") {
      tokens.push({ kind: c });
      i++;
    } else if (source.startsWith("AND", i) || source.startsWith("OR", i)) {
      const kind = source.startsWith("AND", i) ? "AND" : "OR";
      tokens.push({ kind });
      i += kind.length;
    } else if (c === '"') {
      let text = "";
      i++;
      for (;;) {
        const d = source[i];
        if (d === undefined) throw syntaxError(source, i);
        if (d === '"') break;
        if (d === "\\") {
          const escaped = source[i + 1];
          if (escaped !== '"' && escaped !== "\\") throw syntaxError(source, i);
          text += escaped;
          i += 2;
        } else {
          text += d;
          i++;
        }
      }
      tokens.push({ kind: "clause", text });
      i++;
    } else {
      throw syntaxError(source, i);
    }
  }
  return tokens;
}

/** Parses `source`; AND binds tighter than OR, as in OData. */
export function parseSearch(source: string): SearchExpression {
  const tokens = lex(source);
  let at = 0;
  const fail = (): never => {
    throw new GraphRefusal(400, "BadRequest", `Invalid $search expression: '${source}'.`);
  };
  const primary = (): SearchExpression => {
    const token = tokens[at++];
    if (token?.kind === "(") {
      const inner = or();
      if (tokens[at++]?.kind !== ")") fail();
      return inner;
    }
    if (token?.kind !== "clause") return fail();
    const colon = token.text.indexOf(":");
    if (colon <= 0) fail();
    return { clause: { property: token.text.slice(0, colon), text: token.text.slice(colon + 1) } };
  };
  const and = (): SearchExpression => {
    let left = primary();
    while (tokens[at]?.kind === "AND") {
      at++;
      left = { op: "AND", left, right: primary() };
    }
    return left;
  };
  const or = (): SearchExpression => {
    let left = and();
    while (tokens[at]?.kind === "OR") {
      at++;
      left = { op: "OR", left, right: and() };
    }
    return left;
  };
  const expression = or();
  if (at !== tokens.length) fail();
  return expression;
}

/** Words as Entra ID splits them: at spaces, symbols, digits, and a lower-case letter before a capital. */
export function searchTokens(text: string): string[] {
  const found: string[] = [];
  for (const chunk of text.split(/\s+/).filter(Boolean)) {
    const parts = (chunk.match(/\p{L}+|\p{N}+|[^\p{L}\p{N}]/gu) ?? []).flatMap((p) =>
      p.replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2").split(" "),
    );
    found.push(...parts);
    // Words separated only by symbols are also one word: "hello-world" is found by "helloworld".
    const joined = chunk.replace(/[^\p{L}\p{N}]/gu, "");
    if (joined && joined !== chunk) found.push(joined);
  }
  return found.map((t) => t.toLowerCase());
}

export function matches(expression: SearchExpression, valueOf: (property: string) => string | null): boolean {
  if ("op" in expression) {
    const left = matches(expression.left, valueOf);
    return expression.op === "AND"
      ? left && matches(expression.right, valueOf)
      : left || matches(expression.right, valueOf);
  }
  const { property, text } = expression.clause;
  const value = valueOf(property);
  if (value === null) return false;
  if (property === "displayName") {
    const words = searchTokens(value);
    return searchTokens(text).every((t) => words.some((w) => w.startsWith(t)));
  }
  return value.toLowerCase().startsWith(text.toLowerCase());
}
