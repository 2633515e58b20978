/**
 * A plan built in code for the returns' tests, and helpers to split it, fill a unit's copy the way a
 * person would (through the file layer, by task text), and merge returns — all through the use cases
 * every door calls, on real .xlsx bytes.
 */
import type { Grid } from "../../src/core/grid";
import { toA1 } from "../../src/core/a1";
import type { CellWrite } from "../../src/core/port";
import { analyze } from "../../src/core/analyze";
import { defaultSettings } from "../../src/core/settings";
import { readTaskTables } from "../../src/core/returned-copies/task-tables";
import { FILL_FIELDS, type FillField } from "../../src/core/returned-copies/fields";
import { splitWorkbook, type UnitFile } from "../../src/app/use-cases/split";
import { applyMerge, reviewReturns, type MergeApplied, type MergeReview } from "../../src/app/use-cases/merge";
import { XlsxWorkbookPort } from "../../src/xlsx/port";
import { GridBuilder, STD_HEADER, TRACKING_HEADER } from "../support/grid-builder";
import * as fs from "fs";
import * as path from "path";
import { buildXlsx, makeTempDir, removeTempDir } from "../support/xlsx-builder";
import { encodeTcvn3 } from "../core/parsers/legacy-encoder";
import { cliWriters } from "../../src/cli/writers";

export const AS_OF = "2026-10-15";
export const KT = "Phòng Kinh tế";
export const VH = "Phòng Văn hóa - Xã hội";
export const CA = "Công an xã";

export const T = {
  wifi: "Lắp đặt mạng nội bộ, wifi miễn phí phục vụ người dân tại Trung tâm Phục vụ hành chính công xã",
  budget: "Tham mưu bố trí kinh phí thực hiện các nhiệm vụ khoa học công nghệ và chuyển đổi số năm 2026",
  data: "Hoàn thành kết nối, khai thác, chia sẻ dữ liệu hiệu quả, triển khai các sáng kiến mở dữ liệu",
  plan: "Xây dựng kế hoạch phát triển hạ tầng số của xã giai đoạn 2026-2030",
  security: "Triển khai các giải pháp bảo đảm an ninh mạng, an toàn thông tin trên địa bàn xã",
  drill: "Tổ chức diễn tập bảo đảm an ninh, an toàn hệ thống thông tin của xã",
  noLead: "Rà soát danh mục dữ liệu dùng chung của xã",
  standing: "Bố trí, lồng ghép nguồn lực ngân sách cho các nhiệm vụ chuyển đổi số",
  standing2: "Tuyên truyền, phổ biến kiến thức về chuyển đổi số cho người dân",
  legacy: "Tập huấn nâng cao nghiệp vụ tiếp nhận, số hóa hồ sơ thủ tục hành chính",
};

/**
 * PL I: tracking columns, two groups, a continuation row, one lead written once and merged down over two
 * tasks, a task without a lead. PL II: no Tình trạng / Ngày hoàn thành / Ghi chú columns. PL III: typed in
 * TCVN3 (as the sample's).
 */
