/**
 * Returns from other tools: the plan is split, Phòng Kinh tế's copy (three appendices, one of them typed
 * in TCVN3 in the plan, one without Tình trạng) is edited the way a person would — values typed in, rows
 * re-sorted, rows inserted, columns hidden, sheets renamed, text typed in TCVN3 (a few cells, or the whole
 * file converted), dates typed as text, a plan column touched and a task added, the hidden record lost —
 * and written back by openpyxl, ExcelJS, LibreOffice, and as
 * Google Sheets and WPS Office write packages. Each return is merged through the use case every door
 * calls: the proposed changes (task, field, old → new) and the conflicts must be exactly the expected
 * ones. The tools × edits table is printed at the end; the CLI door merges the tools' returns together.
 */
import * as fs from "fs";
import * as path from "path";
import { checkWorkbook } from "../../src/app/use-cases/check";
import { applyMerge, reviewReturns, type MergeReview } from "../../src/app/use-cases/merge";
import type { ProposedChange } from "../../src/core/returned-copies/merge-schema";
import { main } from "../../src/cli/main";
import { encodeTcvn3 } from "../core/parsers/legacy-encoder";
import { sheetPart, zipText } from "../hardening/support/craft";
import { captureIO } from "../support/cli-io";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { toA1 } from "../../src/core/a1";
import type { Grid } from "../../src/core/grid";
import { makeTempDir, removeTempDir } from "../support/xlsx-builder";
import { canOpenpyxl, canSoffice } from "../xlsx/corpus/build";
import { AS_OF, fileOf, KT, openPort, planBytes, reportOf, split, T, taskOf } from "./support";
import {
  googleLike,
  hasStoreSheet,
  locate,
  TOOLS,
  viaExcelJs,
  viaLibreOffice,
  viaOpenpyxl,
  wpsLike,
  type Op,
  type OpValue,
  type Tool,
} from "./tool-returns";

const tools = canOpenpyxl() && canSoffice();
if (!tools) {
  if (process.env.CI) throw new Error("other-tools: python3-openpyxl and soffice are needed");
  console.warn("other-tools.test.ts skipped: python3-openpyxl or soffice missing");
}
const toolTest = tools ? test : test.skip;

type Typed = { task: string; values: Partial<Record<"status" | "doneDate" | "outcome" | "result" | "note", OpValue>> }[];

/** What Phòng Kinh tế types into its copy (its four tasks, on PL I, PL II and PL III). */
const TYPED: Typed = [
  { task: T.wifi, values: { status: "Đã hoàn thành", doneDate: { date: "2026-09-20" }, outcome: "Đã lắp 5 điểm wifi" } },
  { task: T.budget, values: { note: "Đã trình UBND xã" } },
  { task: T.standing, values: { status: "Đang thực hiện" } },
  { task: T.legacy, values: { status: "Đã hoàn thành", doneDate: { date: "2026-10-02" }, note: "Tổ chức 2 lớp" } },
];

/** The same, in the units' own words: statuses as people type them, completion dates typed as text. */
const OWN_WORDS: Typed = [
  { task: T.wifi, values: { status: "Đã xong", doneDate: "ngày 20/9/2026", outcome: "Đã lắp 5 điểm wifi" } },
  { task: T.budget, values: { note: "Đã trình UBND xã" } },
  { task: T.standing, values: { status: "đang làm, đạt khoảng 70%" } },
  { task: T.legacy, values: { status: "Hoàn thành 100%", doneDate: "2/10/2026", note: "Tổ chức 2 lớp" } },
];

/** What needs a person (merged 15/10/2026): a status nobody can read, a date after the merge, a done without a date, a date that does not exist. */
const NEEDS_A_PERSON: Typed = [
  { task: T.wifi, values: { status: "Đã hoàn thành", doneDate: "05/12/2026", outcome: "Đã lắp 5 điểm wifi" } },
  { task: T.budget, values: { note: "Đã trình UBND xã", doneDate: "30/02/2026" } },
  { task: T.standing, values: { status: "Thường xuyên thực hiện" } },
  { task: T.legacy, values: { status: "Xong", note: "Tổ chức 2 lớp" } },
];

