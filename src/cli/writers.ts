/**
 * The CLI's file writers (deps.writers): the .xlsx and .docx writers, each loaded when a command first
 * writes such a file (the docx package alone is a fifth of the CLI's start-up, and `check` never needs it).
 */
import type { FileWriters } from "../app/run-context";

export const cliWriters: FileWriters = {
  unitCopy: async (copy, settings) => (await import("../xlsx/unit-copy")).writeUnitCopy(copy, settings),
  reportDocx: async (doc) => {
    const { DOCX_MEDIA_TYPE, renderReportDocx } = await import("../docx/render");
    return { bytes: await renderReportDocx(doc), mediaType: DOCX_MEDIA_TYPE };
  },
};
