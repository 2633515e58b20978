/**
 * The merge as a property (fast-check), in memory through the use cases every door calls (the plan and
 * the returns are in-memory ports; the copies are the real files Gửi đơn vị writes, read back by the file
 * layer). A random plan (appendices, groups, tasks, leads, deadlines, the fill-in values it already has)
 * is split; the units fill their copies at random (statuses the engine reads — often in their own words,
 * which the plan gets as its canonical word — completion dates, what they achieved, notes, blanks — a blank
 * means "no change" — task rows re-sorted, a unit sending its file twice):
 *  - valid edits only → the merged plan is exactly the plan with those edits, cell by cell, and no conflict;
 *  - with conflicting edits injected (two returns disagree; a unit edits a task it does not lead; the
 *    task's text or deadline changed in the return; a task added in the return; a return of another plan;
 *    a copy of an older version; a value for a plan cell holding a formula; words typed into the plan's
 *    planned output; and the values that need a person: a status nobody can read, a completion date after
 *    the as-of date or that does not exist, a done status with no date) → every injected conflict is
 *    reported with its kind, task and file, no other, and nothing conflicting is written (the merged plan is
 *    still exactly the plan with the valid edits).
 * The number of cases, edits and conflicts run is printed.
 */
import fc from "fast-check";
import { splitWorkbook } from "../../src/app/use-cases/split";
import { applyMerge, reviewReturns } from "../../src/app/use-cases/merge";
import { analyze } from "../../src/core/analyze";
import { isDateFormat } from "../../src/core/dates";
import type { CellValue, Grid } from "../../src/core/grid";
import { UNIT_COPY_KEY } from "../../src/core/returned-copies/copy-record";
import { STATUS_CHOICES, FILL_FIELDS, type FillField } from "../../src/core/returned-copies/fields";
import type { ConflictKind } from "../../src/core/returned-copies/merge-schema";
import { readTaskTables } from "../../src/core/returned-copies/task-tables";
import { defaultSettings } from "../../src/core/settings";
import { XlsxWorkbookPort } from "../../src/xlsx/port";
import { returnsSheetText } from "../../src/i18n/returns";
import { encodeTcvn3 } from "../core/parsers/legacy-encoder";
import { GridBuilder, STD_HEADER, TRACKING_HEADER } from "../support/grid-builder";
import { FakePort } from "../taskpane/fake-port";
import { AS_OF, CA, KT, VH } from "./support";
import { cliWriters } from "../../src/cli/writers";

