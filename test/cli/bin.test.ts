/**
 * The real command: spawns `node bin/phuluc.js` (compiled by `npm run build:cli`, which `npm test`
 * runs first; built here when missing).
 */
import { execFileSync, spawnSync } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import { JsonReportSchema } from "../../src/core/report-schema";
import { GridBuilder } from "../support/grid-builder";
import { makeTempDir, removeTempDir, writeTempFile, writeTempXlsx } from "../support/xlsx-builder";

const ROOT = path.join(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "phuluc.js");

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8", timeout: 60000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const sha = (p: string) => crypto.createHash("sha256").update(fs.readFileSync(p)).digest("hex");

let dir: string;
beforeAll(() => {
  if (!fs.existsSync(path.join(ROOT, "lib", "src", "cli", "main.js"))) {
    try {
      execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"], { cwd: ROOT, stdio: "ignore" });
    } catch {
      /* type errors elsewhere still emit JavaScript */
    }
  }
  dir = makeTempDir();
}, 120000);
afterAll(() => removeTempDir(dir));

describe("node bin/phuluc.js", () => {
  it("check --json: exit 1 with errors, valid JSON on stdout, file unchanged", async () => {
    const sheet = new GridBuilder("PL I")
      .title("PHỤ LỤC I", "NHIỆM VỤ TRỌNG TÂM TRONG NĂM 2026")
      .header()
      .group("I", "Chuyển đổi số")
      .task({
        stt: 1,
        content: "Số hóa hồ sơ",
        lead: "Trung tâm Phục vụ hành chính công",
        deadline: "Quý II/2026",
        status: "Đã hoàn thành",
        doneDate: "15/6/2026",
      })
      .task({ stt: 2, content: "Cập nhật dữ liệu", lead: "Công an xã" });
    const file = await writeTempXlsx([sheet], { dir, name: "errors.xlsx" });
    const before = sha(file);
    const r = run(["check", file, "--as-of", "2026-11-24", "--json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    const report = JsonReportSchema.parse(JSON.parse(r.stdout));
    expect(report.issues.some((i) => i.code === "DEADLINE_MISSING" && i.cell === "G6")).toBe(true);
    expect(sha(file)).toBe(before);
  });

  it("check: exit 0 and a Vietnamese text report for a clean workbook", async () => {
    const sheet = new GridBuilder("PL II")
      .title("PHỤ LỤC II", "NHIỆM VỤ THỰC HIỆN THƯỜNG XUYÊN NĂM 2026")
      .header()
      .task({ stt: 1, content: "Tuyên truyền", lead: "Phòng VH-XH", deadline: "Thường xuyên" });
    const file = await writeTempXlsx([sheet], { dir, name: "clean.xlsx" });
    const r = run(["check", file, "--as-of", "2026-11-24"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("TỔNG HỢP THEO ĐƠN VỊ CHỦ TRÌ");
    expect(r.stdout).toContain("Phòng Văn hóa - Xã hội");
  });

  it.each([
    ["missing file", () => ["check", path.join(dir, "nope.xlsx")]],
    ["not a workbook", () => ["check", writeTempFile("not,a,workbook\n", "t.xlsx", dir)]],
    [
      "CFB file",
      () => {
        const b = Buffer.alloc(600);
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b);
        return ["check", writeTempFile(b, "old.xls.xlsx", dir)];
      },
    ],
    ["bad --as-of", () => ["check", "whatever.xlsx", "--as-of", "2026-02-30"]],
    ["unknown option", () => ["check", "whatever.xlsx", "--nope"]],
  ])("%s: exit 2, one stderr line, no stack trace", (_name, argv) => {
    const r = run(argv());
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.stderr).toMatch(/^phuluc: /);
  });
});
