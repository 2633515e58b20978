// Shared set-up after the test framework is in place. Component tests (jsdom) render the pane with its
// deferred views (src/taskpane/views/lazy.ts) already loaded, as a pane that has been open a moment has
// them; test/taskpane/lazy-views.test.tsx covers the first render, before they load.
const testPath = (expect.getState().testPath ?? "").replace(/\\/g, "/");
if (typeof window !== "undefined" && !testPath.endsWith("/lazy-views.test.tsx")) {
  beforeAll(() => require("../../src/taskpane/views/lazy").preloadViews());
}

// findBy… and waitFor wait up to 10 s, not 1 s: opening the sample in jsdom takes a few hundred
// milliseconds alone and several seconds on a loaded 2-core machine (a wait, not an assertion, is longer).
if (typeof window !== "undefined") require("@testing-library/react").configure({ asyncUtilTimeout: 10_000 });
