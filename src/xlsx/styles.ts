/**
 * The styles part (xl/styles.xml): what the reader needs (each cell style's number format, so a date
 * serial is told from a number; its fill, for the preview and highlights) and what the writers add
 * (fonts, fills, borders, number formats and cell styles appended — an identical one already there
 * is reused, so running the summary again adds nothing). Nothing of the user's is changed. No Node API.
 */
import type { OpcPackage } from "../ooxml/package";
import { relTypeIs } from "../ooxml/package";
import {
  attr,
  child,
  children,
  elementLike,
  insertAfter,
  parseXml,
  serializeXml,
  setAttr,
  type XmlDocument,
  type XmlElement,
} from "../ooxml/xml";

/** Excel's built-in number formats (ids below 164 that a file does not spell out), as ExcelJS names them. */
export const BUILTIN_NUM_FMTS: Record<number, string> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  27: "yyyy/m/d",
  30: "m/d/yy",
  31: "yyyy/m/d",
  36: "yyyy/m/d",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
  50: "yyyy/m/d",
  57: "yyyy/m/d",
};

export const STYLES_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
const STYLES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";

const MINIMAL_STYLES =
  `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
  `<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
  `</styleSheet>`;

/** The order of styleSheet's children (CT_Stylesheet). */
const SHEET_ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

/** A colour as a file writes it. */
export interface XlsxColor {
  rgb?: string;
  theme?: number;
  tint?: number;
  indexed?: number;
  auto?: boolean;
}

export interface FillInfo {
  /** "none", "solid", "gray125", …, or "gradient". */
  pattern: string;
  fg?: XlsxColor;
  bg?: XlsxColor;
}

/** A stable text for an element (attributes sorted, namespace declarations and prefixes left out). */
export function canonical(el: XmlElement): string {
  const attrs = el.attrs
    .filter((a) => a.name !== "xmlns" && !a.name.startsWith("xmlns:"))
    .map((a) => `${a.name.slice(a.name.indexOf(":") + 1)}=${a.value}`)
    .sort()
    .join(" ");
  let s = `<${el.local} ${attrs}>`;
  for (const c of el.children) if (c.kind === "element") s += canonical(c);
  return s + "</>";
}

function colorOf(el: XmlElement | undefined): XlsxColor | undefined {
  if (!el) return undefined;
  const c: XlsxColor = {};
  const rgb = attr(el, "rgb");
  if (rgb) c.rgb = rgb.toUpperCase();
  const theme = attr(el, "theme");
  if (theme !== undefined) c.theme = Number(theme);
  const tint = attr(el, "tint");
  if (tint !== undefined) c.tint = Number(tint);
  const indexed = attr(el, "indexed");
  if (indexed !== undefined) c.indexed = Number(indexed);
  if (attr(el, "auto") === "1" || attr(el, "auto") === "true") c.auto = true;
  return c;
}

export function fillInfo(el: XmlElement | undefined): FillInfo {
  if (!el) return { pattern: "none" };
  if (child(el, "gradientFill")) return { pattern: "gradient" };
  const p = child(el, "patternFill");
  if (!p) return { pattern: "none" };
  // A patternFill without patternType but with a colour is drawn solid by Excel.
  const fg = colorOf(child(p, "fgColor"));
  const bg = colorOf(child(p, "bgColor"));
  const pattern = attr(p, "patternType") ?? (fg ? "solid" : "none");
  return { pattern, ...(fg ? { fg } : {}), ...(bg ? { bg } : {}) };
}

/** A request for a cell style, in the writer's terms (the summary's CellStyle, translated). */
export interface XfRequest {
  font?: { name?: string; size?: number; bold?: boolean; italic?: boolean; underline?: boolean; color?: string };
  /** Solid fill "RRGGBB". */
  fill?: string;
  border?: boolean;
  align?: { horizontal?: string; vertical?: string; wrap?: boolean };
  numFmt?: string;
}

export class Styles {
  private xfFormats: (string | null)[] | null = null;
  private dirty = false;
  private canonCache = new Map<XmlElement, { map: Map<string, number>; count: number }>();

  private constructor(
    private readonly pkg: OpcPackage,
    private part: string | null,
    readonly doc: XmlDocument,
    private readonly workbookPart: string,
  ) {}

  /** Throws XmlFormatError on a damaged part. */
  static read(pkg: OpcPackage, workbookPart: string): Styles {
    const rel = pkg.rels(workbookPart).find((r) => relTypeIs(r.type, "styles") && r.part && pkg.has(r.part));
    const part = rel?.part ?? null;
    return new Styles(pkg, part, parseXml(part ? (pkg.text(part) ?? MINIMAL_STYLES) : MINIMAL_STYLES), workbookPart);
  }

  private section(local: string, create = false): XmlElement | undefined {
    let el = child(this.doc.root, local);
    if (!el && create) {
      el = elementLike(this.doc.root, local, { count: 0 });
      insertAfter(this.doc.root, el, SHEET_ORDER.slice(0, SHEET_ORDER.indexOf(local)));
    }
    return el;
  }

