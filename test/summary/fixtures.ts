/** Hand-made reports (validated by ReportSchema) for the summary tests: no dependency on analyze(). */
import { parseReport, UNASSIGNED_UNIT, type Counts, type Report, type StatusCategory, type Task } from "../../src/core/report-schema";
import { defaultSettings, type Settings } from "../../src/core/settings";

export const AS_OF = "2026-11-24";

export const INJECTIONS = ['=HYPERLINK("http://x","y")', "+84 912 345 678", "-5", "@SUM(A1:A2)", "\t=cmd|' /C calc'!A0"];

let rowCounter = 0;
export function task(p: Partial<Task> & { status: StatusCategory }): Task {
  rowCounter++;
  return {
    sheet: "PL I",
    row: 8 + rowCounter,
    group: "Nhiệm vụ trọng tâm",
    stt: String(rowCounter),
    content: `Nhiệm vụ số ${rowCounter}`,
    lead: "Phòng Văn hóa - Xã hội",
    leadRaw: "Phòng Văn hóa - Xã hội",
    support: "",
    deadline: { raw: "30/11/2026", kind: "date", due: "2026-11-30" },
    statusRaw: "",
    doneDate: null,
    ...p,
  };
}

/** Counts and rates exactly as domain.md defines them. */
export function countsOf(tasks: Task[]): Counts {
  const c: Counts = {
    total: tasks.length,
    done_on_time: 0,
    done_late: 0,
    in_progress: 0,
    overdue: 0,
    recurring: 0,
    undetermined: 0,
    completionRate: null,
    onTimeRate: null,
  };
  for (const t of tasks) c[t.status]++;
  const denom = c.total - c.recurring;
  if (denom > 0) {
    c.completionRate = (c.done_on_time + c.done_late) / denom;
    c.onTimeRate = c.done_on_time / denom;
  }
  return c;
}

export function reportFrom(tasks: Task[], extra: Partial<Report> = {}): Report {
  const units = new Map<string, Task[]>();
  for (const t of tasks) {
    const u = t.lead ?? UNASSIGNED_UNIT;
    units.set(u, [...(units.get(u) ?? []), t]);
  }
  const sheets = [...new Set(tasks.map((t) => t.sheet))];
  const groups: Report["groups"] = [];
  for (const s of sheets) {
    const gs = [...new Set(tasks.filter((t) => t.sheet === s).map((t) => t.group))];
    for (const g of gs) groups.push({ sheet: s, group: g, ...countsOf(tasks.filter((t) => t.sheet === s && t.group === g)) });
  }
  const report: Report = {
    asOf: AS_OF,
    planYear: 2026,
    sheets: sheets.map((s) => ({
      name: s,
      role: "appendix" as const,
      title: `PHỤ LỤC ${s}`,
      headerRow: 5,
      taskCount: tasks.filter((t) => t.sheet === s).length,
      encoding: "unicode" as const,
    })),
    tasks,
    issues: [],
    units: [...units].map(([unit, ts]) => ({ unit, ...countsOf(ts) })),
    appendices: sheets.map((s) => ({ sheet: s, title: `Nhiệm vụ trọng tâm ${s}`, ...countsOf(tasks.filter((t) => t.sheet === s)) })),
    groups,
    total: countsOf(tasks),
    indicators: [],
    ...extra,
  };
  return parseReport(report);
}

