#!/usr/bin/env node
'use strict';
const { existsSync } = require('fs');
const { join } = require('path');

const entry = join(__dirname, '..', 'dist', 'node', 'cli', 'main.js');
if (!existsSync(entry)) {
  process.stderr.write('selfeval: 尚未构建，请先运行 npm run build (run `npm run build` first)\n');
  process.exit(2);
}
require(entry)
  .main(process.argv)
  .then((code) => {
    process.exitCode = code;
  });
