import { displayWidth, padEndWidth, renderTable, truncateWidth } from "../../src/cli/table";

describe("width-aware text tables", () => {
  it("counts Vietnamese letters as one column in NFC and NFD alike", () => {
    const s = "Phòng Văn hóa - Xã hội";
    expect(displayWidth(s)).toBe(22);
    expect(displayWidth(s.normalize("NFD"))).toBe(22);
    expect(displayWidth("Đơn vị")).toBe(6);
    expect(displayWidth("表")).toBe(2);
  });

  it("pads and truncates by screen width, not code units", () => {
    const nfd = "Việt".normalize("NFD");
    expect(displayWidth(padEndWidth(nfd, 6))).toBe(6);
    expect(truncateWidth("Trung tâm Phục vụ hành chính công", 10)).toBe("Trung tâm…");
    expect(truncateWidth("ngắn", 10)).toBe("ngắn");
  });

  it("aligns columns: every line has the same screen width", () => {
    const lines = renderTable(
      [
        { header: "Đơn vị", align: "left" },
        { header: "Tổng", align: "right" },
        { header: "Tỷ lệ", align: "right" },
      ],
      [
        ["Phòng Văn hóa - Xã hội".normalize("NFD"), "12", "85,7%"],
        ["Công an xã", "3", "—"],
      ],
      ["Tổng cộng", "15", "80%"],
    );
    const widths = lines.map((l) => displayWidth(padEndWidth(l, 0)));
    // Right-aligned last column: all lines end at the same screen column.
    expect(new Set(widths).size).toBe(1);
    expect(lines[0]).toMatch(/^Đơn vị\s+Tổng\s+Tỷ lệ$/);
    expect(lines[3]).toMatch(/^Công an xã\s+3\s+—$/);
    // The "Tổng" column ends at the same screen column in each line.
    const colEnd = (l: string, token: string) => displayWidth(l.slice(0, l.indexOf(token) + token.length));
    expect(colEnd(lines[2], "  12")).toBe(colEnd(lines[0], "Tổng"));
    expect(colEnd(lines[3], "  3")).toBe(colEnd(lines[0], "Tổng"));
  });
});
