/**
 * The workbook part (xl/workbook.xml) read with the XML parser: the sheets in order (name, state, the
 * part each one lives in and what kind of sheet it is), the date system, the defined names, the active
 * tab; and the edits the summary writer makes (add, rename, remove sheets, replace the product's
 * defined names) without disturbing anything else in it. No Node API.
 */
import type { SheetVisibility } from "../core/grid";
import type { OpcPackage, Relationship } from "../ooxml/package";
import { relTypeIs } from "../ooxml/package";
import {
  attr,
  attrNs,
  child,
  children,
  elementLike,
  insertAfter,
  namespacesAt,
  NS,
  parseXml,
  prefixFor,
  serializeXml,
  setAttr,
  textOf,
  type XmlDocument,
  type XmlElement,
} from "../ooxml/xml";

export type SheetKind = "worksheet" | "chartsheet" | "dialogsheet" | "macrosheet" | "unknown";

export interface SheetInfo {
  name: string;
  sheetId: string;
  state: SheetVisibility;
  /** Relationship id (r:id). */
  rid: string;
  /** Part name of the sheet's XML, or null when the relationship or the part is missing. */
  part: string | null;
  kind: SheetKind;
  /** The <sheet> element (for edits). */
  el: XmlElement;
}

export interface DefinedNameInfo {
  name: string;
  /** Index of the sheet a local name belongs to (localSheetId), else null. */
  localSheetId: number | null;
  hidden: boolean;
  /** The reference or formula text. */
  ref: string;
  el: XmlElement;
}

const REL_URIS = [NS.rel, NS.strictRel] as const;

function kindOf(rel: Relationship | undefined, contentType: string | undefined): SheetKind {
  const t = rel?.type ?? "";
  if (relTypeIs(t, "worksheet")) {
    // Some writers point a dialog or macro sheet at the worksheet relationship: the content type tells.
    if (contentType && /dialogsheet/i.test(contentType)) return "dialogsheet";
    if (contentType && /macrosheet/i.test(contentType)) return "macrosheet";
    return "worksheet";
  }
  if (relTypeIs(t, "chartsheet")) return "chartsheet";
  if (relTypeIs(t, "dialogsheet")) return "dialogsheet";
  if (/macrosheet$/i.test(t)) return "macrosheet";
  return "unknown";
}

function stateOf(v: string | undefined): SheetVisibility {
  return v === "hidden" || v === "veryHidden" ? v : "visible";
}

const truthy = (v: string | undefined) => v === "1" || v === "true";

export class WorkbookXml {
  /** The sheets as last listed (dropped by every edit of the list and by save()). */
  private sheetCache: SheetInfo[] | null = null;

  private constructor(
    readonly part: string,
    readonly doc: XmlDocument,
    private readonly pkg: OpcPackage,
  ) {}

  /** Throws XmlFormatError (damaged part). */
  static read(pkg: OpcPackage, part: string): WorkbookXml {
    return new WorkbookXml(part, parseXml(pkg.text(part) ?? ""), pkg);
  }

  private sheetsEl(): XmlElement {
    let el = child(this.doc.root, "sheets");
    if (!el) {
      el = elementLike(this.doc.root, "sheets");
      insertAfter(this.doc.root, el, ["fileVersion", "fileSharing", "workbookPr", "workbookProtection", "bookViews"]);
    }
    return el;
  }

  /** The sheets in order (the same array until the list is edited or the part saved: do not change it). */
  sheets(): SheetInfo[] {
    this.sheetCache ??= this.listSheets();
    return this.sheetCache;
  }

  private listSheets(): SheetInfo[] {
    const rels = new Map(this.pkg.rels(this.part).map((r) => [r.id, r]));
    const list = this.sheetsEl();
    const scope = namespacesAt(this.doc, list);
    return children(list, "sheet").map((el) => {
      const rid = attrNs(el, this.doc, REL_URIS, "id", scope) ?? "";
      const rel = rels.get(rid);
      const part = rel?.part && this.pkg.has(rel.part) ? rel.part : null;
      return {
        name: attr(el, "name") ?? "",
        sheetId: attr(el, "sheetId") ?? "",
        state: stateOf(attr(el, "state")),
        rid,
        part,
        kind: kindOf(rel, part ? this.pkg.contentType(part) : undefined),
        el,
      };
    });
  }

  /** The 1904 date system (Mac Excel's old default): serials count from 1904-01-01. */
  date1904(): boolean {
    const pr = child(this.doc.root, "workbookPr");
    return !!pr && truthy(attr(pr, "date1904"));
  }

  definedNames(): DefinedNameInfo[] {
    const block = child(this.doc.root, "definedNames");
    if (!block) return [];
    return children(block, "definedName").map((el) => {
      const id = attr(el, "localSheetId");
      return {
        name: attr(el, "name") ?? "",
        localSheetId: id !== undefined && /^\d+$/.test(id) ? Number(id) : null,
        hidden: truthy(attr(el, "hidden")),
        ref: textOf(el),
        el,
      };
    });
  }

