/**
 * Whose document it is: the commune and the plan read from the workbook's own headings (the ND30 block
 * however it is laid out, the attachment line, the plan's heading), settings over them, and what the
 * headings never are (a title).
 */
import { GridBuilder, STD_HEADER } from "../../support/grid-builder";
import { AN_HOA, anHoaPlan, LE_CHAN, wardPlan } from "../../support/commune-plans";
import { encodeTcvn3 } from "../parsers/legacy-encoder";
import { codes, issuesOf, run } from "../engine/helpers";
import { SHAPES } from "../communes/shapes";
import { parseCommune, readPlanReference } from "../../../src/core/document/plan-ref";
import { planSettingsFrom, resolveIdentity, NO_IDENTITY } from "../../../src/core/document/identity";
import { defaultSettings, LEGACY_DEFAULT_COMMUNE } from "../../../src/core/settings";

const UNIT = "Phòng Văn hóa - Xã hội";
const task = { stt: 1, content: "Tổ chức tuyên truyền", lead: UNIT, deadline: "30/11/2026" };

describe("the commune and the plan as written", () => {
  it.each([
    ["xã An Hòa", { kind: "xa", name: "An Hòa" }],
    ["phường Lê Chân", { kind: "phuong", name: "Lê Chân" }],
    ["UBND phường Lê Chân", { kind: "phuong", name: "Lê Chân" }],
    ["Ủy ban nhân dân đặc khu Cô Tô", { kind: "dac_khu", name: "Cô Tô" }],
    ["ỦY BAN NHÂN DÂN XÃ AN HÒA", { kind: "xa", name: "An Hòa" }],
    ["PHƯỜNG 12", { kind: "phuong", name: "12" }],
  ])("%s", (text, commune) => {
    expect(parseCommune(text)).toEqual(commune);
  });

  it.each(["An Hòa", "", "thành phố Hải Phòng", "xã xây dựng kế hoạch thực hiện như sau:"])("%j is not a commune", (text) => {
    expect(parseCommune(text)).toBeNull();
  });

  it("an attachment line gives the number, the date, the commune and the title after «về»", () => {
    expect(readPlanReference("Kế hoạch số 45/KH-UBND ngày 10/3/2026 của Ủy ban nhân dân xã An Hòa về chuyển đổi số năm 2026")).toEqual({
      number: "45/KH-UBND",
      date: "2026-03-10",
      dateInvalid: false,
      title: "chuyển đổi số năm 2026",
      commune: { kind: "xa", name: "An Hòa" },
    });
    expect(readPlanReference("Kế hoạch số 12/KH-UBND ngày 05 tháng 02 năm 2026")).toMatchObject({
      number: "12/KH-UBND",
      date: "2026-02-05",
    });
    expect(readPlanReference("Kế hoạch Khoa học và Công nghệ năm 2026 của UBND xã Chí Minh")).toMatchObject({
      number: null,
      title: "Khoa học và Công nghệ năm 2026",
      commune: { kind: "xa", name: "Chí Minh" },
    });
  });

  it("a line left unfilled gives the commune only; a date that does not exist is said", () => {
    expect(readPlanReference("Kế hoạch số /KH-UBND ngày tháng năm 2026 của UBND xã Chí Minh")).toEqual({
      number: null,
      date: null,
      dateInvalid: false,
      title: null,
      commune: { kind: "xa", name: "Chí Minh" },
    });
    expect(readPlanReference("Kế hoạch số 25/KH-UBND ngày 31/2/2026")).toMatchObject({ date: null, dateInvalid: true });
    expect(planSettingsFrom("Kế hoạch số 25/KH-UBND ngày 31/2/2026")).toBeNull();
    expect(planSettingsFrom("Kế hoạch số 25/KH-UBND ngày 15/3/2026")).toEqual({
      planNumber: "25/KH-UBND",
      planDate: "2026-03-15",
      planName: "",
    });
  });
});