  private numFmtCodes(): Map<number, string> {
    const m = new Map<number, string>();
    for (const n of children(this.section("numFmts") ?? this.doc.root, "numFmt")) {
      const id = Number(attr(n, "numFmtId"));
      const code = attr(n, "formatCode");
      if (Number.isInteger(id) && code !== undefined) m.set(id, code);
    }
    return m;
  }

  private cellXfs(): XmlElement[] {
    const s = this.section("cellXfs");
    return s ? children(s, "xf") : [];
  }

  /** Number format of a cell style index; null for General (or an unknown index). */
  formatOf(xf: number): string | null {
    if (!this.xfFormats) {
      const codes = this.numFmtCodes();
      this.xfFormats = this.cellXfs().map((x) => {
        const id = Number(attr(x, "numFmtId") ?? 0);
        const code = codes.get(id) ?? BUILTIN_NUM_FMTS[id] ?? null;
        return code === null || code === "" || code === "General" ? null : code;
      });
    }
    return this.xfFormats[xf] ?? null;
  }

  fillOfXf(xf: number): FillInfo {
    const x = this.cellXfs()[xf];
    const id = x ? Number(attr(x, "fillId") ?? 0) : 0;
    return fillInfo(children(this.section("fills") ?? this.doc.root, "fill")[id]);
  }

  /** The fill element of a cell style (for the highlight record). */
  fillElementOfXf(xf: number): XmlElement | undefined {
    const x = this.cellXfs()[xf];
    const id = x ? Number(attr(x, "fillId") ?? 0) : 0;
    return children(this.section("fills") ?? this.doc.root, "fill")[id];
  }

  xfCount(): number {
    return this.cellXfs().length;
  }

  /**
   * What a cell style means, as text: the xf with the font, fill, border and number format it points to
   * spelled out (so the same text means the same look even after another program renumbered them).
   */
  xfSignature(xf: number): string | null {
    const x = this.cellXfs()[xf];
    if (!x) return null;
    const item = (section: string, local: string, id: string | undefined) => {
      const el = children(this.section(section) ?? this.doc.root, local)[Number(id ?? 0)];
      return el ? canonical(el) : "";
    };
    const numFmt = Number(attr(x, "numFmtId") ?? 0);
    return [
      canonical({ ...x, attrs: x.attrs.filter((a) => !/^(numFmtId|fontId|fillId|borderId|xfId)$/.test(a.name)) }),
      item("fonts", "font", attr(x, "fontId")),
      item("fills", "fill", attr(x, "fillId")),
      item("borders", "border", attr(x, "borderId")),
      this.numFmtCodes().get(numFmt) ?? BUILTIN_NUM_FMTS[numFmt] ?? String(numFmt),
    ].join("|");
  }

  /** Index of an element equal to `el` in a section, appending it when there is none. */
  private findOrAppend(sectionName: string, el: XmlElement): number {
    const section = this.section(sectionName, true)!;
    const items = children(section, el.local);
    let cache = this.canonCache.get(section);
    if (!cache || cache.count !== items.length) {
      const map = new Map<string, number>();
      items.forEach((it, i) => {
        const k = canonical(it);
        if (!map.has(k)) map.set(k, i);
      });
      cache = { map, count: items.length };
      this.canonCache.set(section, cache);
    }
    const key = canonical(el);
    const found = cache.map.get(key);
    if (found !== undefined) return found;
    section.children.push(el);
    setAttr(section, "count", String(items.length + 1));
    cache.map.set(key, items.length);
    cache.count = items.length + 1;
    this.dirty = true;
    if (sectionName === "cellXfs") this.xfFormats = null;
    return items.length;
  }

  private numFmtId(code: string): number {
    for (const [id, c] of Object.entries(BUILTIN_NUM_FMTS)) if (c === code && Number(id) !== 14) return Number(id);
    const codes = this.numFmtCodes();
    for (const [id, c] of codes) if (c === code) return id;
    const id = Math.max(163, ...codes.keys()) + 1;
    const section = this.section("numFmts", true)!;
    section.children.push(elementLike(section, "numFmt", { numFmtId: id, formatCode: code }));
    setAttr(section, "count", String(children(section, "numFmt").length));
    this.dirty = true;
    this.xfFormats = null;
    return id;
  }

  private baseFont(): { name: string; size: number } {
    const f0 = children(this.section("fonts") ?? this.doc.root, "font")[0];
    const name = f0 ? attr(child(f0, "name") ?? f0, "val") : undefined;
    const size = f0 ? Number(attr(child(f0, "sz") ?? f0, "val")) : NaN;
    return { name: name ?? "Calibri", size: Number.isFinite(size) && size > 0 ? size : 11 };
  }

