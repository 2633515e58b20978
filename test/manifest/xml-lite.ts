/** A tiny XML reader for the manifest tests (elements, attributes, text; comments and PIs skipped). */
export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
  parent: XmlNode | null;
}

function decode(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

export function parseXml(src: string): XmlNode {
  const root: XmlNode = { name: "#document", attrs: {}, children: [], text: "", parent: null };
  let cur = root;
  const re = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<\/([^\s>]+)\s*>|<([^\s/>]+)((?:\s+[^\s=]+\s*=\s*"[^"]*")*)\s*(\/?)>|([^<]+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(src))) {
    if (m[1]) {
      if (cur.name !== m[1]) throw new Error(`XML: </${m[1]}> closes <${cur.name}>`);
      cur = cur.parent!;
    } else if (m[2]) {
      const attrs: Record<string, string> = {};
      for (const a of m[3].matchAll(/([^\s=]+)\s*=\s*"([^"]*)"/g)) attrs[a[1]] = decode(a[2]);
      const node: XmlNode = { name: m[2], attrs, children: [], text: "", parent: cur };
      cur.children.push(node);
      if (!m[4]) cur = node;
    } else if (m[5] !== undefined) {
      cur.text += decode(m[5]);
    }
  }
  if (cur !== root) throw new Error(`XML: <${cur.name}> is not closed`);
  return root;
}

export function localName(n: XmlNode): string {
  const i = n.name.indexOf(":");
  return i < 0 ? n.name : n.name.slice(i + 1);
}

export function walk(n: XmlNode, fn: (n: XmlNode) => void): void {
  fn(n);
  for (const c of n.children) walk(c, fn);
}

export function findAll(n: XmlNode, local: string): XmlNode[] {
  const out: XmlNode[] = [];
  walk(n, (x) => {
    if (localName(x) === local) out.push(x);
  });
  return out;
}
