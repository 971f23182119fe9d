// The fleet side's bench alone (never part of npm test; `npm run bench` runs it too): N simulated terminals
// × M records through Mosquitto and `posdiag fleet ingest` into SQLite; records/s, end-to-end latency
// percentiles, broker CPU per record; diagnose with and without telemetry; the bundles' sizes. Prints JSON.
//   node build.mjs && node bench/fleet.mjs [--terminals 1000] [--records 100] [--window 20] [--diagnoses 11]
// Needs mosquitto and openssl (scripts/install-system-deps.sh). bench/fleet.ts is bundled with esbuild
// into node_modules/.cache/posdiag-bench/, packages left external.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { bundleBench, root } from './bundle-ts.mjs';

if (!existsSync(join(root, 'dist/fleet.js'))) {
  console.error('dist/fleet.js is missing: run `node build.mjs` first');
  process.exit(1);
}
const outfile = await bundleBench('fleet');
const r = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