/** The unit writes into the plan's planned output (Kết quả): for the budget instead of Kết quả thực hiện, for the wifi beside it. */
const PLANNED_OUTPUT: Typed = [
  ...TYPED.filter((t) => t.task !== T.budget && t.task !== T.wifi),
  { task: T.wifi, values: { ...TYPED[0].values, result: "Lắp xong 5 điểm" } },
  { task: T.budget, values: { note: "Đã trình UBND xã", result: "05 hồ sơ đã nộp" } },
];

/** The changes every return proposes: [task, field, plan's value → return's, conflicts]. */
const CHANGES: [string, string, string, string, string[]][] = [
  [T.wifi, "status", "Đang thực hiện", "Đã hoàn thành", []],
  [T.wifi, "doneDate", "", "20/09/2026", []],
  [T.wifi, "outcome", "", "Đã lắp 5 điểm wifi", []],
  [T.budget, "note", "", "Đã trình UBND xã", []],
  [T.standing, "status", "", "Đang thực hiện", []],
  [T.legacy, "status", "Chưa thực hiện", "Đã hoàn thành", []],
  [T.legacy, "doneDate", "", "02/10/2026", []],
  [T.legacy, "note", "", "Tổ chức 2 lớp", []],
];
const CAMERA = "Lắp camera giám sát tại trụ sở UBND xã";

interface Edit {
  name: string;
  ops: (at: Awaited<ReturnType<typeof locate>>, sheets: Grid[]) => Op[];
  changes: typeof CHANGES;
  conflicts: [string, string | null][];
  record: "ok" | "missing";
  /** The plan after the default merge reads as the typed values say (false: what is held back is not written). */
  standard?: false;
  /** What the unit typed, kept beside the plan's words: [task, field, typed]. */
  unitWords?: [string, string, string][];
}

function typed(at: Awaited<ReturnType<typeof locate>>, encode: (s: string) => string = (s) => s, values: Typed = TYPED): Op[] {
  return values.flatMap(({ task, values }) => {
    const l = at(task);
    return Object.entries(values).map(([field, v]) => ({
      op: "set" as const,
      sheet: l.sheet,
      cell: `${String.fromCharCode(64 + l.cols[field as keyof typeof l.cols])}${l.row}`,
      value: typeof v === "string" ? encode(v) : v!,
    }));
  });
}

const col = (n: number) => String.fromCharCode(64 + n);

/** Every text of the copy's sheets re-encoded (a whole file run through a Unicode → TCVN3 converter). */
const convertAll = (sheets: Grid[], encode: (s: string) => string): Op[] =>
  sheets.flatMap((g) =>
    g.values.flatMap((row, r) =>
      row.flatMap((v, c) =>
        typeof v === "string" && encode(v) !== v
          ? [{ op: "set" as const, sheet: g.name, cell: toA1(g.origin.row + r, g.origin.col + c), value: encode(v) }]
          : [],
      ),
    ),
  );

/** Excel will not sort across merged group rows: the unit unmerges them, then puts group II (and its task) first. */
const groupIIFirst = (at: (text: string) => { row: number; cols: Record<string, number> }): Op[] => {
  const w = at(T.wifi);
  const b = at(T.budget);
  // Group rows span the copy's columns (the plan's, then the unit's columns it lacked).
  const last = col(Math.max(...Object.values(w.cols)));
  return [
    { op: "unmerge", sheet: "PL I", range: `B${w.row - 1}:${last}${w.row - 1}` },
    { op: "unmerge", sheet: "PL I", range: `B${b.row - 1}:${last}${b.row - 1}` },
    { op: "order", sheet: "PL I", start: w.row - 1, rows: [b.row - 1, b.row, w.row - 1, w.row] },
  ];
};

