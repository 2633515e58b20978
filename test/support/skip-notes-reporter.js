/**
 * Jest reporter: after the summary, one line per reason for the tests skipped on purpose (their titles end
 * with "[skipped: reason]", see test/support/skip-note.ts), e.g.
 *   Skipped on purpose, 6 tests: manifest XSD validation — no schema folder (set PHULUC_MANIFEST_SCHEMAS)
 */
const MARK = "[skipped: ";

class SkipNotesReporter {
  constructor() {
    this.reasons = new Map();
  }

  onTestResult(_test, result) {
    for (const t of result.testResults) {
      if (t.status !== "pending") continue;
      const at = t.title.lastIndexOf(MARK);
      if (at < 0 || !t.title.endsWith("]")) continue;
      const reason = t.title.slice(at + MARK.length, -1);
      this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + 1);
    }
  }

  onRunComplete() {
    for (const [reason, n] of this.reasons) process.stderr.write(`Skipped on purpose, ${n} test${n === 1 ? "" : "s"}: ${reason}\n`);
  }
}

module.exports = SkipNotesReporter;
