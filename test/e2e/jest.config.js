/**
 * End-to-end tests: the release (npm run release for http://localhost:PORT/) served as static files, in a
 * real (headless) Chromium, no network.
 * Run: npx jest -c test/e2e/jest.config.js   (builds release/ once first; PHULUC_E2E_SKIP_BUILD=1 reuses it)
 */
const path = require("path");

module.exports = {
  rootDir: path.join(__dirname, "..", ".."),
  testEnvironment: "node",
  roots: ["<rootDir>/test/e2e"],
  testMatch: ["**/*.e2e.test.ts"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }],
  },
  // release/ is built once for every suite (global-setup.js).
  globalSetup: "<rootDir>/test/e2e/global-setup.js",
  testTimeout: 240000,
  // Tests skipped on purpose (no XSD folder) say why in one line under the summary.
  reporters: ["default", "<rootDir>/test/support/skip-notes-reporter.js"],
  maxWorkers: 1,
};