const EDITS: Edit[] = [
  { name: "values typed", ops: (at) => typed(at), changes: CHANGES, conflicts: [], record: "ok" },
  {
    name: "units' own words",
    ops: (at) => typed(at, undefined, OWN_WORDS),
    changes: CHANGES,
    conflicts: [],
    record: "ok",
    unitWords: [
      [T.wifi, "status", "Đã xong"],
      [T.wifi, "doneDate", "ngày 20/9/2026"],
      [T.standing, "status", "đang làm, đạt khoảng 70%"],
      [T.legacy, "status", "Hoàn thành 100%"],
    ],
  },
  {
    name: "needs a person",
    ops: (at) => typed(at, undefined, NEEDS_A_PERSON),
    changes: [
      [T.wifi, "status", "Đang thực hiện", "Đã hoàn thành", []],
      [T.wifi, "doneDate", "", "05/12/2026", ["date_after_as_of"]],
      [T.wifi, "outcome", "", "Đã lắp 5 điểm wifi", []],
      [T.budget, "doneDate", "25/03/2026", "30/02/2026", ["date_invalid"]],
      [T.budget, "note", "", "Đã trình UBND xã", []],
      [T.standing, "status", "", "Thường xuyên thực hiện", ["status_unknown"]],
      [T.legacy, "status", "Chưa thực hiện", "Đã hoàn thành", ["done_without_date"]],
      [T.legacy, "note", "", "Tổ chức 2 lớp", []],
    ],
    conflicts: [
      ["date_after_as_of", T.wifi],
      ["date_invalid", T.budget],
      ["status_unknown", T.standing],
      ["done_without_date", T.legacy],
    ],
    record: "ok",
    standard: false,
  },
  {
    name: "planned output written",
    ops: (at) => typed(at, undefined, PLANNED_OUTPUT),
    changes: [...CHANGES, [T.budget, "outcome", "", "05 hồ sơ đã nộp", ["planned_output"]]],
    conflicts: [
      ["planned_output", T.wifi],
      ["planned_output", T.budget],
    ],
    record: "ok",
  },
  {
    name: "rows re-sorted",
    ops: (at) => {
      return [...typed(at), ...groupIIFirst(at)];
    },
    changes: CHANGES,
    conflicts: [],
    record: "ok",
  },
  {
    name: "rows inserted",
    ops: (at) => {
      const b = at(T.budget);
      const s = at(T.standing);
      return [
        ...typed(at),
        { op: "insert", sheet: "PL I", at: b.row - 1, values: [] },
        { op: "insert", sheet: "PL I", at: 1, values: ["Phòng Kinh tế báo cáo ngày 20/10/2026"] },
        { op: "insert", sheet: "PL II", at: s.row, values: [] },
      ];
    },
    changes: CHANGES,
    conflicts: [],
    record: "ok",
  },
  {
    name: "columns hidden",
    ops: (at) => {
      const w = at(T.wifi);
      const cols = [3, 5, w.cols.note];
      return [...typed(at), ...["PL I", "PL II", "PL III"].map((sheet) => ({ op: "hide" as const, sheet, cols }))];
    },
    changes: CHANGES,
    conflicts: [],
    record: "ok",
  },
  {
    name: "sheets renamed",
    ops: (at) => [
      ...typed(at),
      { op: "rename", sheet: "PL I", to: "Báo cáo PL I" },
      { op: "rename", sheet: "PL III", to: "PL3 - đã cập nhật" },
    ],
    changes: CHANGES,
    conflicts: [],
    record: "ok",
  },
  { name: "typed in TCVN3", ops: (at) => typed(at, encodeTcvn3), changes: CHANGES, conflicts: [], record: "ok" },
  {
    name: "whole copy in TCVN3",
    ops: (at, sheets) => [...convertAll(sheets, encodeTcvn3), ...typed(at, encodeTcvn3)],
    changes: CHANGES,
    conflicts: [],
    record: "ok",
  },
  {
    name: "dates typed as text",
    ops: (at) =>
      typed(at).map((o) => {
        if (o.op !== "set" || o.value === null || typeof o.value !== "object") return o;
        const [y, m, d] = o.value.date.split("-").map(Number);
        return { ...o, value: `${d}/${m}/${y}` };
      }),
    changes: CHANGES,
    conflicts: [],
    record: "ok",
  },
  {
    name: "plan columns touched",
    ops: (at) => {
      const b = at(T.budget);
      return [
        ...typed(at),
        { op: "set", sheet: "PL I", cell: `${col(b.cols.deadline)}${b.row}`, value: "Quý II/2026" },
        {
          op: "insert",
          sheet: "PL I",
          at: b.row + 1,
          values: [4, CAMERA, "Chủ tịch UBND xã", KT, null, "Camera", "31/12/2026", "Đang thực hiện"],
        },
      ];
    },
    changes: CHANGES.map((c) => (c[0] === T.budget ? [c[0], c[1], c[2], c[3], ["deadline_changed"]] : c)),
    conflicts: [
      ["deadline_changed", T.budget],
      ["not_in_plan", null],
    ],
    record: "ok",
  },
  {
    name: "record lost, re-sorted, renamed",
    ops: (at) => {
      return [...typed(at), ...groupIIFirst(at), { op: "rename", sheet: "PL I", to: "Báo cáo PL I" }, { op: "remove", sheet: "_phuluc" }];
    },
    changes: CHANGES,
    conflicts: [],
    record: "missing",
  },
];

