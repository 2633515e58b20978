/** Which sheets are read: appendices and indicators by name, title or header; never the others. */
import { GridBuilder, STD_HEADER } from "../../support/grid-builder";
import { nameHint, titleHint } from "../../../src/core/sheet-role";
import { run } from "./helpers";

const TASK = { stt: 1, content: "Việc", lead: "Công an xã", deadline: "Năm 2026" };
const appendix = (name: string, ...title: string[]) =>
  new GridBuilder(name)
    .title(...title)
    .header(STD_HEADER)
    .task(TASK)
    .build();

describe("sheet roles", () => {
  it.each(["PL1", "PL I", "PL-II", "pl 3", "Phụ lục 2", "PHU LUC IV", "PL.V"])("'%s' is an appendix by name", (name) => {
    expect(nameHint(name)).toBe("appendix");
  });

  it.each(["Chỉ tiêu", "CHI TIEU 2026", "PL III - Chỉ tiêu"])("'%s' is an indicator sheet by name", (name) => {
    expect(nameHint(name)).toBe("indicators");
  });

  it.each(["Sheet1", "Ghi chú", "Plan", "Tổng hợp"])("'%s' says nothing by name", (name) => {
    expect(nameHint(name)).toBeNull();
  });

  it("title lines must start with 'Phụ lục'/'PL n'; 'chỉ tiêu' anywhere hints at indicators", () => {
    expect(titleHint("PHỤ LỤC I")).toBe("appendix");
    expect(titleHint("PL-02: Nhiệm vụ thường xuyên")).toBe("appendix");
    expect(titleHint("Ghi chú: xem phụ lục I")).toBeNull();
    expect(titleHint("CÁC CHỈ TIÊU CHỦ YẾU NĂM 2026")).toBe("indicators");
  });

  it("reads an appendix found by its title rows only", () => {
    const r = run([appendix("Sheet1", "PHỤ LỤC I", "NHIỆM VỤ NĂM 2026")]);
    expect(r.sheets.map((s) => [s.name, s.role])).toEqual([["Sheet1", "appendix"]]);
    expect(r.tasks).toHaveLength(1);
  });

  it("reads an unnamed sheet that holds a full task header", () => {
    const r = run([appendix("Sheet2")]);
    expect(r.sheets.map((s) => s.role)).toEqual(["appendix"]);
  });

  it("ignores other sheets without flagging them", () => {
    const notes = new GridBuilder("Ghi chú").title("Ghi chú: xem phụ lục I", "STT và nội dung").row([1, "abc", "#REF!"]).build();
    const partial = new GridBuilder("Nháp").row(["STT", "Nội dung", "Kết quả"]).row([1, "", ""]).build();
    const r = run([notes, partial]);
    expect(r.sheets).toEqual([]);
    expect(r.issues).toEqual([]);
    expect(r.tasks).toEqual([]);
  });

  it("never reads the product's store sheet, the summary sheet, or names in ignoreSheets", () => {
    const r = run([appendix("_phuluc"), appendix("Tổng hợp"), appendix("PL Cũ", "PHỤ LỤC I"), appendix("PL I")], {
      ignoreSheets: ["PL Cũ"],
    });
    expect(r.sheets.map((s) => s.name)).toEqual(["PL I"]);
  });

  it("never reads the product's own summary sheets ('Tổng hợp - Chỉ tiêu') nor those recorded in the store", () => {
    const ownIndicators = new GridBuilder("Tổng hợp - Chỉ tiêu")
      .title("TỔNG HỢP CHỈ TIÊU")
      .row(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Thực hiện"])
      .row([1, "Tỷ lệ", "%", "80%", "chưa có"])
      .build();
    const renamed = appendix("Tổng hợp (2)", "PHỤ LỤC I");
    const store = new GridBuilder("_phuluc")
      .hidden("veryHidden")
      .row([
        JSON.stringify({ version: 1, summarySheets: [{ name: "Tổng hợp (2)", key: "main", marker: "phuluc.summary.v1" }], highlights: [] }),
      ])
      .build();
    const r = run([ownIndicators, renamed, store, appendix("PL I")]);
    expect(r.sheets.map((s) => s.name)).toEqual(["PL I"]);
    expect(r.indicators).toEqual([]);
    expect(r.issues).toEqual([]);
  });

  it("keeps workbook order for sheets, tasks and issues", () => {
    const b = new GridBuilder("PL B")
      .header(STD_HEADER)
      .task({ ...TASK, lead: null })
      .build();
    const a = new GridBuilder("PL A")
      .header(STD_HEADER)
      .task({ ...TASK, deadline: null })
      .task({ ...TASK, stt: 2, lead: "", deadline: "x" })
      .build();
    const r = run([b, a]);
    expect(r.sheets.map((s) => s.name)).toEqual(["PL B", "PL A"]);
    expect(r.tasks.map((t) => [t.sheet, t.row])).toEqual([
      ["PL B", 2],
      ["PL A", 2],
      ["PL A", 3],
    ]);
    expect(r.issues.map((i) => [i.sheet, i.cell])).toEqual([
      ["PL B", "D2"],
      ["PL A", "G2"],
      ["PL A", "D3"],
      ["PL A", "G3"],
    ]);
  });
});
