/**
 * The city's workbook (phuluc consolidate) as an .xlsx file, made from scratch with the package layer: its
 * sheets written as summary sheets (styles, widths, merges, print setup, the chart, data bars), then the
 * very hidden `_phuluc` sheet holding the city's settings (its issuing body, signer, plan), which a later
 * run — or Cài đặt in Excel — reads back. No Node API.
 */
import type { Settings } from "../core/settings";
import type { SummarySpec } from "../core/sheet-spec";
import { readStore, writeStore } from "./store";
import { emptyWorkbook } from "./unit-copy";
import { writeSummary } from "./write-summary";

export function writeCityWorkbook(spec: SummarySpec, settings: Settings, fileName = "tong-hop.xlsx"): Uint8Array {
  const wb = emptyWorkbook(fileName);
  writeSummary(wb, spec);
  writeStore(wb, { ...readStore(wb).store, settings });
  return wb.save();
}