describe("read from the workbook", () => {
  it("An Hòa: the ND30 block in one merged cell with line breaks; the title is the appendix's own", () => {
    const r = run(anHoaPlan(), { asOf: "2026-07-15" });
    expect(r.identity).toMatchObject({
      commune: { kind: "xa", name: "An Hòa" },
      plan: { number: AN_HOA.number, date: AN_HOA.date, title: null },
    });
    expect(r.sheets[0].title).toBe("PHỤ LỤC 01 - DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026");
    expect(r.sheets[0].title).not.toMatch(/ỦY BAN|CỘNG HÒA|Độc lập|Kèm theo/);
    expect(codes(r)).toEqual([]);
  });

  it("the same block in two cells side by side", () => {
    const r = run(anHoaPlan({ sideBySide: true }));
    expect(r.identity?.commune).toEqual({ kind: "xa", name: "An Hòa" });
    expect(r.sheets[0].title).toBe("PHỤ LỤC 01 - DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026");
  });

  it("a heading block typed in TCVN3 is decoded like any other cell", () => {
    const g = new GridBuilder("PL I")
      .row([encodeTcvn3("ỦY BAN NHÂN DÂN"), null, null, encodeTcvn3("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")])
      .row([encodeTcvn3("XÃ TIÊN LÃNG"), null, null, encodeTcvn3("Độc lập - Tự do - Hạnh phúc")])
      .title("PHỤ LỤC I", encodeTcvn3("(Kèm theo Kế hoạch số 7/KH-UBND ngày 02/01/2026 của UBND xã Tiên Lãng)"))
      .header(STD_HEADER)
      .task({ ...task, content: encodeTcvn3("Tổ chức tuyên truyền"), lead: encodeTcvn3(UNIT) })
      .build();
    const r = run([g]);
    expect(r.identity).toMatchObject({ commune: { kind: "xa", name: "Tiên Lãng" }, plan: { number: "7/KH-UBND", date: "2026-01-02" } });
  });

  it("a cover sheet's plan heading (KẾ HOẠCH over its title) gives the plan's title, and its Số and date", () => {
    const cover = new GridBuilder("Kế hoạch")
      .row(["ỦY BAN NHÂN DÂN", null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"])
      .row(["XÃ AN HÒA", null, null, "Độc lập - Tự do - Hạnh phúc"])
      .row(["Số: 45/KH-UBND", null, null, "An Hòa, ngày 10 tháng 3 năm 2026"])
      .row(["KẾ HOẠCH"])
      .row(["Chuyển đổi số năm 2026"])
      .build();
    const pl = new GridBuilder("PL I")
      .title("PHỤ LỤC I", "(Kèm theo Kế hoạch số /KH-UBND ngày tháng năm 2026 của UBND xã An Hòa)")
      .header(STD_HEADER)
      .task(task)
      .build();
    const r = run([pl, cover]);
    expect(r.identity).toMatchObject({
      commune: { kind: "xa", name: "An Hòa" },
      plan: { number: "45/KH-UBND", date: "2026-03-10", title: "Chuyển đổi số năm 2026" },
    });
  });

  it("an attachment line with its number and date left blank gives the commune only", () => {
    const g = new GridBuilder("PL I")
      .title("PHỤ LỤC I", "(Kèm theo Kế hoạch số /KH-UBND ngày tháng năm 2026 của UBND xã Chí Minh)")
      .header(STD_HEADER)
      .task(task)
      .build();
    expect(run([g]).identity).toMatchObject({ commune: { kind: "xa", name: "Chí Minh" }, plan: { number: null, date: null, title: null } });
  });

  it("two communes in one workbook: a warning naming both where the second is named; the first appendix's is used", () => {
    const pl = (name: string, commune: string) =>
      new GridBuilder(name)
        .title(name.toUpperCase(), `(Kèm theo Kế hoạch số 45/KH-UBND ngày 10/3/2026 của UBND ${commune})`)
        .header(STD_HEADER)
        .task(task)
        .build();
    const r = run([pl("PL I", "xã An Hòa"), pl("PL II", "xã Bình Minh"), pl("PL III", "xã An Hòa")]);
    expect(r.identity?.commune).toEqual({ kind: "xa", name: "An Hòa" });
    const w = issuesOf(r, "COMMUNE_MISMATCH");
    expect(w.map((i) => [i.sheet, i.cell, i.severity])).toEqual([["PL II", "A2", "warning"]]);
    expect(w[0].message).toContain("«xã Bình Minh»");
    expect(w[0].message).toContain("«xã An Hòa»");
  });

  it("the whole administrative heading above an appendix (a commune corpus shape): every part read, none in the title", () => {
    const shape = SHAPES.find((x) => x.id === "long-title-block")!;
    const r = run(shape.grids(), { asOf: shape.asOf });
    expect(r.identity).toMatchObject({
      commune: { kind: "xa", name: "Chí Minh" },
      plan: { number: "15/KH-UBND", date: "2025-12-25", title: "Triển khai nhiệm vụ chuyển đổi số năm 2026" },
    });
    expect(r.sheets[0].title).toBe("PHỤ LỤC I - DANH MỤC NHIỆM VỤ TRỌNG TÂM");
  });

  it("nothing named: no commune and no plan (the documents print placeholders)", () => {
    const r = run([new GridBuilder("PL I").title("PHỤ LỤC I").header(STD_HEADER).task(task).build()]);
    expect(r.identity).toMatchObject({ commune: null, plan: { number: null, date: null, title: null } });
  });

  it("prose that names the committee ('Ủy ban nhân dân xã xây dựng kế hoạch…', 'Căn cứ Kế hoạch số 120/…'), a title that starts with «XÃ» are never the identity", () => {
    const g = new GridBuilder("Sheet1")
      .row(["Căn cứ Kế hoạch số 120/KH-UBND ngày 10/12/2025 của Ủy ban nhân dân thành phố về chuyển đổi số;"])
      .row(["Ủy ban nhân dân xã xây dựng kế hoạch thực hiện như sau:"])
      .row(["PHỤ LỤC I"])
      .row(["XÃ HỘI HÓA CÁC HOẠT ĐỘNG"])
      .header(STD_HEADER)
      .task(task)
      .build();
    expect(run([g]).identity).toMatchObject({ commune: null, plan: { number: null, date: null } });
  });
});

describe("settings win, field by field", () => {
  const read = {
    commune: { kind: "xa" as const, name: "An Hòa" },
    plan: { number: "45/KH-UBND", date: "2026-03-10", title: null },
  };

  it("the commune, the number, the date and the title the user saved", () => {
    const id = resolveIdentity(read, {
      ...defaultSettings(),
      communeName: "phường Lê Chân",
      planNumber: LE_CHAN.number,
      planDate: LE_CHAN.date,
      planName: "Kế hoạch Chuyển đổi số năm 2026",
    });
    expect(id).toMatchObject({
      commune: { kind: "phuong", name: "Lê Chân" },
      plan: { number: LE_CHAN.number, date: LE_CHAN.date, title: "Chuyển đổi số năm 2026" },
      read,
    });
  });

  it("empty settings follow the workbook; the old default commune never hides the workbook's own", () => {
    expect(resolveIdentity(read, defaultSettings())).toMatchObject({ commune: read.commune, plan: read.plan });
    expect(resolveIdentity(read, { ...defaultSettings(), communeName: LEGACY_DEFAULT_COMMUNE }).commune).toEqual(read.commune);
    // a workbook that names no commune keeps what was saved
    expect(resolveIdentity(NO_IDENTITY, { ...defaultSettings(), communeName: LEGACY_DEFAULT_COMMUNE }).commune).toEqual({
      kind: "xa",
      name: "Chí Minh",
    });
  });

  it("a name saved without its kind takes the workbook's kind", () => {
    expect(resolveIdentity(read, { ...defaultSettings(), communeName: "Bình Minh" }).commune).toEqual({ kind: "xa", name: "Bình Minh" });
  });
});

describe("units follow the commune", () => {
  it("a ward's plan has no LEAD_UNKNOWN with the default list (a ward's offices)", () => {
    const r = run(wardPlan(), { asOf: "2026-07-15" });
    expect(r.identity?.commune).toEqual({ kind: "phuong", name: "Lê Chân" });
    expect(codes(r)).toEqual([]);
    expect(r.tasks.map((t) => t.lead)).toEqual([
      "Công an phường",
      "Văn phòng HĐND và UBND phường",
      "Phòng Kinh tế, Hạ tầng và Đô thị",
      "Phòng Văn hóa - Xã hội",
      "Trung tâm Phục vụ hành chính công phường",
    ]);
    expect(r.unitProposal).toBeUndefined();
  });

  it("a list the user made is kept whatever the kind", () => {
    const r = run(wardPlan(), { settings: { units: [{ name: "Công an phường", aliases: [] }] } });
    expect(issuesOf(r, "LEAD_UNKNOWN")).toHaveLength(4);
  });

  it("most leads matching nothing: the list the lead column proposes, near-duplicates as aliases", () => {
    const b = new GridBuilder("PL I").title("PHỤ LỤC I").header(STD_HEADER);
    const leads = [
      "Ban Chỉ huy Quân sự",
      "Ban Chỉ huy quân sự",
      "Ban Chi huy Quan su",
      "Hội Nông dân",
      "Hội Nông dân",
      "Đoàn Thanh niên",
      "Phòng Văn hóa - Xã hội",
    ];
    leads.forEach((lead, i) => b.task({ stt: i + 1, content: `Việc ${i + 1}`, lead, deadline: "30/11/2026" }));
    const r = run([b.build()]);
    expect(r.unitProposal).toEqual({
      unknown: 6,
      leads: 7,
      units: [
        { name: "Ban Chỉ huy Quân sự", aliases: ["Ban Chi huy Quan su"] },
        { name: "Hội Nông dân", aliases: [] },
        { name: "Đoàn Thanh niên", aliases: [] },
        { name: "Phòng Văn hóa - Xã hội", aliases: [] },
      ],
    });
    // never adopted by itself: the leads are still unknown until the user saves the list
    expect(issuesOf(r, "LEAD_UNKNOWN")).toHaveLength(6);
    const adopted = run([b.build()], { settings: { units: r.unitProposal!.units } });
    expect(issuesOf(adopted, "LEAD_UNKNOWN")).toHaveLength(0);
  });
});