const CASES: [Tool, string][] = TOOLS.flatMap((t) => EDITS.map((e) => [t, e.name] as [Tool, string]));

let dir: string;
let plan: Buffer;
let planChecked: Awaited<ReturnType<typeof checkWorkbook>>;
const returns = new Map<string, Uint8Array>();
const results = new Map<string, string>();
const key = (tool: Tool, edit: string) => `${tool}\u0000${edit}`;
/** File names as units send them back (the unit is read from the record, else from the name). */
const fileName = (tool: Tool, edit: string) => `${KT} - ${tool} - ${edit}.xlsx`;

beforeAll(async () => {
  dir = makeTempDir("phuluc-other-tools-");
  plan = await planBytes();
  planChecked = await checkWorkbook(await openPort(plan, "plan.xlsx", true), { asOf: AS_OF });
  if (!tools) return;
  const copy = fileOf(await split(plan), KT).bytes;
  const at = await locate(copy);
  const sheets = await (await openPort(copy, "copy.xlsx", true)).readSheets();
  const jobs = EDITS.map((e) => ({ name: e.name, input: copy, ops: e.ops(at, sheets) }));
  const py = viaOpenpyxl(dir, jobs);
  const js = new Map<string, Uint8Array>();
  for (const j of jobs) {
    returns.set(key("openpyxl", j.name), py.get(j.name)!);
    js.set(j.name, await viaExcelJs(j.input, j.ops));
    returns.set(key("ExcelJS", j.name), js.get(j.name)!);
    returns.set(key("Google-like", j.name), await googleLike(j.input, j.ops));
    returns.set(key("WPS-like", j.name), await wpsLike(j.input, j.ops));
  }
  for (const [name, bytes] of viaLibreOffice(dir, js)) returns.set(key("LibreOffice", name), bytes);
}, 300000);

afterAll(() => {
  if (results.size) console.log(table());
  if (dir) removeTempDir(dir);
});

function table(): string {
  const w = Math.max(...EDITS.map((e) => e.name.length)) + 2;
  const lines = ["units' returns: tools × edits → merge result (changes proposed / conflicts, record; FAIL = assertion failed)", ""];
  lines.push("edit".padEnd(w) + TOOLS.map((t) => t.padEnd(22)).join(""));
  for (const e of EDITS) lines.push(e.name.padEnd(w) + TOOLS.map((t) => (results.get(key(t, e.name)) ?? "-").padEnd(22)).join(""));
  return lines.join("\n");
}

async function mergeOne(label: string, bytes: Uint8Array) {
  const port = await openPort(plan, "plan.xlsx");
  const review = await reviewReturns(port, [{ label, port: await openPort(bytes, label, true) }], { asOf: AS_OF, checked: planChecked });
  const applied = await applyMerge(port, review);
  return { review, applied, bytes: await port.toBuffer() };
}

const taskName = (text: string) => Object.entries(T).find(([, v]) => text.startsWith(v.slice(0, 60)))?.[0] ?? text;
const shown = (c: ProposedChange) => [taskName(c.task.text), c.field, c.before, c.after, c.conflicts];
const sorted = <X>(xs: X[]) => [...xs].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
const conflictsOf = (r: MergeReview) =>
  r.proposal.conflicts.map((k) => [k.kind, k.task ? taskName(k.task.text) : k.value === CAMERA ? "camera" : (k.value ?? null)]);

