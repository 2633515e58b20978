/**
 * End-to-end tests: the production build in a real (headless) Chromium, preview mode, no network.
 * Run: npx jest -c test/e2e/jest.config.js   (builds dist/ once first; PHULUC_E2E_SKIP_BUILD=1 reuses it)
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
  // dist/ is built once for every suite (global-setup.js).
  globalSetup: "<rootDir>/test/e2e/global-setup.js",
  testTimeout: 240000,
  maxWorkers: 1,
};
