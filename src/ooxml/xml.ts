/**
 * XML for the package's index parts (workbook, relationships, content types, styles): parsed by a
 * conforming XML parser (saxes) into a small tree that keeps every element, attribute (in order),
 * text, CDATA, comment and processing instruction, so a part can be edited and written back without
 * losing what phuluc does not understand. Namespaces are resolved (uri + local name) so prefixed
 * parts (<x:workbook>) read like unprefixed ones. No Node API.
 */
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { xmlSafe } from "../core/text/xml-chars";

export const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  strictMain: "http://purl.oclc.org/ooxml/spreadsheetml/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  strictRel: "http://purl.oclc.org/ooxml/officeDocument/relationships",
  pkgRel: "http://schemas.openxmlformats.org/package/2006/relationships",
  contentTypes: "http://schemas.openxmlformats.org/package/2006/content-types",
  mc: "http://schemas.openxmlformats.org/markup-compatibility/2006",
  x14ac: "http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac",
  x14: "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main",
  xm: "http://schemas.microsoft.com/office/excel/2006/main",
  drawing: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  chart: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  xml: "http://www.w3.org/XML/1998/namespace",
} as const;

export interface XmlAttr {
  name: string;
  value: string;
}

export interface XmlElement {
  kind: "element";
  /** Qualified name as written ("x:sheet" or "sheet"). */
  name: string;
  /** Namespace URI ("" when none) and local name, resolved at parse time (or given when created). */
  uri: string;
  local: string;
  attrs: XmlAttr[];
  children: XmlNode[];
}

export type XmlNode =
  | XmlElement
  | { kind: "text"; text: string }
  | { kind: "cdata"; text: string }
  | { kind: "comment"; text: string }
  | { kind: "pi"; target: string; body: string };

export interface XmlDocument {
  /** Nodes before the root element (comments, processing instructions). */
  prolog: XmlNode[];
  root: XmlElement;
  /** standalone="yes" in the declaration. */
  standalone: boolean | null;
}

/** Deepest element nesting accepted (a part is a few levels deep; 100,000 deep is an attack on whoever recurses). */
export const MAX_XML_DEPTH = 1000;

/** The part is not well-formed XML. */
export class XmlFormatError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "XmlFormatError";
  }
}

const decoders = new Map<string, TextDecoder>();

/**
 * A TextDecoder for an encoding, made once (making one costs more than decoding a sheet's worth of
 * small parts). Reset by each call of decode() without `stream`, so sequential uses never mix.
 */
export function textDecoder(encoding: "utf-8" | "utf-16le" | "utf-16be"): TextDecoder {
  let d = decoders.get(encoding);
  if (!d) decoders.set(encoding, (d = new TextDecoder(encoding)));
  return d;
}

/** Bytes → text: UTF-8 (with or without BOM) or UTF-16 with its BOM, as XML allows. */
export function decodeXmlBytes(b: Uint8Array): string {
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return textDecoder("utf-16le").decode(b.subarray(2));
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return textDecoder("utf-16be").decode(b.subarray(2));
  const start = b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  return textDecoder("utf-8").decode(b.subarray(start));
}

/** Characters escaped in element text (a CR too, so it survives a parser's line-end normalisation). */
const TEXT_ESCAPES: Readonly<Record<number, string>> = { 38: "&amp;", 60: "&lt;", 62: "&gt;", 13: "&#13;" };
/** Characters escaped in attribute values (quotes, and whitespace a parser would otherwise normalise). */
const ATTR_ESCAPES: Readonly<Record<number, string>> = { ...TEXT_ESCAPES, 34: "&quot;", 9: "&#9;", 10: "&#10;" };

function escapeWith(s: string, table: Readonly<Record<number, string>>): string {
  let out = "";
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const rep = table[s.charCodeAt(i)];
    if (rep !== undefined) {
      out += s.slice(last, i) + rep;
      last = i + 1;
    }
  }
  return last === 0 ? s : out + s.slice(last);
}

/** Element text as XML: escaped, and without the characters XML forbids (core/text/xml-chars). */
export function escapeText(s: string): string {
  return escapeWith(xmlSafe(s), TEXT_ESCAPES);
}

/** An attribute value as XML: escaped, and without the characters XML forbids. */
export function escapeAttr(s: string): string {
  return escapeWith(xmlSafe(s), ATTR_ESCAPES);
}

function splitName(qname: string): { prefix: string; local: string } {
  const i = qname.indexOf(":");
  return i < 0 ? { prefix: "", local: qname } : { prefix: qname.slice(0, i), local: qname.slice(i + 1) };
}

