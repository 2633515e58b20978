/**
 * An OPC package (the container of .xlsx/.xlsm/.xltx files) opened from bytes: parts found through
 * [Content_Types].xml and relationships (absolute or relative targets, any part names), read lazily;
 * edits are kept beside the original and `save()` writes a new zip in which every part that was not
 * edited is copied byte for byte (its compressed bytes as they were). No Node API.
 */
import { attr, children, decodeXmlBytes, elementLike, parseXml, serializeXml, setAttr, type XmlDocument, type XmlElement } from "./xml";
import { normalizeName, ZipReader, type ZipEntry } from "./zip-read";
import { writeZip, type ZipWriteEntry } from "./zip-write";

export const CONTENT_TYPES_PART = "[Content_Types].xml";

export interface Relationship {
  id: string;
  type: string;
  /** Target as written. */
  target: string;
  external: boolean;
  /** The target part's name (no leading slash), for internal relationships. */
  part: string | null;
}

/** The relationships part of a part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels" ("" → "_rels/.rels"). */
export function relsPartOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/**
 * Resolve a relationship target against its source part (OPC: relative to the source's folder).
 * `decode`: undo percent-encoding (zip names hold either form, depending on the writer).
 */
export function resolveTarget(source: string, target: string, decode = true): string {
  let t = target.replace(/\\/g, "/");
  const hash = t.indexOf("#");
  if (hash >= 0) t = t.slice(0, hash);
  if (decode) {
    try {
      t = decodeURIComponent(t);
    } catch {
      /* keep as written */
    }
  }
  const base = t.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const seg of t.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") base.pop();
    else base.push(seg);
  }
  return base.join("/");
}

