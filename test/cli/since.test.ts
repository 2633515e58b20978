/**
 * `phuluc check FILE --since YYYY-MM-DD|OLD.xlsx` in process: the changes in the JSON report (its schema)
 * and in the text report (Vietnamese and English); a snapshot inside FILE (written by `summarize`) or
 * another version of the file (never modified); usage and file problems exit 2 with one line.
 */
import { formatViDate } from "../../src/i18n/format";
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { parseArgs } from "../../src/cli/args";
import { CliError } from "../../src/cli/io";
import { JsonReportSchema, type JsonReport } from "../../src/core/report-schema";
import { SNAPSHOTS_KEY } from "../../src/core/snapshot";
import { XlsxWorkbookPort } from "../../src/xlsx/port";
import { captureIO } from "../support/cli-io";
import { makeTempDir, removeTempDir, writeTempXlsx } from "../support/xlsx-builder";
import { AFTER_AS_OF, BEFORE_AS_OF, planAfter, planBefore, TEXTS } from "../support/plan-versions";

const sha = (p: string) => crypto.createHash("sha256").update(fs.readFileSync(p)).digest("hex");

let dir: string;
let before: string;
/** The later version of the plan, carrying the snapshot of the summary of 30/06 (as the user's file would). */
let after: string;

async function cli(...argv: string[]) {
  const io = captureIO();
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

beforeAll(async () => {
  dir = makeTempDir("phuluc-since-");
  before = await writeTempXlsx(planBefore(), { dir, name: "ke-hoach-thang-6.xlsx" });
  const summarized = path.join(dir, "tong-hop-thang-6.xlsx");
  expect((await cli("summarize", before, "-o", summarized, "--as-of", BEFORE_AS_OF)).code).toBe(0);
  // Staff keep working in the file: the later version, with the record the summary left in it.
  const record = await (await XlsxWorkbookPort.fromBytes(fs.readFileSync(summarized), "s.xlsx")).loadRecord(SNAPSHOTS_KEY);
  expect(record).toBeDefined();
  const later = await XlsxWorkbookPort.fromBytes(fs.readFileSync(await writeTempXlsx(planAfter(), { dir, name: "tmp.xlsx" })), "tmp.xlsx");
  await later.saveRecord(SNAPSHOTS_KEY, record);
  after = path.join(dir, "ke-hoach-thang-10.xlsx");
  fs.writeFileSync(after, await later.toBuffer());
}, 60000);
afterAll(() => removeTempDir(dir));

test("--since DATE: the snapshot inside the file; JSON changes under the report's schema", async () => {
  const { code, out, err } = await cli("check", after, "--as-of", AFTER_AS_OF, "--since", BEFORE_AS_OF, "--json");
  expect(err).toBe("");
  expect(code).toBe(0);
  const report = JsonReportSchema.parse(JSON.parse(out)) as JsonReport;
  expect(report.changes?.since).toEqual({ source: "snapshot", asOf: BEFORE_AS_OF, label: "30/06/2026" });
  expect(report.changes?.tasks.map((c) => [c.kind, c.cell])).toEqual([
    ["done_on_time", "H7"],
    ["done_late", "H8"],
    ["overdue", "H6"],
    ["deadline_moved", "G9"],
    ["lead_changed", "D11"],
    ["added", "B5"],
    ["removed", null],
  ]);
  expect(report.changes?.indicators).toHaveLength(1);
  // Without --since there are no changes in the report.
  const plain = JSON.parse((await cli("check", after, "--as-of", AFTER_AS_OF, "--json")).out);
  expect(plain.changes).toBeUndefined();
});

test("--since OLD.xlsx: another version (no snapshot needed), read only", async () => {
  const hash = sha(before);
  const { code, out } = await cli("check", after, "--as-of", AFTER_AS_OF, "--since", before, "--json");
  expect(code).toBe(0);
  const report = JsonReportSchema.parse(JSON.parse(out)) as JsonReport;
  // The old file has no snapshot: its figures are taken at the same date, so only edits count.
  expect(report.changes?.since).toEqual({ source: "file", asOf: AFTER_AS_OF, label: "ke-hoach-thang-6.xlsx" });
  expect(report.changes?.total).toEqual({
    done_on_time: 1,
    done_late: 1,
    overdue: 0,
    deadline_moved: 1,
    lead_changed: 1,
    added: 1,
    removed: 1,
  });
  expect(sha(before)).toBe(hash);
});

test("the text report lists the changes, in Vietnamese and in English", async () => {
  const vi = (await cli("check", after, "--as-of", AFTER_AS_OF, "--since", BEFORE_AS_OF)).out;
  expect(vi).toContain("THAY ĐỔI TỪ NGÀY 30/06/2026 (so với bản tổng hợp ngày 30/06/2026)");
  expect(vi).toContain("Mới hoàn thành đúng hạn (1):");
  expect(vi).toContain(`'PL I'!G9 — STT 5 — ${TEXTS.moved} — 30/09/2026 → 31/12/2026`);
  expect(vi).toContain(`'PL I'!D11 — STT 1 — ${TEXTS.leadChanged} — Phòng Kinh tế → Công an xã`);
  expect(vi).toContain(`PL I (dòng 11) — STT 2 — ${TEXTS.removed} — đang thực hiện trong hạn → không còn trong bảng`);
  expect(vi).toMatch(/Số nhiệm vụ thay đổi theo đơn vị chủ trì:\nĐơn vị/);
  expect(vi).toContain("Chỉ tiêu thay đổi:");
  expect(vi).toMatch(/78% \(Không đạt\) → 85% \(Đạt\)/);
  const en = (await cli("check", after, "--as-of", AFTER_AS_OF, "--since", BEFORE_AS_OF, "--lang", "en")).out;
  expect(en).toContain("CHANGES SINCE 30/06/2026 (compared with the summary of 30/06/2026)");
  expect(en).toContain("Newly overdue (1):");
  expect(en).toContain(`'PL I'!H7 — No. 3 — ${TEXTS.doneOnTime} — in progress → done on time`);
  expect(en).toContain(`PL I (row 11) — No. 2 — ${TEXTS.removed} — in progress → no longer in the table`);
  expect(en).toContain("78% (Not met) → 85% (Met)");
});

test("a date with no snapshot, a file that is not there, a date that does not exist: exit 2, one line", async () => {
  const none = await cli("check", after, "--since", "2026-05-31");
  expect(none.code).toBe(2);
  // dates in the sentence as dd/mm/yyyy, each with the value to type after --since
  expect(none.err.trim().split("\n")).toEqual([
    `phuluc: Tệp không có bản tổng hợp ngày 31/05/2026. Các bản đã lưu: ${formatViDate(BEFORE_AS_OF)} (--since ${BEFORE_AS_OF}).`,
  ]);
  const noSnapshots = await cli("check", before, "--since", BEFORE_AS_OF);
  expect(noSnapshots.code).toBe(2);
  expect(noSnapshots.err).toMatch(/chưa lưu bản tổng hợp nào/);
  const missing = await cli("check", after, "--since", path.join(dir, "khong-co.xlsx"));
  expect(missing.code).toBe(2);
  expect(missing.err.trim().split("\n")).toHaveLength(1);
  expect(missing.err).toContain("khong-co.xlsx");
  const bad = await cli("check", after, "--since", "2026-02-30");
  expect(bad.code).toBe(2);
  expect(bad.err).toContain("2026-02-30");
});

test("arguments: --since is check's only; a date or a file", () => {
  const now = new Date(2026, 10, 24);
  expect(parseArgs(["check", "a.xlsx", "--since", "2026-06-30"], now).since).toEqual({ kind: "date", asOf: "2026-06-30" });
  expect(parseArgs(["check", "a.xlsx", "--since=cu.xlsx"], now).since).toEqual({ kind: "file", path: "cu.xlsx" });
  expect(parseArgs(["check", "a.xlsx"], now).since).toBeUndefined();
  expect(() => parseArgs(["summarize", "a.xlsx", "-o", "b.xlsx", "--since", "2026-06-30"], now)).toThrow(CliError);
  expect(() => parseArgs(["check", "a.xlsx", "--since"], now)).toThrow(/--since/);
});