  private workbookView(): XmlElement | undefined {
    const views = child(this.doc.root, "bookViews");
    return views ? child(views, "workbookView") : undefined;
  }

  activeTab(): number {
    const v = this.workbookView();
    const n = v ? Number(attr(v, "activeTab") ?? 0) : 0;
    return Number.isInteger(n) && n >= 0 ? n : 0;
  }

  setActiveTab(index: number): void {
    let v = this.workbookView();
    if (!v) {
      if (index === 0) return;
      const views = elementLike(this.doc.root, "bookViews");
      insertAfter(this.doc.root, views, ["fileVersion", "fileSharing", "workbookPr", "workbookProtection"]);
      v = elementLike(this.doc.root, "workbookView");
      views.children.push(v);
    }
    setAttr(v, "activeTab", index === 0 && attr(v, "activeTab") === undefined ? null : String(index));
    const first = Number(attr(v, "firstSheet") ?? 0);
    if (first > index) setAttr(v, "firstSheet", String(index));
  }

  /** Append a <sheet>; returns its element. */
  addSheet(name: string, rid: string, state: SheetVisibility): XmlElement {
    this.sheetCache = null;
    const sheets = this.sheetsEl();
    const ids = children(sheets, "sheet").map((s) => Number(attr(s, "sheetId") ?? 0));
    const sheetId = Math.max(0, ...ids.filter(Number.isFinite)) + 1;
    const prefix = prefixFor(this.doc, this.doc.root, NS.rel) ?? this.declareRelPrefix();
    const el = elementLike(sheets, "sheet", { name, sheetId });
    if (state !== "visible") el.attrs.push({ name: "state", value: state });
    el.attrs.push({ name: `${prefix ? prefix + ":" : ""}id`, value: rid });
    sheets.children.push(el);
    return el;
  }

  private declareRelPrefix(): string {
    const strict = prefixFor(this.doc, this.doc.root, NS.strictRel);
    if (strict !== undefined) return strict;
    setAttr(this.doc.root, "xmlns:r", NS.rel);
    return "r";
  }

  /** Remove the sheet at `index`: local names of it go, later local names and the views shift down. */
  removeSheet(index: number): void {
    this.sheetCache = null;
    const sheets = this.sheetsEl();
    const el = children(sheets, "sheet")[index];
    if (!el) return;
    sheets.children = sheets.children.filter((c) => c !== el);
    const block = child(this.doc.root, "definedNames");
    if (block) {
      block.children = block.children.filter((c) => {
        if (c.kind !== "element" || c.local !== "definedName") return true;
        const id = attr(c, "localSheetId");
        if (id === undefined) return true;
        const n = Number(id);
        if (n === index) return false;
        if (n > index) setAttr(c, "localSheetId", String(n - 1));
        return true;
      });
      if (!children(block, "definedName").length) this.doc.root.children = this.doc.root.children.filter((c) => c !== block);
    }
    const v = this.workbookView();
    const count = children(sheets, "sheet").length;
    if (v) {
      for (const a of ["activeTab", "firstSheet"]) {
        const was = attr(v, a);
        if (was === undefined) continue;
        let n = Number(was);
        if (n > index) n--;
        if (n >= count) n = Math.max(0, count - 1);
        setAttr(v, a, String(n));
      }
    }
  }

  /** Remove the local names `name` of sheet `index` (e.g. the product's old print area). */
  removeLocalNames(index: number, names: readonly string[]): void {
    const block = child(this.doc.root, "definedNames");
    if (!block) return;
    block.children = block.children.filter(
      (c) =>
        !(
          c.kind === "element" &&
          c.local === "definedName" &&
          attr(c, "localSheetId") === String(index) &&
          names.includes(attr(c, "name") ?? "")
        ),
    );
  }

  /** Add a defined name (the schema's place for <definedNames>: after sheets, functionGroups, externalReferences). */
  addDefinedName(name: string, ref: string, localSheetId: number | null): void {
    let block = child(this.doc.root, "definedNames");
    if (!block) {
      block = elementLike(this.doc.root, "definedNames");
      insertAfter(this.doc.root, block, ["sheets", "functionGroups", "externalReferences"]);
    }
    const el = elementLike(block, "definedName", { name, ...(localSheetId === null ? {} : { localSheetId }) });
    el.children.push({ kind: "text", text: ref });
    block.children.push(el);
  }

  save(): void {
    this.sheetCache = null;
    this.pkg.set(this.part, serializeXml(this.doc));
  }
}

/** A sheet name as Excel writes it in a reference: always quoted, apostrophes doubled. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
