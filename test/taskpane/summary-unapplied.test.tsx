/** @jest-environment jsdom */
/** The summary panel tells the user which finishing touches Excel refused (issue 16: fit to page). */
import "./dom-matchers";
import { render, screen } from "@testing-library/react";
import { SummaryPanel } from "../../src/taskpane/views/SummaryPanel";

test("refused finishing touches are named, with their sheets; none refused, nothing shown", () => {
  const { rerender } = render(
    <SummaryPanel
      busy={false}
      onBuild={() => undefined}
      result={{
        sheetNames: ["Tổng hợp", "Tổng hợp - Quá hạn"],
        replaced: [],
        unapplied: [
          { sheet: "Tổng hợp", touch: "fitToWidth" },
          { sheet: "Tổng hợp - Quá hạn", touch: "fitToWidth" },
          { sheet: "Tổng hợp", touch: "chart" },
        ],
      }}
    />,
  );
  expect(screen.getByTestId("summary-unapplied")).toHaveTextContent(
    "Excel này không nhận: co vừa một trang theo chiều ngang (Tổng hợp, Tổng hợp - Quá hạn); biểu đồ (Tổng hợp).",
  );
  rerender(<SummaryPanel busy={false} onBuild={() => undefined} result={{ sheetNames: ["Tổng hợp"], replaced: [] }} />);
  expect(screen.queryByTestId("summary-unapplied")).toBeNull();
});
