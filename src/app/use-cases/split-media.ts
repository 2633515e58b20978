/** The media type of the files the units get (a tiny module: the pane's first bundle names it without the split code). */
export const XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
