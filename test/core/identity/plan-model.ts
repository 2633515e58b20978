/**
 * A model of a plan's tasks for the identity properties: random tasks with distinct Vietnamese texts,
 * and the edits people make between two versions (rows inserted, deleted, re-sorted, a typo fixed, a lead
 * changed). Every task carries its origin (the index in the first version, or null when inserted), which
 * is what identity must recover.
 */
import fc from "fast-check";
import type { IdentityTask } from "../../../src/core/identity";
import { foldKey } from "../../../src/core/text/fold";
import { textSimilarity } from "../../../src/core/identity";

export const UNITS = [
  "Phòng Văn hóa - Xã hội",
  "Văn phòng HĐND và UBND xã",
  "Phòng Kinh tế",
  "Công an xã",
  "Trung tâm Phục vụ hành chính công",
  "Trung tâm Dịch vụ sự nghiệp công",
];

export const WORDS = (
  "triển khai thực hiện kế hoạch báo cáo kết quả tổ chức hội nghị tuyên truyền phổ biến chuyển đổi số dữ liệu " +
  "hồ sơ trực tuyến toàn trình cán bộ công chức viên chức bồi dưỡng kỹ năng khoa học công nghệ đổi mới sáng tạo " +
  "hạ tầng mạng băng rộng cáp quang dịch vụ công thanh toán không dùng tiền mặt kiểm tra giám sát đánh giá sơ kết " +
  "tổng kết năm quý tháng nhân dân doanh nghiệp hợp tác xã nông nghiệp du lịch văn hóa thể thao an ninh trật tự"
).split(" ");

export const GROUPS = ["I. Nhiệm vụ trọng tâm", "II. Hạ tầng số", "III. Nhân lực", "IV. Dịch vụ công"];
export const SHEETS = ["PL I", "PL II", "PL III"];

/** A task of the model: what identity reads, plus the origin the test checks against. */
export interface ModelTask extends IdentityTask {
  origin: number | null;
}

/** True when `text` is far from every text of `others` (folded): a new random task is never a near copy. */
export function isFar(text: string, others: readonly string[], limit = 0.6): boolean {
  const f = foldKey(text);
  return others.every((o) => textSimilarity(f, foldKey(o), limit) === 0);
}

const sentence = fc
  .array(fc.constantFrom(...WORDS), { minLength: 7, maxLength: 16 })
  .map((ws) => ws.join(" "))
  .map((s) => s[0].toUpperCase() + s.slice(1));

export interface PlanSeed {
  texts: string[];
  sheets: number[];
  groups: number[];
  leads: number[];
  dues: number[];
}

/** A first version: 3–25 tasks, distinct (far apart) texts, sorted by sheet then group. */
export const planArb: fc.Arbitrary<ModelTask[]> = fc
  .integer({ min: 3, max: 40 })
  .chain((n) =>
    fc.record({
      texts: fc.array(sentence, { minLength: n, maxLength: n }),
      sheets: fc.array(fc.integer({ min: 0, max: SHEETS.length - 1 }), { minLength: n, maxLength: n }),
      groups: fc.array(fc.integer({ min: 0, max: GROUPS.length - 1 }), { minLength: n, maxLength: n }),
      leads: fc.array(fc.integer({ min: 0, max: UNITS.length - 1 }), { minLength: n, maxLength: n }),
      dues: fc.array(fc.integer({ min: 0, max: 11 }), { minLength: n, maxLength: n }),
    }),
  )
  .map((seed) => {
    const kept: number[] = [];
    seed.texts.forEach((t, i) => {
      if (
        isFar(
          t,
          kept.map((k) => seed.texts[k]),
        )
      )
        kept.push(i);
    });
    const tasks = kept.map((i) => ({
      sheet: SHEETS[seed.sheets[i]],
      group: GROUPS[seed.groups[i]],
      stt: "",
      content: seed.texts[i],
      lead: UNITS[seed.leads[i]],
      due: `2026-${String(seed.dues[i] + 1).padStart(2, "0")}-28`,
      origin: 0,
    }));
    tasks.sort((a, b) => a.sheet.localeCompare(b.sheet) || a.group.localeCompare(b.group));
    tasks.forEach((t, i) => (t.origin = i));
    return renumber(tasks);
  })
  .filter((tasks) => tasks.length >= 3);