/** Parse a whole part into a tree. Throws XmlFormatError. */
export function parseXml(text: string): XmlDocument {
  const parser = new SaxesParser({ xmlns: false, position: false });
  const prolog: XmlNode[] = [];
  let root: XmlElement | null = null;
  let standalone: boolean | null = null;
  const stack: { el: XmlElement; ns: Map<string, string> }[] = [];
  const add = (n: XmlNode) => {
    if (stack.length) stack[stack.length - 1].el.children.push(n);
    else if (n.kind !== "text") prolog.push(n);
  };
  parser.on("xmldecl", (d) => {
    if (d.standalone !== undefined) standalone = d.standalone === "yes";
  });
  parser.on("opentag", (tag: SaxesTagPlain) => {
    const parentNs = stack.length ? stack[stack.length - 1].ns : null;
    let ns = parentNs ?? new Map<string, string>([["xml", NS.xml]]);
    const attrs: XmlAttr[] = [];
    let copied = false;
    for (const [name, value] of Object.entries(tag.attributes)) {
      attrs.push({ name, value: value as string });
      if (name === "xmlns" || name.startsWith("xmlns:")) {
        if (!copied) {
          ns = new Map(ns);
          copied = true;
        }
        ns.set(name === "xmlns" ? "" : name.slice(6), value as string);
      }
    }
    const { prefix, local } = splitName(tag.name);
    const uri = ns.get(prefix);
    if (uri === undefined && prefix) throw new XmlFormatError(`unbound prefix ${prefix}`);
    const el: XmlElement = { kind: "element", name: tag.name, uri: uri ?? "", local, attrs, children: [] };
    if (!stack.length) {
      if (root) throw new XmlFormatError("more than one root element");
      root = el;
    } else add(el);
    stack.push({ el, ns });
    if (stack.length > MAX_XML_DEPTH) throw new XmlFormatError(`elements nested over ${MAX_XML_DEPTH} deep`);
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  parser.on("text", (t) => {
    if (stack.length) add({ kind: "text", text: t });
  });
  parser.on("cdata", (t) => add({ kind: "cdata", text: t }));
  parser.on("comment", (t) => add({ kind: "comment", text: t }));
  parser.on("processinginstruction", (pi) => add({ kind: "pi", target: pi.target, body: pi.body }));
  try {
    parser.write(text).close();
  } catch (cause) {
    if (cause instanceof XmlFormatError) throw cause;
    throw new XmlFormatError(cause instanceof Error ? cause.message : String(cause), { cause });
  }
  if (!root) throw new XmlFormatError("no root element");
  return { prolog, root, standalone };
}

function serializeNode(n: XmlNode, out: string[]): void {
  switch (n.kind) {
    case "text":
      out.push(escapeText(n.text));
      return;
    case "cdata":
      out.push(`<![CDATA[${n.text}]]>`);
      return;
    case "comment":
      out.push(`<!--${n.text}-->`);
      return;
    case "pi":
      out.push(`<?${n.target}${n.body ? " " + n.body : ""}?>`);
      return;
    case "element": {
      out.push("<" + n.name);
      for (const a of n.attrs) out.push(` ${a.name}="${escapeAttr(a.value)}"`);
      if (!n.children.length) {
        out.push("/>");
        return;
      }
      out.push(">");
      for (const c of n.children) serializeNode(c, out);
      out.push(`</${n.name}>`);
    }
  }
}

/** The document as UTF-8 XML text (with Excel's declaration). */
export function serializeXml(doc: XmlDocument): string {
  const out: string[] = [
    `<?xml version="1.0" encoding="UTF-8"${doc.standalone === null ? "" : ` standalone="${doc.standalone ? "yes" : "no"}"`}?>\r\n`,
  ];
  for (const n of doc.prolog) serializeNode(n, out);
  serializeNode(doc.root, out);
  return out.join("");
}

export function serializeElement(el: XmlElement): string {
  const out: string[] = [];
  serializeNode(el, out);
  return out.join("");
}

// ---------------------------------------------------------------------------------------------------
// Tree helpers.

export function attr(el: XmlElement, name: string): string | undefined {
  for (const a of el.attrs) if (a.name === name) return a.value;
  return undefined;
}

/**
 * An attribute in a namespace (e.g. r:id, whatever prefix the part binds to the relationships URI).
 * `parent`: the prefixes in scope at el's parent (namespacesAt), when the caller looks at many siblings —
 * resolving each one from the root would make a list of 10,000 sheets quadratic.
 */
export function attrNs(
  el: XmlElement,
  doc: XmlDocument,
  uris: readonly string[],
  local: string,
  parent?: ReadonlyMap<string, string>,
): string | undefined {
  for (const a of el.attrs) {
    const { prefix, local: l } = splitName(a.name);
    if (!prefix || l !== local) continue;
    const own = attr(el, `xmlns:${prefix}`);
    const uri = own ?? (parent ? (parent.get(prefix) ?? (prefix === "xml" ? NS.xml : undefined)) : prefixUri(doc, el, prefix));
    if (uri && uris.includes(uri)) return a.value;
  }
  return undefined;
}

/** The prefixes declared on `el` and its ancestors ("" for the default namespace), nearest first. */
export function namespacesAt(doc: XmlDocument, el: XmlElement): Map<string, string> {
  const out = new Map<string, string>();
  const path = pathTo(doc.root, el) ?? [];
  for (let i = path.length - 1; i >= 0; i--) {
    for (const a of path[i].attrs) {
      if (a.name !== "xmlns" && !a.name.startsWith("xmlns:")) continue;
      const p = a.name === "xmlns" ? "" : a.name.slice(6);
      if (!out.has(p)) out.set(p, a.value);
    }
  }
  return out;
}

export function setAttr(el: XmlElement, name: string, value: string | null): void {
  const i = el.attrs.findIndex((a) => a.name === name);
  if (value === null) {
    if (i >= 0) el.attrs.splice(i, 1);
  } else if (i >= 0) el.attrs[i].value = value;
  else el.attrs.push({ name, value });
}

export function children(el: XmlElement, local?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) if (c.kind === "element" && (local === undefined || c.local === local)) out.push(c);
  return out;
}

export function child(el: XmlElement, local: string): XmlElement | undefined {
  for (const c of el.children) if (c.kind === "element" && c.local === local) return c;
  return undefined;
}

/** Concatenated text of an element and its descendants. */
export function textOf(el: XmlElement): string {
  let s = "";
  for (const c of el.children) {
    if (c.kind === "text" || c.kind === "cdata") s += c.text;
    else if (c.kind === "element") s += textOf(c);
  }
  return s;
}

/** The namespace a prefix has at `el` (declarations on el and its ancestors). */
export function prefixUri(doc: XmlDocument, el: XmlElement, prefix: string): string | undefined {
  const path = pathTo(doc.root, el);
  if (!path) return undefined;
  const decl = prefix ? `xmlns:${prefix}` : "xmlns";
  for (let i = path.length - 1; i >= 0; i--) {
    const v = attr(path[i], decl);
    if (v !== undefined) return v;
  }
  return prefix === "xml" ? NS.xml : undefined;
}

/** The prefix bound to `uri` at `el` ("" for the default namespace), or undefined. */
export function prefixFor(doc: XmlDocument, el: XmlElement, uri: string): string | undefined {
  const path = pathTo(doc.root, el) ?? [doc.root];
  const seen = new Set<string>();
  for (let i = path.length - 1; i >= 0; i--) {
    for (const a of path[i].attrs) {
      if (a.name !== "xmlns" && !a.name.startsWith("xmlns:")) continue;
      const p = a.name === "xmlns" ? "" : a.name.slice(6);
      if (seen.has(p)) continue;
      seen.add(p);
      if (a.value === uri) return p;
    }
  }
  return undefined;
}

function pathTo(from: XmlElement, target: XmlElement): XmlElement[] | null {
  if (from === target) return [from];
  for (const c of from.children) {
    if (c.kind !== "element") continue;
    const p = pathTo(c, target);
    if (p) return [from, ...p];
  }
  return null;
}

/** A new element in the same namespace (and with the same prefix) as `like`. */
export function elementLike(like: XmlElement, local: string, attrs: Record<string, string | number | undefined> = {}): XmlElement {
  const prefix = like.name.includes(":") ? like.name.slice(0, like.name.indexOf(":") + 1) : "";
  const el: XmlElement = { kind: "element", name: prefix + local, uri: like.uri, local, attrs: [], children: [] };
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) el.attrs.push({ name: k, value: String(v) });
  return el;
}

/** Insert `el` as a child of `parent` right after the last child named one of `after` (else first). */
export function insertAfter(parent: XmlElement, el: XmlElement, after: readonly string[]): void {
  let at = -1;
  parent.children.forEach((c, i) => {
    if (c.kind === "element" && after.includes(c.local)) at = i;
  });
  parent.children.splice(at + 1, 0, el);
}
