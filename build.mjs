// Bundles posdiag for Node 20 into dist/:
//   dist/cli.js    the `posdiag` command, what a terminal runs (at most 300,000 bytes: the build fails above)
//   dist/index.js  the library (package.json "main")
//   dist/sim.js    the simulated terminal: the simulators of mocks/ and the commands that run only on them
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
// The lazily loaded files, their defines and loaders: one list, shared with the tests' bundler and the lint.
const { LAZY_BUNDLES, GB18030_TABLE, LOCALE_FILES, MAIN_BUNDLES, lazyDefines } = require('./bundles.cjs');
const LOCALES_SRC = LOCALE_FILES.source;

await regenerateConfigValidator();
await regenerateDeviceLists();

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

// Each bundle is told where its lazily loaded files are (beside it); from the sources the loaders import
// or make them directly.
const define = lazyDefines();
const outputs = [
  ...MAIN_BUNDLES.map((m) => ({ entryPoints: [m.entry], outfile: `dist/${m.file}`, define })),
  ...LAZY_BUNDLES.map((l) => ({
    entryPoints: [l.entry],
    outfile: `dist/${l.file}`,
    define: l.version ? { ...define, POSDIAG_VERSION: JSON.stringify(require('./package.json').version) } : define,
    ...(l.external ? { external: [...common.external, ...l.external] } : {}),
    ...(l.alias ? { alias: l.alias } : {}),
    ...(l.ownDebug ? { plugins: [] } : {}),
  })),
];

const results = [];
for (const o of outputs) results.push(await build({ ...common, ...o }));
await writeGb18030Table();
const localeFiles = writeLocales();

// dist/cli.js must not carry the simulators, nor the commands that run only on them (demo, sim): a stray
// static import would put them back silently.
const SIM_ONLY_COMMANDS = ['src/cli/commands/demo.ts', 'src/cli/commands/sim.ts'];
const cliInputs = Object.keys(results[MAIN_BUNDLES.findIndex((m) => m.file === 'cli.js')].metafile.inputs);
const strays = cliInputs.filter(
  (p) => p.startsWith('mocks/') || SIM_ONLY_COMMANDS.includes(p) || p.startsWith('node_modules/mqtt') || p === 'src/fleet/shipper.ts',
);
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
  console.error(
    `build.mjs: dist/cli.js bundles fleet code (${fleetStrays.slice(0, 5).join(', ')}); load it through src/fleet-bundle.ts or src/fleet/load-telemetry.ts`,
  );
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
    const key =
      parts[0] === 'node_modules' ? parts.slice(0, parts[1].startsWith('@') ? 3 : 2).join('/') : parts.slice(0, Math.min(2, parts.length - 1) || 1).join('/');
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
  const dir = join(root, 'dist', LOCALE_FILES.dir);
  mkdirSync(dir, { recursive: true });
  const written = [];
  for (const name of readdirSync(join(root, LOCALES_SRC))
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    let texts;
    try {
      texts = JSON.parse(readFileSync(join(root, LOCALES_SRC, name), 'utf8'));
    } catch (e) {
      console.error(`build.mjs: ${LOCALES_SRC}/${name} is not valid JSON: ${e.message}`);
      process.exit(1);
    }
    writeFileSync(join(dir, name), JSON.stringify(texts));
    written.push(`dist/${LOCALE_FILES.dir}/${name}`);
  }
  return written;
}

/**
 * dist/gb18030.bin: GB18030 for a Node whose TextDecoder lacks it (small ICU, no Intl), read only when
 * Chinese is printed there. Made from iconv-lite's data by hal/printer/gb18030-table-codegen.ts.
 */
async function writeGb18030Table() {
  const { gb18030TableFile, GB18030_TABLE_FILE } = await buildTimeModule('hal/printer/gb18030-table-codegen.ts');
  if (GB18030_TABLE.file !== GB18030_TABLE_FILE) throw new Error("build.mjs: the GB18030 table file name differs from the codegen's");
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

/**
 * Rewrites the lists of devices, reader kinds and simulators where they are derived (scripts/
 * device-lists-codegen.ts): hal/device-lists.generated.ts, and the marked enums of schemas/*.json (a
 * schema rewritten is formatted as the repository formats it).
 */
async function regenerateDeviceLists() {
  const { deviceListsSource, withGeneratedLists, GENERATED_LISTS_PATH, SCHEMAS_DIR } = await buildTimeModule('scripts/device-lists-codegen.ts');
  writeIfChanged(GENERATED_LISTS_PATH, deviceListsSource(), 'from the device modules');
  for (const name of readdirSync(join(root, SCHEMAS_DIR)).filter((f) => f.endsWith('.json'))) {
    const file = join(root, SCHEMAS_DIR, name);
    const { schema, changed } = withGeneratedLists(JSON.parse(readFileSync(file, 'utf8')));
    if (!changed.length) continue;
    let text = `${JSON.stringify(schema, null, 2)}\n`;
    try {
      const prettier = await import('prettier');
      text = await prettier.format(text, { ...(await prettier.resolveConfig(file)), filepath: file });
    } catch {
      // Without Prettier (an install without devDependencies) the plain JSON stands; `npm run lint` says so.
    }
    writeFileSync(file, text);
    if (!quiet) console.log(`${SCHEMAS_DIR}/${name}: ${changed.join(', ')} regenerated from the device modules`);
  }
}

/** Writes a generated file when its text differs (a build that changes nothing touches nothing). */
function writeIfChanged(path, fresh, from = '') {
  const file = join(root, path);
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // first build
  }
  if (current !== fresh) {
    writeFileSync(file, fresh);
    if (!quiet) console.log(`${path} regenerated ${from}`.trimEnd());
  }
}

/** Rewrites src/config/validate-config.generated.ts when the schema gives different code. */
async function regenerateConfigValidator() {
  const { configValidatorSource, GENERATED_VALIDATOR_PATH } = await buildTimeModule('src/config/validator-codegen.ts');
  writeIfChanged(GENERATED_VALIDATOR_PATH, configValidatorSource(), 'from src/config/schema.ts');
}
