/**
 * What build.mjs writes beside dist/cli.js and loads only when wanted, in one list: build.mjs and the
 * tests' bundler (test/helpers/cli-bundle.ts) build from it, and the lint (.dependency-cruiser.cjs) takes
 * its loaders as the one allowed seam in an import cycle. A file here is required at run time by its
 * loader through the define (the file's name, a constant in a bundle); from the TypeScript sources the
 * define is absent and the loader imports the source itself.
 *
 *   file     the file in dist/
 *   define   the constant naming the file in every bundle
 *   entry    the source bundled into it
 *   loader   the source that requires it on first use
 *   external packages left to require at run time besides the native serial binding
 *   alias    packages replaced in that bundle
 *   ownDebug the bundle keeps the real `debug` package (build.mjs's small stand-in is for the serial stack)
 *   version  the bundle is told posdiag's version (POSDIAG_VERSION)
 */
const LAZY_BUNDLES = [
  // The simulated terminal: the simulators of mocks/ and the commands that run only on them (demo, sim).
  { file: 'sim.js', define: 'POSDIAG_SIM_BUNDLE', entry: 'src/simulators-entry.ts', loader: 'src/simulators.ts' },
  // The simulators' fault lists alone, for checking --sim before anything runs: a diagnosis's first line
  // does not wait for sim.js.
  { file: 'sim-faults.js', define: 'POSDIAG_SIM_FAULTS_BUNDLE', entry: 'mocks/faults.ts', loader: 'src/simulators.ts' },
  // The PNG preview's renderer, only to draw one.
  { file: 'png.js', define: 'POSDIAG_PNG_BUNDLE', entry: 'src/slip/roll-png.ts', loader: 'src/slip/png-bundle.ts' },
  // The modem's combined AT command lines (without it: one command a line).
  { file: 'modem-batch.js', define: 'POSDIAG_MODEM_BATCH_BUNDLE', entry: 'hal/modem/batch-run.ts', loader: 'hal/modem/batch-bundle.ts' },
  // The chip reader's driver and check, on the first chip reader check (without it: the check says it is not installed).
  { file: 'ccid.js', define: 'POSDIAG_CCID_BUNDLE', entry: 'hal/reader/ccid/ccid-run.ts', loader: 'hal/reader/ccid/ccid-bundle.ts' },
  // The fleet side (`posdiag fleet ingest|report`, on the acquirer's servers). better-sqlite3 is a native
  // addon found from its package directory; pg's optional pg-native is not installed. mqtt.js requires
  // `debug` as CommonJS and calls it: the real one.
  {
    file: 'fleet.js',
    define: 'POSDIAG_FLEET_BUNDLE',
    entry: 'src/fleet/entry.ts',
    loader: 'src/fleet-bundle.ts',
    external: ['better-sqlite3', 'pg', 'pg-native', 'bufferutil', 'utf-8-validate'],
    ownDebug: true,
  },
  // The fleet link: mqtt.js and the shipper, only for `posdiag telemetry`. mqtt.js without its browser
  // and stream polyfills: Node's own stream for readable-stream, native timers for worker-timers
  // (timerVariant 'native'), and its debug traces off (mqtt-packet calls require('debug')(…) itself,
  // which the small stand-in's ES module does not allow).
  {
    file: 'telemetry.js',
    define: 'POSDIAG_TELEMETRY_BUNDLE',
    entry: 'src/fleet/telemetry-entry.ts',
    loader: 'src/fleet/load-telemetry.ts',
    alias: { 'readable-stream': 'node:stream', 'worker-timers': './src/fleet/worker-timers-stub.ts', debug: './src/fleet/debug-stub.cjs' },
    ownDebug: true,
    version: true,
  },
];

/** GB18030 for a Node whose TextDecoder lacks it (small ICU, no Intl), read only when Chinese is printed. */
const GB18030_TABLE = { file: 'gb18030.bin', define: 'POSDIAG_GB18030_TABLE', loader: 'hal/printer/gb18030-table-file.ts' };

/** Each locale's texts, dist/locales/<tag>.json, read only along the active locale's fallback chain. */
const LOCALE_FILES = { dir: 'locales', source: 'src/i18n/locales', loader: 'src/i18n/locale-files.ts' };

/** The bundles that run directly. */
const MAIN_BUNDLES = [
  { file: 'cli.js', entry: 'src/cli.ts' },
  { file: 'index.js', entry: 'src/index.ts' },
];

/** The esbuild defines every bundle gets: each lazily loaded file's name under its constant. */
function lazyDefines() {
  const define = {};
  for (const b of [...LAZY_BUNDLES, GB18030_TABLE]) define[b.define] = JSON.stringify(b.file);
  return define;
}

/** The sources that load a file of this list at run time. */
const LAZY_LOADERS = [...LAZY_BUNDLES, GB18030_TABLE, LOCALE_FILES].map((b) => b.loader);

module.exports = { LAZY_BUNDLES, GB18030_TABLE, LOCALE_FILES, MAIN_BUNDLES, LAZY_LOADERS, lazyDefines };