/** A target for `part` written relative to `source`'s folder. */
export function relativeTarget(source: string, part: string): string {
  const from = source.split("/").slice(0, -1);
  const to = part.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

/** A relationship type by its last segment, whatever the namespace (transitional, strict, Microsoft's). */
export function relTypeIs(type: string, name: string): boolean {
  return type.endsWith("/" + name);
}

interface Edit {
  data: Uint8Array | null; // null = removed
}

let utf8: TextEncoder | null = null;
const encode = (s: string) => (utf8 ??= new TextEncoder()).encode(s);

export class OpcPackage {
  private readonly edits = new Map<string, Edit & { name: string }>();
  private readonly relsCache = new Map<string, Relationship[]>();
  private contentTypes: ContentTypes | null = null;
  private contentTypesDirty = false;

  private constructor(readonly zip: ZipReader) {}

  /** Open a package. Throws ZipFormatError (not a readable zip). */
  static open(bytes: Uint8Array): OpcPackage {
    return new OpcPackage(ZipReader.open(bytes));
  }

  /** Entries of the file left out for their unsafe names ("name (reason)"): never read, never copied. */
  get droppedEntries(): readonly string[] {
    return this.zip.dropped;
  }

  private entry(part: string): ZipEntry | undefined {
    return this.zip.entry(part);
  }

  has(part: string): boolean {
    const e = this.edits.get(normalizeName(part));
    if (e) return e.data !== null;
    return this.entry(part) !== undefined;
  }

  /** Every part name present now (original order, then added parts). */
  partNames(): string[] {
    const out: string[] = [];
    for (const e of this.zip.entries) {
      const edit = this.edits.get(normalizeName(e.name));
      if (edit?.data === null) continue;
      if (!e.name.endsWith("/")) out.push(e.name.replace(/^\/+/, ""));
    }
    for (const [key, e] of this.edits) if (e.data !== null && !this.zip.entry(key)) out.push(e.name);
    return out;
  }

  /** A part's bytes, or undefined. Throws ZipFormatError when it cannot be inflated. */
  bytes(part: string): Uint8Array | undefined {
    const edit = this.edits.get(normalizeName(part));
    if (edit) return edit.data ?? undefined;
    const e = this.entry(part);
    return e ? this.zip.read(e) : undefined;
  }

  text(part: string): string | undefined {
    const b = this.bytes(part);
    return b === undefined ? undefined : decodeXmlBytes(b);
  }

  /** A part's bytes in chunks, not held whole (unless edited). Returns false when there is no such part. */
  chunks(part: string, onChunk: (chunk: Uint8Array) => void): boolean {
    const edit = this.edits.get(normalizeName(part));
    if (edit) {
      if (edit.data === null) return false;
      onChunk(edit.data);
      return true;
    }
    const e = this.entry(part);
    if (!e) return false;
    this.zip.readChunks(e, onChunk);
    return true;
  }

  /** Whether a part still holds the original file's bytes. */
  isOriginal(part: string): boolean {
    return !this.edits.has(normalizeName(part)) && this.entry(part) !== undefined;
  }

  set(part: string, data: string | Uint8Array, contentType?: string): void {
    const key = normalizeName(part);
    const name = this.entry(part)?.name.replace(/^\/+/, "") ?? part.replace(/^\/+/, "");
    this.edits.set(key, { name, data: typeof data === "string" ? encode(data) : data });
    if (part.toLowerCase().endsWith(".rels")) this.relsCache.delete(key);
    if (contentType) this.setContentType(name, contentType);
  }

  remove(part: string): void {
    const key = normalizeName(part);
    this.edits.set(key, { name: part, data: null });
    this.relsCache.delete(key);
    this.removeOverride(part);
  }

  // -------------------------------------------------------------------------------------------------
  // Content types (looked up through maps: a workbook of 10,000 sheets asks for 10,000 of them).

  private types(): ContentTypes {
    if (!this.contentTypes) {
      const text = this.text(CONTENT_TYPES_PART);
      this.contentTypes = new ContentTypes(text === undefined ? emptyContentTypes() : parseXml(text));
    }
    return this.contentTypes;
  }

  /** The content type of a part (its Override, else the Default for its extension). */
  contentType(part: string): string | undefined {
    const t = this.types();
    const o = t.overrides.get(normalizeName(part));
    if (o) return attr(o, "ContentType");
    const d = t.defaults.get(part.slice(part.lastIndexOf(".") + 1).toLowerCase());
    return d ? attr(d, "ContentType") : undefined;
  }

  setContentType(part: string, type: string): void {
    const t = this.types();
    const key = normalizeName(part);
    const found = t.overrides.get(key);
    if (found) {
      if (attr(found, "ContentType") === type) return;
      setAttr(found, "ContentType", type);
    } else {
      const el = elementLike(t.doc.root, "Override", { PartName: "/" + part.replace(/^\/+/, ""), ContentType: type });
      t.doc.root.children.push(el);
      t.overrides.set(key, el);
    }
    this.contentTypesDirty = true;
  }

  private removeOverride(part: string): void {
    const t = this.types();
    const el = t.overrides.get(normalizeName(part));
    if (!el) return;
    t.overrides.delete(normalizeName(part));
    t.doc.root.children = t.doc.root.children.filter((c) => c.kind !== "element" || c.local !== "Override" || !samePart(c, part));
    this.contentTypesDirty = true;
  }

  /** A Default for an extension (e.g. "png"), added when missing. */
  ensureDefault(ext: string, type: string): void {
    const t = this.types();
    const key = ext.toLowerCase();
    if (t.defaults.has(key)) return;
    const el = elementLike(t.doc.root, "Default", { Extension: ext, ContentType: type });
    t.doc.root.children.unshift(el);
    t.defaults.set(key, el);
    this.contentTypesDirty = true;
  }

  // -------------------------------------------------------------------------------------------------
  // Relationships.

  /** The relationships of a part ("" = the package's own). Throws XmlFormatError on a damaged .rels. */
  rels(source: string): Relationship[] {
    const relsPart = relsPartOf(source);
    const key = normalizeName(relsPart);
    const cached = this.relsCache.get(key);
    if (cached) return cached;
    const text = this.text(relsPart);
    const out: Relationship[] = [];
    if (text !== undefined) {
      for (const r of children(parseXml(text).root, "Relationship")) {
        const id = attr(r, "Id") ?? "";
        const target = attr(r, "Target") ?? "";
        const external = attr(r, "TargetMode") === "External";
        let part: string | null = null;
        if (!external) {
          const asWritten = resolveTarget(source, target, false);
          part = this.has(asWritten) ? asWritten : resolveTarget(source, target);
        }
        out.push({ id, type: attr(r, "Type") ?? "", target, external, part });
      }
    }
    this.relsCache.set(key, out);
    return out;
  }

  /** Add a relationship; returns its new id. */
  addRel(source: string, type: string, part: string): string {
    const relsPart = relsPartOf(source);
    const text = this.text(relsPart);
    const doc = text === undefined ? emptyRels() : parseXml(text);
    const taken = new Set(children(doc.root, "Relationship").map((r) => attr(r, "Id")));
    let n = taken.size + 1;
    while (taken.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    doc.root.children.push(elementLike(doc.root, "Relationship", { Id: id, Type: type, Target: relativeTarget(source, part) }));
    this.set(relsPart, serializeXml(doc));
    this.ensureDefault("rels", "application/vnd.openxmlformats-package.relationships+xml");
    return id;
  }

  /** Remove relationships of `source` by id (the .rels part is removed when it becomes empty). */
  removeRels(source: string, ids: Set<string>): void {
    const relsPart = relsPartOf(source);
    const text = this.text(relsPart);
    if (text === undefined) return;
    const doc = parseXml(text);
    doc.root.children = doc.root.children.filter(
      (c) => !(c.kind === "element" && c.local === "Relationship" && ids.has(attr(c, "Id") ?? "")),
    );
    if (children(doc.root, "Relationship").length === 0) this.remove(relsPart);
    else this.set(relsPart, serializeXml(doc));
  }

  /**
   * Remove a part with its relationships part and every part reachable only from it (a sheet's drawing,
   * its chart, the chart's style…). Parts another part still points to are kept.
   */
  removeTree(part: string): void {
    const doomed = new Set<string>([normalizeName(part)]);
    const queue = [part];
    while (queue.length) {
      const p = queue.shift()!;
      for (const r of this.rels(p)) {
        if (!r.part || doomed.has(normalizeName(r.part))) continue;
        queue.push(r.part);
        doomed.add(normalizeName(r.part));
      }
    }
    // Keep what something outside the doomed set points to.
    const referenced = new Set<string>();
    for (const name of this.partNames()) {
      if (!name.toLowerCase().endsWith(".rels")) continue;
      const source = sourceOfRels(name);
      if (source === null || doomed.has(normalizeName(source))) continue;
      for (const r of this.rels(source)) if (r.part) referenced.add(normalizeName(r.part));
    }
    for (const key of doomed) {
      if (key !== normalizeName(part) && referenced.has(key)) continue;
      const name = this.partNames().find((n) => normalizeName(n) === key) ?? key;
      const relsPart = relsPartOf(name);
      if (this.has(relsPart)) this.remove(relsPart);
      if (this.has(name)) this.remove(name);
    }
  }

  /** A part name not used yet: `${prefix}${n}${suffix}` with the smallest n ≥ 1. */
  freeName(prefix: string, suffix: string): string {
    const taken = new Set(this.partNames().map(normalizeName));
    for (let n = 1; ; n++) {
      const name = `${prefix}${n}${suffix}`;
      if (!taken.has(normalizeName(name))) return name;
    }
  }

  /**
   * The package as zip bytes: untouched parts copied raw (each verified first: ZipFormatError when one is
   * damaged), in their original order; new parts after.
   */
  save(): Uint8Array {
    if (this.contentTypesDirty && this.contentTypes) {
      const key = normalizeName(CONTENT_TYPES_PART);
      this.edits.set(key, {
        name: this.entry(CONTENT_TYPES_PART)?.name ?? CONTENT_TYPES_PART,
        data: encode(serializeXml(this.contentTypes.doc)),
      });
      this.contentTypesDirty = false;
    }
    const out: ZipWriteEntry[] = [];
    const first = this.zip.entries[0];
    const stamp = first ? { time: first.time, date: first.date } : {};
    const written = new Set<string>();
    for (const e of this.zip.entries) {
      const key = normalizeName(e.name);
      if (written.has(key)) continue;
      written.add(key);
      const edit = this.edits.get(key);
      if (!edit) out.push({ kind: "copy", from: this.zip, entry: e });
      else if (edit.data !== null) out.push({ kind: "new", name: e.name.replace(/^\/+/, ""), data: edit.data, ...stamp });
    }
    for (const [key, edit] of this.edits) {
      if (written.has(key) || edit.data === null) continue;
      out.push({ kind: "new", name: edit.name, data: edit.data, ...stamp });
    }
    return writeZip(out);
  }
}

/** "xl/_rels/workbook.xml.rels" → "xl/workbook.xml"; "_rels/.rels" → "". */
export function sourceOfRels(relsPart: string): string | null {
  const m = /^(.*?)_rels\/([^/]*)\.rels$/i.exec(relsPart);
  if (!m) return null;
  return m[1] + m[2];
}

/** [Content_Types].xml, with its Overrides by part name and its Defaults by extension (first one wins, as before). */
class ContentTypes {
  readonly overrides = new Map<string, XmlElement>();
  readonly defaults = new Map<string, XmlElement>();
  constructor(readonly doc: XmlDocument) {
    for (const o of children(doc.root, "Override")) {
      const key = normalizeName(attr(o, "PartName") ?? "");
      if (!this.overrides.has(key)) this.overrides.set(key, o);
    }
    for (const d of children(doc.root, "Default")) {
      const key = (attr(d, "Extension") ?? "").toLowerCase();
      if (!this.defaults.has(key)) this.defaults.set(key, d);
    }
  }
}

const samePart = (el: XmlElement, part: string) => normalizeName(attr(el, "PartName") ?? "") === normalizeName(part);

function emptyContentTypes(): XmlDocument {
  return parseXml(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`);
}

function emptyRels(): XmlDocument {
  return parseXml(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>`);
}
