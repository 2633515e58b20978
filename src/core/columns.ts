/**
 * Known column names of task tables and indicator tables (domain.md), matched on foldKey.
 * Extend the lists as real plans show new spellings; keys are written already folded
 * (lower case, no diacritics, punctuation as single spaces).
 */

export const TASK_FIELDS = [
  "stt",
  "content",
  "head",
  "lead",
  "support",
  "result",
  "deadline",
  "period",
  "start",
  "status",
  "doneDate",
  "note",
  "outcome",
] as const;
export type TaskField = (typeof TASK_FIELDS)[number];

export const INDICATOR_FIELDS = ["stt", "name", "unit", "target", "achieved", "total", "actual", "base", "note"] as const;
export type IndicatorField = (typeof INDICATOR_FIELDS)[number];

export type AnyField = TaskField | IndicatorField;

/** What a table kind needs to find and read its header. */
export interface ColumnSpec<F extends string> {
  kind: "task" | "indicator";
  /** folded header text → field. */
  exact: ReadonlyMap<string, F>;
  /** folded prefixes (longest first) → field, for "Kế hoạch năm 2026", "Thời gian hoàn thành (dự kiến)". */
  prefixes: readonly (readonly [string, F])[];
  /** Labels that only appear in the second row of a two-row header ("Chủ trì" under "Cơ quan thực hiện"). */
  sub: ReadonlyMap<string, F>;
  /**
   * Second-row labels read by the field of the parent above them: "Kế hoạch" | "Thực tế" under
   * "Thời gian hoàn thành" are the deadline and the completion date (alone they mean nothing here).
   */
  parentSub: ReadonlyMap<F, ReadonlyMap<string, F>>;
  /** Fields that must be present, else COLUMN_MISSING. */
  required: readonly F[];
  /** The field that names the row (task text / indicator name). */
  textField: F;
}

/** folded name → field. */
function table<F extends string>(synonyms: Partial<Record<F, string[]>>): Map<string, F> {
  const m = new Map<string, F>();
  for (const [field, names] of Object.entries(synonyms) as [F, string[]][]) for (const n of names) m.set(n, field);
  return m;
}

const TASK_SYNONYMS: Partial<Record<TaskField, string[]>> = {
  stt: ["stt", "tt", "so tt", "so thu tu"],
  content: [
    "noi dung cong viec",
    "noi dung",
    "nhiem vu",
    "noi dung nhiem vu",
    "ten nhiem vu",
    "nhiem vu giai phap",
    "noi dung nhiem vu giai phap",
    "ten cong viec",
    "cong viec",
    "noi dung cong viec nhiem vu",
  ],
  head: [
    "nguoi dung dau chiu trach nhiem",
    "lanh dao phu trach",
    "nguoi chiu trach nhiem",
    "lanh dao chi dao",
    "lanh dao chiu trach nhiem",
  ],
  lead: [
    "co quan chu tri",
    "don vi chu tri",
    "chu tri",
    "co quan don vi chu tri",
    "co quan chu tri thuc hien",
    "don vi chu tri thuc hien",
    "co quan don vi chu tri thuc hien",
    // a single "who does it" column means the lead; over "Chủ trì" | "Phối hợp" the sub-labels win
    "co quan thuc hien",
    "don vi thuc hien",
    "co quan don vi thuc hien",
  ],
  support: [
    "co quan phoi hop",
    "don vi phoi hop",
    "phoi hop",
    "co quan don vi phoi hop",
    "co quan phoi hop thuc hien",
    "don vi phoi hop thuc hien",
  ],
  result: [
    "ket qua",
    "san pham",
    "ket qua san pham",
    "san pham dau ra",
    "ket qua dau ra",
    "san pham ket qua",
    "ket qua du kien",
    "san pham du kien",
  ],
  deadline: [
    "thoi gian hoan thanh",
    "thoi han hoan thanh",
    "thoi han",
    "thoi gian",
    "tien do hoan thanh",
    "thoi gian hoan thanh du kien",
    "moc thoi gian",
    "moc thoi gian hoan thanh",
  ],
  // the period a task runs over: the deadline only when the table has no deadline column (domain.md)
  period: ["thoi gian thuc hien", "thoi gian trien khai", "thoi gian thuc hien du kien"],
  status: [
    "tinh trang",
    "trang thai",
    "tien do",
    "tien do thuc hien",
    "tinh hinh thuc hien",
    "tinh trang thuc hien",
    "trang thai thuc hien",
  ],
  doneDate: ["ngay hoan thanh", "thoi diem hoan thanh", "ngay hoan thanh thuc te", "ngay thuc te hoan thanh"],
  note: ["ghi chu"],
  // what the unit actually achieved (filled by the unit), never the plan's planned output ("Kết quả")
  outcome: ["ket qua thuc hien", "ket qua dat duoc", "ket qua trien khai", "ket qua thuc hien nhiem vu", "ket qua da thuc hien"],
};

const TASK_SUB: Record<string, TaskField> = {
  "chu tri": "lead",
  "phoi hop": "support",
  "bat dau": "start",
  "thoi gian bat dau": "start",
  "hoan thanh": "deadline",
  "ket thuc": "deadline",
  "thoi gian ket thuc": "deadline",
  "tu ngay": "start",
  "den ngay": "deadline",
  "tu thang": "start",
  "den thang": "deadline",
};

