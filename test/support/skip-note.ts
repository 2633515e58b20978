/**
 * Tests skipped on purpose (a tool or a folder this machine lacks) say why once, as one line under the
 * run's summary (test/support/skip-notes-reporter.js), never as a warning that reads like a failure.
 */
const MARK = "[skipped: ";

/** `test` itself, or — with a reason — a `test` that registers a skipped test whose title ends with the reason. */
export function testUnless(skipReason: string | null): jest.It {
  if (!skipReason) return test;
  const skipped = (title: string, fn?: jest.ProvidesCallback, timeout?: number) => test.skip(`${title} ${MARK}${skipReason}]`, fn, timeout);
  return Object.assign(skipped, test) as unknown as jest.It;
}

/** The reason a skipped test's title carries, or null (read by the reporter). */
export function skipReasonOf(title: string): string | null {
  const at = title.lastIndexOf(MARK);
  return at >= 0 && title.endsWith("]") ? title.slice(at + MARK.length, -1) : null;
}
