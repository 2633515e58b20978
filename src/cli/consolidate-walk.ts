/**
 * The files `phuluc consolidate DIR|FILES…` reads: every file under each folder given (sub-folders too), and
 * each file named. Hidden files and folders (".git", ".DS_Store") and Office's lock files ("~$…") are not
 * the communes' and are passed over; every other file is read — a file that is not a workbook is then listed
 * with its reason. The run's own outputs (-o, --report) are set apart, for the door to decide (an earlier
 * city workbook is not a commune's; any other file is an input it must not overwrite). Bounded: at most
 * MAX_FILES files and MAX_DEPTH folders deep, and a folder reached twice (through a link) is walked once. A name that does not exist
 * is a usage error.
 */
import * as fs from "fs";
import * as path from "path";
import { consolidateUsageTexts as U } from "../i18n/consolidate";
import type { Target } from "./consolidate-file";
import { CliError } from "./io";

export const MAX_FILES = 100_000;
/** Folders inside folders read at most this deep (a deeper tree is a usage error, not a stack overflow). */
export const MAX_DEPTH = 64;

const passedOver = (name: string) => name.startsWith(".") || name.startsWith("~$");

function realOf(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

class Walk {
  readonly targets: Target[] = [];
  /** Files found that are the run's outputs. */
  readonly outputs: Target[] = [];
  private readonly seenDirs = new Set<string>();
  private readonly seenFiles = new Set<string>();

  constructor(private readonly outputReals: ReadonlySet<string>) {}

  add(p: string, display: string): void {
    const real = realOf(p);
    if (this.seenFiles.has(real)) return;
    this.seenFiles.add(real);
    if (this.outputReals.has(real)) {
      this.outputs.push({ path: p, file: display });
      return;
    }
    if (this.targets.length >= MAX_FILES) throw new CliError(U.tooManyFiles(MAX_FILES));
    this.targets.push({ path: p, file: display });
  }

  folder(dir: string, display: string, depth = 0): void {
    if (depth > MAX_DEPTH) throw new CliError(U.tooDeep(display, MAX_DEPTH));
    const real = realOf(dir);
    if (this.seenDirs.has(real)) return;
    this.seenDirs.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      throw new CliError(U.unreadableFolder(display), 2, { cause: e });
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (passedOver(e.name)) continue;
      const p = path.join(dir, e.name);
      const shown = path.join(display, e.name);
      const isDir = e.isDirectory() || (e.isSymbolicLink() && isFolder(p));
      if (isDir) this.folder(p, shown, depth + 1);
      else this.add(p, shown);
    }
  }
}

function isFolder(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

export interface Found {
  /** The files to read, in a stable order. */
  targets: Target[];
  /** The files found that the run writes (-o, --report). */
  outputs: Target[];
  /** The folders given (to name one when there is nothing to read). */
  folders: string[];
}

/** The files under `inputs`; those that are the run's `outputs` set apart. */
export function findFiles(inputs: readonly string[], outputs: readonly string[]): Found {
  const walk = new Walk(new Set(outputs.map(realOf)));
  const folders: string[] = [];
  for (const input of inputs) {
    let st: fs.Stats;
    try {
      st = fs.statSync(input);
    } catch (e) {
      throw new CliError(U.notFound(input), 2, { cause: e });
    }
    if (st.isDirectory()) {
      folders.push(input);
      walk.folder(input, input);
    } else walk.add(input, input);
  }
  return { targets: walk.targets, outputs: walk.outputs, folders };
}

/** Nothing to read at all (an empty folder) is a usage error. */
export function assertSomething(found: Found): void {
  if (!found.targets.length) throw new CliError(found.folders.length ? U.emptyFolder(found.folders[0]) : U.noFiles);
}
