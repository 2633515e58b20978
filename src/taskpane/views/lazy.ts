/**
 * The pane's views that load on first use, each its own chunk: the results of a check (issues, units,
 * indicators, changes — loaded when Kiểm tra is pressed), the settings (when Cài đặt is opened) and the
 * units' returns (just after the pane's first paint). The pane's first load is its toolbar and panels.
 */
import { lazyView } from "../lazy-view";
import type { ReportViewsProps } from "./ReportViews";
import type { SettingsViewProps } from "./SettingsView";
import type { ReturnsPanelProps } from "./ReturnsPanel";

export const ResultsView = lazyView<ReportViewsProps>(() =>
  import(/* webpackChunkName: "results" */ "./ReportViews").then((m) => m.ReportViews),
);
export const SettingsPanel = lazyView<SettingsViewProps>(() =>
  import(/* webpackChunkName: "settings" */ "./SettingsView").then((m) => m.SettingsView),
);
export const ReturnsSection = lazyView<ReturnsPanelProps>(() =>
  import(/* webpackChunkName: "returns" */ "./ReturnsPanel").then((m) => m.ReturnsPanel),
);

/** Every deferred view loaded (tests render the pane with them in place). */
export function preloadViews(): Promise<unknown> {
  return Promise.all([ResultsView.preload(), SettingsPanel.preload(), ReturnsSection.preload()]);
}