export function planGrids(): Grid[] {
  const pl1 = new GridBuilder("PL I")
    .title("PHỤ LỤC I", "NHIỆM VỤ TRỌNG TÂM NĂM 2026")
    .blank()
    .header()
    .group("I", "Hạ tầng số")
    .task({
      stt: 1,
      content: T.wifi,
      head: "Phó Chủ tịch UBND xã",
      lead: KT,
      result: "Hệ thống mạng",
      deadline: "Quý III/2026",
      status: "Đang thực hiện",
      note: "Chờ kinh phí",
    })
    .task(
      {
        stt: 2,
        content: T.data,
        head: "Chủ tịch UBND xã",
        lead: VH,
        result: "Kết nối dữ liệu",
        deadline: "Tháng 9/2026",
        status: "Hoàn thành",
        doneDate: 46307,
      },
      { doneDate: "dd/mm/yyyy" },
    )
    .row([null, "và báo cáo kết quả về UBND xã"])
    .task({
      stt: 3,
      content: T.plan,
      head: "Chủ tịch UBND xã",
      lead: VH,
      result: "Kế hoạch",
      deadline: "30/11/2026",
      status: "Đang thực hiện",
    })
    .task({ stt: 4, content: T.noLead, head: "Chủ tịch UBND xã", lead: "", result: "Danh mục", deadline: "30/11/2026" })
    .group("II", "An ninh mạng")
    .task({
      stt: 1,
      content: T.security,
      head: "Chủ tịch UBND xã",
      lead: CA,
      result: "Báo cáo",
      deadline: "Tháng 10/2026",
      status: "Đang thực hiện",
    })
    .task({
      stt: 2,
      content: T.drill,
      head: "Chủ tịch UBND xã",
      lead: null,
      result: "Diễn tập",
      deadline: "Quý IV/2026",
      status: "Chưa thực hiện",
    })
    .task({
      stt: 3,
      content: T.budget,
      head: "Chủ tịch UBND xã",
      lead: KT,
      result: "Dự toán",
      deadline: "Quý I/2026",
      status: "Đã hoàn thành",
      doneDate: "25/03/2026",
    });
  const g1 = pl1.build();
  // "Công an xã" written once, merged down over the security task and the drill.
  const secRow = g1.values.findIndex((r) => r[1] === T.security) + 1;
  g1.merges.push({ top: secRow, left: 4, bottom: secRow + 1, right: 4 });
  const pl2 = new GridBuilder("PL II")
    .title("PHỤ LỤC II", "NHIỆM VỤ THỰC HIỆN THƯỜNG XUYÊN NĂM 2026")
    .header(STD_HEADER)
    .group("I", "Nguồn lực")
    .task({ stt: 1, content: T.standing, head: "Chủ tịch UBND xã", lead: KT, result: "Dự toán ngân sách", deadline: "Thường xuyên" })
    .task({ stt: 2, content: T.standing2, head: "Chủ tịch UBND xã", lead: VH, result: "Tin bài", deadline: "Hằng năm" })
    .build();
  const pl3 = new GridBuilder("PL III")
    .title(encodeTcvn3("PHỤ LỤC III"), encodeTcvn3("NHIỆM VỤ KHOA HỌC VÀ CÔNG NGHỆ NĂM 2026"))
    .header(TRACKING_HEADER.map(encodeTcvn3))
    .row([
      1,
      encodeTcvn3(T.legacy),
      encodeTcvn3("Chủ tịch UBND xã"),
      encodeTcvn3(KT),
      encodeTcvn3("Các đơn vị liên quan"),
      encodeTcvn3("Lớp tập huấn"),
      encodeTcvn3("Tháng 10/2026"),
      encodeTcvn3("Chưa thực hiện"),
      null,
      null,
    ])
    .build();
  return [g1, pl2, pl3];
}

export const PLAN_WIDTHS = { 1: 6, 2: 52, 3: 16, 4: 24, 5: 20, 6: 18, 7: 17, 8: 16, 9: 14, 10: 26 };

export async function planBytes(grids: Grid[] = planGrids()): Promise<Buffer> {
  return buildXlsx(
    grids.map((g) => ({ ...g, widths: PLAN_WIDTHS })),
    { store: { version: 1, settings: defaultSettings(), summarySheets: [], highlights: [], records: {} } },
  );
}

export async function openPort(bytes: Uint8Array, name = "plan.xlsx", readOnly = false): Promise<XlsxWorkbookPort> {
  return XlsxWorkbookPort.fromBytes(bytes, name, { readOnly });
}

/** The units' copies of a plan (through the use case every door calls). */
export async function split(bytes: Uint8Array, asOf = AS_OF): Promise<UnitFile[]> {
  const port = await openPort(bytes, "plan.xlsx", true);
  return (await splitWorkbook(port, { asOf, planFile: "plan.xlsx" }, { writers: cliWriters })).files;
}

