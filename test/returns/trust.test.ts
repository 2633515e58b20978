/**
 * A merge a clerk can trust, as issue 21 found it broken, on real files: a plan written by openpyxl (and the
 * same plan re-saved by LibreOffice) whose planned output is «Kết quả», with the office's notes in an
 * unlabelled column I, a drop-down on Tình trạng in the office's words and a formula in one Tình trạng cell;
 * Phòng Kinh tế's copy filled in the unit's own words and written back by openpyxl, ExcelJS and a
 * LibreOffice re-save; merged through the CLI — without decisions, with `--accept all`, with a decisions
 * file — and undone.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { undoLastMerge } from "../../src/app/use-cases/merge";
import { fromA1, toA1 } from "../../src/core/a1";
import { cellAt, type Grid } from "../../src/core/grid";
import { MergeJsonSchema, type MergeJson } from "../../src/documents/unit-copies/merge-json";
import { defaultSettings } from "../../src/core/settings";
import { runMain } from "../support/cli-io";
import { makeTempDir, removeTempDir } from "../support/xlsx-builder";
import { canOpenpyxl, canSoffice, PYTHON } from "../xlsx/corpus/build";
import { KT, openPort, VH } from "./support";
import { locate, viaExcelJs, viaLibreOffice, viaOpenpyxl, type Op, type OpValue } from "./tool-returns";

const tools = canOpenpyxl() && canSoffice();
if (!tools && process.env.CI) throw new Error("trust.test: python3-openpyxl and soffice are needed");
const toolTest = tools ? test : test.skip;

const AS_OF = "2026-11-28";
const SHEET = "PL1 - Trọng tâm";
const TASKS = {
  wifi: "Lắp đặt mạng nội bộ, wifi miễn phí phục vụ người dân tại Trung tâm Phục vụ hành chính công xã",
  brand: "Hướng dẫn các hộ sản xuất đăng ký nhãn hiệu tập thể cho sản phẩm OCOP của xã",
  budget: "Tham mưu bố trí kinh phí thực hiện các nhiệm vụ khoa học công nghệ và chuyển đổi số năm 2026",
  report: "Tổng hợp, báo cáo kết quả chuyển đổi số của xã",
  training: "Tập huấn kỹ năng số cho cán bộ, công chức xã",
};
const PLAN_TASKS = [
  {
    content: TASKS.wifi,
    lead: KT,
    result: "Hệ thống mạng",
    deadline: "Quý III/2026",
    status: "Đang triển khai",
    note: "Chờ kinh phí (ghi chú của văn phòng)",
  },
  { content: TASKS.brand, lead: KT, result: "Hồ sơ đăng ký", deadline: "30/11/2026", status: "Chưa triển khai" },
  { content: TASKS.budget, lead: KT, result: "Dự toán", deadline: "Quý IV/2026", status: "", formula: '=IF(G8="","","Đang triển khai")' },
  {
    content: TASKS.report,
    lead: VH,
    result: "Báo cáo",
    deadline: "Tháng 10/2026",
    status: "Đang triển khai",
    note: "Đã nhắc VH ngày 05/10",
  },
  { content: TASKS.training, lead: KT, result: "Lớp tập huấn", deadline: "Tháng 9/2026", status: "Đang triển khai" },
].map((t, i) => ({ stt: i + 1, head: "Chủ tịch UBND xã", support: "Các đơn vị liên quan", ...t }));

let dir: string;
const plans = new Map<string, string>();
const returns = new Map<string, Map<string, string>>();

/** What Phòng Kinh tế types into its copy, in its own words. */
function ops(at: Awaited<ReturnType<typeof locate>>): Op[] {
  const set = (task: string, field: keyof ReturnType<typeof at>["cols"], value: OpValue): Op => {
    const l = at(task);
    return { op: "set", sheet: l.sheet, cell: toA1(l.row, l.cols[field]), value };
  };
  return [
    set(TASKS.wifi, "status", "Đã xong"),
    set(TASKS.wifi, "doneDate", "ngày 20/9/2026"),
    set(TASKS.wifi, "outcome", "Đã lắp 5 điểm wifi"),
    set(TASKS.wifi, "note", "Xong trước hạn"),
    // The issue's own example: the unit's result typed into the plan's planned output.
    set(TASKS.brand, "result", "05 hồ sơ đã nộp Cục SHTT"),
    set(TASKS.brand, "status", "đang làm, đạt 70%"),
    set(TASKS.brand, "doneDate", "31/09/2026"),
    set(TASKS.budget, "status", "Đã xong"),
    set(TASKS.training, "status", "Thường xuyên thực hiện"),
    set(TASKS.training, "doneDate", "05/12/2026"),
  ];
}

