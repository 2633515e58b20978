/** Hand-made inputs for the report document's tests: the summary's sample report, a Changes, full settings. */
import type { Changes } from "../../src/core/changes-schema";
import { ChangesSchema } from "../../src/core/changes-schema";
import { defaultSettings, type Settings } from "../../src/core/settings";
import type { Report } from "../../src/core/report-schema";
import { sampleReport } from "../summary/fixtures";
import { NO_IDENTITY, type Commune, type PlanIdentity } from "../../src/core/document/identity";

export { sampleReport };

/** The report as the engine reads a workbook that names this commune (and plan), with no settings of its own. */
export function withIdentity(report: Report, commune: Commune, plan: PlanIdentity = NO_IDENTITY.plan): Report {
  const parts = { commune, plan };
  return { ...report, identity: { ...parts, read: parts } };
}

/** Settings with every report field filled in. */
export function fullSettings(): Settings {
  return {
    ...defaultSettings(),
    communeName: "xã Chí Minh",
    planName: "Kế hoạch Khoa học và Công nghệ năm 2026",
    report: {
      parentAgency: "UBND thành phố Hải Phòng",
      issuingAgency: "Ủy ban nhân dân xã Chí Minh",
      number: "125",
      signerTitle: "TM. Ủy ban nhân dân\nKT. Chủ tịch\nPhó Chủ tịch",
      signerName: "Nguyễn Văn An",
      recipients: ["- Sở Khoa học và Công nghệ;", "Thường trực Đảng ủy xã"],
      archive: "VT, VHXH",
    },
  };
}

/** Changes since a snapshot of 30/09/2026: one of each task change kind, one indicator moved. */
export function sampleChanges(): Changes {
  const base = { sheet: "PL I", cell: "F9" as string | null, stt: "1" };
  return ChangesSchema.parse({
    since: { source: "snapshot", asOf: "2026-09-30", label: "30/09/2026" },
    tasks: [
      {
        ...base,
        kind: "done_on_time",
        id: "t1",
        row: 9,
        content: "Nhiệm vụ số 1",
        lead: "Phòng Văn hóa - Xã hội",
        before: "in_progress",
        after: "done_on_time",
      },
      {
        ...base,
        kind: "done_late",
        id: "t2",
        row: 10,
        content: "Nhiệm vụ số 2",
        lead: "Phòng Kinh tế",
        before: "overdue",
        after: "done_late",
      },
      {
        ...base,
        kind: "overdue",
        id: "t3",
        row: 11,
        content: "Nhiệm vụ số 3",
        lead: "Công an xã",
        before: "in_progress",
        after: "overdue",
      },
      {
        ...base,
        kind: "deadline_moved",
        id: "t4",
        row: 12,
        content: "Nhiệm vụ số 4",
        lead: null,
        before: "2026-09-30",
        after: "2026-12-31",
      },
      {
        ...base,
        kind: "lead_changed",
        id: "t5",
        row: 13,
        content: "Nhiệm vụ số 5",
        lead: "Phòng Kinh tế",
        before: "Công an xã",
        after: "Phòng Kinh tế",
      },
      { ...base, kind: "added", id: "t6", row: 14, content: "Nhiệm vụ số 6", lead: "Phòng Kinh tế", before: null, after: null },
      { ...base, kind: "removed", id: "t7", row: 15, cell: null, content: "Nhiệm vụ cũ", lead: "Công an xã", before: null, after: null },
    ],
    indicators: [
      {
        sheet: "Chỉ tiêu",
        row: 5,
        cell: "E5",
        name: "Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình",
        actualBefore: 0.7,
        actualAfter: 0.85,
        metBefore: false,
        metAfter: true,
      },
    ],
    byUnit: [],
    total: { done_on_time: 1, done_late: 1, overdue: 1, deadline_moved: 1, lead_changed: 1, added: 1, removed: 1 },
  });
}

export function withChanges(report: Report, changes: Changes = sampleChanges()): Report {
  return { ...report, changes };
}
