import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { captureIO } from "../support/cli-io";
import { JsonReportSchema } from "../../src/core/report-schema";
import { GridBuilder } from "../support/grid-builder";
import { makeTempDir, removeTempDir, writeTempFile, writeTempXlsx } from "../support/xlsx-builder";

const sha = (p: string) => crypto.createHash("sha256").update(fs.readFileSync(p)).digest("hex");

function cleanSheet(): GridBuilder {
  return new GridBuilder("PL I")
    .title("PHỤ LỤC I", "NHIỆM VỤ TRỌNG TÂM TRONG NĂM 2026")
    .header()
    .group("I", "Cải cách hành chính")
    .task({
      stt: 1,
      content: "Rà soát thủ tục hành chính",
      lead: "Phòng Văn hóa - Xã hội",
      deadline: "30/6/2026",
      status: "Đã hoàn thành",
      doneDate: "20/6/2026",
    })
    .task({
      stt: 2,
      content: "Báo cáo kết quả năm",
      lead: "Văn phòng HĐND và UBND xã",
      deadline: "Tháng 12/2026",
      status: "Đang thực hiện",
    });
}

function faultySheet(): GridBuilder {
  return new GridBuilder("PL I")
    .title("PHỤ LỤC I", "NHIỆM VỤ TRỌNG TÂM TRONG NĂM 2026")
    .header()
    .group("I", "Cải cách hành chính")
    .task({ stt: 1, content: "Rà soát thủ tục hành chính", lead: "Các đơn vị liên quan", deadline: "Tháng 13/2026" });
}

