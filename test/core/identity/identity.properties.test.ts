/**
 * Properties of task identity on random plans and random edits between versions (rows inserted, deleted,
 * moved, re-sorted; typos fixed; leads changed): every surviving task keeps its id, inserted tasks get ids
 * never used before, no two tasks of a version share an id — in one step (the matcher), and across many
 * versions through the snapshots kept in the workbook (stored as JSON and read back). Prints how many
 * cases and edits ran.
 */
import fc from "fast-check";
import { idOf, identify, matchEntry } from "../../../src/core/identity";
import { addSnapshot, decodeBook, emptyBook, identifyReport, type SnapshotBook } from "../../../src/core/snapshot";
import type { Report } from "../../../src/core/report-schema";
import { applyEdits, editArb, planArb, type Edit, type ModelTask } from "./plan-model";
import { zeroCounts } from "../../../src/core/aggregate";

const tally = { single: 0, chains: 0, versions: 0, tasks: 0, edits: {} as Record<Edit["kind"], number> };
const count = (edits: readonly Edit[]) => edits.forEach((e) => (tally.edits[e.kind] = (tally.edits[e.kind] ?? 0) + 1));

afterAll(() => {
  const edits = Object.entries(tally.edits)
    .map(([k, n]) => `${k} ${n}`)
    .join(", ");
  console.log(
    `identity properties: ${tally.single} single-step cases and ${tally.chains} chains of ${tally.versions} versions in all ` +
      `(${tally.tasks} tasks identified); edits applied: ${edits}`,
  );
});

test("one step: surviving tasks keep their id, new ones get unused ids, no id shared", () => {
  fc.assert(
    fc.property(planArb, fc.array(editArb, { maxLength: 30 }), (first, edits) => {
      count(edits);
      const second = applyEdits(first, edits);
      const before = first.map((_, i) => idOf(i + 1));
      const known = first.map((t, i) => ({ id: before[i], entry: matchEntry(t) }));
      const { ids } = identify(second.map(matchEntry), known, [], first.length + 1);
      expect(new Set(ids).size).toBe(ids.length);
      second.forEach((t, i) => {
        if (t.origin === null) expect(before).not.toContain(ids[i]);
        else expect(ids[i]).toBe(before[t.origin]);
      });
      tally.single++;
      tally.tasks += second.length;
    }),
    { numRuns: 300 },
  );
});

/** A minimal report of model tasks (identity and snapshots read only these fields). */
function reportOf(tasks: readonly ModelTask[], asOf: string): Report {
  return {
    asOf,
    planYear: 2026,
    sheets: [],
    tasks: tasks.map((t, i) => ({
      sheet: t.sheet,
      row: 5 + i,
      group: t.group,
      stt: t.stt,
      content: t.content,
      lead: t.lead,
      leadRaw: t.lead ?? "",
      support: "",
      deadline: { raw: "", kind: "date", due: t.due ?? null },
      statusRaw: "",
      doneDate: null,
      status: "in_progress",
    })),
    issues: [],
    units: [],
    appendices: [],
    groups: [],
    total: zeroCounts(),
    indicators: [],
  };
}

test("many versions through stored snapshots: an id follows its task from the first version to the last", () => {
  fc.assert(
    fc.property(planArb, fc.array(fc.array(editArb, { maxLength: 12 }), { minLength: 2, maxLength: 6 }), (first, batches) => {
      // A task's uid: its index in the first version, or a fresh number when it is inserted.
      let nextUid = first.length;
      let tasks: ModelTask[] = first;
      let book: SnapshotBook = emptyBook();
      const idOfUid = new Map<number, string>();
      const everUsed = new Set<string>();
      for (let v = 0; v <= batches.length; v++) {
        if (v > 0) {
          count(batches[v - 1]);
          tasks = applyEdits(tasks, batches[v - 1]).map((t) => (t.origin === null ? { ...t, origin: nextUid++ } : t));
        }
        const report = reportOf(tasks, `2026-${String(v + 1).padStart(2, "0")}-15`);
        const identified = identifyReport(report, book);
        expect(new Set(identified.ids).size).toBe(tasks.length);
        tasks.forEach((t, i) => {
          const id = identified.ids[i];
          const known = idOfUid.get(t.origin!);
          if (known === undefined) {
            expect(everUsed.has(id)).toBe(false);
            idOfUid.set(t.origin!, id);
          } else expect(id).toBe(known);
          everUsed.add(id);
        });
        // Stored as the workbook keeps it, and read back.
        const { stored } = addSnapshot(book, report, identified);
        const read = decodeBook(JSON.parse(JSON.stringify(stored)));
        expect(read.damaged).toBe(0);
        book = read.book;
        tally.versions++;
        tally.tasks += tasks.length;
      }
      tally.chains++;
    }),
    { numRuns: 80 },
  );
});
