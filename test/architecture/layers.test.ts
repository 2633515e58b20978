/**
 * The floor plan is enforced by lint (scripts/lint/layers.mjs, the rule `phuluc/layers` in
 * eslint.config.mjs): snippets placed in a folder of src/ are linted by ESLint's own API, in a child
 * process (ESLint loads its ES-module config with `import()`, which jest's module system does not run).
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

interface Probe {
  file: string;
  code: string;
}

const LINT_PROBES = `
const { ESLint } = require("eslint");
const probes = JSON.parse(require("node:fs").readFileSync(0, "utf8"));
(async () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const out = [];
  for (const p of probes) {
    const [r] = await eslint.lintText(p.code, { filePath: p.file });
    out.push(r.messages.filter((m) => m.ruleId === "phuluc/layers" || m.fatal).map((m) => m.message));
  }
  process.stdout.write(JSON.stringify(out));
})();
`;

/** The layer rule's messages for each snippet, linted as the file it names. */
function lint(probes: Probe[]): string[][] {
  const r = spawnSync(process.execPath, ["-e", LINT_PROBES], { cwd: ROOT, input: JSON.stringify(probes), encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as string[][];
}

const FORBIDDEN: Probe[] = [
  { file: "src/core/probe.ts", code: 'import { summaryText } from "../i18n/summary";\nexport const words = summaryText;\n' },
  { file: "src/core/probe.ts", code: 'export const load = () => import("../i18n/summary");\n' },
  { file: "src/core/returned-copies/probe.ts", code: "export const load = () => import(`../../documents/summary/build`);\n" },
  { file: "src/core/probe.ts", code: 'export { run } from "../app/use-cases/check";\n' },
  { file: "src/i18n/probe.ts", code: 'import { isIsoDate } from "../core/dates";\nexport const is = isIsoDate;\n' },
  { file: "src/i18n/probe.ts", code: 'import type { SplitInput } from "../app/use-cases/split";\nexport type Input = SplitInput;\n' },
  {
    file: "src/documents/probe.ts",
    code: 'import { checkWorkbook } from "../app/use-cases/check";\nexport const check = checkWorkbook;\n',
  },
  { file: "src/app/use-cases/probe.ts", code: 'export const load = () => import("../../xlsx/unit-copy");\n' },
  { file: "src/app/probe.ts", code: 'export { renderReportDocx } from "../docx/render";\n' },
  { file: "src/xlsx/probe.ts", code: 'import { runCommand } from "../cli/run-command";\nexport const run = runCommand;\n' },
  { file: "src/cli/probe.ts", code: 'import { lazyWriters } from "../taskpane/writers";\nexport const w = lazyWriters;\n' },
];

const ALLOWED: Probe[] = [
  { file: "src/core/probe.ts", code: 'import { foldKey } from "./text/fold";\nexport const fold = foldKey;\n' },
  { file: "src/i18n/probe.ts", code: 'import type { Report } from "../core/report-schema";\nexport type R = Report;\n' },
  { file: "src/i18n/probe.ts", code: 'import { type Report } from "../core/report-schema";\nexport type R = Report;\n' },
  { file: "src/documents/probe.ts", code: 'import { summaryText } from "../i18n/summary";\nexport const words = summaryText;\n' },
  { file: "src/app/probe.ts", code: 'import type { XlsxWorkbookPort } from "../xlsx/port";\nexport type P = XlsxWorkbookPort;\n' },
  { file: "src/app/probe.ts", code: 'export type Render = typeof import("../docx/render").renderReportDocx;\n' },
  { file: "src/cli/probe.ts", code: 'import { writeUnitCopy } from "../xlsx/unit-copy";\nexport const w = writeUnitCopy;\n' },
];

test("a forbidden import fails the lint: static, re-exported or dynamic, at any depth", () => {
  const messages = lint(FORBIDDEN);
  FORBIDDEN.forEach((probe, i) => {
    expect({ probe, messages: messages[i] }).toEqual({
      probe,
      messages: [expect.stringMatching(/^src\/\w+ may (not import|import only types from) src\/\w+/)],
    });
  });
}, 120_000);

test("what the floor plan allows passes: its own folder, types from core into i18n, types of an adapter into app", () => {
  const messages = lint(ALLOWED);
  ALLOWED.forEach((probe, i) => expect({ probe, messages: messages[i] }).toEqual({ probe, messages: [] }));
}, 120_000);

test("a folder of src/ that the floor plan does not name fails the lint", () => {
  const [messages] = lint([{ file: "src/newroom/probe.ts", code: "export const x = 1;\n" }]);
  expect(messages).toEqual([expect.stringContaining("src/newroom is not in the floor plan")]);
}, 120_000);
