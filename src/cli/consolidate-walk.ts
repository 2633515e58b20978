/**
 * The files `phuluc consolidate DIR|FILES…` reads: every file under each folder given (sub-folders too), and
 * each file named. Hidden files and folders (".git", ".DS_Store") and Office's lock files ("~$…") are not
 * the communes' and are passed over; every other file is read — a file that is not a workbook is then listed
 * with its reason. The city's own outputs are never read as inputs. Bounded: at most MAX_FILES files, and a
 * folder reached twice (through a link) is walked once. A name that does not exist, or nothing to read at
 * all (an empty folder), is a usage error.
 */
import * as fs from "fs";
import * as path from "path";
import { consolidateUsageTexts as U } from "../i18n/consolidate";
import type { Target } from "./consolidate-file";
import { CliError } from "./io";

export const MAX_FILES = 100_000;

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
  private readonly seenDirs = new Set<string>();
  private readonly seenFiles = new Set<string>();

  constructor(private readonly excluded: ReadonlySet<string>) {}

  add(p: string, display: string): void {
    const real = realOf(p);
    if (this.excluded.has(real) || this.seenFiles.has(real)) return;
    this.seenFiles.add(real);
    if (this.targets.length >= MAX_FILES) throw new CliError(U.tooManyFiles(MAX_FILES));
    this.targets.push({ path: p, file: display });
  }

  folder(dir: string, display: string): void {
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
      if (isDir) this.folder(p, shown);
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

/** The files to read, in a stable order; `outputs`: the files the run writes (never read as inputs). */
export function collectTargets(inputs: readonly string[], outputs: readonly string[]): Target[] {
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
  if (!walk.targets.length) throw new CliError(folders.length ? U.emptyFolder(folders[0]) : U.noFiles);
  return walk.targets;
}
