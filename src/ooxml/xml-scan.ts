/**
 * A fast, streaming XML tokenizer for the big parts (sheets, shared strings): elements, attributes,
 * text, CDATA, comments, processing instructions, the five predefined entities and character
 * references. It checks what makes a document well-formed in structure — every tag closed by its own
 * name, one root, attributes written name="value" once each, no stray "<" or "&", nothing cut off — and
 * throws XmlFormatError otherwise; a DOCTYPE is refused (an .xlsx part never has one). It does not
 * check that literal characters are in XML's allowed ranges (saxes, used for the small parts, does), but
 * a character reference must name one. What it holds is bounded: nesting (MAX_XML_DEPTH) and the piece
 * it waits for across chunks (MAX_PENDING).
 *
 * It exists because the sheets are where the time goes: measured on 100,000 tasks it reads about three
 * times faster than saxes and allocates no object per attribute (attributes come as a reused flat list).
 * test/xlsx/xml-scan.test.ts checks it against saxes on generated documents. No Node API.
 */
import { MAX_XML_DEPTH, XmlFormatError } from "./xml";

export interface ScanHandlers {
  /** `attrs` is [name, value, name, value, …], reused between calls: read it, do not keep it. */
  open(name: string, attrs: string[], selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

const LT = 60,
  GT = 62,
  SLASH = 47,
  AMP = 38,
  EQ = 61,
  QUOT = 34,
  APOS = 39,
  BANG = 33,
  QMARK = 63;

/** Character classes for codes below 128: 1 = white space, 2 = ends a name (white space too). */
const CLASS = new Uint8Array(128);
for (const c of [32, 10, 9, 13]) CLASS[c] = 3;
for (const c of [GT, SLASH, EQ, LT, QUOT, APOS, AMP]) CLASS[c] = 2;

function isSpace(c: number): boolean {
  return c < 128 && (CLASS[c] & 1) === 1;
}

function isNameEnd(c: number): boolean {
  return c < 128 && CLASS[c] !== 0;
}

/**
 * One-character names (the sheets' c, v, r, s, t) as shared strings: no new string per element or
 * attribute. Taken from an object's keys, so they are the engine's internalized strings and compare to
 * the literals the handlers use ("c", "r") by identity.
 */
const ONE_CHAR: string[] = (() => {
  const keys = Object.keys(Object.fromEntries(Array.from({ length: 128 }, (_, c) => [String.fromCharCode(c), 0])));
  const out: string[] = [];
  for (const k of keys) out[k.charCodeAt(0)] = k; // digits come first among an object's keys: place each by its code
  return out;
})();

/** s.slice(from, to), without allocating when it is one ASCII character. */
function nameAt(s: string, from: number, to: number): string {
  if (to === from + 1) {
    const c = s.charCodeAt(from);
    if (c < 128) return ONE_CHAR[c];
  }
  return s.slice(from, to);
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** XML 1.0's Char: what a character reference may name (&#1; or &#xFFFE; is not well-formed). */
function isXmlChar(code: number): boolean {
  if (code < 0x20) return code === 9 || code === 10 || code === 13;
  return code <= 0xd7ff || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

/** Longest piece the tokenizer waits for the end of across chunks (a text, tag or comment: a cell holds 32,767 characters). */
export const MAX_PENDING = 8 * 1024 * 1024;

/** Decode entity and character references (throws on an unknown or unterminated one). */
export function decodeEntities(s: string): string {
  let amp = s.indexOf("&");
  if (amp < 0) return s;
  let out = "";
  let last = 0;
  while (amp >= 0) {
    const semi = s.indexOf(";", amp + 1);
    if (semi < 0 || semi - amp > 12) throw new XmlFormatError("unterminated entity reference");
    const name = s.slice(amp + 1, semi);
    let rep: string | undefined;
    if (name.charCodeAt(0) === 35) {
      const code = name.charCodeAt(1) === 120 ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      const digits = name.charCodeAt(1) === 120 ? /^x[0-9a-fA-F]+$/.test(name.slice(1)) : /^[0-9]+$/.test(name.slice(1));
      if (!digits || !isXmlChar(code)) throw new XmlFormatError(`bad character reference &${name};`);
      rep = String.fromCodePoint(code);
    } else rep = ENTITIES[name];
    if (rep === undefined) throw new XmlFormatError(`unknown entity &${name};`);
    out += s.slice(last, amp) + rep;
    last = semi + 1;
    amp = s.indexOf("&", last);
  }
  return out + s.slice(last);
}

export class XmlScanner {
  private buf = "";
  private stack: string[] = [];
  private rootSeen = false;
  private rootClosed = false;
  private readonly attrs: string[] = [];
  private ended = false;

  constructor(private readonly h: ScanHandlers) {}

  private fail(msg: string): never {
    throw new XmlFormatError(msg);
  }

  private emitText(raw: string): void {
    if (!raw) return;
    if (!this.stack.length) {
      for (let i = 0; i < raw.length; i++) if (!isSpace(raw.charCodeAt(i))) this.fail("text outside the root element");
      return;
    }
    // No "<" here: the text ends at the next one (or at the end of the document).
    this.h.text(decodeEntities(raw));
  }

  /** Feed the next piece of the document. */
  write(chunk: string): this {
    if (this.ended) this.fail("write after close");
    const s = this.buf ? this.buf + chunk : chunk;
    const consumed = this.scan(s, false);
    this.buf = s.slice(consumed);
    if (this.buf.length > MAX_PENDING) this.fail(`a single text, tag or comment over ${MAX_PENDING} characters`);
    return this;
  }

  /** The document is complete: anything left open is an error. */
  close(): void {
    if (this.buf) {
      const consumed = this.scan(this.buf, true);
      if (consumed < this.buf.length) this.fail("document cut off");
    }
    this.ended = true;
    if (this.stack.length) this.fail(`unclosed element <${this.stack[this.stack.length - 1]}>`);
    if (!this.rootSeen) this.fail("no root element");
  }

  /** Scan `s`; returns how much of it was consumed (an incomplete construct at the end waits for more). */
  private scan(s: string, final: boolean): number {
    const n = s.length;
    let i = 0;
    while (i < n) {
      const lt = s.indexOf("<", i);
      if (lt < 0) {
        // Text up to the end: keep it for the next chunk unless final (an entity could be cut).
        if (!final) return i;
        this.emitText(s.slice(i));
        return n;
      }
      if (lt > i) this.emitText(s.slice(i, lt));
      i = lt;
      if (i + 1 >= n) return final ? this.fail("document cut off") : i;
      const c1 = s.charCodeAt(i + 1);
      if (c1 === BANG) {
        if (s.startsWith("<!--", i)) {
          const end = s.indexOf("-->", i + 4);
          if (end < 0) return final ? this.fail("unterminated comment") : i;
          i = end + 3;
        } else if (s.startsWith("<![CDATA[", i)) {
          const end = s.indexOf("]]>", i + 9);
          if (end < 0) return final ? this.fail("unterminated CDATA") : i;
          if (!this.stack.length) this.fail("CDATA outside the root element");
          this.h.text(s.slice(i + 9, end));
          i = end + 3;
        } else if (n - i < 9 && !final) return i;
        else this.fail("DOCTYPE or unknown markup declaration");
        continue;
      }
      if (c1 === QMARK) {
        const end = s.indexOf("?>", i + 2);
        if (end < 0) return final ? this.fail("unterminated processing instruction") : i;
        i = end + 2;
        continue;
      }
      const next = c1 === SLASH ? this.closeTag(s, i + 2) : this.openTag(s, i + 1);
      if (next < 0) return final ? this.fail("unterminated tag") : i;
      i = next;
    }
    return n;
  }

  /**
   * A closing tag from `from` (after "</"): checked against the open element without copying its name.
   * Returns the index after its ">", or -1 when it is not complete yet.
   */
  private closeTag(s: string, from: number): number {
    const gt = s.indexOf(">", from);
    if (gt < 0) return -1;
    let end = gt;
    while (end > from && isSpace(s.charCodeAt(end - 1))) end--;
    const open = this.stack[this.stack.length - 1];
    if (open === undefined || end - from !== open.length || !s.startsWith(open, from)) {
      const name = s.slice(from, end);
      if (name.indexOf("<") >= 0) this.fail("'<' inside a tag");
      this.fail(open === undefined ? `</${name}> without an open element` : `</${name}> closes <${open}>`);
    }
    this.stack.pop();
    if (!this.stack.length) this.rootClosed = true;
    this.h.close(open);
    return gt + 1;
  }

  /**
   * An opening tag from `from` (after "<"), its attributes read in the same pass that finds its end.
   * Returns the index after its ">", or -1 when it is not complete yet (nothing is reported until it is).
   */
  private openTag(s: string, from: number): number {
    const n = s.length;
    let i = from;
    while (i < n && !isNameEnd(s.charCodeAt(i))) i++;
    if (i >= n) return -1;
    if (i === from) this.fail(s.charCodeAt(i) === LT ? "'<' inside a tag" : "element without a name");
    const name = nameAt(s, from, i);
    const attrs = this.attrs;
    if (attrs.length) attrs.length = 0; // (setting the length costs a call into the engine: not when it is 0)
    let selfClosing = false;
    for (;;) {
      while (i < n && isSpace(s.charCodeAt(i))) i++;
      if (i >= n) return -1;
      const c = s.charCodeAt(i);
      if (c === GT) {
        i++;
        break;
      }
      if (c === SLASH) {
        if (i + 1 >= n) return -1;
        if (s.charCodeAt(i + 1) !== GT) this.fail(`'/' inside <${name}>`);
        selfClosing = true;
        i += 2;
        break;
      }
      if (c === LT) this.fail("'<' inside a tag");
      i = this.attribute(s, i, name);
      if (i < 0) return -1;
    }
    this.element(name, selfClosing);
    return i;
  }

  /** One attribute name="value" from `from` into this.attrs; the index after it, or -1 when incomplete. */
  private attribute(s: string, from: number, name: string): number {
    const n = s.length;
    const attrs = this.attrs;
    let i = from;
    while (i < n && !isNameEnd(s.charCodeAt(i))) i++;
    if (i >= n) return -1;
    if (i === from) this.fail(`bad attribute in <${name}>`);
    const an = nameAt(s, from, i);
    while (i < n && isSpace(s.charCodeAt(i))) i++;
    if (i >= n) return -1;
    if (s.charCodeAt(i) !== EQ) this.fail(`attribute ${an} without a value in <${name}>`);
    i++;
    while (i < n && isSpace(s.charCodeAt(i))) i++;
    if (i >= n) return -1;
    const q = s.charCodeAt(i);
    if (q !== QUOT && q !== APOS) this.fail(`unquoted attribute ${an} in <${name}>`);
    const ve = s.indexOf(q === QUOT ? '"' : "'", i + 1);
    if (ve < 0) return -1;
    for (let k = 0; k < attrs.length; k += 2) if (attrs[k] === an) this.fail(`attribute ${an} twice in <${name}>`);
    const raw = s.slice(i + 1, ve);
    if (raw.indexOf("<") >= 0) this.fail(`'<' in attribute ${an}`);
    attrs.push(an, decodeEntities(raw));
    i = ve + 1;
    if (i >= n) return -1;
    const after = s.charCodeAt(i);
    if (!isSpace(after) && after !== SLASH && after !== GT) this.fail(`no space between attributes in <${name}>`);
    return i;
  }

  /** A complete opening tag: reported, and pushed unless it closes itself. */
  private element(name: string, selfClosing: boolean): void {
    if (!this.stack.length) {
      if (this.rootSeen) this.fail(this.rootClosed ? "more than one root element" : "element outside the root");
      this.rootSeen = true;
    }
    this.h.open(name, this.attrs, selfClosing);
    if (selfClosing) {
      if (!this.stack.length) this.rootClosed = true;
      this.h.close(name);
    } else {
      this.stack.push(name);
      if (this.stack.length > MAX_XML_DEPTH) this.fail(`elements nested over ${MAX_XML_DEPTH} deep`);
    }
  }
}

/** The value of attribute `name` in a flat attribute list, or undefined. */
export function attrValue(attrs: string[], name: string): string | undefined {
  for (let k = 0; k < attrs.length; k += 2) if (attrs[k] === name) return attrs[k + 1];
  return undefined;
}