/** Under a deadline (or period) parent: the planned date and the actual completion date. */
const TASK_DATE_SUBS: Record<string, TaskField> = {
  "ke hoach": "deadline",
  "theo ke hoach": "deadline",
  "du kien": "deadline",
  "thuc te": "doneDate",
  "thuc hien": "doneDate",
  "thuc te hoan thanh": "doneDate",
};

const INDICATOR_SYNONYMS: Partial<Record<IndicatorField, string[]>> = {
  stt: ["stt", "tt", "so tt", "so thu tu"],
  name: ["chi tieu", "ten chi tieu", "noi dung chi tieu", "cac chi tieu", "chi tieu chu yeu", "noi dung"],
  unit: ["don vi tinh", "dvt", "don vi do"],
  target: ["ke hoach", "muc tieu", "chi tieu ke hoach", "chi tieu giao", "ke hoach giao", "chi tieu nam", "muc tieu ke hoach"],
  achieved: ["so dat", "so luong dat", "so thuc hien", "so luong thuc hien"],
  total: ["tong so", "tong"],
  actual: ["thuc hien", "ket qua thuc hien", "ty le dat", "uoc thuc hien", "ket qua", "ket qua dat duoc", "ty le thuc hien"],
  // the base year's value, for targets relative to it ("Tăng 10% so với năm 2025"); "Năm 2025" columns are found by year
  base: [
    "thuc hien nam truoc",
    "ket qua nam truoc",
    "nam truoc",
    "so lieu nam truoc",
    "cung ky nam truoc",
    "thuc hien cung ky",
    "cung ky",
    "nam goc",
    "ky goc",
    "so lieu nam goc",
    "gia tri nam goc",
  ],
  note: ["ghi chu"],
};

/** Under a "Kết quả thực hiện" parent: "Số lượng" is the achieved count, "Tỷ lệ" the rate. */
const INDICATOR_ACTUAL_SUBS: Record<string, IndicatorField> = {
  "so luong": "achieved",
  "ty le": "actual",
  "ty le phan tram": "actual",
  tong: "total",
};

const INDICATOR_PREFIXES: [string, IndicatorField][] = [
  ["chi tieu ke hoach", "target"],
  ["ke hoach nam", "target"],
  ["ke hoach", "target"],
  ["muc tieu", "target"],
  ["chi tieu nam", "target"],
  ["uoc thuc hien", "actual"],
  ["ket qua thuc hien", "actual"],
  ["thuc hien nam", "actual"],
  ["thuc hien", "actual"],
  ["ty le dat", "actual"],
  ["so luong dat", "achieved"],
  ["so dat", "achieved"],
  ["tong so", "total"],
  ["ten chi tieu", "name"],
  ["noi dung chi tieu", "name"],
  ["don vi tinh", "unit"],
];

const TASK_PREFIXES: [string, TaskField][] = [
  ["thoi gian hoan thanh", "deadline"],
  ["thoi han hoan thanh", "deadline"],
  ["thoi gian thuc hien", "period"],
  ["thoi han", "deadline"],
  ["noi dung cong viec", "content"],
  ["noi dung nhiem vu", "content"],
  ["nguoi dung dau", "head"],
  ["co quan chu tri", "lead"],
  ["don vi chu tri", "lead"],
  ["co quan phoi hop", "support"],
  ["don vi phoi hop", "support"],
  ["ket qua san pham", "result"],
  ["san pham", "result"],
  ["tinh trang", "status"],
  ["tien do thuc hien", "status"],
  ["ngay hoan thanh", "doneDate"],
  ["ghi chu", "note"],
  ["ket qua thuc hien", "outcome"],
  ["ket qua dat duoc", "outcome"],
  ["ket qua trien khai", "outcome"],
];

function sortPrefixes<F>(p: [string, F][]): (readonly [string, F])[] {
  return [...p].sort((a, b) => b[0].length - a[0].length);
}

export const TASK_COLUMNS: ColumnSpec<TaskField> = {
  kind: "task",
  exact: table(TASK_SYNONYMS),
  prefixes: sortPrefixes(TASK_PREFIXES),
  sub: new Map(Object.entries(TASK_SUB)),
  parentSub: new Map<TaskField, ReadonlyMap<string, TaskField>>([
    ["deadline", new Map(Object.entries(TASK_DATE_SUBS))],
    ["period", new Map(Object.entries(TASK_DATE_SUBS))],
  ]),
  required: ["content", "lead", "deadline"],
  textField: "content",
};

export const INDICATOR_COLUMNS: ColumnSpec<IndicatorField> = {
  kind: "indicator",
  exact: table(INDICATOR_SYNONYMS),
  prefixes: sortPrefixes(INDICATOR_PREFIXES),
  sub: new Map(),
  parentSub: new Map([["actual", new Map(Object.entries(INDICATOR_ACTUAL_SUBS))]]),
  required: ["name", "target"],
  textField: "name",
};

/** Field for a folded header text, or undefined. Exact names first, then known prefixes. */
export function fieldOf<F extends string>(spec: ColumnSpec<F>, key: string, allowSub: boolean): F | undefined {
  if (!key) return undefined;
  const exact = spec.exact.get(key);
  if (exact) return exact;
  if (allowSub) {
    const s = spec.sub.get(key);
    if (s) return s;
  }
  if (key.length > 60) return undefined;
  for (const [p, f] of spec.prefixes) if (key.startsWith(p + " ")) return f;
  return undefined;
}
