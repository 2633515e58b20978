/** What the pane's controller is given by the page around it: the workbook, the engine, how files reach the user. */
import type { WorkbookPort } from "../../core/port";
import type { EngineLoader } from "../engine";
import type { FileDelivery, SaveFile } from "../file-delivery";

export interface PaneHost {
  port: WorkbookPort;
  loadEngine: EngineLoader;
  /** How a made file reaches the user: a download, or a sheet in the workbook (Excel for Mac). */
  delivery: FileDelivery;
  /** The download itself. */
  saveFile: SaveFile;
  /** Opens a workbook made by the pane in a new Excel window (Excel for Mac, where a download cannot work). */
  openWorkbook?: (bytes: Uint8Array) => Promise<void>;
  /** The open workbook's file name, when known (the preview's): kept in the units' copies. */
  fileName?: string;
  /** Told as a Kiểm tra starts (the pane loads the views of its result meanwhile). */
  onCheckStart?: () => void;
}
