import type { Plugin } from "esbuild";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import ts from "typescript";

// The tab imports Fluent UI from its one suite package, `@fluentui/react-components`, which
// re-exports every component package. esbuild places a file in the chunks of every entry that
// reaches it through imports, re-exports included, so with code splitting the suite would put
// every component a page uses into the chunk the first screen loads. This plugin gives each
// importing file the suite's exports it names, straight from their component packages (resolved
// from the suite's own folder, so they are the copies it would use): each page's chunk then
// pulls only its own components.

const SUITE = "@fluentui/react-components";

export function fluentPerPackage(): Plugin {
  return {
    name: "fluent-per-package",
    setup(build) {
      const suiteDir = path.dirname(createRequire(import.meta.url).resolve(`${SUITE}/package.json`));
      const origins = suiteExports(path.join(suiteDir, "lib", "index.js"));
      build.onResolve({ filter: /^@fluentui\/react-components$/ }, ({ importer }) => ({
        path: importer,
        namespace: "fluent-per-package",
      }));
      build.onLoad({ filter: /.*/, namespace: "fluent-per-package" }, ({ path: importer }) => {
        const lines = namesImported(importer).map((name) => {
          const origin = origins.get(name);
          if (!origin) throw new Error(`${importer} imports ${name}, which ${SUITE} does not export`);
          return `export { ${origin.original} as ${name} } from "${origin.from}";`;
        });
        return { contents: lines.join("\n"), resolveDir: suiteDir, loader: "js" };
      });
    },
  };
}

/** Each name the suite exports: the package it comes from, and its name there. */
function suiteExports(index: string): Map<string, { from: string; original: string }> {
  const origins = new Map<string, { from: string; original: string }>();
  for (const statement of parse(index).statements) {
    if (!ts.isExportDeclaration(statement) || !statement.moduleSpecifier || !statement.exportClause) continue;
    if (!ts.isNamedExports(statement.exportClause) || !ts.isStringLiteral(statement.moduleSpecifier))
      continue;
    for (const element of statement.exportClause.elements) {
      origins.set(element.name.text, {
        from: statement.moduleSpecifier.text,
        original: (element.propertyName ?? element.name).text,
      });
    }
  }
  return origins;
}

/** The values (not types) `file` imports from the suite, by the names the suite exports them under. */
function namesImported(file: string): string[] {
  const names: string[] = [];
  for (const statement of parse(file).statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    if (statement.moduleSpecifier.text !== SUITE || statement.importClause?.isTypeOnly) continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings))
      throw new Error(
        `${file}: import named exports from ${SUITE}, so that each page gets only what it uses`,
      );
    for (const element of bindings.elements) {
      if (!element.isTypeOnly) names.push((element.propertyName ?? element.name).text);
    }
  }
  return names;
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, false);
}
