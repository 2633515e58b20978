// Shared set-up after the test framework is in place. Component tests (jsdom) render the pane with its
// deferred views (src/taskpane/views/lazy.ts) already loaded, as a pane that has been open a moment has
// them; test/taskpane/lazy-views.test.tsx covers the first render, before they load.
const testPath = (expect.getState().testPath ?? "").replace(/\\/g, "/");
if (typeof window !== "undefined" && !testPath.endsWith("/lazy-views.test.tsx")) {
  beforeAll(() => require("../../src/taskpane/views/lazy").preloadViews());
}
