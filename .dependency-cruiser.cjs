/**
 * The layers of posdiag as rules, checked by `npm run lint` (and so by `npm test`) with dependency-cruiser
 * over hal/, src/ and mocks/. Type imports count (tsPreCompilationDeps): a type that crosses a boundary
 * ties the layers as much as a value does. test/integration/lint-rules.test.ts plants a breach of each rule
 * and sees it named.
 *
 *   hal-not-src      hal/ (everything that knows a device or a wire) never imports the product (src/),
 *                    nor the simulators (mocks/).
 *   transport-no-device  the wire (hal/transport/) knows lines, not devices: it imports nothing of hal/
 *                    but itself, the errors, the clock and the options.
 *   mocks-only-hal   the simulators import hal/ and each other, nothing else of the repository. The slip's
 *                    neutral preview (the paper roll the printer simulator prints on) is hal/printer/
 *                    paper-roll.ts, so no module of src/ is allowed to them.
 *   pure-no-io       the pure modules (the code catalog, the texts, the diagnosis, the slip layout, and the
 *                    codecs, framers and parsers of hal/) import no file system, network, serial port,
 *                    child process, worker or timers: I/O files feed them bytes and own the timers.
 *   diagnosis-no-checks  the code catalog and the diagnosis reach no device check, directly or not: they
 *                    read the devices' cause rules through hal/device-lists.generated.ts (pure data).
 *   no-cycle         no import cycle in hal/, src/ or mocks/, except through a lazy loader of bundles.cjs
 *                    (a file that requires a lazily bundled file at run time and its source from the
 *                    sources: the require is a seam, not a layer).
 */
const { LAZY_LOADERS } = require('./bundles.cjs');

/** Directories and names of the pure modules. */
const PURE = [
  '^src/(?:codes|i18n|diagnosis)/',
  '^src/slip/(?:layout|labels|summary|from-diagnosis|preview)\\.ts$',
  // Codecs, framers, parsers and tokenizers anywhere in hal/, by name.
  '^hal/.*(?:^|/|-)(?:codec|framer|parsers|tokenizer)\\.ts$',
  '^hal/(?:errors|safe-text|text-wrap)\\.ts$',
  '^hal/modem/(?:at-reply|at-batch|assess|cme-errors)\\.ts$',
  '^hal/reader/card-mask\\.ts$',
  '^hal/reader/ccid/(?:atr|emv-tlv|emv-apdu)\\.ts$',
  '^hal/printer/(?:status|builder|commands|code-pages|gb18030|gb18030-codes|text|qr-matrix|qr-raster|paper-roll|profiles|test-page)\\.ts$',
  '^hal/network/iso8583/(?:fields|envelope|echo)\\.ts$',
  '^hal/network/(?:probe-result|local-config)\\.ts$',
];
/** The one I/O file among them: it reads a locale's texts (src/i18n/catalog.ts takes any source). */
const PURE_EXCEPT = ['^src/i18n/locale-files\\.ts$', '\\.json$'];

/** Node modules that do I/O or keep time, with or without the node: prefix. */
const IO_CORE = [
  'fs',
  'fs/promises',
  'net',
  'tls',
  'dgram',
  'dns',
  'dns/promises',
  'http',
  'https',
  'http2',
  'child_process',
  'cluster',
  'worker_threads',
  'readline',
  'timers',
  'timers/promises',
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'hal-not-src',
      comment: 'hal/ knows devices and wires; the product (src/) and the simulators build on it, never the other way round',
      severity: 'error',
      from: { path: '^hal/' },
      to: { path: '^(?:src|mocks)/' },
    },
    {
      name: 'transport-no-device',
      comment: "the wire knows lines, not devices: a device's configuration reaches it only as the line's own settings",
      severity: 'error',
      from: { path: '^hal/transport/' },
      to: { path: '^hal/', pathNot: '^hal/(?:transport/|errors\\.ts$|clock\\.ts$|options\\.ts$)' },
    },
    {
      name: 'mocks-only-hal',
      comment: 'the simulators import hal/ and mocks/ only (the neutral preview is hal/printer/paper-roll.ts)',
      severity: 'error',
      from: { path: '^mocks/' },
      to: { dependencyTypes: ['local'], pathNot: ['^(?:hal|mocks)/'] },
    },
    {
      name: 'pure-no-io',
      comment: 'a pure module imports no fs, net, serial port, child process, worker or timers',
      severity: 'error',
      from: { path: PURE.join('|'), pathNot: PURE_EXCEPT.join('|') },
      to: {
        // One expression, not a list: dependency-cruiser fills the `from` match into `to.path` as into a string.
        path: `^(?:node:)?(?:${IO_CORE.join('|')})$|(?:^|/)node_modules/(?:serialport|@serialport/)|^(?:serialport|@serialport/)`,
      },
    },
    {
      name: 'diagnosis-no-checks',
      comment: 'the code catalog and the diagnosis reach no device check (the check registry, hal/devices.ts), even through other files',
      severity: 'error',
      from: { path: '^src/(?:codes|diagnosis)/' },
      to: { path: '^hal/devices\\.ts$', reachable: true },
    },
    {
      name: 'no-cycle',
      comment: 'no import cycle, type imports included (a lazy loader of bundles.cjs excepted)',
      severity: 'error',
      from: { path: '^(?:hal|src|mocks)/' },
      to: { circular: true, viaOnly: { pathNot: LAZY_LOADERS.map((f) => `^${f.replace(/[.]/g, '\\.')}$`).join('|') } },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(?:node_modules|dist)/' },
    moduleSystems: ['cjs', 'es6'],
  },
};
