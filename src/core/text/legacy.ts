/** Legacy Vietnamese encodings (TCVN3/ABC and VNI) detection and decoding. (Owner: parsers.) */

export type TextEncoding = "unicode" | "tcvn3" | "vni";

/** Guess the encoding of a sheet from its text cells. "unicode" unless legacy text clearly dominates. */
export function detectEncoding(samples: string[]): TextEncoding {
  throw new Error("not implemented");
}

/** Decode legacy text to Unicode NFC. Returns the input unchanged for "unicode". */
export function decodeLegacy(s: string, encoding: TextEncoding): string {
  throw new Error("not implemented");
}