/** A plan with every category, two appendices, an unassigned task, indicators and hostile text. */
export function sampleReport(): Report {
  rowCounter = 0;
  const tasks: Task[] = [
    task({
      status: "done_on_time",
      statusRaw: "Đã hoàn thành",
      doneDate: "2026-03-01",
      deadline: { raw: "Quý I/2026", kind: "quarter", due: "2026-03-31" },
    }),
    task({
      status: "done_late",
      statusRaw: "Hoàn thành",
      doneDate: "2026-05-10",
      deadline: { raw: "Tháng 4/2026", kind: "month", due: "2026-04-30" },
      lead: "Phòng Kinh tế",
      leadRaw: "Phòng Kinh tế",
    }),
    task({
      status: "overdue",
      statusRaw: "Đang thực hiện",
      deadline: { raw: "30/9/2026", kind: "date", due: "2026-09-30" },
      daysOverdue: 55,
      content: INJECTIONS[0],
      lead: "Công an xã",
      leadRaw: "Công an xã",
    }),
    task({
      status: "overdue",
      deadline: { raw: "Tháng 10/2026", kind: "month", due: "2026-10-31" },
      daysOverdue: 24,
      content: INJECTIONS[1],
      stt: INJECTIONS[2],
    }),
    task({
      status: "in_progress",
      statusRaw: "Đang triển khai",
      deadline: { raw: "30/11/2026", kind: "date", due: "2026-11-30" },
      content: INJECTIONS[3],
      lead: "Văn phòng HĐND và UBND xã",
      leadRaw: "VP HĐND-UBND xã",
    }),
    task({
      status: "in_progress",
      deadline: { raw: "Năm 2026", kind: "year", due: "2026-12-31" },
      content:
        "Xây dựng kho dữ liệu số dùng chung của xã, kết nối với hệ thống thông tin giải quyết thủ tục hành chính của thành phố và bảo đảm an toàn thông tin theo cấp độ",
    }),
    task({
      status: "recurring",
      deadline: { raw: "Thường xuyên", kind: "recurring", due: null },
      sheet: "PL II",
      group: null,
      lead: "Trung tâm Phục vụ hành chính công",
      leadRaw: "TT PVHCC",
    }),
    task({
      status: "undetermined",
      deadline: { raw: "", kind: "missing", due: null },
      sheet: "PL II",
      group: null,
      lead: null,
      leadRaw: "",
      content: INJECTIONS[4],
    }),
    task({
      status: "in_progress",
      deadline: { raw: "08/12/2026", kind: "date", due: "2026-12-08" },
      sheet: "PL II",
      group: null,
      lead: null,
      leadRaw: "Phòng VH -XH cũ",
    }),
    task({
      status: "done_on_time",
      statusRaw: "Xong",
      deadline: { raw: "Quý IV/2026", kind: "quarter", due: "2026-12-31" },
      sheet: "PL II",
      group: null,
      lead: "Phòng Kinh tế",
      leadRaw: "Phòng Kinh tế xã",
    }),
  ];
  return reportFrom(tasks, {
    planTitle:
      "Kế hoạch thực hiện Nghị quyết 57-NQ/TW về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số năm 2026",
    indicators: [
      {
        sheet: "Chỉ tiêu",
        row: 5,
        name: "Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình",
        unitOfMeasure: "%",
        targetRaw: "Tối thiểu 80%",
        target: 0.8,
        comparator: ">=",
        actual: 0.85,
        achievement: 0.85 / 0.8,
        met: true,
      },
      {
        sheet: "Chỉ tiêu",
        row: 6,
        name: "Số sáng kiến được công nhận",
        unitOfMeasure: "sáng kiến",
        targetRaw: "Ít nhất 02",
        target: 2,
        comparator: ">=",
        actual: 1,
        achievement: 0.5,
        met: false,
      },
      {
        sheet: "Chỉ tiêu",
        row: 7,
        name: "Số vụ mất an toàn thông tin",
        unitOfMeasure: "vụ",
        target: 0,
        comparator: "<=",
        actual: 0,
        achievement: null,
        met: true,
      },
      {
        sheet: "Chỉ tiêu",
        row: 8,
        name: INJECTIONS[0],
        unitOfMeasure: INJECTIONS[4],
        target: null,
        comparator: ">=",
        actual: null,
        achievement: null,
        met: null,
      },
    ],
  });
}

/** The sample's settings: the commune saved in Cài đặt (the plan is not named: its line is a blank to fill in). */
export function sampleSettings(): Settings {
  return { ...defaultSettings(), communeName: "xã Chí Minh" };
}
