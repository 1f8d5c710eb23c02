import { spawn } from "node:child_process";

// `npm test`: every check in order, stopping at the first that fails. The tests run last:
// Mocha's own summary ("N passing", "N failing"), then the plain line
// "Tests: N passed, N failed, N skipped", close the output. In CI (CI set) Mocha prints a dot
// per test instead of a line, so the log stays short and its summary easy to find.
const steps: [string, string, string[]][] = [
  ["Type-checking", "npx", ["tsc", "--noEmit", "-p", "."]],
  ["Linting", "npx", ["eslint", "."]],
  ["Checking formatting", "npx", ["prettier", "--check", "."]],
  ["Building the tab", process.execPath, ["--import", "tsx", "scripts/build-tab.ts"]],
  [
    "Running unit, integration (Azurite) and end-to-end (Agents Playground, Chromium) tests",
    "npx",
    [
      "mocha",
      ...(process.env.CI ? ["--reporter-option", "base=dot"] : []),
      "test/unit/**/*.test.ts",
      "test/integration/**/*.test.ts",
      "test/e2e/**/*.test.ts",
    ],
  ],
];

for (const [index, [title, command, args]] of steps.entries()) {
  console.log(`\n[${index + 1}/${steps.length}] ${title}…`);
  const stepStarted = Date.now();
  const code = await new Promise<number>((resolve) => {
    spawn(command, args, { stdio: "inherit" }).once("exit", (c) => resolve(c ?? 1));
  });
  if (code !== 0) {
    console.error(`\n${title} failed (exit code ${code}). Fix the problems above and run npm test again.`);
    process.exit(code);
  }
  if (index < steps.length - 1)
    console.log(`    done in ${((Date.now() - stepStarted) / 1000).toFixed(1)} s`);
}
