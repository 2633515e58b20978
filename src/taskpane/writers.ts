/**
 * The file writers of the Office doors (the pane, the web app, the ribbon): each loaded on first use as a
 * chunk of its own (the .xlsx writer for the units' copies, the docx library for the report document).
 */
import type { FileWriters } from "../app/run-context";

export const lazyWriters: FileWriters = {
  unitCopy: async (copy, settings) => {
    const { writeUnitCopy } = await import(/* webpackChunkName: "xlsx-writer" */ "../xlsx/unit-copy");
    return writeUnitCopy(copy, settings);
  },
  reportDocx: async (doc) => {
    const { renderReportDocx, DOCX_MEDIA_TYPE } = await import(/* webpackChunkName: "docx" */ "../docx/render");
    return { bytes: await renderReportDocx(doc), mediaType: DOCX_MEDIA_TYPE };
  },
};