describe("a unit's return written by other tools and edited in every usual way", () => {
  toolTest.each(CASES)("%s: %s", async (tool, editName) => {
    const edit = EDITS.find((e) => e.name === editName)!;
    const bytes = returns.get(key(tool, editName))!;
    const label = fileName(tool, editName);
    let m: Awaited<ReturnType<typeof mergeOne>> | undefined;
    try {
      m = await mergeOne(label, bytes);
      const p = m.review.proposal;
      // The file: recognised as Phòng Kinh tế's, all four tasks read and matched.
      expect(p.files[0]).toMatchObject({
        unit: KT,
        unitFrom: edit.record === "ok" ? "record" : "file_name",
        record: edit.record,
        otherPlan: false,
        planChanged: false,
        tasks: edit.conflicts.some(([k]) => k === "not_in_plan") ? 5 : 4,
        matched: 4,
      });
      // Exactly the expected changes, and exactly the expected conflicts (in any order: a re-sorted return lists them in its order).
      expect(sorted(p.changes.map(shown))).toEqual(sorted(edit.changes.map(([t, f, b, a, k]) => [taskName(t), f, b, a, k])));
      expect(sorted(conflictsOf(m.review))).toEqual(sorted(edit.conflicts.map(([k, t]) => [k, t === null ? "camera" : taskName(t)])));
      for (const c of p.changes) expect(c.confidence).toBeGreaterThanOrEqual(edit.record === "ok" ? 1 : 0.5);
      for (const [task, field, words] of edit.unitWords ?? [])
        expect(p.changes.find((c) => c.task.text === task.slice(0, 100) && c.field === field)?.unitValue).toBe(words);
      // PL III is typed in TCVN3 in the plan: the unit's words are written into it in TCVN3.
      expect(p.changes.filter((c) => c.task.sheet === "PL III" && typeof c.write === "string").map((c) => c.write)).toEqual([
        encodeTcvn3("Đã hoàn thành"),
        encodeTcvn3("Tổ chức 2 lớp"),
      ]);
      // The plan afterwards: the changes free of conflicts are written, read back by the check.
      const after = await reportOf(m.bytes);
      const free = edit.changes.filter((c) => c[4].length === 0).length;
      expect(m.applied).toMatchObject({ applied: free, unresolved: edit.conflicts.length });
      // The plan's own columns are the plan's whatever the unit typed: the planned output, the deadline.
      expect([taskOf(after, T.wifi).result, taskOf(after, T.budget).result]).toEqual(["Hệ thống mạng", "Dự toán"]);
      expect(taskOf(after, T.budget).deadline.raw).toBe("Quý I/2026");
      // Kết quả thực hiện, which PL I lacked, is added right of everything it holds (K, past Ghi chú in J).
      expect(after.sheets.find((x) => x.name === "PL I")?.columns?.outcome).toBe("K");
      if (edit.standard !== false) {
        expect([taskOf(after, T.wifi).status, taskOf(after, T.wifi).doneDate]).toEqual(["done_on_time", "2026-09-20"]);
        expect([taskOf(after, T.legacy).statusRaw, taskOf(after, T.standing).statusRaw]).toEqual(["Đã hoàn thành", "Đang thực hiện"]);
      } else {
        // Held back: the date after the merge, the date that does not exist, the unreadable status, the done without a date.
        expect([taskOf(after, T.wifi).doneDate, taskOf(after, T.budget).doneDate]).toEqual([null, "2026-03-25"]);
        expect([taskOf(after, T.standing).statusRaw, taskOf(after, T.legacy).statusRaw]).toEqual(["", "Chưa thực hiện"]);
      }
      expect(after.tasks.some((t) => t.content === CAMERA)).toBe(false);
      results.set(key(tool, editName), `ok ${p.changes.length}/${p.conflicts.length} ${p.files[0].record}`);
    } catch (e) {
      const p = m?.review.proposal;
      results.set(key(tool, editName), p ? `FAIL ${p.changes.length}/${p.conflicts.length} ${p.files[0].record}` : "FAIL");
      throw e;
    }
  });

  toolTest("every return really carries its edit (the tools did what was asked)", async () => {
    for (const tool of TOOLS) {
      const wb = (edit: string) => XlsxWorkbook.open(returns.get(key(tool, edit))!, "r.xlsx");
      const names = (edit: string) =>
        wb(edit)
          .sheets()
          .map((s) => s.name);
      const at = { tool, edit: "" };
      expect({ ...at, edit: "renamed", names: names("sheets renamed").slice(0, 3) }).toEqual({
        ...at,
        edit: "renamed",
        names: ["Báo cáo PL I", "PL II", "PL3 - đã cập nhật"],
      });
      expect({ ...at, edit: "record lost", names: names("record lost, re-sorted, renamed") }).toEqual({
        ...at,
        edit: "record lost",
        names: ["Báo cáo PL I", "PL II", "PL III"],
      });
      const first = (edit: string) => {
        const w = wb(edit);
        return w.readGrid(w.sheets()[0]).values;
      };
      expect({ ...at, a1: first("rows inserted")[0][0] }).toEqual({ ...at, a1: "Phòng Kinh tế báo cáo ngày 20/10/2026" });
      const resorted = (await reportOf(returns.get(key(tool, "rows re-sorted"))!)).tasks.filter((t) => t.sheet === "PL I");
      expect({ ...at, order: resorted.map((t) => taskName(t.content)) }).toEqual({ ...at, order: ["budget", "wifi"] });
      const hiddenXml = await zipText(
        returns.get(key(tool, "columns hidden"))!,
        await sheetPart(returns.get(key(tool, "columns hidden"))!, 0),
      );
      expect({ ...at, hidden: /<(\w+:)?col\b[^>]*hidden="(1|true)"/.test(hiddenXml) }).toEqual({ ...at, hidden: true });
      expect({ ...at, tcvn3: JSON.stringify(first("typed in TCVN3")).includes(encodeTcvn3("Đã lắp 5 điểm wifi")) }).toEqual({
        ...at,
        tcvn3: true,
      });
    }
  });

  toolTest("what each tool did with phuluc's very hidden sheet", () => {
    const states = TOOLS.map((t) => [t, hasStoreSheet(returns.get(key(t, "values typed"))!)]);
    expect(states).toEqual([
      ["openpyxl", "veryHidden"],
      ["ExcelJS", "veryHidden"],
      ["LibreOffice", "hidden"],
      ["Google-like", "hidden"],
      ["WPS-like", "veryHidden"],
    ]);
  });
});

