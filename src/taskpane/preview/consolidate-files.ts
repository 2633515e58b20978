/**
 * The web app's runner for «Tổng hợp nhiều xã»: the files a user picked (many files, or a whole folder),
 * read one at a time in the page — one workbook in memory at once, the page repainted between files — each
 * into its commune's numbers (the same readCommune the CLI's workers run).
 */
import type { FileRead } from "../../core/consolidate/reads";
import { todayIso } from "../../core/dates";
import { readCommune } from "../../app/use-cases/consolidate-read";
import { HEAD_BYTES, notWorkbookOf, openCommuneWorkbook, readFailureOf } from "../../xlsx/commune-file";

/** A picked file's name as the city's documents show it: its path inside the folder chosen, else its name. */
export function pickedName(f: File): string {
  return (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name;
}

const repaint = () => new Promise<void>((r) => setTimeout(r, 0));

async function readOne(f: File, asOf: string): Promise<FileRead> {
  const file = pickedName(f);
  const not = notWorkbookOf(f.size, new Uint8Array(await f.slice(0, HEAD_BYTES).arrayBuffer()));
  if (not) return { kind: "skipped", file, ...not };
  const bytes = new Uint8Array(await f.arrayBuffer());
  const facts = { file, modified: f.lastModified, modifiedDate: todayIso(new Date(f.lastModified)) };
  return readCommune(facts, asOf, { open: () => openCommuneWorkbook(bytes, file), failureOf: readFailureOf });
}

export async function* readPickedFiles(files: readonly File[], asOf: string, onRead?: (done: number) => void): AsyncGenerator<FileRead> {
  let done = 0;
  for (const f of files) {
    yield await readOne(f, asOf);
    done++;
    onRead?.(done);
    await repaint();
  }
}