const UNITS = [VH, KT, CA, "Trung tâm Phục vụ hành chính công"];
const SHEETS = ["PL I", "PL II", "PL III"];
const ROMAN = ["I", "II", "III"];
const GROUPS = ["Hạ tầng số", "Dữ liệu số", "Nhân lực số"];
const POOL = [
  "Lắp đặt mạng nội bộ, wifi miễn phí phục vụ người dân tại Trung tâm Phục vụ hành chính công xã",
  "Tham mưu bố trí kinh phí thực hiện các nhiệm vụ khoa học công nghệ và chuyển đổi số năm 2026",
  "Hoàn thành kết nối, khai thác, chia sẻ dữ liệu hiệu quả, triển khai các sáng kiến mở dữ liệu",
  "Xây dựng kế hoạch phát triển hạ tầng số của xã giai đoạn 2026-2030",
  "Triển khai các giải pháp bảo đảm an ninh mạng, an toàn thông tin trên địa bàn xã",
  "Tổ chức diễn tập bảo đảm an ninh, an toàn hệ thống thông tin của xã",
  "Rà soát danh mục dữ liệu dùng chung của xã và cập nhật lên hệ thống",
  "Bố trí, lồng ghép nguồn lực ngân sách cho các nhiệm vụ chuyển đổi số",
  "Tuyên truyền, phổ biến kiến thức về chuyển đổi số cho người dân trên loa truyền thanh",
  "Tập huấn nâng cao nghiệp vụ tiếp nhận, số hóa hồ sơ thủ tục hành chính",
  "Vận hành hiệu quả Tổ công nghệ số cộng đồng tại các thôn, tổ dân phố",
  "Hướng dẫn hộ kinh doanh mở tài khoản thanh toán điện tử không dùng tiền mặt",
  "Đôn đốc cán bộ, công chức sử dụng chữ ký số trong xử lý văn bản điện tử",
  "Cập nhật cơ sở dữ liệu đất đai, nhà ở phục vụ quản lý nhà nước trên địa bàn",
  "Số hóa kết quả giải quyết thủ tục hành chính còn hiệu lực đang lưu trữ tại xã",
  "Triển khai thu phí, lệ phí không dùng tiền mặt tại bộ phận một cửa",
  "Kiểm tra, đánh giá mức độ hài lòng của người dân với dịch vụ công trực tuyến",
  "Phát triển sản phẩm OCOP của xã lên sàn thương mại điện tử",
  "Xây dựng camera an ninh kết nối trung tâm giám sát điều hành của xã",
  "Bồi dưỡng kỹ năng số cho đoàn viên thanh niên làm nòng cốt tại cơ sở",
];
/** Another commune's plan (a return of it belongs to another plan). */
const OTHER_POOL = [
  "Xây dựng mô hình thôn thông minh điểm tại thôn Đông, giai đoạn thí điểm",
  "Lắp đặt hệ thống quan trắc mực nước tự động trên sông Lam đoạn qua xã",
  "Tổ chức hội thi tìm hiểu pháp luật về giao dịch điện tử cho học sinh",
];
/** Each deadline's due day (what the engine reads it as). */
const DUE: Record<string, string | null> = {
  "Quý I/2026": "2026-03-31",
  "Quý II/2026": "2026-06-30",
  "Quý III/2026": "2026-09-30",
  "Quý IV/2026": "2026-12-31",
  "Tháng 6/2026": "2026-06-30",
  "30/11/2026": "2026-11-30",
  "Thường xuyên": null,
};
const DEADLINES = ["Quý I/2026", "Quý II/2026", "Quý III/2026", "Quý IV/2026", "Tháng 6/2026", "30/11/2026", "Thường xuyên"];
const RESULTS = ["Báo cáo", "Kế hoạch", "Hệ thống mạng", "Dự toán", "Lớp tập huấn"];
const NOTES = ["Chờ kinh phí", "Đã trình UBND xã", "Phối hợp Công an xã"];
const TYPED = ["Đã lắp 5 điểm wifi", "Hoàn thành 80% khối lượng", "Đã tổ chức 2 lớp, 60 người dự", "Chờ hướng dẫn của tỉnh", "Đã ban hành"];
/** Statuses as units type them, each with the canonical word the plan gets. */
const OWN_WORDS: Record<string, string[]> = {
  "Chưa thực hiện": ["chưa làm", "Chưa triển khai"],
  "Đang thực hiện": ["đang làm, đạt khoảng 70%", "Đang triển khai", "60%"],
  "Đã hoàn thành": ["Đã xong", "xong rồi", "Hoàn thành 100%"],
  "Hoàn thành (chậm)": ["Hoàn thành trễ hạn"],
  "Tạm dừng": ["tạm dừng, chờ kinh phí", "Tạm hoãn"],
};
const DONE_WORDS = new Set(["Đã hoàn thành", "Hoàn thành (chậm)"]);
const CAMERA = "Lắp camera giám sát tại trụ sở UBND xã, kết nối về điện thoại trực ban";
const serial = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86400000 + 25569;
const DATE_MIN = serial("2026-01-05");
const DATE_MAX = serial("2026-12-20");
/** Completion dates the units type: never after the as-of date (that one is held for a person). */
const TYPED_DATE_MAX = serial(AS_OF);

// --------------------------------------------------------------------------------------------------
// The plan

interface PlanTask {
  lead: string | null;
  deadline: string;
  status: string | null;
  done: number | null;
  result: string;
  note: string | null;
}
/** An appendix: with the fill-in columns or without (the merge adds them), typed in Unicode or in TCVN3. */
interface SheetShape {
  columns: "tracking" | "plain";
  encoding: "unicode" | "tcvn3";
  groups: PlanTask[][];
}
type Shape = SheetShape[];

const taskArb: fc.Arbitrary<PlanTask> = fc.record({
  lead: fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...UNITS) }, { weight: 1, arbitrary: fc.constant(null) }),
  deadline: fc.constantFrom(...DEADLINES),
  status: fc.option(fc.constantFrom(...STATUS_CHOICES), { nil: null }),
  done: fc.option(fc.integer({ min: DATE_MIN, max: DATE_MAX }), { nil: null }),
  result: fc.constantFrom(...RESULTS),
  note: fc.option(fc.constantFrom(...NOTES), { nil: null }),
});
const sheetArb: fc.Arbitrary<SheetShape> = fc.record({
  columns: fc.constantFrom<SheetShape["columns"]>("tracking", "tracking", "plain"),
  encoding: fc.constantFrom<SheetShape["encoding"]>("unicode", "unicode", "tcvn3"),
  groups: fc.array(fc.array(taskArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 2 }),
});
const allTasks = (s: Shape) => s.flatMap((x) => x.groups.flat());
const shapeArb: fc.Arbitrary<Shape> = fc
  .array(sheetArb, { minLength: 1, maxLength: 3 })
  .filter((s) => allTasks(s).length <= POOL.length && allTasks(s).filter((t) => t.lead).length >= 2);