beforeAll(async () => {
  if (!tools) return;
  dir = makeTempDir("phuluc-trust-");
  const spec = path.join(dir, "tasks.json");
  fs.writeFileSync(spec, JSON.stringify(PLAN_TASKS));
  const openpyxlPlan = path.join(dir, "ke-hoach.xlsx");
  const r = spawnSync(PYTHON, [path.join(__dirname, "openpyxl-plan.py"), openpyxlPlan, spec], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`openpyxl plan: ${r.stderr}`);
  plans.set("openpyxl", openpyxlPlan);
  const lo = viaLibreOffice(dir, new Map([["plan", fs.readFileSync(openpyxlPlan)]]));
  const loPlan = path.join(dir, "ke-hoach-lo.xlsx");
  fs.writeFileSync(loPlan, lo.get("plan")!);
  plans.set("LibreOffice", loPlan);
  for (const [name, plan] of plans) {
    const gui = path.join(dir, `gui-${name}`);
    const s = await runMain(["split", plan, "-o", gui, "--as-of", AS_OF]);
    if (s.code !== 0) throw new Error(s.err);
    const copy = fs.readFileSync(path.join(gui, `${KT}.xlsx`));
    const edits = ops(await locate(copy));
    const byTool = new Map<string, string>();
    const py = viaOpenpyxl(path.join(dir, name), [{ name: "kt", input: copy, ops: edits }]).get("kt")!;
    const js = await viaExcelJs(copy, edits);
    const reSaved = viaLibreOffice(path.join(dir, name), new Map([["kt", js]])).get("kt")!;
    for (const [tool, bytes] of [
      ["openpyxl", py],
      ["ExcelJS", js],
      ["LibreOffice", reSaved],
    ] as const) {
      const file = path.join(dir, `${KT} - ${name} - ${tool}.xlsx`);
      fs.writeFileSync(file, bytes);
      byTool.set(tool, file);
    }
    returns.set(name, byTool);
  }
}, 300000);

afterAll(() => dir && removeTempDir(dir));

async function merge(
  plan: string,
  files: string[],
  extra: string[] = [],
): Promise<{ code: number; json: MergeJson; out: string; err: string }> {
  const out = path.join(dir, `gop-${Math.random().toString(36).slice(2)}.xlsx`);
  const r = await runMain(["merge", plan, ...files, "-o", out, "--as-of", AS_OF, "--json", ...extra]);
  if (r.code === 2) throw new Error(r.err);
  return { code: r.code, json: MergeJsonSchema.parse(JSON.parse(r.out)), out, err: r.err };
}

async function grid(file: string): Promise<Grid> {
  const port = await openPort(fs.readFileSync(file), "x.xlsx", true);
  return (await port.readSheets()).find((g) => g.name === SHEET)!;
}
const at = (g: Grid, a1: string) => {
  const p = fromA1(a1)!;
  return cellAt(g, p.row, p.col);
};
const rowOf = (task: string) => 6 + PLAN_TASKS.findIndex((t) => t.content === task);
const CASES = ["openpyxl", "LibreOffice"].flatMap((plan) => ["openpyxl", "ExcelJS", "LibreOffice"].map((tool) => [plan, tool] as const));

