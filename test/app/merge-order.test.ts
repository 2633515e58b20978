/**
 * A merge keeps what undo needs before it changes a cell: when the workbook refuses phuluc's record (its
 * structure protected), no cell of the plan is written — nothing that could not be put back.
 */
import { applyMerge, reviewReturns } from "../../src/app/use-cases/merge";
import type { CellWrite } from "../../src/core/port";
import { AS_OF, fill, fileOf, KT, openPort, planBytes, split, T } from "../returns/support";

test("the undo record is saved before the cells are written; a refused record writes nothing", async () => {
  const plan = await planBytes();
  const ret = await fill(fileOf(await split(plan), KT).bytes, [{ task: T.wifi, status: "Tạm dừng" }]);
  const calls: string[] = [];
  const port = await openPort(plan);
  const writeBatch = port.writeBatch.bind(port);
  port.writeBatch = async (w: CellWrite[]) => {
    calls.push("writeBatch");
    return writeBatch(w);
  };
  const updateRecord = port.updateRecord.bind(port);
  let refuse = true;
  port.updateRecord = async (key: string, update: (current: unknown) => unknown) => {
    calls.push(`updateRecord:${key}`);
    if (refuse) throw new Error("Cấu trúc sổ làm việc đang được bảo vệ");
    return updateRecord(key, update);
  };
  const review = await reviewReturns(port, [{ label: "kt.xlsx", port: await openPort(ret, "kt.xlsx", true) }], { asOf: AS_OF });
  expect(review.proposal.changes).toHaveLength(1);
  await expect(applyMerge(port, review)).rejects.toThrow("bảo vệ");
  expect(calls).toEqual(["updateRecord:merges"]);

  refuse = false;
  calls.length = 0;
  const applied = await applyMerge(port, review);
  expect(applied.applied).toBe(1);
  expect(calls).toEqual(["updateRecord:merges", "writeBatch"]);
});
