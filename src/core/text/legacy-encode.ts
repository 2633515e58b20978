/**
 * Unicode → TCVN3 / VNI: the inverse of the decoding tables (legacy-tables.ts). Used when phuluc writes a
 * unit's words into a sheet that is still typed in a legacy encoding (its .VnTime font would show Unicode
 * letters as garbage), so the sheet stays in one encoding. TCVN3 has no upper-case toned letters: they are
 * written with the lower-case code, as the capitals fonts (.VnTimeH) did.
 */
import { TCVN3_TO_UNICODE, VNI_PAIRS, VNI_SINGLE_MAP } from "./legacy-tables";
import type { TextEncoding } from "./legacy";

let tcvn3: Map<string, string> | null = null;
let vni: Map<string, string> | null = null;

function tcvn3Table(): Map<string, string> {
  if (!tcvn3) {
    tcvn3 = new Map();
    for (const [code, letter] of Object.entries(TCVN3_TO_UNICODE)) tcvn3.set(letter, code);
  }
  return tcvn3;
}

function vniTable(): Map<string, string> {
  if (!vni) {
    vni = new Map();
    for (const [seq, letter] of VNI_PAIRS) if (!vni.has(letter)) vni.set(letter, seq);
    for (const [seq, letter] of VNI_SINGLE_MAP) vni.set(letter, seq);
  }
  return vni;
}

/** Text in `encoding` (Unicode text is returned as is for "unicode"). Never throws. */
export function encodeLegacy(s: string, encoding: TextEncoding): string {
  if (typeof s !== "string" || encoding === "unicode") return s;
  const table = encoding === "tcvn3" ? tcvn3Table() : vniTable();
  let out = "";
  for (const ch of s.normalize("NFC")) out += table.get(ch) ?? (encoding === "tcvn3" ? table.get(ch.toLowerCase()) : undefined) ?? ch;
  return out;
}
