/**
 * The rows above a sheet's table, read line by line (a cell's lines, and the parts of a line set apart by
 * tabs or runs of spaces, one per piece). Each piece is one of:
 * - the ND30 heading block: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc" (removed
 *   wherever they stand, so "XÃ AN HÒA      Độc lập - Tự do - Hạnh phúc" in one merged cell still names
 *   the commune), "ỦY BAN NHÂN DÂN", "XÃ AN HÒA" / "UBND PHƯỜNG LÊ CHÂN", "Số: 45/KH-UBND", the place and
 *   date "An Hòa, ngày 10 tháng 3 năm 2026", the short rules drawn under them;
 * - the attachment line "(Kèm theo Kế hoạch số … ngày … của … )";
 * - the plan's heading "KẾ HOẠCH" and its title on the next line (or on the same one);
 * - anything else: the sheet's own title ("PHỤ LỤC I", "NHIỆM VỤ TRỌNG TÂM…").
 * None of the first three is ever part of a title. Pure: texts in, facts out.
 */
import { titleHint } from "../sheet-role";
import { afterCommittee, attachmentStart, communeAt, dateAt, planReferenceOf, type Commune, type PlanReference } from "./plan-ref";
import { isAllCaps, phraseEnd, wordsOf, type Word } from "./words";

/** One row above the table: its cells' texts (decoded, NFC), the covered parts of merges left out. */
export interface HeadRow {
  row: number;
  cells: { col: number; text: string }[];
}

export interface HeadCommune {
  commune: Commune;
  row: number;
  col: number;
  /** Where it was read: the heading block or the attachment line. */
  from: "heading" | "attachment";
}

export interface SheetHead {
  /** Every commune named, in reading order. */
  communes: HeadCommune[];
  /** The first attachment line (its plan, as read). */
  attachment: (PlanReference & { row: number; col: number }) | null;
  /** "Số: 45/KH-UBND" of the heading block, when its symbol is a plan's (KH). */
  number: string | null;
  /** The date of the place-and-date line ("An Hòa, ngày 10 tháng 3 năm 2026"). */
  date: string | null;
  /** The place as written on that line ("An Hòa"). */
  place: string | null;
  /** The plan's title under a "KẾ HOẠCH" heading. */
  planTitle: string | null;
  /** The sheet's own title lines (one per row, its pieces joined), none of the above in them. */
  titleLines: string[];
}

/** Rows read above a table at most (the header is looked for in the first 20). */
export const HEAD_ROWS = 20;
/** A piece longer than this is prose, never a heading (but may still be a title). */
const MAX_HEADING = 120;
const MAX_PLAN_TITLE = 300;

const NATIONAL = ["cong", "hoa", "xa", "hoi", "chu", "nghia", "viet", "nam"];
const MOTTO = ["doc", "lap", "tu", "do", "hanh", "phuc"];
const RULE_LINE = /^[\s\-_=.…~*─━—–]+$/u;
const PLACE_DATE = /^(.{1,60}?),\s*ngày\b/iu;

/** A piece's words with the national name and the motto taken out (they may share a line with the commune). */
function withoutNationalLines(words: Word[]): Word[][] {
  const out: Word[][] = [];
  let cur: Word[] = [];
  for (let i = 0; i < words.length;) {
    const end = Math.max(phraseEnd(words, i, NATIONAL), phraseEnd(words, i, MOTTO));
    if (end >= 0) {
      if (cur.length) out.push(cur);
      cur = [];
      i = end;
      continue;
    }
    cur.push(words[i++]);
  }
  if (cur.length) out.push(cur);
  return out;
}

type Piece =
  | { kind: "heading" }
  /** "ỦY BAN NHÂN DÂN" alone: the commune's line follows it (next line of the cell, or the cell below). */
  | { kind: "committee" }
  | { kind: "commune"; commune: Commune }
  | { kind: "number"; number: string | null }
  | { kind: "placeDate"; place: string; date: string | null }
  | { kind: "attachment"; plan: PlanReference }
  | { kind: "planHeading"; title: string | null }
  | { kind: "title"; text: string };

/** "Số: 45/KH-UBND" (or "Số: /KH-UBND"): the number when the symbol is a plan's. */
function numberLine(words: Word[]): Piece | null {
  if (words[0]?.key !== "so" || words.length > 3) return null;
  const token = words
    .slice(1)
    .map((w) => w.raw)
    .join("");
  const m = /^(\d*)\/(\S+)$/u.exec(token.replace(/^:/, ""));
  if (!m) return null;
  return { kind: "number", number: m[1] && /\bKH\b/i.test(m[2].replace(/-/g, " ")) ? token.replace(/^:/, "") : null };
}

function placeDateLine(text: string, words: Word[]): Piece | null {
  const m = PLACE_DATE.exec(text);
  if (!m) return null;
  const at = words.findIndex((w) => w.key === "ngay");
  if (at < 0) return null;
  return { kind: "placeDate", place: m[1].trim(), date: dateAt(words, at).date };
}

