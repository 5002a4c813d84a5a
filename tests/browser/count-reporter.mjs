// Prints `N passed, N failed` (then `, N skipped` when some were) alone on the last line of a
// browser test run: CI reads that line. Used after the `list` reporter (playwright.config.mjs).
// Errors outside any test (a file that does not load, the server that does not start) count as
// failed; a run with a failure, or with no test passed, ends failed (a non-zero exit).
export default class CountReporter {
  suite = null;
  errors = 0;

  onBegin(config, suite) {
    this.suite = suite;
  }

  onError() {
    this.errors += 1;
  }

  onEnd(result) {
    const counts = { expected: 0, unexpected: 0, flaky: 0, skipped: 0 };
    for (const test of this.suite?.allTests() ?? []) counts[test.outcome()] += 1;
    const passed = counts.expected;
    const failed = counts.unexpected + counts.flaky + this.errors;
    const skipped = counts.skipped ? `, ${counts.skipped} skipped` : '';
    process.stdout.write(`${passed} passed, ${failed} failed${skipped}\n`);
    if (failed > 0 || passed === 0) return { status: 'failed' };
    return { status: result.status };
  }

  printsToStdio() {
    return true;
  }
}
