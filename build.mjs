// Bundles posdiag for Node 20 into dist/:
//   dist/cli.js    the `posdiag` command, what a terminal runs (at most 300,000 bytes: the build fails above)
//   dist/index.js  the library (package.json "main")
//   dist/sim.js    the simulated terminal: the simulators of mocks/ and the commands that run only on them
//   dist/sim-faults.js  their fault lists alone, to check --sim without loading them
//                  (demo, sim), loaded only to simulate (src/simulators.ts requires it at run time)
//   dist/modem-batch.js  the modem's combined AT command lines, loaded by the modem check (without it: one a line)
//   dist/png.js    the PNG preview's renderer, loaded only to draw one (src/slip/png-bundle.ts)
//   dist/fleet.js  the fleet side (`posdiag fleet ingest|report`, on the acquirer's servers), loaded only then
//                  (src/fleet-bundle.ts); its native and database drivers (better-sqlite3, pg) stay external
//   dist/telemetry.js  the fleet link: mqtt.js and the shipper, loaded only by `posdiag telemetry` (src/fleet/load-telemetry.ts)
//   dist/gb18030.bin  GB18030 for a Node whose TextDecoder lacks it (small ICU, no Intl), read by
//                  hal/printer/gb18030.ts only when Chinese is printed there
//   dist/locales/<tag>.json  the texts of each locale (src/i18n/locales/, whitespace dropped), read at run
//                  time by src/i18n/locale-files.ts, only those of the active locale's fallback chain
// The native serial binding stays external: it finds its prebuilt .node file relative to its own package
// directory, so it cannot be inlined.
//
//   node build.mjs            build and print the sizes
//   node build.mjs --quiet    build, print nothing
//   node build.mjs --analyze  also print what takes the room in dist/cli.js (esbuild's metafile analysis)
//
// Before bundling, the configuration validator is regenerated from src/config/schema.ts when the schema
// changed (src/config/validate-config.generated.ts, committed; a unit test fails when it is stale).
import { analyzeMetafile, build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const quiet = process.argv.includes('--quiet');
const analyze = process.argv.includes('--analyze');
const SIM_BUNDLE = 'sim.js';
// The simulators' fault lists alone (mocks/faults.ts), for checking --sim before anything runs without
// loading the simulators themselves: a diagnosis's first line does not wait for dist/sim.js.
const SIM_FAULTS_BUNDLE = 'sim-faults.js';
// The PNG preview's renderer, required by src/slip/png-bundle.ts on first use.
const PNG_BUNDLE = 'png.js';
// The fleet side, required by src/fleet-bundle.ts when `posdiag fleet` runs.
const FLEET_BUNDLE = 'fleet.js';
// The fleet link: mqtt.js and the shipper, required by src/fleet/load-telemetry.ts for `posdiag telemetry`.
const TELEMETRY_BUNDLE = 'telemetry.js';
const LAZY_BUNDLES = {
  POSDIAG_SIM_BUNDLE: JSON.stringify(SIM_BUNDLE),
  POSDIAG_SIM_FAULTS_BUNDLE: JSON.stringify(SIM_FAULTS_BUNDLE),
  POSDIAG_PNG_BUNDLE: JSON.stringify(PNG_BUNDLE),
  POSDIAG_FLEET_BUNDLE: JSON.stringify(FLEET_BUNDLE),
  POSDIAG_TELEMETRY_BUNDLE: JSON.stringify(TELEMETRY_BUNDLE),
};
const LOCALES_SRC = 'src/i18n/locales';

await regenerateConfigValidator();

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  // Chinese text and the GB18030 table as UTF-8, not \uXXXX escapes: half the bytes, and Node reads sources as UTF-8.
  charset: 'utf8',
  external: ['@serialport/bindings-cpp'],
  logLevel: 'warning',
  absWorkingDir: root,
  metafile: true,
  plugins: [smallDebug()],
  // Every module of posdiag is an ES module, strict by definition. With tsconfig's `strict`, esbuild repeats
  // "use strict" inside each lazily evaluated module (about 130 in dist/cli.js); one at the top of each
  // bundle says the same once. The bundled packages are strict code already (compiled TypeScript, ESM).
  tsconfigRaw: { compilerOptions: { alwaysStrict: false, target: 'ES2022' } },
  banner: { js: '"use strict";' },
};

