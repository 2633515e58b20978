/**
 * End-to-end tests: the production build in a real (headless) Chromium, preview mode, no network.
 * Run: npx jest -c test/e2e/jest.config.js   (builds dist/ first; PHULUC_E2E_SKIP_BUILD=1 reuses it)
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
  testTimeout: 240000,
  maxWorkers: 1,
};