export function fileOf(files: UnitFile[], unit: string): UnitFile {
  const f = files.find((x) => x.unit === unit);
  if (!f) throw new Error(`no copy for ${unit}`);
  return f;
}

export type FillEdit = Partial<Record<FillField, string | number | { date: string } | null>> & { task: string };

/** Where a task's fill-in cells are in a workbook (found by its text, as a person finds the row). */
export async function fillCellsOf(bytes: Uint8Array, text: string): Promise<{ sheet: string; cells: Partial<Record<FillField, string>> }> {
  const port = await openPort(bytes, "x.xlsx", true);
  const grids = await port.readSheets();
  const report = analyze(grids, { asOf: AS_OF, settings: defaultSettings() });
  const task = report.tasks.find((t) => t.content.includes(text));
  if (!task) throw new Error(`task not found: ${text}`);
  const table = readTaskTables(report, grids).get(task.sheet)!;
  const cells: Partial<Record<FillField, string>> = {};
  for (const f of FILL_FIELDS) {
    const col = table.header.columns.get(f);
    if (col !== undefined) cells[f] = toA1(task.row, col);
  }
  return { sheet: task.sheet, cells };
}

/** A unit fills its copy: the given fields of the tasks found by text (dates as dates). */
export async function fill(bytes: Uint8Array, edits: FillEdit[]): Promise<Uint8Array> {
  const port = await openPort(bytes, "copy.xlsx");
  const writes: CellWrite[] = [];
  for (const e of edits) {
    const { sheet, cells } = await fillCellsOf(await port.toBuffer(), e.task);
    for (const [f, v] of Object.entries(e) as [FillField | "task", FillEdit[FillField]][]) {
      if (f === "task" || v === undefined) continue;
      const cell = cells[f];
      if (!cell) throw new Error(`no ${f} column for ${e.task}`);
      writes.push({
        sheet,
        cell,
        value: v as CellWrite["value"],
        ...(v !== null && typeof v === "object" ? { numberFormat: "dd/mm/yyyy" } : {}),
      });
    }
  }
  await port.writeBatch(writes);
  return port.toBuffer();
}

export interface Merged {
  review: MergeReview;
  applied: MergeApplied;
  port: XlsxWorkbookPort;
  bytes: Uint8Array;
}

/** Merge returns into the plan (the default choice: every change no conflict holds back). */
export async function merge(
  plan: Uint8Array,
  returns: { name: string; bytes: Uint8Array }[],
  accepted?: (r: MergeReview) => Set<string>,
): Promise<Merged> {
  const port = await openPort(plan);
  const inputs = [];
  for (const r of returns) inputs.push({ label: r.name, port: await openPort(r.bytes, r.name, true) });
  const review = await reviewReturns(port, inputs, { asOf: AS_OF });
  const applied = await applyMerge(port, review, accepted?.(review));
  return { review, applied, port, bytes: await port.toBuffer() };
}

/** The report of a workbook's bytes (as `phuluc check` reads it). */
export async function reportOf(bytes: Uint8Array) {
  const port = await openPort(bytes, "x.xlsx", true);
  const { settings } = await port.loadSettings();
  return analyze(await port.readSheets(), { asOf: AS_OF, settings });
}

/** A task of a report by text. */
export function taskOf(report: Awaited<ReturnType<typeof reportOf>>, text: string) {
  const t = report.tasks.find((x) => x.content.includes(text));
  if (!t) throw new Error(`task not found: ${text}`);
  return t;
}

/** For CLI tests: each test gets a fresh folder holding the plan as `ke-hoach.xlsx` (removed after). */
export function planFileEachTest(prefix: string): { dir: () => string; planFile: () => string } {
  let dir = "";
  beforeEach(async () => {
    dir = makeTempDir(prefix);
    fs.writeFileSync(path.join(dir, "ke-hoach.xlsx"), await planBytes());
  });
  afterEach(() => removeTempDir(dir));
  return { dir: () => dir, planFile: () => path.join(dir, "ke-hoach.xlsx") };
}