// Where src/simulators.ts finds the simulators, src/slip/png-bundle.ts the PNG renderer and
// hal/printer/gb18030.ts its table once bundled (each beside the bundle that runs); from the sources they
// are imported or made directly.
// The modem's batch runner (combined AT command lines), required by hal/modem/batch-bundle.ts on first use.
const MODEM_BATCH_BUNDLE = 'modem-batch.js';
const define = { ...LAZY_BUNDLES, POSDIAG_MODEM_BATCH_BUNDLE: JSON.stringify(MODEM_BATCH_BUNDLE), POSDIAG_GB18030_TABLE: JSON.stringify('gb18030.bin') };
const outputs = [
  { entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', define },
  { entryPoints: ['src/index.ts'], outfile: 'dist/index.js', define },
  { entryPoints: ['src/simulators-entry.ts'], outfile: `dist/${SIM_BUNDLE}`, define },
  { entryPoints: ['mocks/faults.ts'], outfile: `dist/${SIM_FAULTS_BUNDLE}`, define },
  { entryPoints: ['src/slip/roll-png.ts'], outfile: `dist/${PNG_BUNDLE}`, define },
  { entryPoints: ['hal/modem/batch-run.ts'], outfile: `dist/${MODEM_BATCH_BUNDLE}`, define },
  // better-sqlite3 is a native addon found from its package directory; pg's optional pg-native is not installed.
  // The small debug stand-in is an ES module; mqtt.js requires `debug` as CommonJS and calls it: the real one.
  { entryPoints: ['src/fleet/entry.ts'], outfile: `dist/${FLEET_BUNDLE}`, define, plugins: [], external: [...common.external, 'better-sqlite3', 'pg', 'pg-native', 'bufferutil', 'utf-8-validate'] },
  // mqtt.js without its browser and stream polyfills: Node's own stream for readable-stream, native
  // timers for worker-timers (timerVariant 'native'), and its debug traces off (mqtt-packet calls
  // require('debug')(…) itself, which smallDebug's ES module does not allow).
  {
    entryPoints: ['src/fleet/telemetry-entry.ts'],
    outfile: `dist/${TELEMETRY_BUNDLE}`,
    define: { ...define, POSDIAG_VERSION: JSON.stringify(require('./package.json').version) },
    alias: { 'readable-stream': 'node:stream', 'worker-timers': './src/fleet/worker-timers-stub.ts', debug: './src/fleet/debug-stub.cjs' },
    plugins: [],
  },
];

const results = [];
for (const o of outputs) results.push(await build({ ...common, ...o }));
await writeGb18030Table();
const localeFiles = writeLocales();

// dist/cli.js must not carry the simulators, nor the commands that run only on them (demo, sim): a stray
// static import would put them back silently.
const SIM_ONLY_COMMANDS = ['src/cli/commands/demo.ts', 'src/cli/commands/sim.ts'];
const cliInputs = Object.keys(results[0].metafile.inputs);
const strays = cliInputs.filter((p) => p.startsWith('mocks/') || SIM_ONLY_COMMANDS.includes(p) || p.startsWith('node_modules/mqtt') || p === 'src/fleet/shipper.ts');
if (strays.length) {
  console.error(`build.mjs: dist/cli.js bundles simulator code (${strays.join(', ')}); load it through src/simulators.ts`);
  process.exit(1);
}
// Nor the texts: each locale is its own file, read only when the locale is in use.
for (const [i, o] of outputs.entries()) {
  const texts = Object.keys(results[i].metafile.inputs).filter((p) => p.startsWith(`${LOCALES_SRC}/`));
  if (texts.length) {
    console.error(`build.mjs: ${o.outfile} bundles locale texts (${texts.join(', ')}); look them up through src/i18n/catalog.ts`);
    process.exit(1);
  }
}
// Nor the fleet side or the shipper (the MQTT client, report, database and shipping code): a stray import
// would carry them in. The terminal's bundle keeps only the telemetry options and the loader that spawns
// or requires dist/telemetry.js.
const TERMINAL_FLEET_FILES = ['src/fleet/options.ts', 'src/fleet/load-telemetry.ts'];
const fleetStrays = cliInputs.filter((p) => (p.startsWith('src/fleet/') && !TERMINAL_FLEET_FILES.includes(p)) || p.startsWith('node_modules/mqtt'));
if (fleetStrays.length) {
  console.error(`build.mjs: dist/cli.js bundles fleet code (${fleetStrays.slice(0, 5).join(', ')}); load it through src/fleet-bundle.ts or src/fleet/load-telemetry.ts`);
  process.exit(1);
}

// The terminal's bundle has a size budget (a small ARM terminal's flash and the time V8 takes to read it):
// going over it fails the build, with where to look.
const CLI_BUDGET_BYTES = 300_000;
const cliBytes = statSync(join(root, 'dist/cli.js')).size;
if (cliBytes > CLI_BUDGET_BYTES) {
  console.error(`build.mjs: dist/cli.js is ${cliBytes} bytes, over its budget of ${CLI_BUDGET_BYTES}; node build.mjs --analyze shows what takes the room`);
  process.exit(1);
}

if (!quiet) {
  for (const o of outputs) console.log(`${o.outfile.padEnd(14)} ${(statSync(join(root, o.outfile)).size / 1024).toFixed(1)} KiB`);
  for (const f of localeFiles) console.log(`${f.padEnd(14)} ${(statSync(join(root, f)).size / 1024).toFixed(1)} KiB`);
}
if (analyze) {
  console.log(await analyzeMetafile(results[0].metafile, { verbose: false }));
  // The same by package or source folder, biggest first: where a size budget is won or lost.
  const groups = new Map();
  for (const [path, { bytesInOutput }] of Object.entries(Object.values(results[0].metafile.outputs)[0].inputs)) {
    const parts = path.split('/');
    const key = parts[0] === 'node_modules' ? parts.slice(0, parts[1].startsWith('@') ? 3 : 2).join('/') : parts.slice(0, Math.min(2, parts.length - 1) || 1).join('/');
    groups.set(key, (groups.get(key) ?? 0) + bytesInOutput);
  }
  for (const [key, bytes] of [...groups].sort((a, b) => b[1] - a[1])) console.log(`${(bytes / 1024).toFixed(1).padStart(8)} KiB  ${key}`);
}

/**
 * The serial stack logs through the `debug` package (about 9 KB with its colour detection). This stand-in
 * keeps what a technician uses: DEBUG=serialport* (comma- or space-separated, `*` wildcards, `-` to exclude)
 * prints that stack's traces on stderr, through posdiag's scrubber (hal/safe-text.ts: they quote device bytes).
 */
function smallDebug() {
  const contents = `
import { safeText } from './hal/safe-text';
const spec = String(process.env.DEBUG || '').split(/[\\s,]+/).filter(Boolean);
const rx = (p) => new RegExp('^' + p.replace(/[.+?^\${}()|[\\]\\\\]/g, '\\\\$&').replace(/\\*/g, '.*?') + '$');
const on = spec.filter((p) => p[0] !== '-').map(rx), off = spec.filter((p) => p[0] === '-').map((p) => rx(p.slice(1)));
function createDebug(ns) {
  const enabled = on.some((r) => r.test(ns)) && !off.some((r) => r.test(ns));
  const log = (...args) => { if (enabled) process.stderr.write(safeText(new Date().toISOString() + ' ' + ns + ' ' + require('node:util').format(...args)) + '\\n'); };
  log.enabled = enabled;
  log.namespace = ns;
  log.extend = (sub, sep = ':') => createDebug(ns + sep + sub);
  return log;
}
createDebug.default = createDebug;
createDebug.enabled = (ns) => createDebug(ns).enabled;
export default createDebug;
`;
  return {
    name: 'small-debug',
    setup(b) {
      b.onResolve({ filter: /^debug$/ }, () => ({ path: 'debug', namespace: 'small-debug' }));
      b.onLoad({ filter: /.*/, namespace: 'small-debug' }, () => ({ contents, loader: 'js', resolveDir: root }));
    },
  };
}

/**
 * Writes every locale's texts to dist/locales/ as compact JSON (a file that does not parse fails the
 * build, naming it). Returns the paths written.
 */
function writeLocales() {
  const dir = join(root, 'dist', 'locales');
  mkdirSync(dir, { recursive: true });
  const written = [];
  for (const name of readdirSync(join(root, LOCALES_SRC)).filter((f) => f.endsWith('.json')).sort()) {
    let texts;
    try {
      texts = JSON.parse(readFileSync(join(root, LOCALES_SRC, name), 'utf8'));
    } catch (e) {
      console.error(`build.mjs: ${LOCALES_SRC}/${name} is not valid JSON: ${e.message}`);
      process.exit(1);
    }
    writeFileSync(join(dir, name), JSON.stringify(texts));
    written.push(`dist/locales/${name}`);
  }
  return written;
}

/**
 * dist/gb18030.bin: GB18030 for a Node whose TextDecoder lacks it (small ICU, no Intl), read only when
 * Chinese is printed there. Made from iconv-lite's data by hal/printer/gb18030-table-codegen.ts.
 */
async function writeGb18030Table() {
  const { gb18030TableFile, GB18030_TABLE_FILE } = await buildTimeModule('hal/printer/gb18030-table-codegen.ts');
  if (define.POSDIAG_GB18030_TABLE !== JSON.stringify(GB18030_TABLE_FILE)) throw new Error('build.mjs: the GB18030 table file name differs from the codegen\'s');
  writeFileSync(join(root, 'dist', GB18030_TABLE_FILE), gb18030TableFile());
}

/** A TypeScript module of the sources, bundled in memory (its packages left to require) and evaluated. */
async function buildTimeModule(entry) {
  const out = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    packages: 'external',
    logLevel: 'warning',
  });
  const mod = { exports: {} };
  new Function('module', 'exports', 'require', out.outputFiles[0].text)(mod, mod.exports, require);
  return mod.exports;
}

/** Rewrites src/config/validate-config.generated.ts when the schema gives different code. */
async function regenerateConfigValidator() {
  const { configValidatorSource, GENERATED_VALIDATOR_PATH } = await buildTimeModule('src/config/validator-codegen.ts');
  const file = join(root, GENERATED_VALIDATOR_PATH);
  const fresh = configValidatorSource();
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // first build
  }
  if (current !== fresh) {
    writeFileSync(file, fresh);
    if (!quiet) console.log(`${GENERATED_VALIDATOR_PATH} regenerated from src/config/schema.ts`);
  }
}
