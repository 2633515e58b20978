/**
 * The shared string table (xl/sharedStrings.xml), read with the XML tokenizer: each <si> is its
 * plain text — a <t>, or the <t> of every rich-text run <r> — without phonetic guides (<rPh>).
 * Excel's escapes for characters XML cannot hold (_x000D_) are decoded. No Node API.
 */
import type { OpcPackage } from "../ooxml/package";
import { localName, saxPart } from "../ooxml/sax";

/** "_x000D_" → "\r"; "_x005F_x000D_" → "_x000D_" (ST_Xstring escapes). */
export function decodeXstring(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * Collects the text of a string item (<si> or an inline <is>): <t> directly in it or in its runs <r>,
 * never in <rPh> (phonetic runs) or anything else.
 */
export class StringItemText {
  private depth = 0;
  private inT = false;
  private skip = 0;
  private parts: string[] = [];

  /** True while inside an element of the item (so a closing tag is not the item's own). */
  get nested(): boolean {
    return this.depth > 0;
  }

  /** Call for each open tag inside the item (the item's own tag excluded). */
  open(local: string): void {
    this.depth++;
    if (this.skip) {
      this.skip++;
      return;
    }
    if (local === "rPh" || local === "phoneticPr" || local === "extLst") this.skip = 1;
    else if (local === "t" && (this.depth === 1 || this.depth === 2)) this.inT = true;
  }

  close(local: string): void {
    this.depth--;
    if (this.skip) {
      this.skip--;
      return;
    }
    if (local === "t") this.inT = false;
  }

  text(t: string): void {
    if (this.inT && !this.skip) this.parts.push(t);
  }

  take(): string {
    const s = this.parts.length === 1 ? this.parts[0] : this.parts.join("");
    this.parts = [];
    this.depth = 0;
    this.inT = false;
    this.skip = 0;
    return decodeXstring(s);
  }
}

/** The table, in order. Throws XmlFormatError / ZipFormatError. */
export function readSharedStrings(pkg: OpcPackage, part: string | null): string[] {
  const out: string[] = [];
  if (!part) return out;
  const item = new StringItemText();
  let inSi = false;
  saxPart(pkg, part, {
    open: (name) => {
      const l = localName(name);
      if (inSi) item.open(l);
      else if (l === "si") inSi = true;
    },
    close: (name) => {
      const l = localName(name);
      if (!inSi) return;
      if (l === "si" && !item.nested) {
        out.push(item.take());
        inSi = false;
      } else item.close(l);
    },
    text: (t) => {
      if (inSi) item.text(t);
    },
  });
  return out;
}
