// Child process for the kill -9 test: appends journal records as fast as it can and reports each seq
// on stdout only after append() resolved (the record is fsync'd). Plain JS: it loads the journal from
// a bundle the test builds with esbuild, so it needs no TypeScript loader and no prior `npm run build`.
// argv: <bundle.js> <data dir> <maxBytes> <keepFiles> [count: stop after this many records]
'use strict';
const { writeSync } = require('node:fs');

const [bundle, dir, maxBytes, keepFiles, count] = process.argv.slice(2);
const limit = count === undefined ? Infinity : Number(count);
const { openJournal } = require(bundle);
const journal = openJournal(dir, { maxBytes: Number(maxBytes), keepFiles: Number(keepFiles) });

async function run() {
  for (let i = 0; i < limit; i++) {
    const record = await journal.append({
      kind: 'menu',
      terminalId: '10000001',
      merchantId: '898310048990001',
      event: 'test',
      // Varying lengths so rotation falls at different points of a line.
      detail: `pid ${process.pid} #${i} ${'x'.repeat(i % 97)}`,
    });
    // A synchronous write: the parent sees this seq only if it was reported before the kill.
    writeSync(1, `${record.seq}\n`);
  }
}

run().catch((err) => {
  writeSync(2, `journal child: ${err && err.stack ? err.stack : err}\n`);
  process.exit(1);
});