interface Placed extends PlanTask {
  text: string;
  sheet: string;
  encoding: SheetShape["encoding"];
}

/** The plan from its shape; `changed`: tasks (by text) with another deadline or fill-in value (an older version). */
function buildPlan(
  shape: Shape,
  texts: readonly string[],
  changed = new Map<string, Partial<PlanTask>>(),
): { grids: Grid[]; tasks: Placed[] } {
  const tasks: Placed[] = [];
  const grids = shape.map((sheet, s) => {
    const plain = sheet.columns === "plain";
    const b = new GridBuilder(SHEETS[s]).title(`PHỤ LỤC ${ROMAN[s]}`, "NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026");
    b.header(plain ? STD_HEADER : TRACKING_HEADER);
    sheet.groups.forEach((group, g) => {
      b.group(ROMAN[g], GROUPS[(s + g) % GROUPS.length]);
      group.forEach((t0, i) => {
        const text = texts[tasks.length];
        const t1 = { ...t0, ...changed.get(text) };
        const t = plain ? { ...t1, status: null, done: null, note: null } : t1;
        const deadline = t.deadline;
        tasks.push({ ...t, text, sheet: SHEETS[s], encoding: sheet.encoding });
        b.task(
          {
            stt: i + 1,
            content: text,
            head: "Chủ tịch UBND xã",
            lead: t.lead ?? "",
            result: t.result,
            deadline,
            ...(plain ? {} : { status: t.status, doneDate: t.done, note: t.note }),
          },
          { doneDate: "dd/mm/yyyy" },
        );
      });
    });
    const grid = b.build();
    // Typed with .VnTime fonts: every text of the sheet in TCVN3.
    if (sheet.encoding === "tcvn3") grid.values = grid.values.map((row) => row.map((v) => (typeof v === "string" ? encodeTcvn3(v) : v)));
    return grid;
  });
  return { grids, tasks };
}

const clone = (grids: Grid[]): Grid[] =>
  grids.map((g) => ({
    ...g,
    values: g.values.map((r) => [...r]),
    numberFormats: g.numberFormats?.map((r) => [...r]),
    merges: g.merges.map((m) => ({ ...m })),
  }));

// --------------------------------------------------------------------------------------------------
// Where a task's cells are (in the plan or a return), and editing a grid

type Col = FillField | "result" | "content" | "deadline" | "lead" | "stt";
interface Where {
  sheet: string;
  row: number;
  /** The table's header row; the columns of the task's fields (undefined: the sheet has none). */
  header: number;
  cols: Record<Col, number | undefined>;
}

function locator(grids: Grid[]): (text: string) => Where {
  const report = analyze(grids, { asOf: AS_OF, settings: defaultSettings() });
  const tables = readTaskTables(report, grids);
  return (text) => {
    const t = report.tasks.find((x) => x.content === text);
    if (!t) throw new Error(`task not found: ${text}`);
    const header = tables.get(t.sheet)!.header;
    const cols = Object.fromEntries(
      ([...FILL_FIELDS, "result", "content", "deadline", "lead", "stt"] as Col[]).map((c) => [c, header.columns.get(c)]),
    ) as Record<Col, number | undefined>;
    return { sheet: t.sheet, row: t.row, header: header.row, cols };
  };
}

function put(grids: Grid[], sheet: string, row: number, col: number | undefined, value: CellValue, format?: string): void {
  if (col === undefined) throw new Error(`no such column on ${sheet}`);
  const g = grids.find((x) => x.name === sheet)!;
  const r = row - g.origin.row;
  const c = col - g.origin.col;
  while (g.values.length <= r) g.values.push([]);
  g.values[r][c] = value;
  g.numberFormats ??= [];
  while (g.numberFormats.length <= r) g.numberFormats.push([]);
  if (format !== undefined) g.numberFormats[r][c] = format;
}

// --------------------------------------------------------------------------------------------------
// Random choices inside a case (seeded, so a failing case is replayed from its seed)

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <X>(r: () => number, xs: readonly X[]): X => xs[Math.floor(r() * xs.length)];

/**
 * A value a unit types into a fill-in column: a status the engine reads (`as`: in the unit's own words,
 * `text` the plan's word for it), a date, a text, or a blank.
 */
