/**
 * Names shared by every door: the status categories as words in a sentence ("đang thực hiện trong hạn")
 * and the kinds of change since the last summary ("Mới quá hạn"). One table each, in Vietnamese and English.
 */
import type { TaskChangeKind } from "../core/change-kinds";
import type { StatusCategory } from "../core/report-schema";
import type { Lang } from "../core/lang";

/**
 * A status category's name: one name each, the printed summary's, in every door (the pane's columns, the
 * summary sheets, the report document). Short forms (the CLI's narrow columns) abbreviate these words.
 */
export const CATEGORY_LABELS: { readonly [L in Lang]: { readonly [C in StatusCategory]: string } } = {
  vi: {
    done_on_time: "Hoàn thành đúng hạn",
    done_late: "Hoàn thành quá hạn",
    in_progress: "Đang thực hiện trong hạn",
    overdue: "Quá hạn chưa hoàn thành",
    recurring: "Thường xuyên / định kỳ",
    undetermined: "Chưa xác định hạn",
  },
  en: {
    done_on_time: "Done on time",
    done_late: "Done late",
    in_progress: "In progress, in time",
    overdue: "Overdue, not done",
    recurring: "Recurring",
    undetermined: "No deadline",
  },
};

/** A status category as words inside a sentence (lower case). */
export const CATEGORY_WORDS: { readonly [L in Lang]: { readonly [C in StatusCategory]: string } } = {
  vi: {
    done_on_time: "hoàn thành đúng hạn",
    done_late: "hoàn thành quá hạn",
    in_progress: "đang thực hiện trong hạn",
    overdue: "quá hạn chưa hoàn thành",
    recurring: "thường xuyên",
    undetermined: "chưa xác định hạn",
  },
  en: {
    done_on_time: "done on time",
    done_late: "done late",
    in_progress: "in progress",
    overdue: "overdue",
    recurring: "recurring",
    undetermined: "no deadline",
  },
};

/** A kind of change since the last summary, as a heading or a label. */
export const CHANGE_KIND_LABELS: { readonly [L in Lang]: { readonly [K in TaskChangeKind]: string } } = {
  vi: {
    done_on_time: "Mới hoàn thành đúng hạn",
    done_late: "Mới hoàn thành quá hạn",
    overdue: "Mới quá hạn",
    deadline_moved: "Gia hạn, đổi thời hạn",
    lead_changed: "Đổi cơ quan chủ trì",
    added: "Nhiệm vụ mới",
    removed: "Không còn trong kế hoạch",
  },
  en: {
    done_on_time: "Newly done on time",
    done_late: "Newly done late",
    overdue: "Newly overdue",
    deadline_moved: "Deadline moved",
    lead_changed: "Lead unit changed",
    added: "Added",
    removed: "Removed",
  },
};
