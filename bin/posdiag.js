#!/usr/bin/env node
// The installed `posdiag` command runs the bundle; `npm run build` (or npm start) makes it.
require('../dist/cli.js');
