/** What every command takes and gives, whatever door runs it (CLI, ribbon, task pane). */
import type { WorkbookPort } from "../core/port";
import type { Report } from "../core/report-schema";
import type { Settings } from "../core/settings";
import type { DecisionInput } from "../core/returns/decisions";
import type { RunDeps } from "./run-context";
export type { Lang } from "../core/lang";
import type { Lang } from "../core/lang";

/** What to compare the workbook with (check): a summary snapshot kept in it, by as-of date, or another version of it. */
export type SinceRequest = { kind: "snapshot"; asOf: string } | { kind: "file"; port: WorkbookPort; label: string };

/** A workbook a command reads besides the one it works on. */
export interface InputWorkbook {
  label: string;
  port: WorkbookPort;
}

/**
 * What `phuluc settings … -o OUT` changes (the door has checked each value): the commune as typed
 * ("phường Lê Chân"), the plan's fields, the signer, and whether to adopt the unit list the plan's lead
 * column proposes.
 */
export interface SettingsEdit {
  commune?: string;
  plan?: { planNumber: string; planDate?: string; planName: string };
  signerName?: string;
  signerTitle?: string;
  unitsFromPlan?: boolean;
}

export interface CommandRequest {
  /** The workbook: the open one (Office.js) or a file (CLI, preview). */
  port: WorkbookPort;
  /** ISO as-of date. */
  asOf: string;
  /** Language of the outcome's message. */
  lang: Lang;
  /** The door keeps what the command changes (the ribbon: the open workbook; the CLI: only with -o). */
  writeBack: boolean;
  /** A report the door already has (the pane after Kiểm tra); commands that need one check first otherwise. */
  report?: Report;
  settings?: Settings;
  /** Compare with an earlier version (check --since): the report then carries `changes`. */
  since?: SinceRequest;
  /** The workbook's file name, when it is a file (kept in what the command makes: the units' copies). */
  label?: string;
  /** More workbooks the command reads (merge: the units' returns), each with its file name. Only read. */
  inputs?: InputWorkbook[];
  /** The settings to change (the settings command). */
  settingsEdit?: SettingsEdit;
  /** merge: what the person merging decided (--accept, --decisions); absent: only the changes no conflict holds back are written. */
  decisions?: DecisionInput;
  deps?: RunDeps;
}

/** A file the command made (a document, not a copy of the workbook): the CLI writes it to -o, the pane downloads it. */
export interface CommandOutput {
  bytes: Uint8Array;
  /** A suggested name ("bao-cao-2026-11-22.docx"). */
  fileName: string;
  mediaType: string;
}

export interface CommandOutcome {
  /** false: problems remain (errors in the workbook) — the CLI exits 1. */
  ok: boolean;
  /** What the user reads, in the request's language (the ribbon's dialog, the pane's notice, the CLI). */
  message: string;
  /** The report, when the command checked the workbook. */
  report?: Report;
  /** The command changed the workbook (the CLI then writes the copy to -o). */
  changed: boolean;
  /** The file the command made, when it makes one (commands whose CLI `output` is "document"). */
  output?: CommandOutput;
  /** The command's own JSON contract (printed by the CLI's --json instead of the report): merge's MergeJsonSchema. */
  json?: Record<string, unknown>;
  /** The files the command made, when it makes several (commands whose CLI `output` is "directory": split). */
  outputs?: CommandOutput[];
  /** Warnings about the request itself (an id that names nothing): the CLI says them on stderr. */
  notes?: string[];
}

export type CommandRun = (request: CommandRequest) => Promise<CommandOutcome>;
