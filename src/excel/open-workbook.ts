/// <reference types="office-js" />
/**
 * A workbook the pane made (a unit's copy) opened in a new Excel window — Excel.createWorkbook (ExcelApi
 * 1.8) — where the pane cannot download a file (Excel for Mac). The user saves it there and sends it.
 */
import { officeIsSetSupported, type IsSetSupported } from "./requirements";

/** Bytes → base64, in slices (a whole workbook does not fit one String.fromCharCode call). */
export function toBase64(bytes: Uint8Array): string {
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** The opener, or undefined when this Excel cannot create a workbook from a file. */
export function workbookOpener(
  isSetSupported: IsSetSupported = officeIsSetSupported(),
  create: (base64: string) => Promise<unknown> = (b) => Excel.createWorkbook(b),
): ((bytes: Uint8Array) => Promise<void>) | undefined {
  if (!isSetSupported("ExcelApi", "1.8")) return undefined;
  return async (bytes) => {
    await create(toBase64(bytes));
  };
}