describe("phuluc main (in process)", () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => removeTempDir(dir));

  it("--help prints usage, exit 0; --version prints the package version", async () => {
    const io = captureIO();
    expect(await main(["--help"], io)).toBe(0);
    expect(io.out).toContain("phuluc check FILE");
    const io2 = captureIO();
    expect(await main(["--version"], io2)).toBe(0);
    expect(io2.out.trim()).toBe(require("../../package.json").version);
  });

  it("exit 0 and a text report for a clean workbook, without touching the file", async () => {
    const file = await writeTempXlsx([cleanSheet()], { dir });
    const before = sha(file);
    const io = captureIO();
    const code = await main(["check", file, "--as-of", "2026-11-24"], io);
    expect(io.err).toBe("");
    expect(code).toBe(0);
    expect(io.out).toContain("2 nhiệm vụ");
    expect(io.out).toContain("Phòng Văn hóa - Xã hội");
    expect(sha(file)).toBe(before);
  });

  it("exit 1 and a valid JSON report when the workbook has errors", async () => {
    const file = await writeTempXlsx([faultySheet()], { dir });
    const before = sha(file);
    const io = captureIO();
    const code = await main(["check", file, "--as-of", "2026-11-24", "--json"], io);
    expect(code).toBe(1);
    const report = JsonReportSchema.parse(JSON.parse(io.out));
    expect(report.asOf).toBe("2026-11-24");
    expect(report.tasks).toHaveLength(1);
    const codes = report.issues.map((i) => i.code);
    expect(codes).toContain("LEAD_GENERIC");
    expect(codes).toContain("DEADLINE_INVALID");
    expect(sha(file)).toBe(before);
  });

  it("uses the settings stored in the workbook (a unit added by the user is known)", async () => {
    const { defaultSettings } = await import("../../src/core/settings");
    const settings = defaultSettings();
    settings.units.push({ name: "Ban Chỉ huy Quân sự xã", aliases: ["BCH Quân sự"] });
    const sheet = cleanSheet().task({
      stt: 3,
      content: "Huấn luyện dân quân",
      lead: "BCH Quân sự",
      deadline: "Quý III/2026",
      status: "Đã hoàn thành",
      doneDate: "01/9/2026",
    });
    const file = await writeTempXlsx([sheet], { dir, store: { version: 1, settings, summarySheets: [], highlights: [], records: {} } });
    const io = captureIO();
    const code = await main(["check", file, "--as-of", "2026-11-24", "--json"], io);
    const report = JsonReportSchema.parse(JSON.parse(io.out));
    expect(report.tasks.find((t) => t.stt === "3")?.lead).toBe("Ban Chỉ huy Quân sự xã");
    expect(code).toBe(0);
  });

  it("NFD text (copied from a Mac or the web) gives the same report as NFC", async () => {
    const nfd = (v: string) => v.normalize("NFD");
    const sheet = (f: (s: string) => string) => {
      const g = new GridBuilder("PL I")
        .title("PHỤ LỤC I", "NHIỆM VỤ TRỌNG TÂM TRONG NĂM 2026")
        .header()
        .group("I", "Cải cách hành chính")
        .task({
          stt: 1,
          content: "Rà soát thủ tục",
          lead: "Phòng Văn hóa - Xã hội",
          deadline: "Quý II/2026",
          status: "Đã hoàn thành",
          doneDate: "20/6/2026",
        })
        .build();
      g.values = g.values.map((r) => r.map((v) => (typeof v === "string" ? f(v) : v)));
      expect(
        JSON.stringify(g.values) === JSON.stringify(g.values.map((r) => r.map((v) => (typeof v === "string" ? v.normalize("NFC") : v)))),
      ).toBe(f !== nfd);
      return g;
    };
    const run = async (f: (s: string) => string) => {
      const io = captureIO();
      const code = await main(
        ["check", await writeTempXlsx([sheet(f)], { dir, name: `${f === nfd ? "nfd" : "nfc"}.xlsx` }), "--as-of", "2026-11-24", "--json"],
        io,
      );
      return { code, report: JsonReportSchema.parse(JSON.parse(io.out)) };
    };
    const a = await run((v) => v);
    const b = await run(nfd);
    expect(b.code).toBe(0);
    expect(b.report.tasks[0].lead).toBe("Phòng Văn hóa - Xã hội");
    expect(b.report.tasks[0].status).toBe("done_on_time");
    expect(b.report.units).toEqual(a.report.units);
    expect(b.report.issues).toEqual(a.report.issues);
  });

  it("corrupt stored settings: defaults plus a warning on stderr, still checks", async () => {
    const file = await writeTempXlsx([cleanSheet()], { dir, storeChunks: ["{not json"] });
    const io = captureIO();
    const code = await main(["check", file, "--as-of", "2026-11-24", "--json"], io);
    expect(code).toBe(0);
    expect(io.err).toMatch(/mặc định/);
    expect(JsonReportSchema.parse(JSON.parse(io.out)).tasks).toHaveLength(2);
  });

  describe("usage and file problems: exit 2, one stderr line, no stack", () => {
    async function expectExit2(argv: string[], re: RegExp) {
      const io = captureIO();
      const code = await main(argv, io);
      expect(code).toBe(2);
      expect(io.out).toBe("");
      expect(io.err.endsWith("\n")).toBe(true);
      expect(io.err.trimEnd().split("\n")).toHaveLength(1);
      expect(io.err).not.toMatch(/\n\s+at /);
      expect(io.err).toMatch(re);
    }

    it("missing file", async () => {
      await expectExit2(["check", path.join(dir, "khong-co.xlsx")], /Không tìm thấy tệp/);
    });

    it("a directory", async () => {
      await expectExit2(["check", dir], /thư mục/);
    });

    it("not a workbook (text renamed .xlsx)", async () => {
      await expectExit2(["check", writeTempFile("a;b;c\n1;2;3\n", "csv.xlsx", dir)], /tệp văn bản/);
    });

    it("an OLE/CFB file (password-protected .xlsx or old .xls)", async () => {
      const cfb = Buffer.alloc(1024);
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb);
      await expectExit2(["check", writeTempFile(cfb, "locked.xlsx", dir)], /mật khẩu.*\.xls/);
    });

    it("an empty file", async () => {
      await expectExit2(["check", writeTempFile(Buffer.alloc(0), "empty.xlsx", dir)], /rỗng/);
    });

    it("a bad --as-of date", async () => {
      const file = await writeTempXlsx([cleanSheet()], { dir });
      await expectExit2(["check", file, "--as-of", "2026-02-30"], /2026-02-30/);
    });

    it("an unknown option", async () => {
      await expectExit2(["check", "x.xlsx", "--frobnicate"], /--frobnicate/);
    });
  });
});
