/** Which features a package really holds, found in its parts (not taken from what its writer was asked). */
import { OpcPackage } from "../../../src/ooxml/package";

export const FEATURES = [
  "chart",
  "chart sheet",
  "comment (legacy)",
  "threaded comment",
  "image",
  "pivot table",
  "table",
  "data validation",
  "conditional format",
  "slicer",
  "sparkline",
  "external link",
  "absolute targets",
  "inline strings",
  "shared strings",
  "rich text",
  "1904 dates",
  "macros (.xlsm)",
  "dialog/macro sheet",
  "prefixed XML",
  "hidden sheet",
  "defined names",
] as const;
export type Feature = (typeof FEATURES)[number];

export function featuresOf(bytes: Uint8Array): Set<Feature> {
  const pkg = OpcPackage.open(bytes);
  const names = pkg.partNames();
  const types = names.map((n) => pkg.contentType(n) ?? "");
  const text = (n: string) => pkg.text(n) ?? "";
  const out = new Set<Feature>();
  const typeHas = (re: RegExp) => types.some((t) => re.test(t));
  if (typeHas(/drawingml\.chart\+xml/)) out.add("chart");
  if (typeHas(/chartsheet\+xml/)) out.add("chart sheet");
  if (typeHas(/spreadsheetml\.comments\+xml/)) out.add("comment (legacy)");
  if (typeHas(/threadedcomments/i)) out.add("threaded comment");
  if (names.some((n) => /^xl\/media\//i.test(n))) out.add("image");
  if (typeHas(/pivotTable\+xml/)) out.add("pivot table");
  if (typeHas(/spreadsheetml\.table\+xml/)) out.add("table");
  if (typeHas(/slicer\+xml/)) out.add("slicer");
  if (typeHas(/externalLink\+xml/)) out.add("external link");
  if (typeHas(/macroEnabled/) || names.some((n) => /vbaProject\.bin$/i.test(n))) out.add("macros (.xlsm)");
  if (typeHas(/dialogsheet|macrosheet/)) out.add("dialog/macro sheet");
  const sheets = names.filter((n, i) => /worksheet\+xml/.test(types[i]));
  const sheetText = sheets.map(text).join("");
  if (/<(\w+:)?dataValidation\b/.test(sheetText)) out.add("data validation");
  if (/<(\w+:)?conditionalFormatting\b/.test(sheetText)) out.add("conditional format");
  if (/sparklineGroup/.test(sheetText)) out.add("sparkline");
  if (/t="inlineStr"/.test(sheetText)) out.add("inline strings");
  const sst = names.find((n, i) => /sharedStrings\+xml/.test(types[i]));
  if (sst) out.add("shared strings");
  if ((sst && /<(\w+:)?r>/.test(text(sst))) || /<(\w+:)?is><(\w+:)?r>/.test(sheetText)) out.add("rich text");
  const rels = names
    .filter((n) => n.endsWith(".rels"))
    .map(text)
    .join("");
  if (/Target="\/[^"]/.test(rels)) out.add("absolute targets");
  const main = names.find((n, i) => /(sheet|macroEnabled)\.main\+xml/.test(types[i]));
  const wb = main ? text(main) : "";
  if (/date1904="(1|true)"/.test(wb)) out.add("1904 dates");
  if (/<\w+:workbook\b/.test(wb)) out.add("prefixed XML");
  if (/state="(hidden|veryHidden)"/.test(wb)) out.add("hidden sheet");
  if (/<(\w+:)?definedName\b/.test(wb)) out.add("defined names");
  return out;
}