type Typed = { kind: "blank" } | { kind: "text"; text: string; as?: string } | { kind: "date"; serial: number };
function typedValue(r: () => number, field: FillField, noDone = false): Typed {
  if (r() < 0.15) return { kind: "blank" };
  if (field === "status") {
    const text = pick(
      r,
      STATUS_CHOICES.filter((s) => !noDone || !DONE_WORDS.has(s)),
    );
    return r() < 0.4 ? { kind: "text", text, as: pick(r, OWN_WORDS[text]) } : { kind: "text", text };
  }
  if (field === "doneDate") return typedDate(r);
  return { kind: "text", text: pick(r, field === "outcome" ? TYPED : [...TYPED, ...NOTES]) };
}
const typedDate = (r: () => number): Typed => ({ kind: "date", serial: DATE_MIN + Math.floor(r() * (TYPED_DATE_MAX - DATE_MIN)) });
const norm = (s: string) => s.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();

/** The plan's value of a field, as the unit's copy shows it (the plans here have no Kết quả thực hiện). */
function planValue(t: PlanTask, field: FillField): Typed {
  if (field === "doneDate") return t.done === null ? { kind: "blank" } : { kind: "date", serial: t.done };
  const v = field === "status" ? t.status : field === "note" ? t.note : null;
  return v === null ? { kind: "blank" } : { kind: "text", text: v };
}
/** Does a typed value change the plan (a blank never does; the same text, case and spacing aside, neither)? */
function changes(v: Typed, plan: Typed): boolean {
  if (v.kind === "blank") return false;
  if (plan.kind === "blank") return true;
  if (v.kind === "date") return plan.kind !== "date" || plan.serial !== v.serial;
  return plan.kind !== "text" || norm(plan.text) !== norm(v.text);
}
/** A typed value different from the plan's (for conflicting edits: never a done status, which would also want a date). */
function differentValue(r: () => number, field: FillField, plan: Typed, not?: Typed): Typed {
  for (;;) {
    const v = typedValue(r, field, true);
    if (changes(v, plan) && (!not || changes(v, not))) return v;
  }
}

const cellValue = (v: Typed): CellValue => (v.kind === "blank" ? null : v.kind === "date" ? v.serial : v.text);
/** As the unit types it: in its own words, sometimes with a TCVN3 font (.VnTime), the letters then in TCVN3. */
function typedCell(r: () => number, v: Typed): CellValue {
  if (v.kind !== "text") return cellValue(v);
  if (v.as) stats.ownWords++;
  const text = v.as ?? v.text;
  if (r() >= 0.2) return text;
  stats.tcvn3++;
  return encodeTcvn3(text);
}

// --------------------------------------------------------------------------------------------------
// One case

const INJECTIONS = [
  "disagree",
  "not_lead",
  "text_changed",
  "deadline_changed",
  "not_in_plan",
  "other_plan",
  "older_version",
  "formula",
  "planned_output",
  "status_unknown",
  "date_invalid",
  "date_after_as_of",
  "done_without_date",
] as const;
type Injection = (typeof INJECTIONS)[number];

interface Return {
  label: string;
  grids: Grid[];
  record: unknown;
}

async function splitCopies(grids: Grid[]): Promise<Map<string, { grids: Grid[]; record: unknown }>> {
  const { files } = await splitWorkbook(new FakePort(clone(grids)), { asOf: AS_OF }, { writers: cliWriters });
  const out = new Map<string, { grids: Grid[]; record: unknown }>();
  for (const f of files) {
    const port = await XlsxWorkbookPort.fromBytes(f.bytes, f.fileName, { readOnly: true });
    out.set(f.unit, { grids: await port.readSheets(), record: await port.loadRecord(UNIT_COPY_KEY) });
  }
  return out;
}

let otherCopy: { grids: Grid[]; record: unknown } | null = null;
async function otherPlanCopy(): Promise<{ grids: Grid[]; record: unknown }> {
  if (!otherCopy) {
    const groups = [
      OTHER_POOL.map((_, i) => ({ lead: KT, deadline: DEADLINES[i], status: null, done: null, result: "Báo cáo", note: null })),
    ];
    const shape: Shape = [{ columns: "tracking", encoding: "unicode", groups }];
    otherCopy = (await splitCopies(buildPlan(shape, OTHER_POOL).grids)).get(KT)!;
  }
  return { grids: clone(otherCopy.grids), record: otherCopy.record };
}

const stats = {
  cases: { valid: 0, conflicting: 0 },
  returns: 0,
  edits: 0,
  blanks: 0,
  unchanged: 0,
  tcvn3: 0,
  ownWords: 0,
  datesAdded: 0,
  written: 0,
  newColumns: 0,
  olderUntouched: 0,
  conflicts: {} as Record<string, number>,
};

