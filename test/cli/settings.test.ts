/**
 * `phuluc settings FILE [--json]` prints the settings (the store Cài đặt writes) and the identity the
 * documents will carry; with -o OUT, --commune, --plan, --signer, --signer-title and --units-from-plan
 * write them into the copy. A value that cannot be right is one line and exit 2. `check` shows a proposed
 * unit list and how to adopt it.
 */
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import { helpText } from "../../src/cli/main";
import { OPTION_FLAGS } from "../../src/cli/args";
import { SettingsJsonSchema, type SettingsJson } from "../../src/core/document/settings-json";
import { runMain } from "../support/cli-io";
import { GridBuilder, STD_HEADER } from "../support/grid-builder";
import { anHoaPlan, IDENTITY_OPTIONS, wardPlan } from "../support/commune-plans";
import { makeTempDir, removeTempDir, writeTempXlsx } from "../support/xlsx-builder";

const sha = (p: string) => crypto.createHash("sha256").update(fs.readFileSync(p)).digest("hex");

let dir: string;
beforeEach(() => {
  dir = makeTempDir("phuluc-settings-cli-");
});
afterEach(() => removeTempDir(dir));

async function json(file: string): Promise<SettingsJson> {
  const r = await runMain(["settings", file, "--json"]);
  expect(r).toMatchObject({ code: 0, err: "" });
  return SettingsJsonSchema.parse(JSON.parse(r.out));
}

/** A plan whose leads are written its own way (none in the default list). */
function ownUnits(): GridBuilder {
  const b = new GridBuilder("PL I")
    .title("PHỤ LỤC I", "(Kèm theo Kế hoạch số 3/KH-UBND ngày 05/01/2026 của UBND xã Tân Tiến)")
    .header(STD_HEADER);
  ["Ban Chỉ huy Quân sự xã", "Ban Chỉ huy quân sự xã", "Hội Nông dân xã", "Hội Nông dân xã", "Đoàn Thanh niên"].forEach((lead, i) =>
    b.task({ stt: i + 1, content: `Việc ${i + 1}`, lead, deadline: "30/11/2026" }),
  );
  return b;
}

