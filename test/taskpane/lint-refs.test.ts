/**
 * The pane's logic lives in its controller, outside React: a ref read or written during render in the
 * pane or the web app fails `npm run lint` (react-hooks/refs in eslint.config.mjs). ESLint runs on a
 * snippet placed (by name) in each folder; the same hook with its ref set in an effect passes.
 */
import { spawnSync } from "child_process";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");
const ESLINT = path.join(ROOT, "node_modules", "eslint", "bin", "eslint.js");

function lint(file: string, code: string): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [ESLINT, "--stdin", "--stdin-filename", file], {
    cwd: ROOT,
    input: code,
    encoding: "utf8",
  });
  return { status: r.status, out: r.stdout + r.stderr };
}

const duringRender = `import { useRef } from "react";
export function useLatest<T>(value: T) {
  const latest = useRef(value);
  latest.current = value;
  return latest;
}
`;
const inEffect = `import { useEffect, useRef } from "react";
export function useLatest<T>(value: T) {
  const latest = useRef(value);
  useEffect(() => {
    latest.current = value;
  }, [value]);
  return latest;
}
`;

test.each(["src/taskpane/use-latest.ts", "src/webapp/use-latest.ts"])(
  "a ref written during render in %s fails the lint",
  (file) => {
    const caught = lint(file, duringRender);
    expect(caught.status).toBe(1);
    expect(caught.out).toContain("react-hooks/refs");
    expect(lint(file, inEffect)).toEqual({ status: 0, out: "" });
  },
  60000,
);
