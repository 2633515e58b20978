/** The CLI's file writers (deps.writers): the .xlsx and .docx writers, imported as they are. */
import type { FileWriters } from "../app/run-context";
import { DOCX_MEDIA_TYPE, renderReportDocx } from "../docx/render";
import { writeUnitCopy } from "../xlsx/unit-copy";

export const cliWriters: FileWriters = {
  unitCopy: async (copy, settings) => writeUnitCopy(copy, settings),
  reportDocx: async (doc) => ({ bytes: await renderReportDocx(doc), mediaType: DOCX_MEDIA_TYPE }),
};
