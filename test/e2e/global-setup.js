/**
 * Builds dist/ once for all end-to-end suites (production mode, as published), unless
 * PHULUC_E2E_SKIP_BUILD=1 and a build is already there.
 */
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");

module.exports = async () => {
  const root = path.join(__dirname, "..", "..");
  if (process.env.PHULUC_E2E_SKIP_BUILD === "1" && fs.existsSync(path.join(root, "dist", "taskpane.html"))) return;
  execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], { cwd: root, stdio: "pipe" });
};
