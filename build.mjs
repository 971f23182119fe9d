// Bundles the CLI and the library for Node 20 into dist/. The native serial binding stays external:
// it finds its prebuilt .node file relative to its own package directory, so it cannot be inlined.
import { build } from 'esbuild';
import { statSync } from 'node:fs';

const quiet = process.argv.includes('--quiet');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  external: ['@serialport/bindings-cpp'],
  logLevel: 'warning',
};

const outputs = [
  { entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js' },
  { entryPoints: ['src/index.ts'], outfile: 'dist/index.js' },
];

for (const o of outputs) await build({ ...common, ...o });
if (!quiet) {
  for (const o of outputs) console.log(`${o.outfile}  ${(statSync(o.outfile).size / 1024).toFixed(1)} KiB`);
}
