#!/usr/bin/env node
// The installed `posdiag` command runs the bundle, which `npm install` (the prepare script) or
// `npm run build` makes. A checkout without it gets one line saying what to run, not a stack trace.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const cli = join(root, 'dist', 'cli.js');
if (!existsSync(cli)) {
  process.stderr.write(`posdiag: not built yet (no ${cli}): run \`npm run build\` in ${root}\n`);
  process.exit(1);
}
require(cli);
