import Mocha from "mocha";

// Mocha's spec output, then one closing line in the plain "N passed, N failed" form
// that CI reads to know how many tests ran.
export default class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const { passes, failures, pending } = runner.stats ?? { passes: 0, failures: 0, pending: 0 };
      process.stdout.write(`\nTests: ${passes} passed, ${failures} failed, ${pending} skipped\n`);
    });
  }
}
