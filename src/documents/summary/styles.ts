/**
 * The summary's look, in one place: administrative report style (Times New Roman), and the three
 * highlight tones (Excel's own "light red / green / yellow fill with dark text" pairs, which print
 * legibly in grey too).
 */
import type { CellStyle, Rgb } from "../../core/sheet-spec";
import type { StatusCategory } from "../../core/report-schema";

export const FONT_NAME = "Times New Roman";
export const BODY_SIZE = 12;

export type Tone = "red" | "green" | "amber";

export const TONES: Record<Tone, { fill: Rgb; color: Rgb }> = {
  red: { fill: "FFC7CE", color: "9C0006" },
  green: { fill: "C6EFCE", color: "006100" },
  amber: { fill: "FFEB9C", color: "9C5700" },
};

/** A count of tasks in a category, highlighted as the summaries do: overdue ones red, those done on time green. */
export function categoryTone(category: StatusCategory, count: number): Tone | undefined {
  if (count <= 0) return undefined;
  return category === "overdue" ? "red" : category === "done_on_time" ? "green" : undefined;
}

export const HEADER_FILL: Rgb = "DDEBF7";
export const DATA_BAR_COLOR: Rgb = "5B9BD5";
export const TAB_COLOR: Rgb = "2F5597";

export type BaseStyle =
  | "commune"
  | "nation"
  | "motto"
  | "dateLine"
  | "title"
  | "plan"
  | "asOf"
  | "section"
  | "header"
  | "text"
  | "center"
  | "int"
  | "pct"
  | "date"
  | "num"
  | "subhead"
  | "legendTitle"
  | "legendText"
  | "swatch";

const COUNT_FMT = "#,##0";
export const PCT_FMT = "0.0%";
export const DATE_FMT = "dd/mm/yyyy";

function base(kind: BaseStyle): CellStyle {
  const f = (size = BODY_SIZE, extra: Partial<NonNullable<CellStyle["font"]>> = {}) => ({ name: FONT_NAME, size, ...extra });
  const cellBox = { border: true as const };
  switch (kind) {
    case "commune":
      return { font: f(13, { bold: true }), align: { horizontal: "center", vertical: "middle" } };
    case "nation":
      return { font: f(13, { bold: true }), align: { horizontal: "center", vertical: "middle" } };
    case "motto":
      return { font: f(13, { bold: true, underline: true }), align: { horizontal: "center", vertical: "middle" } };
    case "dateLine":
      return { font: f(13, { italic: true }), align: { horizontal: "center", vertical: "middle" } };
    case "title":
      return { font: f(14, { bold: true }), align: { horizontal: "center", vertical: "middle", wrap: true } };
    case "plan":
      return { font: f(13, { bold: true }), align: { horizontal: "center", vertical: "middle", wrap: true } };
    case "asOf":
      return { font: f(BODY_SIZE, { italic: true }), align: { horizontal: "center", vertical: "middle" } };
    case "section":
      return { font: f(BODY_SIZE, { bold: true }), align: { horizontal: "left", vertical: "middle", wrap: true } };
    case "header":
      return {
        font: f(BODY_SIZE, { bold: true }),
        fill: HEADER_FILL,
        ...cellBox,
        align: { horizontal: "center", vertical: "middle", wrap: true },
      };
    case "text":
      return { font: f(), ...cellBox, align: { horizontal: "left", vertical: "top", wrap: true }, numFmt: "@" };
    case "center":
      return { font: f(), ...cellBox, align: { horizontal: "center", vertical: "top", wrap: true }, numFmt: "@" };
    case "int":
      return { font: f(), ...cellBox, align: { horizontal: "center", vertical: "top" }, numFmt: COUNT_FMT };
    case "pct":
      return { font: f(), ...cellBox, align: { horizontal: "center", vertical: "top" }, numFmt: PCT_FMT };
    case "date":
      return { font: f(), ...cellBox, align: { horizontal: "center", vertical: "top" }, numFmt: DATE_FMT };
    case "num":
      return { font: f(), ...cellBox, align: { horizontal: "center", vertical: "top" }, numFmt: "#,##0.##" };
    case "subhead":
      return {
        font: f(BODY_SIZE, { bold: true, italic: true }),
        ...cellBox,
        align: { horizontal: "left", vertical: "middle", wrap: true },
      };
    case "legendTitle":
      return { font: f(BODY_SIZE, { bold: true, italic: true }), align: { horizontal: "left", vertical: "middle" } };
    case "legendText":
      return { font: f(BODY_SIZE, { italic: true }), align: { horizontal: "left", vertical: "middle" } };
    case "swatch":
      return { font: f(), ...cellBox };
  }
}

export interface StyleOptions {
  tone?: Tone;
  bold?: boolean;
}

export function styleKey(kind: BaseStyle, opts: StyleOptions = {}): string {
  return [kind, opts.tone ?? "", opts.bold ? "b" : ""].filter(Boolean).join(".");
}

export function makeStyle(kind: BaseStyle, opts: StyleOptions = {}): CellStyle {
  const s = base(kind);
  const font = { ...s.font };
  if (opts.bold) font.bold = true;
  if (opts.tone) {
    s.fill = TONES[opts.tone].fill;
    font.color = TONES[opts.tone].color;
  }
  return { ...s, font };
}