/**
 * A heading-block commune: "UBND PHƯỜNG LÊ CHÂN", or "XÃ AN HÒA" right under "ỦY BAN NHÂN DÂN"
 * (`underCommittee`) — in capitals, nothing after the name. A title in capitals that merely starts with
 * the word ("XÃ HỘI HÓA…") is not one.
 */
function communeLine(text: string, words: Word[], underCommittee: boolean): Piece | null {
  if (!isAllCaps(text) || (!underCommittee && afterCommittee(words, 0) === 0)) return null;
  const found = communeAt(words, 0);
  if (!found || found.end !== words.length || !found.commune.name) return null;
  return { kind: "commune", commune: found.commune };
}

interface Context {
  planHeadingOpen: boolean;
  /** The piece is right under a "ỦY BAN NHÂN DÂN" line. */
  underCommittee: boolean;
}

function classify(text: string, words: Word[], at: Context): Piece {
  if (RULE_LINE.test(text)) return { kind: "heading" };
  const attach = attachmentStart(words);
  if (attach >= 0) return { kind: "attachment", plan: planReferenceOf(words, attach) };
  if (text.length <= MAX_HEADING) {
    // "ỦY BAN NHÂN DÂN" over the commune, or a parent body in capitals ("UBND TỈNH QUẢNG NINH")
    const committee = afterCommittee(words, 0);
    if (committee === words.length) return { kind: "committee" };
    const piece = numberLine(words) ?? placeDateLine(text, words) ?? communeLine(text, words, at.underCommittee);
    if (piece) return piece;
    if (committee > 0 && isAllCaps(text)) return { kind: "heading" };
    const plan = phraseEnd(words, 0, ["ke", "hoach"]);
    if (plan === 2 && isAllCaps(words[0].raw + words[1].raw) && words[2]?.key !== "so") {
      const rest = words
        .slice(2)
        .map((w) => w.raw)
        .join(" ");
      return { kind: "planHeading", title: rest || null };
    }
  }
  if (at.planHeadingOpen && text.length <= MAX_PLAN_TITLE) return { kind: "planHeading", title: text };
  return { kind: "title", text };
}

/** The pieces of one cell's text: its lines, split on tabs and runs of spaces, the national lines removed. */
function piecesOf(text: string): { text: string; words: Word[] }[] {
  const out: { text: string; words: Word[] }[] = [];
  for (const line of text.split(/\r?\n/)) {
    for (const seg of line.split(/\t|\s{3,}/)) {
      for (const words of withoutNationalLines(wordsOf(seg))) out.push({ text: words.map((w) => w.raw).join(" "), words });
    }
  }
  return out;
}

export function readSheetHead(rows: readonly HeadRow[]): SheetHead {
  const head: SheetHead = { communes: [], attachment: null, number: null, date: null, place: null, planTitle: null, titleLines: [] };
  let planHeadingOpen = false;
  let committee: { row: number; col: number } | null = null;
  for (const r of rows.slice(0, HEAD_ROWS)) {
    const titles: string[] = [];
    for (const cell of r.cells) {
      for (const p of piecesOf(cell.text)) {
        const underCommittee = !!committee && committee.col === cell.col && r.row - committee.row <= 2;
        const piece = classify(p.text, p.words, { planHeadingOpen, underCommittee });
        planHeadingOpen = piece.kind === "planHeading" && piece.title === null;
        if (piece.kind === "committee") committee = { row: r.row, col: cell.col };
        else if (underCommittee) committee = null;
        take(head, piece, r.row, cell.col, titles);
      }
    }
    if (titles.length) head.titleLines.push(titles.join(" "));
  }
  return head;
}

function take(head: SheetHead, piece: Piece, row: number, col: number, titles: string[]): void {
  switch (piece.kind) {
    case "commune":
      head.communes.push({ commune: piece.commune, row, col, from: "heading" });
      return;
    case "number":
      head.number ??= piece.number;
      return;
    case "placeDate":
      head.place ??= piece.place;
      head.date ??= piece.date;
      return;
    case "attachment":
      if (piece.plan.commune?.name) head.communes.push({ commune: piece.plan.commune, row, col, from: "attachment" });
      head.attachment ??= { ...piece.plan, row, col };
      return;
    case "planHeading":
      if (piece.title) head.planTitle ??= piece.title;
      return;
    case "title":
      titles.push(piece.text);
      return;
    default:
      return;
  }
}

/**
 * A sheet's title for the reports ("PHỤ LỤC I - NHIỆM VỤ TRỌNG TÂM TRONG NĂM 2026"): its own title lines
 * from the one that says "Phụ lục" (when one does), at most three, none in brackets.
 */
export function sheetTitleOf(head: SheetHead): string {
  const lines = head.titleLines.filter((l) => !l.startsWith("("));
  const from = lines.findIndex((l) => titleHint(l) !== null);
  return (from > 0 ? lines.slice(from) : lines).slice(0, 3).join(" - ");
}
