/**
 * ReportDoc: the report document (Báo cáo) as plain data — which header lines, which paragraphs, headings,
 * tables and placeholders, with every number already written the Vietnamese way. Built by the core
 * (buildReportDoc, pure) from the Report and the settings; written by src/docx (a .docx) or as the
 * printable sheet "Báo cáo" (buildReportSheet). The form's sizes and margins are in form.ts.
 */

/** A piece of a paragraph's text with its emphasis. */
export interface DocRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

/** A cell of a table's header, spanning columns and/or rows (row 2 of a two-row header skips covered cells). */
export interface DocHeadCell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
}

export type DocRow =
  /** One value per column. */
  | { kind: "data"; cells: string[] }
  /** The totals (bold). */
  | { kind: "total"; cells: string[] }
  /** A row across the whole table naming the group the rows below belong to (a unit). */
  | { kind: "group"; text: string };

export interface DocTable {
  /** Relative column widths (they share the text width) and alignment of the data cells. */
  columns: { width: number; align: "left" | "center" | "right" }[];
  /** One or two header rows (repeated at the top of each page the table continues on). */
  head: DocHeadCell[][];
  rows: DocRow[];
}

export type DocBlock =
  /** "I. …" (level 1: capitals, bold), "1. …" (level 2: bold), "a) …" (level 3: bold italic). */
  | { kind: "heading"; level: 1 | 2 | 3; text: string }
  /** A body paragraph: justified, first-line indent. */
  | { kind: "paragraph"; runs: DocRun[] }
  /** Where only people can write (causes, recommendations): rendered marked (bracketed, highlighted), never filled in. */
  | { kind: "placeholder"; text: string }
  | { kind: "table"; table: DocTable }
  /** A note under a table (smaller, italic). */
  | { kind: "note"; text: string };

export interface ReportDoc {
  header: {
    /** The parent agency in capitals, or null when there is none. */
    parentAgency: string | null;
    /** The issuing agency in capitals, one entry per printed line. */
    issuingAgency: string[];
    /** "Số: 125/BC-UBND" (or with a blank for the clerk). */
    number: string;
    nationalName: string;
    motto: string;
    /** "An Hòa, ngày 22 tháng 11 năm 2026" ("…, ngày …" when the commune is not known). */
    placeDate: string;
  };
  /** "BÁO CÁO". */
  title: string;
  /** The subject (trích yếu), one entry per printed line. */
  subject: string[];
  body: DocBlock[];
  recipients: {
    /** "Nơi nhận:". */
    title: string;
    /** "- …;" each, the last "- Lưu: VT, …." */
    lines: string[];
  };
  signature: {
    /** "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH". */
    titleLines: string[];
    /** The signer's name, or null: a marked blank is printed (signerPlaceholder). */
    name: string | null;
    /** Printed when name is null. */
    namePlaceholder: string;
  };
  /** A file name for the download ("bao-cao-2026-11-22.docx"). */
  fileName: string;
}

/** All the words a document prints, in order (the tests read the prose without unzipping anything). */
export function docText(doc: ReportDoc): string[] {
  const out: string[] = [];
  const h = doc.header;
  if (h.parentAgency) out.push(h.parentAgency);
  out.push(...h.issuingAgency, h.number, h.nationalName, h.motto, h.placeDate, doc.title, ...doc.subject);
  for (const b of doc.body) {
    if (b.kind === "heading" || b.kind === "placeholder" || b.kind === "note") out.push(b.text);
    else if (b.kind === "paragraph") out.push(b.runs.map((r) => r.text).join(""));
    else {
      for (const row of b.table.head) out.push(row.map((c) => c.text).join(" | "));
      for (const row of b.table.rows) out.push(row.kind === "group" ? row.text : row.cells.join(" | "));
    }
  }
  out.push(doc.recipients.title, ...doc.recipients.lines, ...doc.signature.titleLines, doc.signature.name ?? doc.signature.namePlaceholder);
  return out;
}
