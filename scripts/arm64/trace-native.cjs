// Preloaded (node -r) by the arm64 smoke: appends the CPU node runs as and every native addon it loads
// to the file named by POSDIAG_SMOKE_TRACE, so the smoke can show which serialport binding was opened
// (node-gyp-build picks the prebuild by process.arch). Writes nothing to stdout or stderr.
'use strict';
const fs = require('node:fs');
const out = process.env.POSDIAG_SMOKE_TRACE;
if (out) {
  fs.appendFileSync(out, `arch ${process.arch}\n`);
  const dlopen = process.dlopen;
  process.dlopen = function tracedDlopen(module, filename, ...rest) {
    fs.appendFileSync(out, `dlopen ${filename}\n`);
    return dlopen.call(this, module, filename, ...rest);
  };
}