/** STT restarts at 1 in each group of each sheet (people renumber after editing). */
export function renumber(tasks: ModelTask[]): ModelTask[] {
  const counters = new Map<string, number>();
  return tasks.map((t) => {
    const key = `${t.sheet}|${t.group}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    return { ...t, stt: String(n) };
  });
}

/** The edits of the properties. Positions and picks are fractions of the current length. */
export type Edit =
  | { kind: "insert"; at: number; text: string; lead: number; sheet: number; group: number }
  | { kind: "delete"; at: number }
  | { kind: "move"; from: number; to: number }
  | { kind: "sort" }
  | { kind: "typo"; at: number; pos: number; op: "sub" | "del" | "ins" | "swap" | "tone" | "case" | "space"; letter: string }
  | { kind: "lead"; at: number; unit: number };

const frac = fc.double({ min: 0, max: 0.9999, noNaN: true });

export const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constant("insert" as const),
    at: frac,
    text: sentence,
    lead: fc.integer({ min: 0, max: UNITS.length - 1 }),
    sheet: fc.integer({ min: 0, max: SHEETS.length - 1 }),
    group: fc.integer({ min: 0, max: GROUPS.length - 1 }),
  }),
  fc.record({ kind: fc.constant("delete" as const), at: frac }),
  fc.record({ kind: fc.constant("move" as const), from: frac, to: frac }),
  fc.record({ kind: fc.constant("sort" as const) }),
  fc.record({
    kind: fc.constant("typo" as const),
    at: frac,
    pos: frac,
    op: fc.constantFrom(
      "sub" as const,
      "del" as const,
      "ins" as const,
      "swap" as const,
      "tone" as const,
      "case" as const,
      "space" as const,
    ),
    letter: fc.constantFrom(..."abcdeghiklmnopqrstuvxy"),
  }),
  fc.record({ kind: fc.constant("lead" as const), at: frac, unit: fc.integer({ min: 0, max: UNITS.length - 1 }) }),
);

const TONES: Record<string, string> = { a: "á", e: "é", o: "ò", u: "ủ", i: "ị", y: "ý" };

/** One small typing edit of a text (one letter substituted, dropped, added, two swapped; a tone, case or spacing). */
export function typo(text: string, pos: number, op: Extract<Edit, { kind: "typo" }>["op"], letter: string): string {
  const chars = Array.from(text);
  const i = Math.min(chars.length - 1, Math.floor(pos * chars.length));
  switch (op) {
    case "sub":
      chars[i] = letter;
      break;
    case "del":
      chars.splice(i, 1);
      break;
    case "ins":
      chars.splice(i, 0, letter);
      break;
    case "swap":
      if (i + 1 < chars.length) [chars[i], chars[i + 1]] = [chars[i + 1], chars[i]];
      break;
    case "tone": {
      const plain = chars[i].normalize("NFD")[0].toLowerCase();
      chars[i] = TONES[plain] ?? chars[i];
      break;
    }
    case "case":
      chars[i] = chars[i] === chars[i].toUpperCase() ? chars[i].toLowerCase() : chars[i].toUpperCase();
      break;
    case "space":
      chars.splice(i, 0, "  ");
      break;
  }
  return chars.join("");
}

/**
 * Apply the edits in order (at most two typos per task, so a text stays recognisably itself), then
 * renumber. Inserted texts far from every text ever seen are kept; others are skipped (a near copy of
 * an existing task is not a new task by the rule).
 */
export function applyEdits(first: readonly ModelTask[], edits: readonly Edit[]): ModelTask[] {
  let tasks = first.map((t) => ({ ...t }));
  const typos = new Map<ModelTask, number>();
  const seen = first.map((t) => t.content);
  const pick = (f: number) => Math.min(tasks.length - 1, Math.floor(f * tasks.length));
  for (const e of edits) {
    switch (e.kind) {
      case "insert": {
        if (!isFar(e.text, seen)) break;
        seen.push(e.text);
        const at = Math.floor(e.at * (tasks.length + 1));
        tasks.splice(at, 0, {
          sheet: SHEETS[e.sheet],
          group: GROUPS[e.group],
          stt: "",
          content: e.text,
          lead: UNITS[e.lead],
          due: "2026-12-31",
          origin: null,
        });
        break;
      }
      case "delete":
        if (tasks.length > 1) tasks.splice(pick(e.at), 1);
        break;
      case "move": {
        if (tasks.length < 2) break;
        const [t] = tasks.splice(pick(e.from), 1);
        const to = Math.min(tasks.length, Math.floor(e.to * (tasks.length + 1)));
        // Moving a row inside a sheet takes the group of the place it lands in (re-sorting across groups).
        const neighbour = tasks[Math.min(to, tasks.length - 1)];
        tasks.splice(to, 0, neighbour && neighbour.sheet === t.sheet ? { ...t, group: neighbour.group } : t);
        break;
      }
      case "sort":
        tasks = [...tasks].sort(
          (a, b) =>
            a.sheet.localeCompare(b.sheet) ||
            (a.lead ?? "").localeCompare(b.lead ?? "") ||
            foldKey(a.content).localeCompare(foldKey(b.content)),
        );
        break;
      case "typo": {
        if (!tasks.length) break;
        const i = pick(e.at);
        const t = tasks[i];
        const n = typos.get(t) ?? 0;
        if (n >= 2) break;
        const edited = { ...t, content: typo(t.content, e.pos, e.op, e.letter) };
        typos.delete(t);
        typos.set(edited, n + 1);
        tasks[i] = edited;
        break;
      }
      case "lead":
        if (tasks.length) {
          const i = pick(e.at);
          const t = tasks[i];
          const edited = { ...t, lead: UNITS[e.unit] };
          if (typos.has(t)) typos.set(edited, typos.get(t)!);
          tasks[i] = edited;
        }
        break;
    }
  }
  return renumber(tasks);
}