  /** A fill element: solid RRGGBB. */
  solidFillElement(rgb: string): XmlElement {
    const section = this.section("fills", true)!;
    const fill = elementLike(section, "fill");
    const p = elementLike(section, "patternFill", { patternType: "solid" });
    p.children.push(elementLike(section, "fgColor", { rgb: "FF" + rgb.toUpperCase() }));
    p.children.push(elementLike(section, "bgColor", { rgb: "FF" + rgb.toUpperCase() }));
    fill.children.push(p);
    return fill;
  }

  /** The index of a fill element (added when new). */
  fillId(fill: XmlElement): number {
    return this.findOrAppend("fills", fill);
  }

  /** A cell style for the writer's request (reused when the same one exists). */
  xf(req: XfRequest): number {
    const fonts = this.section("fonts", true)!;
    const base = this.baseFont();
    const f = req.font ?? {};
    const font = elementLike(fonts, "font");
    if (f.bold) font.children.push(elementLike(fonts, "b"));
    if (f.italic) font.children.push(elementLike(fonts, "i"));
    if (f.underline) font.children.push(elementLike(fonts, "u"));
    font.children.push(elementLike(fonts, "sz", { val: f.size ?? base.size }));
    if (f.color) font.children.push(elementLike(fonts, "color", { rgb: "FF" + f.color.toUpperCase() }));
    font.children.push(elementLike(fonts, "name", { val: f.name ?? base.name }));
    const fontId = this.findOrAppend("fonts", font);
    const fillId = req.fill ? this.fillId(this.solidFillElement(req.fill)) : 0;
    let borderId = 0;
    if (req.border) {
      const borders = this.section("borders", true)!;
      const b = elementLike(borders, "border");
      for (const side of ["left", "right", "top", "bottom"]) {
        const e = elementLike(borders, side, { style: "thin" });
        e.children.push(elementLike(borders, "color", { rgb: "FF000000" }));
        b.children.push(e);
      }
      b.children.push(elementLike(borders, "diagonal"));
      borderId = this.findOrAppend("borders", b);
    }
    const numFmtId = req.numFmt ? this.numFmtId(req.numFmt) : 0;
    const xfs = this.section("cellXfs", true)!;
    const xf = elementLike(xfs, "xf", {
      numFmtId,
      fontId,
      fillId,
      borderId,
      xfId: 0,
      applyNumberFormat: numFmtId ? 1 : undefined,
      applyFont: 1,
      applyFill: fillId ? 1 : undefined,
      applyBorder: borderId ? 1 : undefined,
      applyAlignment: req.align ? 1 : undefined,
    });
    if (req.align) {
      const a = elementLike(xfs, "alignment", {
        horizontal: req.align.horizontal,
        vertical: req.align.vertical,
        wrapText: req.align.wrap ? 1 : undefined,
      });
      xf.children.push(a);
    }
    return this.findOrAppend("cellXfs", xf);
  }

  /** Cell style `xf` with its fill replaced (a copy; reused when it exists). */
  xfWithFill(xf: number, fill: XmlElement | null): number {
    const xfs = this.section("cellXfs", true)!;
    const src = this.cellXfs()[xf] ?? this.cellXfs()[0];
    const copy: XmlElement = src
      ? structuredCloneElement(src)
      : elementLike(xfs, "xf", { numFmtId: 0, fontId: 0, fillId: 0, borderId: 0, xfId: 0 });
    const fillId = fill ? this.fillId(fill) : 0;
    setAttr(copy, "fillId", String(fillId));
    if (fillId) setAttr(copy, "applyFill", "1");
    return this.findOrAppend("cellXfs", copy);
  }

  /** Cell style `xf` with its number format replaced (a copy; reused when it exists): a date written into a user's cell. */
  xfWithNumFmt(xf: number, code: string): number {
    const xfs = this.section("cellXfs", true)!;
    const src = this.cellXfs()[xf] ?? this.cellXfs()[0];
    const copy: XmlElement = src
      ? structuredCloneElement(src)
      : elementLike(xfs, "xf", { numFmtId: 0, fontId: 0, fillId: 0, borderId: 0, xfId: 0 });
    const id = code.trim().toLowerCase() === "general" ? 0 : this.numFmtId(code);
    setAttr(copy, "numFmtId", String(id));
    setAttr(copy, "applyNumberFormat", id ? "1" : null);
    return this.findOrAppend("cellXfs", copy);
  }

  /** Write the part back when something was added (creating it, with its relationship, if the file had none). */
  save(): void {
    if (!this.dirty) return;
    if (!this.part) {
      this.part = this.pkg.has("xl/styles.xml") ? this.pkg.freeName("xl/styles", ".xml") : "xl/styles.xml";
      this.pkg.addRel(this.workbookPart, STYLES_REL, this.part);
    }
    this.pkg.set(this.part, serializeXml(this.doc), STYLES_CONTENT_TYPE);
    this.dirty = false;
  }
}

function structuredCloneElement(el: XmlElement): XmlElement {
  return {
    ...el,
    attrs: el.attrs.map((a) => ({ ...a })),
    children: el.children.map((c) => (c.kind === "element" ? structuredCloneElement(c) : { ...c })),
  };
}