describe.each(CASES)("plan by %s, return by %s", (planBy, tool) => {
  toolTest(
    "without decisions: the unit's words in the plan's words, the plan's columns untouched, what needs a person listed",
    async () => {
      const plan = plans.get(planBy)!;
      const { code, json, out } = await merge(plan, [returns.get(planBy)!.get(tool)!]);
      expect(code).toBe(1);
      const byTask = (task: string, field: string) => json.changes.find((c) => c.task.text === task.slice(0, 100) && c.field === field);
      // Statuses in the words of the plan's drop-down; the unit's own words kept beside.
      expect(byTask(TASKS.wifi, "status")).toMatchObject({ after: "Hoàn thành", unitValue: "Đã xong", conflicts: [], written: true });
      expect(byTask(TASKS.brand, "status")).toMatchObject({ after: "Đang triển khai", unitValue: "đang làm, đạt 70%", written: true });
      // A date typed as text becomes a date; the plan had no such column: it is added.
      expect(byTask(TASKS.wifi, "doneDate")).toMatchObject({ after: "20/09/2026", unitValue: "ngày 20/9/2026", written: true });
      // What needs a person waits, listed with its kind.
      expect(byTask(TASKS.brand, "doneDate")).toMatchObject({ conflicts: ["date_invalid"], written: false, decision: null });
      expect(byTask(TASKS.training, "status")).toMatchObject({ conflicts: ["status_unknown"], written: false });
      expect(byTask(TASKS.training, "doneDate")).toMatchObject({ after: "05/12/2026", conflicts: ["date_after_as_of"], written: false });
      // A value for the cell that holds a formula waits too.
      expect(byTask(TASKS.budget, "status")).toMatchObject({
        cell: { cell: `H${rowOf(TASKS.budget)}` },
        conflicts: ["formula"],
        written: false,
      });
      // The planned output typed over is offered for Kết quả thực hiện, held back.
      expect(byTask(TASKS.brand, "outcome")).toMatchObject({
        after: "05 hồ sơ đã nộp Cục SHTT",
        conflicts: ["planned_output"],
        written: false,
      });
      expect(json.undecided.length).toBe(json.conflicts.filter((k) => k.decision === null).length);
      expect(json.undecided.length).toBeGreaterThanOrEqual(5);

      const g = await grid(out);
      // The office's notes in I stay; the added columns go right of them, headed like their neighbours.
      expect(at(g, `I${rowOf(TASKS.wifi)}`)).toBe(PLAN_TASKS[0].note);
      expect(at(g, `I${rowOf(TASKS.report)}`)).toBe(PLAN_TASKS[3].note);
      expect(["J4", "K4", "L4"].map((c) => at(g, c))).toEqual(["Ngày hoàn thành", "Kết quả thực hiện", "Ghi chú"]);
      expect(at(g, `H${rowOf(TASKS.wifi)}`)).toBe("Hoàn thành");
      expect(at(g, `L${rowOf(TASKS.wifi)}`)).toBe("Xong trước hạn");
      expect(at(g, `F${rowOf(TASKS.brand)}`)).toBe("Hồ sơ đăng ký");
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(fs.readFileSync(out) as never);
      const ws = wb.getWorksheet(SHEET)!;
      const look = (a1: string) => {
        const c = ws.getCell(a1);
        return { bold: c.font?.bold, fill: (c.fill as ExcelJS.FillPattern)?.fgColor?.argb, border: c.border?.top?.style };
      };
      expect(look("H4").bold).toBe(true);
      for (const c of ["J4", "K4", "L4"]) expect(look(c)).toEqual(look("H4"));
    },
  );

  toolTest("--accept all: exit 0, every proposal written except into the plan's own columns; undo puts the formula back", async () => {
    const plan = plans.get(planBy)!;
    const before = await grid(plan);
    const { code, json, out } = await merge(plan, [returns.get(planBy)!.get(tool)!], ["--accept", "all"]);
    expect(code).toBe(0);
    expect(json.undecided).toEqual([]);
    const g = await grid(out);
    // The plan's own columns (A–G) and the office's notes (I) are as they were, cell by cell.
    for (let r = 1; r <= 12; r++)
      for (const col of ["A", "B", "C", "D", "E", "F", "G", "I"])
        expect([`${col}${r}`, at(g, `${col}${r}`)]).toEqual([`${col}${r}`, at(before, `${col}${r}`)]);
    expect(at(g, `K${rowOf(TASKS.brand)}`)).toBe("05 hồ sơ đã nộp Cục SHTT");
    expect(at(g, `H${rowOf(TASKS.budget)}`)).toBe("Hoàn thành");
    expect(at(g, `H${rowOf(TASKS.training)}`)).toBe("Thường xuyên thực hiện");
    // Undo (the pane's) gives the formula back as a formula.
    const port = await openPort(fs.readFileSync(out), "gop.xlsx");
    const budget = `H${rowOf(TASKS.budget)}`;
    expect(await port.readFormulas([{ sheet: SHEET, cell: budget }])).toEqual([]);
    expect((await undoLastMerge(port, defaultSettings())).undone).toBe(true);
    const formulas = await port.readFormulas([{ sheet: SHEET, cell: budget }]);
    expect(formulas.map((f) => f.formula)).toEqual([PLAN_TASKS[2].formula!]);
    expect(
      at(
        (await port.readSheets()).find((x) => x.name === SHEET)!,
        `H${rowOf(TASKS.wifi)}`,
      ),
    ).toBe("Đang triển khai");
  });

  toolTest("a decisions file decides each by its stable id (the same in every run, and with another return added)", async () => {
    const plan = plans.get(planBy)!;
    const first = await merge(plan, [returns.get(planBy)!.get(tool)!]);
    const again = await merge(plan, [returns.get(planBy)!.get(tool)!]);
    expect(again.json.changes.map((c) => c.id)).toEqual(first.json.changes.map((c) => c.id));
    expect(again.json.conflicts.map((k) => k.id)).toEqual(first.json.conflicts.map((k) => k.id));
    // Another tool's return of the same values listed first: the same changes, the same ids (a change is its
    // cell and value, whichever file proposes it).
    const other = returns.get(planBy)!.get(tool === "openpyxl" ? "ExcelJS" : "openpyxl")!;
    const both = await merge(plan, [other, returns.get(planBy)!.get(tool)!]);
    const ids = (j: MergeJson) => j.changes.map((c) => c.id).sort();
    expect(ids(both.json)).toEqual(ids(first.json));
    expect(both.json.changes.every((c) => c.file === 0 && c.alsoIn.includes(1))).toBe(true);

    const id = (task: string, field: string) => first.json.changes.find((c) => c.task.text === task.slice(0, 100) && c.field === field)!.id;
    const decisions: Record<string, "accept" | "reject"> = {
      [id(TASKS.budget, "status")]: "accept",
      [id(TASKS.brand, "outcome")]: "accept",
      [id(TASKS.brand, "doneDate")]: "reject",
      [id(TASKS.training, "status")]: "reject",
      [id(TASKS.training, "doneDate")]: "reject",
    };
    const file = path.join(dir, `quyet-dinh-${planBy}-${tool}.json`);
    fs.writeFileSync(file, JSON.stringify(decisions));
    const decided = await merge(plan, [returns.get(planBy)!.get(tool)!], ["--decisions", file]);
    expect(decided.code).toBe(0);
    expect(decided.json.undecided).toEqual([]);
    for (const [cid, d] of Object.entries(decisions)) {
      const c = decided.json.changes.find((x) => x.id === cid)!;
      expect([cid, c.decision, c.written]).toEqual([cid, d, d === "accept"]);
    }
    const g = await grid(decided.out);
    expect(at(g, `H${rowOf(TASKS.training)}`)).toBe("Đang triển khai");
    expect(at(g, `F${rowOf(TASKS.brand)}`)).toBe("Hồ sơ đăng ký");
    // A name that is no item of this merge is said on stderr; the rest still decides.
    const partial = await merge(plan, [returns.get(planBy)!.get(tool)!], ["--accept", `${id(TASKS.budget, "status")},c0000000`]);
    expect(partial.err).toContain("không có mục nào mang mã c0000000");
    expect(partial.code).toBe(1);
  });
});

