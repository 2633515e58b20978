/**
 * The few DOM matchers the pane's tests use (the project does not depend on @testing-library/jest-dom).
 * Import this file at the top of a jsdom test.
 */
function norm(s: string | null | undefined): string {
  return (s ?? "").replace(/\s+/g, " ").trim();
}

function isElement(v: unknown): v is Element {
  return typeof Element !== "undefined" && v instanceof Element;
}

expect.extend({
  toBeInTheDocument(received: unknown) {
    const pass = isElement(received) && received.ownerDocument.contains(received);
    return { pass, message: () => `expected element ${pass ? "not " : ""}to be in the document` };
  },
  toHaveTextContent(received: unknown, expected: string | RegExp) {
    const text = isElement(received) ? norm(received.textContent) : "";
    const pass = typeof expected === "string" ? text.includes(norm(expected)) : expected.test(text);
    return { pass, message: () => `expected text ${JSON.stringify(text)} ${pass ? "not " : ""}to contain ${String(expected)}` };
  },
  toHaveAttribute(received: unknown, name: string, value?: string) {
    const has = isElement(received) && received.hasAttribute(name);
    const actual = isElement(received) ? received.getAttribute(name) : null;
    const pass = has && (value === undefined || actual === value);
    return { pass, message: () => `expected attribute ${name}${value === undefined ? "" : `="${value}"`}, got ${JSON.stringify(actual)}` };
  },
  toHaveValue(received: unknown, value: string) {
    const actual = (received as HTMLInputElement | null)?.value;
    return { pass: actual === value, message: () => `expected value ${JSON.stringify(value)}, got ${JSON.stringify(actual)}` };
  },
  toBeEnabled(received: unknown) {
    const pass = isElement(received) && !(received as HTMLButtonElement).disabled && received.getAttribute("aria-disabled") !== "true";
    return { pass, message: () => `expected element ${pass ? "not " : ""}to be enabled` };
  },
});

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> {
      toBeInTheDocument(): R;
      toHaveTextContent(expected: string | RegExp): R;
      toHaveAttribute(name: string, value?: string): R;
      toHaveValue(value: string): R;
      toBeEnabled(): R;
    }
  }
}

export {};
