/**
 * Tests of the file adapter: run its writers on real .xlsx bytes and read the result back with ExcelJS
 * (an independent reader), or look at the raw parts.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { SummarySpec, WriteSummaryResult } from "../../src/core/sheet-spec";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { writeSummary } from "../../src/xlsx/write-summary";

export async function excelJsBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export async function openExcelJs(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as any);
  return wb;
}

/** A workbook without any sheet, as ExcelJS writes one (the summary writer's emptiest input). */
export async function emptyXlsx(): Promise<Buffer> {
  return excelJsBytes(new ExcelJS.Workbook());
}

/** Write the summary into a copy of `source` (an ExcelJS workbook or bytes); the copy's bytes and ExcelJS's view of them. */
export async function writeSummaryInto(
  source: ExcelJS.Workbook | Uint8Array,
  spec: SummarySpec,
): Promise<{ bytes: Buffer; result: WriteSummaryResult; wb: ExcelJS.Workbook }> {
  const input = source instanceof Uint8Array ? source : await excelJsBytes(source);
  const file = XlsxWorkbook.open(input, "book.xlsx");
  const result = writeSummary(file, spec);
  const bytes = Buffer.from(file.save());
  return { bytes, result, wb: await openExcelJs(bytes) };
}

export async function zipEntries(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files).sort()) {
    if (zip.files[name].dir) continue;
    out.set(name, await zip.files[name].async("nodebuffer"));
  }
  return out;
}
