/**
 * `phuluc split PLAN -o DIR` and `phuluc merge PLAN RETURN… -o OUT` through the CLI door (in process, and
 * the built bin once): the files written (named by unit, atomically), inputs never modified, exit 1 while
 * conflicts remain, usage problems exit 2.
 */
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import { spawnSync } from "child_process";
import { runMain } from "../support/cli-io";
import { AS_OF, CA, fill, KT, planFileEachTest, reportOf, T, taskOf, VH } from "../returns/support";

const sha = (p: string) => crypto.createHash("sha256").update(fs.readFileSync(p)).digest("hex");
const ROOT = path.resolve(__dirname, "../..");

const { dir, planFile } = planFileEachTest("phuluc-returns-cli-");
const run = runMain;

test("split writes one file per unit into DIR (created when missing), the plan untouched", async () => {
  const before = sha(planFile());
  const out = path.join(dir(), "gui", "dot-1");
  const r = await run(["split", planFile(), "-o", out, "--as-of", AS_OF]);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  expect(fs.readdirSync(out).sort()).toEqual([`${CA}.xlsx`, `${KT}.xlsx`, `${VH}.xlsx`].sort());
  expect(r.out).toContain("Đã tạo 3 tệp gửi các đơn vị (9 nhiệm vụ). 1 nhiệm vụ chưa xác định được một cơ quan chủ trì");
  expect(r.out).toContain(`Đã ghi tệp ${path.join(out, `${KT}.xlsx`)}.`);
  expect(sha(planFile())).toBe(before);
  // No temporary file is left behind.
  expect(fs.readdirSync(out).filter((f) => f.startsWith("."))).toEqual([]);
  // In English.
  const en = await run(["split", planFile(), "-o", out, "--as-of", AS_OF, "--lang", "en"]);
  expect(en.out).toContain("Made 3 files for the units (9 tasks).");
});

test("split: -o naming a file is refused (exit 2); -o is required", async () => {
  const file = path.join(dir(), "x.txt");
  fs.writeFileSync(file, "x");
  const r = await run(["split", planFile(), "-o", file]);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/không phải thư mục/);
  expect((await run(["split", planFile()])).code).toBe(2);
});

test("merge writes OUT with the changes and the log, lists conflicts, exits 1 while any remain; inputs untouched", async () => {
  const gui = path.join(dir(), "gui");
  expect((await run(["split", planFile(), "-o", gui, "--as-of", AS_OF])).code).toBe(0);
  const ktFile = path.join(dir(), "kt-tra-ve.xlsx");
  fs.writeFileSync(
    ktFile,
    await fill(fs.readFileSync(path.join(gui, `${KT}.xlsx`)), [
      { task: T.wifi, status: "Đã hoàn thành", doneDate: { date: "2026-09-20" } },
    ]),
  );
  const vhFile = path.join(dir(), "vh-tra-ve.xlsx");
  fs.writeFileSync(
    vhFile,
    await fill(fs.readFileSync(path.join(gui, `${VH}.xlsx`)), [
      { task: T.plan, status: "Đã hoàn thành", doneDate: { date: "2026-10-01" } },
    ]),
  );
  const before = [planFile(), ktFile, vhFile].map(sha);
  const out = path.join(dir(), "da-gop.xlsx");

  const clean = await run(["merge", planFile(), ktFile, vhFile, "-o", out, "--as-of", AS_OF]);
  expect(clean.err).toBe("");
  expect(clean.code).toBe(0);
  expect(clean.out).toContain("Đã gộp 2 tệp vào kế hoạch: ghi 4 thay đổi; không có xung đột.");
  expect(clean.out).toMatch(/'PL I'!H\d+ \(Tình trạng\) «Đang thực hiện» → «Đã hoàn thành» — kt-tra-ve\.xlsx 'PL I'!H7/);
  expect(clean.out).toContain(`Đã ghi tệp ${out}.`);
  expect([planFile(), ktFile, vhFile].map(sha)).toEqual(before);
  const merged = await reportOf(fs.readFileSync(out));
  expect(taskOf(merged, T.wifi).status).toBe("done_on_time");
  expect(taskOf(merged, T.plan).statusRaw).toBe("Đã hoàn thành");

  // A second return of VH that disagrees: listed, not written, exit 1.
  const vh2 = path.join(dir(), "vh-lan-2.xlsx");
  fs.writeFileSync(vh2, await fill(fs.readFileSync(path.join(gui, `${VH}.xlsx`)), [{ task: T.plan, status: "Tạm dừng" }]));
  const out2 = path.join(dir(), "da-gop-2.xlsx");
  const conflicted = await run(["merge", planFile(), vhFile, vh2, "-o", out2, "--as-of", AS_OF, "--lang", "en"]);
  expect(conflicted.code).toBe(1);
  // (vh-tra-ve's completion date has no rival: written.)
  expect(conflicted.out).toContain("Merged 2 files into the plan: 1 change written; 2 conflicts left (not written).");
  expect(conflicted.out).toContain("[the units' returns disagree] vh-tra-ve.xlsx 'PL I'!H");
  expect(conflicted.out).toContain("«Tạm dừng» (plan: «Đang thực hiện»)");
  expect(taskOf(await reportOf(fs.readFileSync(out2)), T.plan).statusRaw).toBe("Đang thực hiện");
});

test("merge: OUT naming an input is refused, a return is required, a missing return is a file problem (exit 2)", async () => {
  const ret = path.join(dir(), "r.xlsx");
  fs.copyFileSync(planFile(), ret);
  const same = await run(["merge", planFile(), ret, "-o", ret]);
  expect(same.code).toBe(2);
  const missing = await run(["merge", planFile(), "-o", path.join(dir(), "o.xlsx")]);
  expect(missing.code).toBe(2);
  expect(missing.err).toContain("RETURN.xlsx");
  const gone = await run(["merge", planFile(), path.join(dir(), "khong-co.xlsx"), "-o", path.join(dir(), "o.xlsx")]);
  expect(gone.code).toBe(2);
  expect(fs.existsSync(path.join(dir(), "o.xlsx"))).toBe(false);
});

test("the installed command runs split and merge (bin, spawned)", () => {
  const gui = path.join(dir(), "bin-gui");
  const bin = path.join(ROOT, "bin", "phuluc.js");
  const s = spawnSync(process.execPath, [bin, "split", planFile(), "-o", gui, "--as-of", AS_OF], { encoding: "utf8" });
  expect(s.status).toBe(0);
  const files = fs.readdirSync(gui).map((f) => path.join(gui, f));
  const m = spawnSync(process.execPath, [bin, "merge", planFile(), ...files, "-o", path.join(dir(), "gop.xlsx"), "--as-of", AS_OF], {
    encoding: "utf8",
  });
  expect(m.stderr).toBe("");
  expect(m.status).toBe(0);
  expect(m.stdout).toContain("Đã gộp 3 tệp vào kế hoạch: ghi 0 thay đổi; không có xung đột.");
});
