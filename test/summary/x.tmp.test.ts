import ExcelJS from "exceljs";
import * as fs from "fs";
import { buildSummary } from "../../src/core/summary/build";
import { writeSummary } from "../../src/xlsx/write-summary";
import { sampleReport, sampleSettings } from "./fixtures";
import { roundTrip, sheetXml } from "./helpers";
test("x", async () => {
  const wb = new ExcelJS.Workbook();
  const res = writeSummary(wb, buildSummary(sampleReport(), sampleSettings()));
  const { buffer } = await roundTrip(wb);
  fs.writeFileSync("/tmp/only.xlsx", buffer);
  const xml = await sheetXml(buffer, res.sheetNames[0]);
  fs.writeFileSync("/tmp/main.xml", xml);
});
