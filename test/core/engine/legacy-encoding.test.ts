/** Sheets typed in TCVN3 (ABC, .VnTime) or VNI: reported once, decoded, and checked like Unicode. */
import { GridBuilder } from "../../support/grid-builder";
import { issuesOf, run } from "./helpers";

const TCVN3_HEADER = [
  "STT",
  "Néi dung c«ng viÖc",
  "Ng­êi ®øng ®Çu chÞu tr¸ch nhiÖm",
  "C¬ quan chñ tr×",
  "C¬ quan phèi hîp",
  "KÕt qu¶",
  "Thêi gian hoµn thµnh",
];

function tcvn3Sheet(name = "Sheet1") {
  return new GridBuilder(name)
    .title("PHô LôC I", "NHIÖM Vô TRäNG T¢M N¡M 2026")
    .row(TCVN3_HEADER)
    .row([1, "Tæ chøc tuyªn truyÒn", "Chñ tÞch UBND x·", "Phßng V¨n hãa - X· héi", "C¸c ®¬n vÞ liªn quan", "B¸o c¸o", "Th¸ng 6/2026"])
    .row([2, "Rµ so¸t thñ tôc", "Chñ tÞch UBND x·", "C«ng an x·", "", "B¸o c¸o", "Th­êng xuyªn"])
    .row([3, "KiÓm tra", "Chñ tÞch UBND x·", "C¸c ®¬n vÞ liªn quan", "", "B¸o c¸o", "Th¸ng 9/2026"])
    .build();
}

describe("legacy encodings", () => {
  it("a TCVN3 sheet: one TEXT_LEGACY_ENCODING warning with the decode fix, then every check on decoded text", () => {
    const r = run([tcvn3Sheet()]);
    const legacy = issuesOf(r, "TEXT_LEGACY_ENCODING");
    expect(legacy).toHaveLength(1);
    expect(legacy[0]).toMatchObject({
      severity: "warning",
      sheet: "Sheet1",
      cell: "A1",
      fix: { kind: "decode_sheet", sheet: "Sheet1", encoding: "tcvn3" },
    });
    expect(legacy[0].message).toContain("TCVN3");
    expect(legacy[0].message).toContain("«PHỤ LỤC I»");
    expect(r.sheets).toEqual([
      expect.objectContaining({ name: "Sheet1", role: "appendix", encoding: "tcvn3", headerRow: 3, taskCount: 3 }),
    ]);
    expect(r.planYear).toBe(2026);
    expect(r.tasks.map((t) => [t.content, t.lead, t.deadline.kind])).toEqual([
      ["Tổ chức tuyên truyền", "Phòng Văn hóa - Xã hội", "month"],
      ["Rà soát thủ tục", "Công an xã", "recurring"],
      ["Kiểm tra", null, "month"],
    ]);
    // the generic lead is found on the decoded text, and quoted decoded in the message
    const generic = issuesOf(r, "LEAD_GENERIC");
    expect(generic.map((i) => i.cell)).toEqual(["D6"]);
    expect(generic[0].message).toContain("«Các đơn vị liên quan»");
    expect(r.issues.map((i) => i.code)).toEqual(["TEXT_LEGACY_ENCODING", "LEAD_GENERIC"]);
  });

  it("a VNI sheet is decoded too", () => {
    const g = new GridBuilder("PL I")
      .row(["STT", "Noäi dung coâng vieäc", "Cô quan chuû trì", "Thôøi gian hoaøn thaønh"])
      .row([1, "Tieáp nhaän hoà sô", "Phoøng Vaên hoùa - Xaõ hoäi", "Quyù II/2026"])
      .build();
    const r = run([g]);
    expect(issuesOf(r, "TEXT_LEGACY_ENCODING")[0]).toMatchObject({ fix: { kind: "decode_sheet", encoding: "vni" } });
    expect(r.tasks[0]).toMatchObject({
      content: "Tiếp nhận hồ sơ",
      lead: "Phòng Văn hóa - Xã hội",
      deadline: { kind: "quarter", due: "2026-06-30" },
    });
  });

  it("a Unicode sheet has no encoding warning; a legacy sheet that is not an appendix is not flagged", () => {
    const notes = new GridBuilder("Ghi chó").title("Ghi chó: c¸c ®¬n vÞ b¸o c¸o tr­íc ngµy 30/11").build();
    const r = run([
      notes,
      new GridBuilder("PL I").header().task({ stt: 1, content: "Việc", lead: "Công an xã", deadline: "2026" }).build(),
    ]);
    expect(r.issues).toEqual([]);
    expect(r.sheets.map((s) => [s.name, s.encoding])).toEqual([["PL I", "unicode"]]);
  });
});
