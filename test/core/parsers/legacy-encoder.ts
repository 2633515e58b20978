/** Test helper: encode Unicode Vietnamese into TCVN3 / VNI, built from the inverse of the decoding tables. */
import { TCVN3_TO_UNICODE, VNI_PAIRS, VNI_SINGLE_MAP } from "../../../src/core/text/legacy-tables";

const TCVN3_FROM_UNICODE = new Map<string, string>();
for (const [code, letter] of Object.entries(TCVN3_TO_UNICODE)) TCVN3_FROM_UNICODE.set(letter, code);

/** TCVN3 has no upper-case toned letters: they are written with the lower-case code (capitals font). */
export function encodeTcvn3(s: string): string {
  let out = "";
  for (const ch of s.normalize("NFC")) {
    out += TCVN3_FROM_UNICODE.get(ch) ?? TCVN3_FROM_UNICODE.get(ch.toLowerCase()) ?? ch;
  }
  return out;
}

const VNI_FROM_UNICODE = new Map<string, string>();
for (const [seq, letter] of VNI_PAIRS) if (!VNI_FROM_UNICODE.has(letter)) VNI_FROM_UNICODE.set(letter, seq);
for (const [seq, letter] of VNI_SINGLE_MAP) VNI_FROM_UNICODE.set(letter, seq); // ỵ = î, not "yï"

export function encodeVni(s: string): string {
  let out = "";
  for (const ch of s.normalize("NFC")) out += VNI_FROM_UNICODE.get(ch) ?? ch;
  return out;
}