interface Outcome {
  expectedConflicts: string[];
  reportedConflicts: string[];
  merged: Grid[];
  plan: Grid[];
  /** The valid edits: task, field, value (the plan's cells they must land in are found after the merge). */
  wanted: { task: Placed; field: FillField; value: Typed }[];
  inPlan: (text: string) => Where;
  written: number;
  applied: number;
}

async function runCase(shape: Shape, seed: number, inject: readonly Injection[]): Promise<Outcome> {
  const r = rng(seed);
  const { grids: planGrids, tasks } = buildPlan(shape, POOL);
  const led = tasks.filter((t) => t.lead !== null);
  const inPlan = locator(planGrids);

  // Tasks the injections work on (one each, never edited otherwise).
  const used = new Set<string>();
  const take = (filter: (t: Placed) => boolean = () => true): Placed | null => {
    const free = led.filter((t) => !used.has(t.text) && filter(t));
    if (!free.length) return null;
    const t = pick(r, free);
    used.add(t.text);
    return t;
  };
  const tracked = (t: Placed) => inPlan(t.text).cols.status !== undefined;
  const notDone = (t: Placed) => t.done === null && (t.status === null || !DONE_WORDS.has(t.status));
  const FILTERS: Partial<Record<Injection, (t: Placed) => boolean>> = {
    // The whole plan sent back: a value typed where the plan has the column (a plain sheet has none of the unit's).
    not_lead: tracked,
    formula: tracked,
    done_without_date: (t) => tracked(t) && notDone(t),
  };
  const chosen = new Map<Injection, Placed | null>();
  for (const k of inject) chosen.set(k, k === "not_in_plan" || k === "other_plan" ? null : take(FILTERS[k]));
  /** The unit that adds a task to its copy. */
  const addTo = inject.includes("not_in_plan") ? pick(r, led).lead : null;
  // An older version of the plan: the task's deadline, or one of its fill-in values, was different when the copy was made.
  const older = chosen.get("older_version");
  let olderField: FillField | null = null;
  let olderValue: Typed | null = null;
  const olderTask: Partial<PlanTask> = {};
  // (A plain sheet has none of the unit's columns: there the deadline is what changed.)
  if (older && (r() < 0.5 || !tracked(older)))
    // Another due day: a deadline reworded to the same day is no change (the rule of deadline_changed too).
    olderTask.deadline = pick(
      r,
      DEADLINES.filter((d) => DUE[d] !== DUE[older.deadline]),
    );
  else if (older) {
    const cols = inPlan(older.text).cols;
    olderField = pick(
      r,
      FILL_FIELDS.filter((f) => cols[f] !== undefined),
    );
    olderValue = differentValue(r, olderField, planValue(older, olderField));
    if (olderValue.kind === "date") olderTask.done = olderValue.serial;
    else if (olderValue.kind === "text") olderTask[olderField as "status" | "note"] = olderValue.text;
  }

  const current = await splitCopies(planGrids);
  const old = older ? await splitCopies(buildPlan(shape, POOL, new Map([[older.text, olderTask]])).grids) : null;

  const wanted: Outcome["wanted"] = [];
  let written = 0;
  const returns: Return[] = [];
  const primary = new Map<string, Return>();
  const expectedConflicts: string[] = [];
  const conflict = (kind: ConflictKind, task: string | null, label: string) =>
    expectedConflicts.push(`${kind} | ${task ?? "-"} | ${label}`);
  const formulaCells: { sheet: string; cell: string; formula: string }[] = [];

  // Each unit (most of them) returns its copy, with valid edits on the tasks no injection uses.
  for (const [unit, copy] of current) {
    const source = older && older.lead === unit ? old!.get(unit)! : copy;
    const mustReturn = unit === addTo || [...chosen.entries()].some(([k, t]) => t?.lead === unit && k !== "not_lead");
    if (!mustReturn && r() < 0.15) continue;
    const ret: Return = { label: `${unit} - trả về ${returns.length + 1}.xlsx`, grids: clone(source.grids), record: source.record };
    const at = locator(ret.grids);
    for (const t of tasks.filter((x) => x.lead === unit && !used.has(x.text))) {
      if (r() < 0.35) continue;
      const w = at(t.text);
      const typed = new Map<FillField, Typed>();
      for (const field of FILL_FIELDS) if (r() >= 0.5) typed.set(field, typedValue(r, field));
      // A done status comes with its completion date where the plan keeps one (without, it waits for a person).
      const st = typed.get("status");
      if (st?.kind === "text" && DONE_WORDS.has(st.text) && changes(st, planValue(t, "status")) && tracked(t) && t.done === null) {
        if (typed.get("doneDate")?.kind !== "date") stats.datesAdded++;
        if (typed.get("doneDate")?.kind !== "date") typed.set("doneDate", typedDate(r));
      }
      for (const [field, v] of typed) {
        stats.edits++;
        put(ret.grids, w.sheet, w.row, w.cols[field], typedCell(r, v), v.kind === "date" ? "dd/mm/yyyy" : undefined);
        if (!changes(v, planValue(t, field))) {
          if (v.kind === "blank") stats.blanks++;
          else stats.unchanged++;
          continue;
        }
        written++;
        wanted.push({ task: t, field, value: v });
      }
    }
    // Rows re-sorted: the task rows of each group of the return in reverse order.
    if (r() < 0.5) {
      for (const g of ret.grids) {
        const rows = tasks.filter((t) => t.lead === unit && t.sheet === g.name).map((t) => at(t.text).row);
        const runs: number[][] = [];
        for (const row of rows.sort((a, b) => a - b))
          if (runs.length && runs[runs.length - 1][runs[runs.length - 1].length - 1] === row - 1) runs[runs.length - 1].push(row);
          else runs.push([row]);
        for (const run of runs) {
          const vals = run.map((row) => g.values[row - g.origin.row]);
          const fmts = run.map((row) => g.numberFormats?.[row - g.origin.row] ?? []);
          run.forEach((row, i) => {
            g.values[row - g.origin.row] = vals[vals.length - 1 - i];
            if (g.numberFormats) g.numberFormats[row - g.origin.row] = fmts[fmts.length - 1 - i];
          });
        }
      }
    }
    returns.push(ret);
    primary.set(unit, ret);
    // Sometimes the same file is sent twice: the same values, no conflict.
    if (r() < 0.15) returns.push({ label: `${unit} - gửi lại.xlsx`, grids: clone(ret.grids), record: ret.record });
  }

  // The injected conflicts.
  const fieldOf = () => pick(r, FILL_FIELDS);
  for (const kind of inject) {
    const t = chosen.get(kind) ?? null;
    if ((kind !== "not_in_plan" && kind !== "other_plan" && !t) || (t && kind !== "not_lead" && !primary.has(t.lead!))) continue;
    stats.conflicts[kind] = (stats.conflicts[kind] ?? 0) + 1;
    if (kind === "disagree") {
      const f = fieldOf();
      const a = differentValue(r, f, planValue(t!, f));
      const b = differentValue(r, f, planValue(t!, f), a);
      const first = primary.get(t!.lead!)!;
      const w = locator(first.grids)(t!.text);
      put(first.grids, w.sheet, w.row, w.cols[f], typedCell(r, a), a.kind === "date" ? "dd/mm/yyyy" : undefined);
      const second: Return = {
        label: `${t!.lead} - bản sửa lại.xlsx`,
        grids: clone(current.get(t!.lead!)!.grids),
        record: current.get(t!.lead!)!.record,
      };
      const w2 = locator(second.grids)(t!.text);
      put(second.grids, w2.sheet, w2.row, w2.cols[f], typedCell(r, b), b.kind === "date" ? "dd/mm/yyyy" : undefined);
      returns.push(second);
      conflict("disagree", t!.text, first.label);
      conflict("disagree", t!.text, second.label);
    } else if (kind === "not_lead") {
      // A unit sends back the whole plan (not a copy made by Gửi đơn vị), named after it, with another unit's task filled.
      const unit = pick(
        r,
        UNITS.filter((u) => u !== t!.lead),
      );
      const whole: Return = { label: `${unit}.xlsx`, grids: clone(planGrids), record: undefined };
      const w = inPlan(t!.text);
      const f = pick(
        r,
        FILL_FIELDS.filter((x) => w.cols[x] !== undefined),
      );
      const v = differentValue(r, f, planValue(t!, f));
      const typed = v.kind === "text" && t!.encoding === "tcvn3" ? encodeTcvn3(v.text) : cellValue(v);
      put(whole.grids, w.sheet, w.row, w.cols[f], typed, v.kind === "date" ? "dd/mm/yyyy" : undefined);
      returns.push(whole);
      conflict("not_lead", t!.text, whole.label);
    } else if (kind === "text_changed" || kind === "deadline_changed" || kind === "older_version") {
      const ret = primary.get(t!.lead!)!;
      const w = locator(ret.grids)(t!.text);
      if (kind === "text_changed") put(ret.grids, w.sheet, w.row, w.cols.content, `${t!.text} (sửa)`);
      if (kind === "deadline_changed")
        put(
          ret.grids,
          w.sheet,
          w.row,
          w.cols.deadline,
          // Another due day ("Tháng 6/2026" for "Quý II/2026" says the same day: not a change).
          pick(
            r,
            DEADLINES.filter((d) => DUE[d] !== DUE[t!.deadline]),
          ),
        );
      if (kind === "older_version" && olderField && r() < 0.3) {
        // The unit leaves the value the plan changed since: nothing to say, and the plan's newer value stays.
        stats.conflicts[kind]--;
        stats.olderUntouched++;
        continue;
      }
      const f = kind === "older_version" && olderField ? olderField : fieldOf();
      const v = differentValue(r, f, planValue(t!, f), olderValue ?? undefined);
      put(ret.grids, w.sheet, w.row, w.cols[f], typedCell(r, v), v.kind === "date" ? "dd/mm/yyyy" : undefined);
      conflict(kind, t!.text, ret.label);
    } else if (kind === "not_in_plan") {
      const unit = addTo!;
      const ret = primary.get(unit)!;
      const mine = tasks.find((x) => x.lead === unit)!;
      const w = locator(ret.grids)(mine === chosen.get("text_changed") ? `${mine.text} (sửa)` : mine.text);
      const g = ret.grids.find((x) => x.name === w.sheet)!;
      const row = g.origin.row + g.values.length;
      put(ret.grids, w.sheet, row, w.cols.stt, 9);
      put(ret.grids, w.sheet, row, w.cols.content, CAMERA);
      put(ret.grids, w.sheet, row, w.cols.lead, unit);
      put(ret.grids, w.sheet, row, w.cols.deadline, "31/12/2026");
      put(ret.grids, w.sheet, row, w.cols.status, "Đang thực hiện");
      conflict("not_in_plan", null, ret.label);
    } else if (kind === "other_plan") {
      const other = await otherPlanCopy();
      const w = locator(other.grids)(OTHER_POOL[0]);
      put(other.grids, w.sheet, w.row, w.cols.status, "Đã hoàn thành");
      const ret = { label: `${KT} - kế hoạch khác.xlsx`, ...other };
      returns.push(ret);
      conflict("other_plan", null, ret.label);
    } else {
      const ret = primary.get(t!.lead!)!;
      const w = locator(ret.grids)(t!.text);
      const at = (f: FillField | "result", v: CellValue, format?: string) => put(ret.grids, w.sheet, w.row, w.cols[f], v, format);
      if (kind === "formula") {
        const p = inPlan(t!.text);
        const f = pick(
          r,
          (["status", "doneDate", "note"] as const).filter((x) => p.cols[x] !== undefined),
        );
        formulaCells.push({
          sheet: p.sheet,
          cell: `${String.fromCharCode(64 + p.cols[f]!)}${p.row}`,
          formula: `=IF(A${p.row}="","",${f === "doneDate" ? "TODAY()" : '"x"'})`,
        });
        const v = differentValue(r, f, planValue(t!, f));
        at(f, typedCell(r, v), v.kind === "date" ? "dd/mm/yyyy" : undefined);
      } else if (kind === "planned_output") at("result", "Đã nộp 05 hồ sơ, nhận 03 kết quả");
      else if (kind === "status_unknown") at("status", "Thường xuyên thực hiện");
      else if (kind === "date_invalid") at("doneDate", "30/02/2026");
      else if (kind === "date_after_as_of") at("doneDate", serial("2026-12-05"), "dd/mm/yyyy");
      else if (kind === "done_without_date") at("status", pick(r, ["Đã hoàn thành", "Đã xong", "xong rồi"]));
      conflict(kind, t!.text, ret.label);
    }
  }

  // Merge them all (the default choice: every change no conflict holds back).
  const planPort = new FakePort(clone(planGrids));
  for (const f of formulaCells) planPort.formulas[`${f.sheet}!${f.cell}`] = f.formula;
  const inputs = returns.map((x) => {
    const port = new FakePort(x.grids);
    if (x.record !== undefined) port.records[UNIT_COPY_KEY] = x.record;
    return { label: x.label, port };
  });
  stats.returns += returns.length;
  const review = await reviewReturns(planPort, inputs, { asOf: AS_OF });
  const applied = await applyMerge(planPort, review);
  const labels = review.proposal.files.map((f) => f.label);
  const reportedConflicts = review.proposal.conflicts.map(
    (k) => `${k.kind} | ${k.task ? (tasks.find((t) => t.text.startsWith(k.task!.text))?.text ?? k.task.text) : "-"} | ${labels[k.file]}`,
  );
  stats.written += applied.applied;
  return {
    expectedConflicts: expectedConflicts.sort(),
    reportedConflicts: reportedConflicts.sort(),
    merged: planPort.grids,
    plan: planGrids,
    wanted,
    inPlan,
    written,
    applied: applied.applied,
  };
}

