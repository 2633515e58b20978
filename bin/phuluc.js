#!/usr/bin/env node
// Entry point of `npx phuluc`. The TypeScript sources are compiled to lib/ by `npm install` (prepare).
const path = require("path");
const fs = require("fs");
const main = path.join(__dirname, "..", "lib", "src", "cli", "main.js");
if (!fs.existsSync(main)) {
  process.stderr.write("phuluc: chưa biên dịch — hãy chạy `npm install` (hoặc `npm run build:cli`) trong thư mục dự án.\n");
  process.exit(2);
}
require(main)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
