#!/usr/bin/env node
// Entry point of `npx phuluc`. The TypeScript sources are compiled to lib/ by `npm install` (prepare).
const path = require("path");
const fs = require("fs");
const main = path.join(__dirname, "..", "lib", "src", "cli", "main.js");
if (!fs.existsSync(main)) {
  process.stderr.write("phuluc: chưa biên dịch — hãy chạy `npm install` (hoặc `npm run build:cli`) trong thư mục dự án.\n");
  process.exit(2);
}
// The garbage collector favours memory: the heap grows by half of what is alive between full collections
// (V8's default lets it grow up to four times), so a 100,000-task `check --json` stays under 300 MB.
require("v8").setFlagsFromString("--heap-growing-percent=50");
require(main)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