describe("the CLI door merges the tools' returns together", () => {
  toolTest("the five tools' returns of the same values: one change each, no conflict, exit 0; a conflicting one: exit 1", async () => {
    const files = TOOLS.map((t) => {
      const f = path.join(dir, `cli-${t}.xlsx`);
      fs.writeFileSync(f, returns.get(key(t, "values typed"))!);
      return f;
    });
    const planFile = path.join(dir, "ke-hoach.xlsx");
    fs.writeFileSync(planFile, plan);
    const out = path.join(dir, "da-gop.xlsx");
    const io = captureIO();
    const code = await main(["merge", planFile, ...files, "-o", out, "--as-of", AS_OF], io);
    expect(io.err).toBe("");
    expect(code).toBe(0);
    expect(io.out).toContain("Đã gộp 5 tệp vào kế hoạch: ghi 8 thay đổi; không có xung đột.");
    const after = await reportOf(fs.readFileSync(out));
    expect(taskOf(after, T.wifi).status).toBe("done_on_time");
    expect(taskOf(after, T.legacy).statusRaw).toBe("Đã hoàn thành");

    const touched = path.join(dir, "cli-touched.xlsx");
    fs.writeFileSync(touched, returns.get(key("LibreOffice", "plan columns touched"))!);
    const io2 = captureIO();
    const code2 = await main(["merge", planFile, files[0], touched, "-o", path.join(dir, "da-gop-2.xlsx"), "--as-of", AS_OF], io2);
    expect(code2).toBe(1);
    // The budget's note comes from the clean return too (the same value): written; the touched return's two conflicts are listed.
    expect(io2.out).toContain("Đã gộp 2 tệp vào kế hoạch: ghi 8 thay đổi; 2 xung đột chưa xử lý (không ghi).");
    expect(io2.out).toContain("[nhiệm vụ không có trong kế hoạch] cli-touched.xlsx 'PL I'!B10: «Lắp camera giám sát tại trụ sở UBND xã»");
    expect(io2.out).toMatch(
      /\[thời hạn bị sửa trong tệp gửi về\] cli-touched\.xlsx 'PL I'!G9 → 'PL I'!G\d+ — 3\. Tham mưu .*: «Quý II\/2026» \(kế hoạch: «Quý I\/2026»\)/,
    );
  });
});