/**
 * The plan with the valid edits: each in its task's cell (text in the sheet's encoding, a date as a date);
 * a field the sheet has no column for goes into the one new column with that field's name in the header
 * row (found in the merged sheet, right of the table), which holds nothing else.
 */
function expectedGrids(o: Outcome): { grids: Grid[]; dates: { sheet: string; row: number; col: number }[] } {
  const grids = clone(o.plan);
  const dates: { sheet: string; row: number; col: number }[] = [];
  const added = new Map<string, number>();
  for (const { task, field, value } of o.wanted) {
    const p = o.inPlan(task.text);
    let col = p.cols[field];
    if (col === undefined) {
      const k = `${p.sheet}\u0000${field}`;
      if (!added.has(k)) {
        const m = o.merged.find((g) => g.name === p.sheet)!;
        const header = m.values[p.header - 1] ?? [];
        const at = header.findIndex((v, i) => i >= STD_HEADER.length && v === returnsSheetText.columnLabels[field]);
        expect({ sheet: p.sheet, field, newColumn: at >= STD_HEADER.length }).toEqual({ sheet: p.sheet, field, newColumn: true });
        added.set(k, at + 1);
        put(grids, p.sheet, p.header, at + 1, returnsSheetText.columnLabels[field]);
        stats.newColumns++;
      }
      col = added.get(k)!;
    }
    const v = value.kind === "text" && task.encoding === "tcvn3" ? encodeTcvn3(value.text) : cellValue(value);
    put(grids, p.sheet, p.row, col, v);
    if (value.kind === "date") dates.push({ sheet: p.sheet, row: p.row, col });
  }
  return { grids, dates };
}

