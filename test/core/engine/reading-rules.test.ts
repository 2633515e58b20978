/**
 * The reading rules of issue 12 (domain.md: "Reading a workbook", "Deadlines", "Status", "Indicators"),
 * one block per rule, each on a sheet built in code the way other communes type it.
 */
import fc from "fast-check";
import * as fs from "fs";
import * as path from "path";
import { GridBuilder, STD_HEADER } from "../../support/grid-builder";
import { encodeTcvn3 } from "../parsers/legacy-encoder";
import { codes, issuesOf, run } from "./helpers";

/** The seed plans' Unicode lines (assets/seed-data), as cell texts. */
function seedLines(): string[] {
  const dir = path.resolve(__dirname, "../../../assets/seed-data");
  const strings = (v: unknown): string[] =>
    typeof v === "string"
      ? [v]
      : Array.isArray(v)
        ? v.flatMap(strings)
        : v && typeof v === "object"
          ? Object.values(v).flatMap(strings)
          : [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json") && !f.includes("tcvn3"))
    .flatMap((f) => strings(JSON.parse(fs.readFileSync(path.join(dir, f), "utf8"))))
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && l.length < 200);
}

const UNIT = "Phòng Văn hóa - Xã hội";

describe("two-row indicator headers: 'Kết quả thực hiện' over 'Số lượng đạt | Tổng số | Tỷ lệ đạt'", () => {
  function twoRow(merged: boolean) {
    const b = new GridBuilder("Chỉ tiêu")
      .title("CÁC CHỈ TIÊU KẾ HOẠCH NĂM 2026")
      .row(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Kết quả thực hiện", null, null, "Ghi chú"])
      .row([null, null, null, null, "Số lượng đạt", "Tổng số", "Tỷ lệ đạt"])
      .row([1, "Hồ sơ thủ tục hành chính xử lý trực tuyến toàn trình", "%", "Tối thiểu 80%", 170, 200, null])
      .row([2, "Cán bộ được bồi dưỡng kỹ năng số", "%", "100%", 42, 42, "100%"])
      .row([3, "Sáng kiến cấp cơ sở được công nhận", "sáng kiến", "Tối thiểu 15", 12, null, null]);
    if (merged) {
      b.merge(2, 5, 2, 7);
      for (const c of [1, 2, 3, 4, 8]) b.merge(2, c, 3, c);
    }
    return b.build();
  }

  it.each([
    ["merged", true],
    ["typed once over blank cells", false],
  ])("the sub-columns are read (%s), never the parent as the actual; the sub-header row is no indicator", (_name, merged) => {
    const r = run([twoRow(merged)]);
    expect(r.sheets).toEqual([expect.objectContaining({ name: "Chỉ tiêu", role: "indicators", headerRow: 2, taskCount: 3 })]);
    expect(r.indicators.map((i) => [i.row, i.name, i.target, i.comparator, i.actual, i.met])).toEqual([
      [4, "Hồ sơ thủ tục hành chính xử lý trực tuyến toàn trình", 0.8, ">=", 0.85, true],
      [5, "Cán bộ được bồi dưỡng kỹ năng số", 1, ">=", 1, true],
      [6, "Sáng kiến cấp cơ sở được công nhận", 15, ">=", 12, false],
    ]);
    expect(codes(r)).toEqual([]);
  });
});

describe("legacy text pasted into a Unicode sheet: detected and decoded per cell", () => {
  const g = () =>
    new GridBuilder("PL I")
      .title("PHỤ LỤC I", "NHIỆM VỤ TRỌNG TÂM NĂM 2026")
      .header(STD_HEADER)
      .task({ stt: 1, content: "Tổ chức tuyên truyền chuyển đổi số", lead: UNIT, deadline: "Quý II/2026" })
      .task({ stt: 2, content: "Rà soát thủ tục hành chính", lead: "C«ng an x·", deadline: "30/11/2026" })
      .task({ stt: 3, content: "Tieáp nhaän hoà sô tröïc tuyeán", lead: "Phßng Kinh tÕ", deadline: "Th¸ng 9/2026" })
      .task({ stt: 4, content: "Báo cáo kết quả", lead: "Trung tâm Phục vụ hành chính công", deadline: "Thường xuyên" })
      .build();

  it("each legacy cell is decoded for the checks: no LEAD_UNKNOWN, no unreadable deadline", () => {
    const r = run([g()]);
    expect(r.sheets[0].encoding).toBe("unicode");
    expect(r.tasks.map((t) => [t.content, t.lead, t.deadline.kind, t.deadline.due])).toEqual([
      ["Tổ chức tuyên truyền chuyển đổi số", UNIT, "quarter", "2026-06-30"],
      ["Rà soát thủ tục hành chính", "Công an xã", "date", "2026-11-30"],
      ["Tiếp nhận hồ sơ trực tuyến", "Phòng Kinh tế", "month", "2026-09-30"],
      ["Báo cáo kết quả", "Trung tâm Phục vụ hành chính công", "recurring", null],
    ]);
    expect(codes(r)).toEqual(["TEXT_LEGACY_ENCODING", "TEXT_LEGACY_ENCODING", "TEXT_LEGACY_ENCODING", "TEXT_LEGACY_ENCODING"]);
  });

  it("each is reported at its own cell with the decoded text as a one-click fix", () => {
    const legacy = issuesOf(run([g()]), "TEXT_LEGACY_ENCODING");
    expect(legacy.map((i) => [i.cell, i.params, i.fix])).toEqual([
      [
        "D5",
        { encoding: "tcvn3", scope: "cell", raw: "C«ng an x·", decoded: "Công an xã" },
        { kind: "replace", sheet: "PL I", cell: "D5", value: "Công an xã" },
      ],
      [
        "B6",
        { encoding: "vni", scope: "cell", raw: "Tieáp nhaän hoà sô tröïc tuyeán", decoded: "Tiếp nhận hồ sơ trực tuyến" },
        { kind: "replace", sheet: "PL I", cell: "B6", value: "Tiếp nhận hồ sơ trực tuyến" },
      ],
      [
        "D6",
        { encoding: "tcvn3", scope: "cell", raw: "Phßng Kinh tÕ", decoded: "Phòng Kinh tế" },
        { kind: "replace", sheet: "PL I", cell: "D6", value: "Phòng Kinh tế" },
      ],
      [
        "G6",
        { encoding: "tcvn3", scope: "cell", raw: "Th¸ng 9/2026", decoded: "Tháng 9/2026" },
        { kind: "replace", sheet: "PL I", cell: "G6", value: "Tháng 9/2026" },
      ],
    ]);
    expect(legacy[0].message).toBe(
      "Ô D5: chữ «C«ng an x·» gõ bằng bảng mã cũ TCVN3 (ABC, phông .VnTime), đọc là «Công an xã». phuluc đã tự đọc đúng để kiểm tra; hãy thay bằng chữ Unicode để người khác đọc được (trong ngăn phuluc: nút «Sửa thành …» bên cạnh dòng này).",
    );
  });

  it("a cell TCVN3 and VNI read equally well takes the encoding of the sheet's other legacy cells", () => {
    const sheet = (support: string, content: string) =>
      new GridBuilder("PL I").header(STD_HEADER).task({ stt: 1, content, lead: UNIT, support, deadline: "30/11/2026" }).build();
    const decodedOf = (r: ReturnType<typeof run>) =>
      issuesOf(r, "TEXT_LEGACY_ENCODING").map((i) => [i.cell, (i.params as { encoding: string }).encoding, i.fix]);
    // "Cô quan chuû trì" is VNI "Cơ quan chủ trì" and TCVN3 "Cụ quan chuỷ trỡ": beside a VNI cell, VNI
    expect(decodedOf(run([sheet("Cô quan chuû trì", "Tieáp nhaän hoà sô")]))).toEqual([
      ["B2", "vni", { kind: "replace", sheet: "PL I", cell: "B2", value: "Tiếp nhận hồ sơ" }],
      ["E2", "vni", { kind: "replace", sheet: "PL I", cell: "E2", value: "Cơ quan chủ trì" }],
    ]);
    // alone, TCVN3 (the national standard) — the fix shows the reading so the user can judge it
    expect(decodedOf(run([sheet("Cô quan chuû trì", "Tổ chức")]))).toEqual([
      ["E2", "tcvn3", { kind: "replace", sheet: "PL I", cell: "E2", value: "Cụ quan chuỷ trỡ" }],
    ]);
  });

  it("a Unicode sheet of real plan text raises no legacy warning; one TCVN3 cell among it is found at its cell (property)", () => {
    const lines = seedLines();
    expect(lines.length).toBeGreaterThan(100);
    const line = fc.constantFrom(...lines);
    fc.assert(
      fc.property(fc.array(fc.tuple(line, line, line), { minLength: 1, maxLength: 8 }), fc.nat(), (rows, pick) => {
        const b = new GridBuilder("PL I").header(STD_HEADER);
        rows.forEach(([content, head, result], i) => b.task({ stt: i + 1, content, head, lead: UNIT, result, deadline: "30/11/2026" }));
        expect(issuesOf(run([b.build()]), "TEXT_LEGACY_ENCODING")).toEqual([]);
        // the same sheet with one content cell typed in TCVN3 (when its encoding shows a code no Unicode text uses)
        const i = pick % rows.length;
        const legacy = encodeTcvn3(rows[i][0]);
        if (!/[^\x00-\x7fàáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ]/.test(legacy)) return;
        const b2 = new GridBuilder("PL I").header(STD_HEADER);
        rows.forEach(([content, head, result], j) =>
          b2.task({ stt: j + 1, content: j === i ? legacy : content, head, lead: UNIT, result, deadline: "30/11/2026" }),
        );
        const found = issuesOf(run([b2.build()]), "TEXT_LEGACY_ENCODING");
        expect(found.map((x) => x.cell)).toEqual([`B${i + 2}`]);
      }),
      { numRuns: 60 },
    );
  });

  it("a sheet typed in TCVN3 throughout is still reported once for the sheet", () => {
    const sheet = new GridBuilder("PL I")
      .row(["STT", "Néi dung c«ng viÖc", "C¬ quan chñ tr×", "Thêi gian hoµn thµnh"])
      .row([1, "Tæ chøc tuyªn truyÒn", "Phßng V¨n hãa - X· héi", "Th¸ng 6/2026"])
      .build();
    const r = run([sheet]);
    expect(issuesOf(r, "TEXT_LEGACY_ENCODING").map((i) => [i.cell, i.fix?.kind])).toEqual([["B1", "decode_sheet"]]);
  });
});

describe("two deadline-like columns", () => {
  it("'Thời gian thực hiện' and 'Thời hạn hoàn thành': the deadline column is the deadline, the period is kept", () => {
    const g = new GridBuilder("PL I")
      .title("PHỤ LỤC I", "NHIỆM VỤ NĂM 2026")
      .header(["STT", "Nội dung công việc", "Cơ quan chủ trì", "Thời gian thực hiện", "Thời hạn hoàn thành", "Tình trạng"])
      .row([1, "Khảo sát nhu cầu", UNIT, "Tháng 3 - Tháng 6/2026", "30/6/2026", "Đang thực hiện"])
      .row([2, "Xây dựng mô hình", "Phòng Kinh tế", "Quý II - Quý III/2026", "Quý III/2026", ""])
      .build();
    const r = run([g], { asOf: "2026-04-15" });
    expect(r.tasks.map((t) => [t.stt, t.deadline.raw, t.deadline.kind, t.deadline.due, t.period, t.status])).toEqual([
      ["1", "30/6/2026", "date", "2026-06-30", "Tháng 3 - Tháng 6/2026", "in_progress"],
      ["2", "Quý III/2026", "quarter", "2026-09-30", "Quý II - Quý III/2026", "in_progress"],
    ]);
    expect(codes(r)).toEqual([]);
  });

  it("a period column alone is the deadline (as before)", () => {
    const g = new GridBuilder("PL I")
      .header(["STT", "Nội dung công việc", "Cơ quan chủ trì", "Thời gian thực hiện"])
      .row([1, "Khảo sát nhu cầu", UNIT, "Tháng 3 - Tháng 6/2026"])
      .build();
    const r = run([g]);
    expect(r.tasks.map((t) => [t.deadline.kind, t.deadline.due, t.period])).toEqual([["range", "2026-06-30", undefined]]);
  });

  it("'Thời gian hoàn thành' over 'Kế hoạch | Thực tế': the plan is the deadline, the actual the completion date", () => {
    const g = new GridBuilder("PL I")
      .title("PHỤ LỤC I", "NHIỆM VỤ NĂM 2026")
      .row(["STT", "Nội dung công việc", "Cơ quan chủ trì", "Thời gian hoàn thành", null, "Tình trạng"])
      .row([null, null, null, "Kế hoạch", "Thực tế", null])
      .row([1, "Khảo sát nhu cầu", UNIT, "30/6/2026", "15/7/2026", "Đã hoàn thành"])
      .row([2, "Xây dựng mô hình", "Phòng Kinh tế", "Quý III/2026", "20/9/2026", "Hoàn thành"])
      .row([3, "Tổng kết", "Công an xã", "30/11/2026", null, "Đang thực hiện"])
      .merge(3, 4, 3, 5)
      .merge(3, 1, 4, 1)
      .merge(3, 2, 4, 2)
      .merge(3, 3, 4, 3)
      .merge(3, 6, 4, 6)
      .build();
    const r = run([g], { asOf: "2026-10-01" });
    expect(r.sheets[0].headerRow).toBe(3);
    expect(r.tasks.map((t) => [t.row, t.deadline.kind, t.deadline.due, t.doneDate, t.status])).toEqual([
      [5, "date", "2026-06-30", "2026-07-15", "done_late"],
      [6, "quarter", "2026-09-30", "2026-09-20", "done_on_time"],
      [7, "date", "2026-11-30", null, "in_progress"],
    ]);
    expect(codes(r)).toEqual([]);
  });
});

describe("relative targets: 'Tăng 10% so với năm 2025'", () => {
  const HEAD = ["STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2025", "Kế hoạch năm 2026", "Thực hiện năm 2026"];

  it("use the base year's column when the table has one", () => {
    const g = new GridBuilder("Chỉ tiêu")
      .title("CÁC CHỈ TIÊU NĂM 2026")
      .header(HEAD)
      .row([1, "Số hộ sử dụng dịch vụ công trực tuyến", "hộ", 1000, "Tăng 10% so với năm 2025", 1050])
      .row([2, "Số vụ vi phạm hành chính", "vụ", 40, "Giảm 5% so với năm 2025", 37])
      .row([3, "Mô hình kinh tế số", "mô hình", 4, "Tăng thêm 2 mô hình", 6])
      .row([4, "Tỷ lệ hộ nghèo", "%", "5%", "Giảm 1 điểm phần trăm", "3,8%"])
      .build();
    const r = run([g]);
    const rows = r.indicators.map((i) => [i.row, i.base, i.comparator, i.target === null ? null : +i.target.toFixed(4), i.actual, i.met]);
    expect(rows).toEqual([
      [3, 1000, ">=", 1100, 1050, false],
      [4, 40, "<=", 38, 37, true],
      [5, 4, ">=", 6, 6, true],
      [6, 0.05, "<=", 0.04, 0.038, true],
    ]);
    expect(codes(r)).toEqual([]);
  });

  it("'Thực hiện năm 2025' beside 'Thực hiện năm 2026': the latest year is the actual, the earlier one the base", () => {
    const g = new GridBuilder("Chỉ tiêu")
      .title("CÁC CHỈ TIÊU NĂM 2026")
      .header(["STT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện năm 2025", "Kế hoạch năm 2026", "Thực hiện năm 2026"])
      .row([1, "Số hộ sử dụng dịch vụ công trực tuyến", "hộ", 1000, "Tăng 10%", 1200])
      .build();
    expect(run([g]).indicators.map((i) => [i.base, i.target, i.actual, i.met])).toEqual([[1000, 1100, 1200, true]]);
  });

  it("'Thực hiện năm trước' is the base of a target that names no year", () => {
    const g = new GridBuilder("Chỉ tiêu")
      .title("CÁC CHỈ TIÊU NĂM 2026")
      .header(["STT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện năm trước", "Kế hoạch", "Thực hiện"])
      .row([1, "Số lượt truy cập cổng thông tin", "lượt", 20000, "Tăng ít nhất 10%", 21000])
      .build();
    expect(run([g]).indicators.map((i) => [i.base, i.target, i.met])).toEqual([[20000, 22000, false]]);
  });

  it("without the base year's column: INDICATOR_TARGET_RELATIVE and no verdict — never read as '≥ 10%'", () => {
    const g = new GridBuilder("Chỉ tiêu")
      .title("CÁC CHỈ TIÊU NĂM 2026")
      .header(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Thực hiện"])
      .row([1, "Số hộ sử dụng dịch vụ công trực tuyến", "hộ", "Tăng 10% so với năm 2025", 1200])
      .row([2, "Tỷ lệ hồ sơ trực tuyến", "%", "Tăng lên 90%", "92%"])
      .build();
    const r = run([g]);
    expect(r.indicators.map((i) => [i.targetRaw, i.target, i.actual, i.achievement, i.met])).toEqual([
      ["Tăng 10% so với năm 2025", null, 1200, null, null],
      ["Tăng lên 90%", 0.9, 0.92, 0.92 / 0.9, true],
    ]);
    const w = issuesOf(r, "INDICATOR_TARGET_RELATIVE");
    expect(w.map((i) => [i.cell, i.params])).toEqual([
      ["D3", { name: "Số hộ sử dụng dịch vụ công trực tuyến", row: 3, raw: "Tăng 10% so với năm 2025", baseYear: 2025, baseCell: null }],
    ]);
    expect(codes(r)).toEqual(["INDICATOR_TARGET_RELATIVE"]);
  });

  it("a base-year cell left empty is named in the warning", () => {
    const g = new GridBuilder("Chỉ tiêu")
      .title("CÁC CHỈ TIÊU NĂM 2026")
      .header(HEAD)
      .row([1, "Số hộ sử dụng dịch vụ công trực tuyến", "hộ", null, "Tăng 10% so với năm 2025", 1050])
      .build();
    const r = run([g]);
    expect(issuesOf(r, "INDICATOR_TARGET_RELATIVE").map((i) => [i.cell, (i.params as { baseCell: string | null }).baseCell])).toEqual([
      ["E3", "D3"],
    ]);
    expect(r.indicators[0]).toMatchObject({ target: null, met: null, achievement: null });
  });
});

describe("settled cases", () => {
  it("statuses: 'Đang làm' and '50%' in progress, 'Tạm dừng' not done without a warning, '(chậm)' done late", () => {
    const g = new GridBuilder("PL I")
      .title("PHỤ LỤC I", "NHIỆM VỤ NĂM 2026")
      .header()
      .task({ stt: 1, content: "Việc một", lead: UNIT, deadline: "30/11/2026", status: "Đang làm" })
      .task({ stt: 2, content: "Việc hai", lead: UNIT, deadline: "30/6/2026", status: "50%" })
      .task({ stt: 3, content: "Việc ba", lead: UNIT, deadline: "30/6/2026", status: "Tạm dừng" })
      .task({ stt: 4, content: "Việc bốn", lead: UNIT, deadline: "30/11/2026", status: "Tạm hoãn" })
      .task({ stt: 5, content: "Việc năm", lead: UNIT, deadline: "30/6/2026", status: "Đã hoàn thành (chậm)" })
      .task({ stt: 6, content: "Việc sáu", lead: UNIT, deadline: "30/6/2026", status: "Hoàn thành trễ hạn", doneDate: "10/7/2026" })
      .build();
    const r = run([g], { asOf: "2026-07-15" });
    expect(r.tasks.map((t) => [t.stt, t.statusRaw, t.status])).toEqual([
      ["1", "Đang làm", "in_progress"],
      ["2", "50%", "overdue"],
      ["3", "Tạm dừng", "overdue"],
      ["4", "Tạm hoãn", "in_progress"],
      ["5", "Đã hoàn thành (chậm)", "done_late"],
      ["6", "Hoàn thành trễ hạn", "done_late"],
    ]);
    expect(codes(r)).toEqual([]);
  });

  it("deadlines: 'Khi có yêu cầu' is on request (counted like recurring, no error); 'Quý I, II/2026' is due 30/06", () => {
    const g = new GridBuilder("PL I")
      .title("PHỤ LỤC I", "NHIỆM VỤ NĂM 2026")
      .header(STD_HEADER)
      .task({ stt: 1, content: "Cung cấp thông tin", lead: UNIT, deadline: "Khi có yêu cầu" })
      .task({ stt: 2, content: "Báo cáo đột xuất", lead: UNIT, deadline: "Theo chỉ đạo của UBND xã" })
      .task({ stt: 3, content: "Báo cáo quý", lead: UNIT, deadline: "Quý I, II/2026" })
      .task({ stt: 4, content: "Kiểm tra", lead: UNIT, deadline: "Tháng 3, 6, 9/2026" })
      .build();
    const r = run([g], { asOf: "2026-07-15" });
    expect(r.tasks.map((t) => [t.deadline.kind, t.deadline.due, t.status])).toEqual([
      ["on_request", null, "recurring"],
      ["on_request", null, "recurring"],
      ["quarter", "2026-06-30", "overdue"],
      ["month", "2026-09-30", "in_progress"],
    ]);
    expect(r.units.find((u) => u.unit === UNIT)).toMatchObject({ total: 4, recurring: 2, overdue: 1, in_progress: 1 });
    expect(codes(r)).toEqual([]);
  });

  it("hidden sheets are skipped and listed once; the setting includes them", () => {
    const hidden = new GridBuilder("PL I (cũ)")
      .title("PHỤ LỤC I")
      .header(STD_HEADER)
      .task({ stt: 1, content: "Bản nháp", lead: "Các đơn vị", deadline: "sớm" })
      .hidden("hidden")
      .build();
    const live = new GridBuilder("PL I")
      .title("PHỤ LỤC I")
      .header(STD_HEADER)
      .task({ stt: 1, content: "Việc", lead: UNIT, deadline: "30/11/2026" });
    const scratch = new GridBuilder("Nháp").row(["ghi chép"]).hidden("veryHidden").build();
    const r = run([hidden, live.build(), scratch]);
    expect(r.skippedSheets).toEqual([{ name: "PL I (cũ)", role: "appendix", visibility: "hidden" }]);
    expect(r.sheets.map((s) => s.name)).toEqual(["PL I"]);
    expect(r.tasks.map((t) => [t.sheet, t.content])).toEqual([["PL I", "Việc"]]);
    expect(codes(r)).toEqual([]);

    const all = run([hidden, live.build(), scratch], { settings: { includeHiddenSheets: true } });
    expect(all.skippedSheets).toEqual([]);
    expect(all.tasks.map((t) => [t.sheet, t.content])).toEqual([
      ["PL I (cũ)", "Bản nháp"],
      ["PL I", "Việc"],
    ]);
    expect(codes(all)).toEqual(["LEAD_GENERIC", "DEADLINE_INVALID"]);
  });

  it("a second table in the same sheet: its own columns, numbering restarts (no STT_DUPLICATE)", () => {
    const g = new GridBuilder("PL")
      .title("PHỤ LỤC I", "NHIỆM VỤ TRỌNG TÂM NĂM 2026")
      .header(STD_HEADER)
      .task({ stt: 1, content: "Trọng tâm một", lead: UNIT, deadline: "30/6/2026" })
      .task({ stt: 2, content: "Trọng tâm hai", lead: "Công an xã", deadline: "30/9/2026" })
      .blank()
      .row(["PHỤ LỤC II"])
      .row(["NHIỆM VỤ THƯỜNG XUYÊN"])
      .row(["TT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời hạn", "Tình trạng"])
      .row([1, "Thường xuyên một", "Phòng Kinh tế", "Thường xuyên", "Đang thực hiện"])
      .row([2, "Thường xuyên hai", "Công an xã", "Tháng 12/2026", "Đã hoàn thành"])
      .build();
    const r = run([g], { asOf: "2026-07-15" });
    expect(r.tasks.map((t) => [t.row, t.stt, t.content, t.lead, t.deadline.kind, t.deadline.due, t.statusRaw, t.status])).toEqual([
      [4, "1", "Trọng tâm một", UNIT, "date", "2026-06-30", "", "overdue"],
      [5, "2", "Trọng tâm hai", "Công an xã", "date", "2026-09-30", "", "in_progress"],
      [10, "1", "Thường xuyên một", "Phòng Kinh tế", "recurring", null, "Đang thực hiện", "recurring"],
      [11, "2", "Thường xuyên hai", "Công an xã", "month", "2026-12-31", "Đã hoàn thành", "done_on_time"],
    ]);
    expect(codes(r)).toEqual([]);
  });

  it("a second table with the same header: numbering restarts too", () => {
    const T = (n: number) => ({ stt: n, content: `Việc ${n}`, lead: UNIT, deadline: "30/11/2026" });
    const g = new GridBuilder("PL")
      .header(STD_HEADER)
      .task(T(1))
      .task(T(2))
      .row(["PHỤ LỤC II"])
      .row(STD_HEADER)
      .task(T(1))
      .task(T(2))
      .build();
    const r = run([g]);
    expect(r.tasks.map((t) => t.stt)).toEqual(["1", "2", "1", "2"]);
    expect(codes(r)).toEqual([]);
  });

  it("rows numbered in advance and left empty: one ROW_EMPTY each at the STT cell, no task", () => {
    const g = new GridBuilder("PL I")
      .title("PHỤ LỤC I", "NHIỆM VỤ NĂM 2026")
      .header(STD_HEADER)
      .task({ stt: 1, content: "Việc một", lead: UNIT, deadline: "30/11/2026" })
      .task({ stt: 2 })
      .task({ stt: "3" })
      .task({ stt: 4, content: "Việc bốn", lead: "Công an xã", deadline: "30/11/2026" })
      .task({ stt: 5, lead: " " })
      .build();
    const r = run([g]);
    expect(r.tasks.map((t) => [t.stt, t.content, t.lead])).toEqual([
      ["1", "Việc một", UNIT],
      ["4", "Việc bốn", "Công an xã"],
    ]);
    expect(r.issues.map((i) => [i.code, i.cell, i.severity])).toEqual([
      ["ROW_EMPTY", "A5", "warning"],
      ["ROW_EMPTY", "A6", "warning"],
      ["ROW_EMPTY", "A8", "warning"],
    ]);
    expect(r.issues[0].message).toBe(
      "Ô A5: dòng số «2» chỉ có số thứ tự, chưa có nội dung nên không được tính. Hãy ghi nhiệm vụ vào dòng này, hoặc xóa số thứ tự nếu không dùng.",
    );
  });

  it("a numbered row with a lead merged down from the task above is still empty of its own", () => {
    const g = new GridBuilder("PL I")
      .header(STD_HEADER)
      .task({ stt: 1, content: "Việc một", lead: UNIT, deadline: "30/11/2026" })
      .task({ stt: 2 })
      .merge(2, 4, 3, 4)
      .build();
    const r = run([g]);
    expect(r.tasks.map((t) => t.stt)).toEqual(["1"]);
    expect(codes(r)).toEqual(["ROW_EMPTY"]);
  });

  it("a plan year is not taken from the date the plan was signed ('ngày 22 tháng 12 năm 2025')", () => {
    const g = new GridBuilder("PL I")
      .row(["UBND XÃ CHÍ MINH", null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"])
      .row(["Số: 125/KH-UBND", null, null, "Chí Minh, ngày 22 tháng 12 năm 2025"])
      .row(["KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2026"])
      .header(STD_HEADER)
      .task({ stt: 1, content: "Việc", lead: UNIT, deadline: "30/6" })
      .build();
    const r = run([g], { asOf: "2026-07-15" });
    expect(r.planYear).toBe(2026);
    expect(r.tasks.map((t) => t.deadline.due)).toEqual(["2026-06-30"]);
    expect(codes(r)).toEqual([]);
  });

  it("a completion date with no status written counts as done that day; a status written wins", () => {
    const g = new GridBuilder("PL I")
      .header()
      .task({ stt: 1, content: "Việc một", lead: UNIT, deadline: "30/6/2026", doneDate: "20/6/2026" })
      .task({ stt: 2, content: "Việc hai", lead: UNIT, deadline: "30/6/2026", doneDate: "10/7/2026" })
      .task({ stt: 3, content: "Việc ba", lead: UNIT, deadline: "30/6/2026", status: "Đang thực hiện", doneDate: "10/7/2026" })
      .build();
    const r = run([g], { asOf: "2026-07-15" });
    expect(r.tasks.map((t) => [t.stt, t.doneDate, t.status])).toEqual([
      ["1", "2026-06-20", "done_on_time"],
      ["2", "2026-07-10", "done_late"],
      ["3", "2026-07-10", "overdue"],
    ]);
    expect(codes(r)).toEqual([]);
  });

  it("a numbered heading over its sub-items is neither a task nor an error; letters restart under each number", () => {
    const g = new GridBuilder("PL I")
      .header(STD_HEADER)
      .row([1, "Công tác tuyên truyền:"])
      .row(["a)", "Trên loa truyền thanh", null, UNIT, null, null, "Hằng tháng"])
      .row(["b)", "Trên cổng thông tin", null, UNIT, null, null, "Hằng quý"])
      .row([2, "Công tác kiểm tra:"])
      .row(["a)", "Kiểm tra hồ sơ", null, "Công an xã", null, null, "30/11/2026"])
      .row([3, "Tổng kết", null, UNIT, null, null, "31/12/2026"])
      .build();
    const r = run([g]);
    expect(r.tasks.map((t) => [t.row, t.stt, t.content])).toEqual([
      [3, "a)", "Trên loa truyền thanh"],
      [4, "b)", "Trên cổng thông tin"],
      [6, "a)", "Kiểm tra hồ sơ"],
      [7, "3", "Tổng kết"],
    ]);
    expect(codes(r)).toEqual([]);
  });

  it("a numbered row with its own status over its sub-items is a task too, its merged lead and deadline its own", () => {
    const g = new GridBuilder("PL I")
      .header(["STT", "Nội dung công việc", "Cơ quan chủ trì", "Thời gian hoàn thành", "Tình trạng"])
      .row([3, "Tổ chức các hoạt động hưởng ứng Ngày Chuyển đổi số, gồm:", "Công an xã", "30/11/2026", "Đang triển khai"])
      .row(["a)", "Treo băng rôn", null, null, "Xong"])
      .row(["b)", "Tổ chức hội thi", null, null, "đang thực hiện"])
      .row([4, "Tổng kết", UNIT, "31/12/2026", "Chưa thực hiện"])
      .merge(2, 3, 4, 3)
      .merge(2, 4, 4, 4)
      .build();
    const r = run([g], { asOf: "2026-07-15" });
    expect(r.tasks.map((t) => [t.row, t.stt, t.lead, t.deadline.due, t.status])).toEqual([
      [2, "3", "Công an xã", "2026-11-30", "in_progress"],
      [3, "a)", "Công an xã", "2026-11-30", "done_on_time"],
      [4, "b)", "Công an xã", "2026-11-30", "in_progress"],
      [5, "4", UNIT, "2026-12-31", "in_progress"],
    ]);
    expect(r.units.find((u) => u.unit === "Công an xã")?.total).toBe(3);
    expect(codes(r)).toEqual([]);
  });

  it("a status merged down over the sub-items is theirs: the numbered row stays a heading", () => {
    const g = new GridBuilder("PL I")
      .header(["STT", "Nội dung công việc", "Cơ quan chủ trì", "Thời gian hoàn thành", "Tình trạng"])
      .row([3, "Tổ chức các hoạt động, gồm:", "Công an xã", "30/11/2026", "Đang triển khai"])
      .row(["a)", "Treo băng rôn"])
      .row(["b)", "Tổ chức hội thi"])
      .merge(2, 3, 4, 3)
      .merge(2, 4, 4, 4)
      .merge(2, 5, 4, 5)
      .build();
    const r = run([g], { asOf: "2026-07-15" });
    expect(r.tasks.map((t) => [t.stt, t.statusRaw])).toEqual([
      ["a)", "Đang triển khai"],
      ["b)", "Đang triển khai"],
    ]);
  });
});
