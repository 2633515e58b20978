/**
 * `phuluc merge … --json`: the account of the merge as the contract says (MergeJsonSchema) — every change
 * (written or held back, and by which conflict), every conflict with its stable kind and its label in the
 * chosen language — and stdout holds the JSON alone (what was written is said on stderr).
 */
import * as fs from "fs";
import * as path from "path";
import { MergeJsonSchema } from "../../src/documents/unit-copies/merge-json";
import { runMain } from "../support/cli-io";
import { AS_OF, fill, KT, planFileEachTest, T, VH } from "../returns/support";

const { dir, planFile } = planFileEachTest("phuluc-merge-json-");
const run = runMain;

test("merge --json: changes and conflicts as the schema says; stdout is JSON alone; exit 1 while conflicts remain", async () => {
  const gui = path.join(dir(), "gui");
  expect((await run(["split", planFile(), "-o", gui, "--as-of", AS_OF])).code).toBe(0);
  const write = async (name: string, unit: string, edits: Parameters<typeof fill>[1]) => {
    const file = path.join(dir(), name);
    fs.writeFileSync(file, await fill(fs.readFileSync(path.join(gui, `${unit}.xlsx`)), edits));
    return file;
  };
  const kt = await write("kt.xlsx", KT, [{ task: T.wifi, status: "Đã hoàn thành", doneDate: { date: "2026-09-20" } }]);
  const vh1 = await write("vh-1.xlsx", VH, [{ task: T.plan, status: "Chưa thực hiện" }]);
  const vh2 = await write("vh-2.xlsx", VH, [{ task: T.plan, status: "Tạm dừng" }]);
  const out = path.join(dir(), "gop.xlsx");

  const r = await run(["merge", planFile(), kt, vh1, vh2, "-o", out, "--as-of", AS_OF, "--json", "--lang", "en"]);
  expect(r.code).toBe(1);
  expect(r.err).toBe(`Đã ghi tệp ${out}.\n`);
  const json = MergeJsonSchema.parse(JSON.parse(r.out));
  expect(json).toMatchObject({ version: 1, lang: "en", asOf: AS_OF, written: 2, unresolved: 2, logSheet: "Nhật ký gộp" });
  expect(json.files.map((f) => [f.label, f.unit, f.record, f.matched])).toEqual([
    ["kt.xlsx", KT, "ok", 4],
    ["vh-1.xlsx", VH, "ok", 3],
    ["vh-2.xlsx", VH, "ok", 3],
  ]);
  const written = json.changes.filter((c) => c.written);
  expect(written.map((c) => [c.task.text.slice(0, 20), c.field, c.before, c.after, json.files[c.file].label, c.confidence])).toEqual([
    [T.wifi.slice(0, 20), "status", "Đang thực hiện", "Đã hoàn thành", "kt.xlsx", 1],
    [T.wifi.slice(0, 20), "doneDate", "", "20/09/2026", "kt.xlsx", 1],
  ]);
  const held = json.changes.filter((c) => !c.written);
  expect(held.map((c) => [json.files[c.file].label, c.after, c.conflicts])).toEqual([
    ["vh-1.xlsx", "Chưa thực hiện", ["disagree"]],
    ["vh-2.xlsx", "Tạm dừng", ["disagree"]],
  ]);
  expect(json.conflicts.map((k) => [k.kind, k.label, json.files[k.file].label, k.resolved, k.planCell?.sheet])).toEqual([
    ["disagree", "the units' returns disagree", "vh-1.xlsx", false, "PL I"],
    ["disagree", "the units' returns disagree", "vh-2.xlsx", false, "PL I"],
  ]);
  expect(json.conflicts[0].planCell).toEqual(held[0].cell);

  // Vietnamese labels by default; no conflict → exit 0.
  const ok = await run(["merge", planFile(), kt, "-o", path.join(dir(), "gop-2.xlsx"), "--as-of", AS_OF, "--json"]);
  expect(ok.code).toBe(0);
  const vi = MergeJsonSchema.parse(JSON.parse(ok.out));
  expect(vi.lang).toBe("vi");
  expect(vi.changes.map((c) => c.fieldLabel)).toEqual(["Tình trạng", "Ngày hoàn thành"]);
  expect(vi.conflicts).toEqual([]);
});

test("check --json -o OUT: stdout is the JSON report alone, the copy is said on stderr", async () => {
  const out = path.join(dir(), "danh-dau.xlsx");
  const r = await run(["check", planFile(), "--as-of", AS_OF, "--json", "-o", out]);
  expect(() => JSON.parse(r.out)).not.toThrow();
  expect(r.err).toContain(`Đã ghi tệp ${out}.`);
  expect(fs.existsSync(out)).toBe(true);
});