toolTest("--accept all never picks between two units that disagree: those wait until one is named", async () => {
  const plan = plans.get("openpyxl")!;
  const mine = returns.get("openpyxl")!.get("openpyxl")!;
  // The same unit's second file with another status for the wifi task.
  const copy = fs.readFileSync(path.join(dir, "gui-openpyxl", `${KT}.xlsx`));
  const l = (await locate(copy))(TASKS.wifi);
  const second = path.join(dir, "kt-lan-2.xlsx");
  fs.writeFileSync(second, await viaExcelJs(copy, [{ op: "set", sheet: l.sheet, cell: toA1(l.row, l.cols.status), value: "Tạm dừng" }]));
  const all = await merge(plan, [mine, second], ["--accept", "all"]);
  expect(all.code).toBe(1);
  const disagree = all.json.changes.filter((c) => c.conflicts.includes("disagree"));
  expect(disagree.map((c) => [c.after, c.decision])).toEqual([
    ["Hoàn thành", null],
    ["Tạm dừng", null],
  ]);
  const keep = await merge(plan, [mine, second], ["--accept", `all,${disagree[1].id}`]);
  expect(keep.code).toBe(0);
  expect(keep.json.changes.filter((c) => c.conflicts.includes("disagree")).map((c) => [c.after, c.decision, c.written])).toEqual([
    ["Hoàn thành", "reject", false],
    ["Tạm dừng", "accept", true],
  ]);
  expect(at(await grid(keep.out), `H${rowOf(TASKS.wifi)}`)).toBe("Tạm dừng");
  // "none": every proposal rejected, the clean changes still written; nothing waits.
  const none = await merge(plan, [mine], ["--accept", "none"]);
  expect(none.code).toBe(0);
  expect(none.json.changes.filter((c) => c.written).every((c) => c.conflicts.length === 0)).toBe(true);
  // A bad value or a bad decisions file: one line, exit 2.
  const bad = await runMain(["merge", plan, mine, "-o", path.join(dir, "x.xlsx"), "--accept", "all,none"]);
  expect(bad.code).toBe(2);
  const junk = path.join(dir, "junk.json");
  fs.writeFileSync(junk, '{"c1": "maybe"}');
  const badFile = await runMain(["merge", plan, mine, "-o", path.join(dir, "x.xlsx"), "--decisions", junk]);
  expect([badFile.code, badFile.err.split("\n").filter(Boolean).length]).toEqual([2, 1]);
  expect(fs.existsSync(path.join(dir, "x.xlsx"))).toBe(false);
});

