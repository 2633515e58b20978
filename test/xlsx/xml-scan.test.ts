/**
 * The fast XML tokenizer used for sheets and shared strings (src/ooxml/xml-scan.ts) against saxes, a
 * conforming parser: on generated documents (prefixes, entities and character references in text and
 * attributes, CDATA, comments, processing instructions, self-closing tags), fed whole or in random
 * chunks, both give the same elements, attributes and text; cut-off and broken documents are refused.
 */
import fc from "fast-check";
import { SaxesParser } from "saxes";
import { XmlFormatError } from "../../src/ooxml/xml";
import { XmlScanner } from "../../src/ooxml/xml-scan";

type Ev = string;

function scanEvents(doc: string, cuts: number[] = []): Ev[] {
  const ev: Ev[] = [];
  let text = "";
  const flush = () => {
    if (text) ev.push("T:" + text);
    text = "";
  };
  const s = new XmlScanner({
    open: (name, attrs, self) => {
      flush();
      const pairs: string[] = [];
      for (let k = 0; k < attrs.length; k += 2) pairs.push(`${attrs[k]}=${attrs[k + 1]}`);
      ev.push(`O:${name}[${pairs.join("|")}]${self ? "/" : ""}`);
    },
    close: (name) => {
      flush();
      ev.push("C:" + name);
    },
    text: (t) => (text += t),
  });
  let at = 0;
  for (const c of [...cuts].sort((a, b) => a - b)) {
    s.write(doc.slice(at, c));
    at = c;
  }
  s.write(doc.slice(at));
  s.close();
  flush();
  return ev;
}

function saxesEvents(doc: string): Ev[] {
  const ev: Ev[] = [];
  let text = "";
  let depth = 0;
  const flush = () => {
    if (text) ev.push("T:" + text);
    text = "";
  };
  const p = new SaxesParser({ xmlns: false });
  p.on("opentag", (t) => {
    flush();
    depth++;
    ev.push(
      `O:${t.name}[${Object.entries(t.attributes)
        .map(([k, v]) => `${k}=${v}`)
        .join("|")}]${t.isSelfClosing ? "/" : ""}`,
    );
  });
  p.on("closetag", (t) => {
    flush();
    depth--;
    ev.push("C:" + t.name);
  });
  p.on("text", (t) => {
    if (depth > 0) text += t;
  });
  p.on("cdata", (t) => (text += t));
  p.write(doc).close();
  flush();
  return ev;
}

const NAMES = ["c", "row", "x:c", "sheetData", "is", "t", "v", "a:b", "Ω"];
const ATTRS = ["r", "s", "t", "x:id", "xml:space", "ref"];
const RAW = fc.string({ unit: fc.constantFrom("a", "Ệ", " ", "\t", "\n", "&", "<", ">", '"', "'", "]", "x", "1", "😀"), maxLength: 12 });

function escText(s: string, useRefs: boolean): string {
  return s.replace(/[&<>]/g, (c) => (useRefs ? `&#${c.charCodeAt(0)};` : c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));
}

interface Node {
  name: string;
  attrs: [string, string][];
  kids: (Node | { text: string; cdata?: boolean } | { comment: string })[];
}

const node: fc.Memo<Node> = fc.memo((n) =>
  fc.record({
    name: fc.constantFrom(...NAMES),
    attrs: fc.uniqueArray(fc.tuple(fc.constantFrom(...ATTRS), RAW), { maxLength: 3, selector: (a) => a[0] }),
    kids:
      n <= 1
        ? fc.array(fc.oneof(fc.record({ text: RAW }), fc.record({ comment: fc.constantFrom("ghi chú", "- x") })), { maxLength: 2 })
        : fc.array(
            fc.oneof(
              node(n - 1),
              fc.record({ text: RAW }),
              fc.record({ text: fc.constantFrom("a]b", "x y", "Phòng"), cdata: fc.constant(true) }),
              fc.record({ comment: fc.constantFrom("ghi chú", "- x") }),
            ),
            { maxLength: 4 },
          ),
  }),
);

function serialize(n: Node, refs: boolean, quote: string): string {
  const attrs = n.attrs
    .map(
      ([k, v]) =>
        ` ${k}=${quote}${v.replace(/[&<"'\n\t]/g, (c) => (refs ? `&#x${c.charCodeAt(0).toString(16)};` : ({ "&": "&amp;", "<": "&lt;", '"': "&quot;", "'": "&apos;", "\n": "&#10;", "\t": "&#9;" } as Record<string, string>)[c]))}${quote}`,
    )
    .join("");
  if (!n.kids.length) return `<${n.name}${attrs}/>`;
  const body = n.kids
    .map((k) =>
      "name" in k
        ? serialize(k, refs, quote)
        : "comment" in k
          ? `<!--${k.comment}-->`
          : k.cdata
            ? `<![CDATA[${k.text}]]>`
            : escText(k.text, refs),
    )
    .join("");
  return `<${n.name}${attrs}>${body}</${n.name}>`;
}

const doc = fc
  .record({ root: node(4), refs: fc.boolean(), quote: fc.constantFrom('"', "'"), pi: fc.boolean() })
  .map(
    ({ root, refs, quote, pi }) =>
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n${pi ? '<?mso-application progid="Excel.Sheet"?>' : ""}${serialize(root, refs, quote)}\n`,
  );

describe("the XML tokenizer agrees with saxes", () => {
  it("on generated documents, whole or in random chunks", () => {
    fc.assert(
      fc.property(doc, fc.array(fc.nat(), { maxLength: 6 }), (d, cuts) => {
        const expected = saxesEvents(d);
        expect(scanEvents(d)).toEqual(expected);
        expect(
          scanEvents(
            d,
            cuts.map((c) => c % (d.length + 1)),
          ),
        ).toEqual(expected);
      }),
      { numRuns: 400, seed: 20261201 },
    );
  });

  it("refuses every cut-off document", () => {
    fc.assert(
      fc.property(doc, fc.nat(), (d, at) => {
        const end = d.trimEnd().length;
        const cut = d.slice(0, Math.min(at % end, end - 1));
        expect(() => scanEvents(cut)).toThrow(XmlFormatError);
      }),
      { numRuns: 300, seed: 20261202 },
    );
  });

  it.each([
    ["a tag closed by another name", "<a><b></a></b>"],
    ["an attribute twice", '<a x="1" x="2"/>'],
    ["an unknown entity", "<a>&nbsp;</a>"],
    ["a bare ampersand", "<a>x & y</a>"],
    ["an unquoted attribute", "<a x=1/>"],
    ["two root elements", "<a/><b/>"],
    ["text after the root", "<a/>x"],
    ["a DOCTYPE (never in a package part; no entity expansion)", '<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>'],
    ["a '<' in an attribute", '<a x="<"/>'],
    ["a closing tag with nothing open", "</a>"],
    ["no element at all", "  "],
    ["a bad character reference", "<a>&#xD800;</a>"],
  ])("refuses %s", (_what, xml) => {
    expect(() => scanEvents(xml)).toThrow(XmlFormatError);
    expect(() => saxesEvents(xml)).toThrow();
  });
});
