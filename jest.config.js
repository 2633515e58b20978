/** Unit, property and adapter tests. Browser (e2e) tests live in test/e2e and run with `npm run test:e2e`. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "/test/e2e/"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }],
  },
  setupFiles: ["<rootDir>/test/support/jest-setup.ts"],
  setupFilesAfterEnv: ["<rootDir>/test/support/jest-after-env.ts"],
  testTimeout: 30000,
  // Tests skipped on purpose (no XSD folder, no xmllint) say why in one line under the summary.
  reporters: ["default", "<rootDir>/test/support/skip-notes-reporter.js"],
};
