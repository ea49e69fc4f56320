#!/usr/bin/env node
'use strict';
const { main } = require('../dist/node/cli/main.js');

main(process.argv).then((code) => {
  process.exitCode = code;
});