toolTest("the text account lists what waits with its id and says how to decide", async () => {
  const r = await runMain([
    "merge",
    plans.get("openpyxl")!,
    returns.get("openpyxl")!.get("ExcelJS")!,
    "-o",
    path.join(dir, "t.xlsx"),
    "--as-of",
    AS_OF,
  ]);
  expect(r.code).toBe(1);
  expect(r.out).toMatch(/\[ô có công thức\] .* \[mã c[0-9a-z]{7}\]/);
  expect(r.out).toContain("mục chờ quyết định. Quyết định bằng --accept");
  expect(r.out).toMatch(/«Đang triển khai» → «Hoàn thành» — .* \(đơn vị ghi «Đã xong»\)/);
  // Once decided, the account says so (nothing left waiting), each decided item marked.
  const none = await runMain([
    "merge",
    plans.get("openpyxl")!,
    returns.get("openpyxl")!.get("ExcelJS")!,
    "-o",
    path.join(dir, "t2.xlsx"),
    "--as-of",
    AS_OF,
    "--accept",
    "none",
  ]);
  expect(none.code).toBe(0);
  expect(none.out).toMatch(/ghi \d+ thay đổi; 5 xung đột đã quyết định không ghi, không còn gì chờ\./);
  expect(none.out).toMatch(/\[ô có công thức\] .* \[mã c[0-9a-z]{7}, đã quyết định không ghi\]/);
  expect(none.out).not.toContain("mục chờ quyết định. Quyết định bằng");
});
