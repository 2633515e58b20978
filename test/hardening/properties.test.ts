/**
 * Properties on random workbooks written as real .xlsx files: reading + analysing never throws, the
 * report validates against its schema, every generated task row is reported exactly once; summarize
 * leaves every original sheet as it was.
 */
import fc from "fast-check";
import * as fs from "fs";
import * as path from "path";
import type { CellValue } from "../../src/core/grid";
import { summarizeXlsxBytes } from "../../src/cli/summarize-bytes";
import { TRACKING_HEADER } from "../support/grid-builder";
import { buildXlsx, makeTempDir, removeTempDir, type XlsxCellInput, type XlsxSheetInput } from "../support/xlsx-builder";
import { AS_OF, checkJson } from "./support/cli";
import { snapshotWorkbook } from "./support/workbook-snapshot";

const HOSTILE = [
  '=HYPERLINK("http://evil","x")',
  "+1+1",
  "-1+1",
  "@SUM(A1)",
  "\t=1+1",
  "'=1",
  "x".repeat(3000),
  "Phòng Văn hóa – Xã hội",
  "Nội dung\u00a0",
  "NFD: Phòng Văn hóa".normalize("NFD"),
  "Phßng V¨n hãa",
];
const text = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 40 }), fc.constantFrom("Việc A", "Rà soát hồ sơ", "Báo cáo năm"));
const lead = fc.oneof(
  fc.constantFrom(
    "Công an xã",
    "Phòng VH-XH",
    "Các đơn vị liên quan",
    "Phòng Kinh tế, Công an xã",
    "",
    " \u00a0 ",
    "Phong Van hoa - Xa hoi",
  ),
  text,
);
const deadline: fc.Arbitrary<XlsxCellInput> = fc.oneof(
  fc.constantFrom("30/11/2026", "Quý II/2026", "Tháng 13/2026", "Thường xuyên", "", "2026-2030", "11/30/2026", "ngày 30 tháng 11 năm 2026"),
  fc.integer({ min: 1, max: 60000 }),
  fc.constant({ error: "#REF!" } as CellValue),
  fc.constant({ formula: "1/0", result: { error: "#DIV/0!" } }),
  fc.date({ min: new Date(Date.UTC(2020, 0, 1)), max: new Date(Date.UTC(2030, 0, 1)), noInvalidDate: true }),
);
const status = fc.constantFrom("Đã hoàn thành", "Đang thực hiện", "", "??", "100%");

type RowSpec =
  | { kind: "task"; content: XlsxCellInput; lead: XlsxCellInput; deadline: XlsxCellInput; status: string }
  | { kind: "group" }
  | { kind: "blank" };
const row: fc.Arbitrary<RowSpec> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant("task" as const), content: text, lead, deadline, status }) },
  { weight: 1, arbitrary: fc.constant({ kind: "group" as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: "blank" as const }) },
);
const sheetName = fc.constantFrom("PL I", "PL II", "Phụ lục III", "KH's (PL) IV", 'PL "V"', "Phụ lục – VI", "Ghi chú");
const sheet = fc.record({
  name: sheetName,
  rows: fc.array(row, { maxLength: 25 }),
  visibility: fc.constantFrom("visible", "visible", "hidden", "veryHidden") as fc.Arbitrary<"visible" | "hidden" | "veryHidden">,
  mergeLead: fc.boolean(),
});
const workbook = fc.uniqueArray(sheet, { minLength: 1, maxLength: 3, selector: (s) => s.name });

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"];

/** A sheet input and the sheet rows where it placed tasks. */
interface SheetSpec {
  name: string;
  rows: RowSpec[];
  visibility: "visible" | "hidden" | "veryHidden";
  mergeLead: boolean;
}

function toSheet(s: SheetSpec): { input: XlsxSheetInput; taskRows: number[] } {
  const values: XlsxCellInput[][] = [["PHỤ LỤC", null], ["NHIỆM VỤ TRỌNG TÂM NĂM 2026"], [...TRACKING_HEADER]];
  const taskRows: number[] = [];
  let stt = 0;
  let groups = 0;
  for (const r of s.rows) {
    if (r.kind === "blank") values.push([]);
    else if (r.kind === "group") values.push([ROMAN[groups++ % ROMAN.length], "Nhóm " + groups]);
    else {
      values.push([++stt, r.content, null, r.lead, null, null, r.deadline, r.status, null, null]);
      taskRows.push(values.length);
    }
  }
  const merges = [];
  // A lead merged down over the next task (one unit written once for two tasks).
  if (s.mergeLead && taskRows.length >= 2 && taskRows[1] === taskRows[0] + 1)
    merges.push({ top: taskRows[0], left: 4, bottom: taskRows[1], right: 4 });
  return { input: { name: s.name, visibility: s.visibility, values, merges }, taskRows };
}

let dir: string;
beforeAll(() => {
  dir = makeTempDir("phuluc-prop-");
});
afterAll(() => removeTempDir(dir));

describe("random workbooks as files", () => {
  it("check never throws, the report validates, every task row is reported exactly once", async () => {
    let i = 0;
    await fc.assert(
      fc.asyncProperty(workbook, async (sheets) => {
        const built = sheets.map((s) => toSheet(s));
        const file = path.join(dir, `p${i++}.xlsx`);
        fs.writeFileSync(file, await buildXlsx(built.map((b) => b.input)));
        const { report } = await checkJson(file); // exit 2 (a file problem) would throw here
        const visible = built.filter((b) => b.input.visibility === "visible");
        for (const b of built) {
          // Exactly the generated task rows, each once, in order; a hidden sheet is skipped and listed instead.
          const read = b.input.visibility === "visible" ? b.taskRows : [];
          expect(report.tasks.filter((t) => t.sheet === b.input.name).map((t) => t.row)).toEqual(read);
        }
        expect(report.tasks).toHaveLength(visible.reduce((n, b) => n + b.taskRows.length, 0));
        expect((report.skippedSheets ?? []).map((s) => s.name)).toEqual(
          built.filter((b) => b.input.visibility !== "visible").map((b) => b.input.name),
        );
        for (const issue of report.issues) if (issue.cell) expect(issue.message).toContain(issue.cell);
      }),
      { numRuns: 30, seed: 20261124 },
    );
  }, 120000);

  it("summarize leaves every original sheet as it was", async () => {
    await fc.assert(
      fc.asyncProperty(workbook, async (sheets) => {
        const bytes = await buildXlsx(sheets.map((s) => toSheet(s).input));
        const r = await summarizeXlsxBytes(bytes, { asOf: AS_OF, fileName: "p.xlsx" });
        expect(await snapshotWorkbook(r.bytes, r.result.sheetNames)).toEqual(await snapshotWorkbook(bytes));
      }),
      { numRuns: 20, seed: 20261124 },
    );
  }, 120000);
});