/** Cell by cell: every value of every sheet; a date written has a date format. */
function expectSameGrids(o: Outcome): void {
  const { grids: expected, dates } = expectedGrids(o);
  for (const e of expected) {
    const m = o.merged.find((g) => g.name === e.name)!;
    const rows = Math.max(e.values.length, m.values.length);
    for (let r = 0; r < rows; r++) {
      const cols = Math.max(e.values[r]?.length ?? 0, m.values[r]?.length ?? 0);
      for (let c = 0; c < cols; c++) {
        const want = e.values[r]?.[c] ?? null;
        const got = m.values[r]?.[c] ?? null;
        if (want !== got)
          expect({ sheet: e.name, row: r + 1, col: c + 1, value: got }).toEqual({ sheet: e.name, row: r + 1, col: c + 1, value: want });
      }
    }
  }
  for (const d of dates) {
    const g = o.merged.find((x) => x.name === d.sheet)!;
    expect({ ...d, date: isDateFormat(g.numberFormats?.[d.row - 1]?.[d.col - 1] ?? null) }).toEqual({ ...d, date: true });
  }
}

afterAll(() => {
  console.log(
    `merge property: ${stats.cases.valid} cases of valid edits, ${stats.cases.conflicting} cases with conflicts injected; ` +
      `${stats.returns} returns, ${stats.edits} cells typed (${stats.blanks} blanks, ${stats.unchanged} the plan's own value, ${stats.tcvn3} typed in TCVN3, ` +
      `${stats.ownWords} statuses in the unit's own words, ${stats.datesAdded} completion dates given with a done status), ` +
      `${stats.written} cells written (${stats.newColumns} columns added); ` +
      `conflicts injected: ${Object.entries(stats.conflicts)
        .map(([k, n]) => `${k} ${n}`)
        .join(", ")} (and ${stats.olderUntouched} values changed in the plan since the copy, left untouched by the unit: no conflict)`,
  );
});

test("valid edits in the units' copies: the merged plan is exactly the plan with those edits, and no conflict", async () => {
  await fc.assert(
    fc.asyncProperty(shapeArb, fc.integer(), async (shape, seed) => {
      stats.cases.valid++;
      const o = await runCase(shape, seed, []);
      expect(o.reportedConflicts).toEqual([]);
      expect(o.applied).toBe(o.written);
      expectSameGrids(o);
    }),
    { numRuns: 60 },
  );
}, 120000);

test("conflicting edits: every injected conflict is reported (kind, task, file), no other, and nothing conflicting is written", async () => {
  await fc.assert(
    fc.asyncProperty(shapeArb, fc.integer(), fc.subarray([...INJECTIONS], { minLength: 1 }), async (shape, seed, inject) => {
      stats.cases.conflicting++;
      const o = await runCase(shape, seed, inject);
      expect(o.reportedConflicts).toEqual(o.expectedConflicts);
      expect(o.applied).toBe(o.written);
      expectSameGrids(o);
    }),
    { numRuns: 60 },
  );
}, 120000);
