/**
 * The form of an administrative report (Báo cáo) as Nghị định 30/2020/NĐ-CP sets it, in numbers: paper,
 * margins, font, sizes, spacing and the header's two columns. The one place both writers read (the .docx
 * renderer in src/docx and the printable sheet "Báo cáo"); docs/report-form.md explains each value.
 */

/** Millimetres. A4 portrait; margins inside the ranges the decree allows (top/bottom 20–25, left 30–35, right 15–20). */
export const PAGE = { widthMm: 210, heightMm: 297 } as const;
export const MARGINS_MM = { top: 20, bottom: 20, left: 30, right: 15 } as const;
/** The page number sits in the top margin: its line starts this far from the top edge. */
export const HEADER_DISTANCE_MM = 10;

/** Width of the text between the margins. */
export const TEXT_WIDTH_MM = PAGE.widthMm - MARGINS_MM.left - MARGINS_MM.right;

/** Times New Roman (Unicode), black; LibreOffice renders it with its metric twin Liberation Serif. */
export const FONT = "Times New Roman";

/** Points. Each inside the decree's range (noted beside it). */
export const SIZES = {
  parentAgency: 13, // 12–13, capitals, regular
  issuingAgency: 13, // 12–13, capitals, bold
  number: 13, // 13
  nationalName: 12, // 12–13, capitals, bold
  motto: 13, // 13–14, bold
  placeDate: 14, // 13–14, italic
  title: 14, // "BÁO CÁO" 13–14, bold
  subject: 14, // 13–14, bold
  body: 14, // 13–14
  pageNumber: 13, // 13–14
  signature: 14, // 13–14, capitals, bold
  signerName: 14, // bold
  recipientsTitle: 12, // "Nơi nhận:" 12, bold italic
  recipients: 11, // 11
  table: 12, // tables inside the body
  tableHead: 11,
  placeholder: 14,
} as const;

/** Body paragraphs: justified, first-line indent 1–1.27 cm, ≥ 6 pt apart, line spacing single to 1.5. */
export const BODY = { firstLineIndentMm: 12.7, spaceAfterPt: 6, lineSpacing: 1.15 } as const;

/** The header's two columns (their sum is the text width): agency and number left, the nation right. */
export const HEADER_COLUMNS_MM = { left: 62, right: TEXT_WIDTH_MM - 62 } as const;
/** The signature block's columns at the foot: "Nơi nhận:" left, the signer right. */
export const FOOT_COLUMNS_MM = { left: 80, right: TEXT_WIDTH_MM - 80 } as const;

/** The short line under the issuing agency and under the subject: this share of the text above it (1/3–1/2). */
export const SHORT_LINE_SHARE = 0.4;

/** Tables: cell padding (mm) left and right. */
export const TABLE_CELL_PADDING_MM = 1;

export const PT_PER_MM = 72 / 25.4;
