import Mocha from "mocha";

// Mocha's own output (spec, or dot with `--reporter-option base=dot`), then one plain closing
// line, "Tests: N passed, N failed, N skipped", so any reader of the run's end knows how many
// tests ran. Nothing is printed after it.
export default class ClosingLineReporter extends Mocha.reporters.Base {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const base = (options?.reporterOptions as { base?: string } | undefined)?.base === "dot" ? "Dot" : "Spec";
    new Mocha.reporters[base](runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const { passes, failures, pending } = this.stats;
      process.stdout.write(`\nTests: ${passes} passed, ${failures} failed, ${pending} skipped\n`);
    });
  }
}
