/**
 * The preview wraps the file port so the grid beside the pane follows every action: a select moves
 * the grid's selection, anything that writes (highlights, fixes, summary, settings) refreshes it.
 */
import type { WorkbookPort } from "../../core/port";

export type PortEvent = { kind: "select"; sheet: string; cell: string } | { kind: "changed" };

export function observePort(inner: WorkbookPort, listener: (e: PortEvent) => void): WorkbookPort {
  const changed = async <T>(p: Promise<T>): Promise<T> => {
    try {
      return await p;
    } finally {
      listener({ kind: "changed" });
    }
  };
  return {
    readSheets: (onProgress) => inner.readSheets(onProgress),
    loadSettings: () => inner.loadSettings(),
    writeSummary: (spec) => changed(inner.writeSummary(spec)),
    highlight: (targets) => changed(inner.highlight(targets)),
    clearHighlights: () => changed(inner.clearHighlights()),
    writeCells: (sheet, edits) => changed(inner.writeCells(sheet, edits)),
    writeBatch: (writes) => changed(inner.writeBatch(writes)),
    readColumnWidths: (sheets) => inner.readColumnWidths(sheets),
    readFormulas: (cells) => inner.readFormulas(cells),
    readLists: (cells) => inner.readLists(cells),
    productSheets: () => inner.productSheets(),
    saveSettings: (settings) => changed(inner.saveSettings(settings)),
    loadRecord: (key) => inner.loadRecord(key),
    saveRecord: (key, value) => changed(inner.saveRecord(key, value)),
    updateRecord: (key, update) => changed(inner.updateRecord(key, update)),
    select: async (sheet, cell) => {
      await inner.select(sheet, cell);
      listener({ kind: "select", sheet, cell });
    },
  };
}