describe("phuluc settings FILE", () => {
  it("prints what the workbook says, where each part comes from, the unit list of the commune's kind", async () => {
    const file = await writeTempXlsx(wardPlan(), { dir, name: "le-chan.xlsx" });
    const r = await runMain(["settings", file]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Xã, phường, đặc khu: phường Lê Chân (theo bảng tính)");
    expect(r.out).toContain("Kế hoạch: Kế hoạch số 25/KH-UBND ngày 15/3/2026 của UBND phường Lê Chân");
    expect(r.out).toContain("Danh sách đơn vị (6, mặc định của phường):");
    expect(r.out).toContain("• Phòng Kinh tế, Hạ tầng và Đô thị");
    expect(r.out).toContain("Người ký: TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH");
    const j = await json(file);
    expect(j).toMatchObject({
      identity: { commune: { kind: "phuong", name: "Lê Chân" }, plan: { number: "25/KH-UBND", date: "2026-03-15" } },
      unitProposal: null,
      written: false,
    });
    expect(j.units.map((u) => u.name)).toContain("Công an phường");
  });

  it("-o OUT writes the commune, the plan and the signer (the input untouched); the report then carries them", async () => {
    const file = await writeTempXlsx(anHoaPlan(), { dir, name: "an-hoa.xlsx" });
    const before = sha(file);
    const out = path.join(dir, "an-hoa-cai-dat.xlsx");
    const w = await runMain(["settings", file, "-o", out, ...IDENTITY_OPTIONS]);
    expect(w).toMatchObject({ code: 0, err: "" });
    expect(w.out).toContain("Xã, phường, đặc khu: phường Lê Chân (theo cài đặt)");
    expect(w.out).toContain(`Đã ghi tệp ${out}`);
    expect(sha(file)).toBe(before);
    const j = await json(out);
    expect(j.settings).toMatchObject({
      communeName: "phường Lê Chân",
      planNumber: "25/KH-UBND",
      planDate: "2026-03-15",
      planName: "",
      report: { signerName: "Nguyễn Văn A", signerTitle: "CHỦ TỊCH" },
    });
    expect(j.identity).toMatchObject({
      commune: { kind: "phuong", name: "Lê Chân" },
      plan: { number: "25/KH-UBND", date: "2026-03-15" },
      read: { commune: { kind: "xa", name: "An Hòa" }, plan: { number: "45/KH-UBND" } },
    });
    // the settings win everywhere after: the report's header, subject and signature
    const docx = path.join(dir, "bao-cao.docx");
    expect((await runMain(["report", out, "-o", docx, "--as-of", "2026-07-15"])).code).toBe(0);
    expect(fs.existsSync(docx)).toBe(true);
  });

  it("check proposes the plan's own unit list and says how to adopt it; --units-from-plan adopts it", async () => {
    const file = await writeTempXlsx([ownUnits()], { dir, name: "tan-tien.xlsx" });
    const c = await runMain(["check", file, "--as-of", "2026-07-15"]);
    expect(c.code).toBe(1);
    expect(c.out).toContain("ĐỀ XUẤT: 5/5 nhiệm vụ ghi cơ quan chủ trì không có trong danh sách trên.");
    expect(c.out).toContain("• Ban Chỉ huy Quân sự xã");
    expect(c.out).toContain(`Để dùng danh sách đề xuất: phuluc settings ${file} -o TỆP_MỚI.xlsx --units-from-plan`);
    // never adopted silently: the stored list is unchanged until asked
    expect((await json(file)).settings.units.map((u) => u.name)).toContain("Công an xã");
    const out = path.join(dir, "tan-tien-moi.xlsx");
    expect((await runMain(["settings", file, "-o", out, "--units-from-plan"])).code).toBe(0);
    expect((await json(out)).settings.units).toEqual([
      { name: "Ban Chỉ huy Quân sự xã", aliases: [] },
      { name: "Hội Nông dân xã", aliases: [] },
      { name: "Đoàn Thanh niên", aliases: [] },
    ]);
    const again = await runMain(["check", out, "--as-of", "2026-07-15"]);
    expect(again.code).toBe(0);
    expect(again.out).not.toContain("ĐỀ XUẤT");
  });

  it.each([
    [["--commune", ""], /phuluc: Tùy chọn --commune cần một giá trị|phuluc: Tên xã không hợp lệ/],
    [["--commune", "Lê Chân"], /^phuluc: Tên xã không hợp lệ: «Lê Chân». Hãy ghi cả loại và tên/],
    [["--plan", "Kế hoạch số 25/KH-UBND ngày 31/2/2026"], /^phuluc: Ngày của kế hoạch «.*» không có thật/],
    [["--plan", "   "], /^phuluc: Không đọc được kế hoạch/],
    [["--signer", " "], /^phuluc: Tùy chọn --signer không được để trống/],
  ])("%j: one line, exit 2, nothing written", async (opts, message) => {
    const file = await writeTempXlsx(anHoaPlan(), { dir, name: "an-hoa.xlsx" });
    const out = path.join(dir, "out.xlsx");
    const r = await runMain(["settings", file, "-o", out, ...opts]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err.trim()).toMatch(message);
    expect(fs.existsSync(out)).toBe(false);
  });

  it("a change without -o: one line, exit 2 (the input is never modified)", async () => {
    const file = await writeTempXlsx(anHoaPlan(), { dir, name: "an-hoa.xlsx" });
    const r = await runMain(["settings", file, "--commune", "xã An Hòa"]);
    expect(r.code).toBe(2);
    expect(r.err.trim()).toMatch(/^phuluc: Để ghi cài đặt, hãy chỉ ra tệp kết quả/);
  });

  it("every option is in --help, and the settings command with its usage", () => {
    const help = helpText();
    for (const flag of OPTION_FLAGS) expect({ flag, listed: help.includes(flag) }).toEqual({ flag, listed: true });
    expect(help).toContain('phuluc settings FILE [--json] [--lang vi|en] [--commune "phường …"]');
  });
});
