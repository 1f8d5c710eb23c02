import Mocha from "mocha";

// Mocha's spec output, then one closing line in the plain "N passed, N failed" form, so a
// reader of the run's last line knows how many tests ran. Nothing is printed after it.
// A passing test is marked "+", not Mocha's "✔": Node's own test runner marks its tests with
// "✔" too, and a reader that takes the run for Node's then looks for Node's closing lines.
export default class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    Mocha.reporters.Base.symbols.ok = "+";
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const { passes, failures, pending } = runner.stats ?? { passes: 0, failures: 0, pending: 0 };
      process.stdout.write(`\nTests: ${passes} passed, ${failures} failed, ${pending} skipped\n`);
    });
  }
}
