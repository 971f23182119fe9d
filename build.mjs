// Bundles posdiag for Node 20 into dist/:
//   dist/cli.js    the `posdiag` command, what a terminal runs (target: at most 300 KB)
//   dist/index.js  the library (package.json "main")
//   dist/sim.js    the simulators of mocks/, loaded only to simulate (src/simulators.ts requires it at run time)
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
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants as zlibConstants } from 'node:zlib';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const quiet = process.argv.includes('--quiet');
const analyze = process.argv.includes('--analyze');
const SIM_BUNDLE = 'sim.js';

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
  plugins: [iconvOnlyWhatPosdiagUses(), compressedIconvTables(), smallDebug()],
};

const outputs = [
  // Where src/simulators.ts finds the simulators once bundled; from the sources it imports them directly.
  { entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', define: { POSDIAG_SIM_BUNDLE: JSON.stringify(SIM_BUNDLE) } },
  { entryPoints: ['src/index.ts'], outfile: 'dist/index.js', define: { POSDIAG_SIM_BUNDLE: JSON.stringify(SIM_BUNDLE) } },
  { entryPoints: ['src/simulators-entry.ts'], outfile: `dist/${SIM_BUNDLE}` },
];

const results = [];
for (const o of outputs) results.push(await build({ ...common, ...o }));

// dist/cli.js must not carry the simulators: a stray static import of mocks/ would put them back silently.
const cliInputs = Object.keys(results[0].metafile.inputs);
const strays = cliInputs.filter((p) => p.startsWith('mocks/') && p !== 'mocks/faults.ts');
if (strays.length) {
  console.error(`build.mjs: dist/cli.js bundles simulator code (${strays.join(', ')}); load it through src/simulators.ts`);
  process.exit(1);
}

if (!quiet) {
  for (const o of outputs) console.log(`${o.outfile.padEnd(14)} ${(statSync(join(root, o.outfile)).size / 1024).toFixed(1)} KiB`);
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
 * iconv-lite registers every encoding it knows (≈ 450 KB of CJK and code-page tables) from one index file,
 * and the bundler cannot tell which the code asks for. posdiag names its encodings as string literals in the
 * files that import iconv-lite (GB18030 for the printer's Chinese font, a few code pages for previews), so
 * the index is replaced by one that registers only those: every literal in those files that iconv-lite
 * knows as an encoding, with its aliases. A new encoding written as a literal there is picked up by itself.
 */
function iconvOnlyWhatPosdiagUses() {
  return {
    name: 'iconv-only-what-posdiag-uses',
    setup(b) {
      b.onLoad({ filter: /[\\/]iconv-lite[\\/]encodings[\\/]index\.js$/ }, (args) => {
        const wanted = encodingLiterals(b.initialOptions.absWorkingDir ?? root);
        const dir = dirname(args.path);
        const pick = (file) => pickEncodings(require(join(dir, file)), wanted);
        const contents = `"use strict";
var mergeModules = require("../lib/helpers/merge-exports");
var modules = [require("./internal"), require("./sbcs-codec"), require("./dbcs-codec"),
  ${serialize(pick('sbcs-data.js'))}, ${serialize(pick('sbcs-data-generated.js'))}, ${serialize(pick('dbcs-data.js'))}];
for (var i = 0; i < modules.length; i++) mergeModules(exports, modules[i]);
`;
        return { contents, resolveDir: dir, loader: 'js' };
      });
    },
  };
}

/**
 * iconv-lite's code tables (the GB18030/GBK one is 47 KB of JSON) go into the bundle brotli-compressed and
 * are unpacked by Node's zlib the first time a character needs them (iconv-lite requires a table lazily).
 */
function compressedIconvTables() {
  return {
    name: 'compressed-iconv-tables',
    setup(b) {
      b.onLoad({ filter: /[\\/]iconv-lite[\\/]encodings[\\/]tables[\\/][\w-]+\.json$/ }, (args) => {
        const json = JSON.stringify(JSON.parse(readFileSync(args.path, 'utf8')));
        const packed = brotliCompressSync(Buffer.from(json), { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }).toString('base64');
        return { contents: `module.exports = JSON.parse(require("node:zlib").brotliDecompressSync(Buffer.from(${JSON.stringify(packed)}, "base64")).toString());`, loader: 'js' };
      });
    },
  };
}

/**
 * The serial stack logs through the `debug` package (about 9 KB with its colour detection). This stand-in
 * keeps what a technician uses: DEBUG=serialport* (comma- or space-separated, `*` wildcards, `-` to exclude)
 * prints that stack's traces on stderr.
 */
function smallDebug() {
  const contents = `
const spec = String(process.env.DEBUG || '').split(/[\\s,]+/).filter(Boolean);
const rx = (p) => new RegExp('^' + p.replace(/[.+?^\${}()|[\\]\\\\]/g, '\\\\$&').replace(/\\*/g, '.*?') + '$');
const on = spec.filter((p) => p[0] !== '-').map(rx), off = spec.filter((p) => p[0] === '-').map((p) => rx(p.slice(1)));
function createDebug(ns) {
  const enabled = on.some((r) => r.test(ns)) && !off.some((r) => r.test(ns));
  const log = (...args) => { if (enabled) process.stderr.write(new Date().toISOString() + ' ' + ns + ' ' + require('node:util').format(...args) + '\\n'); };
  log.enabled = enabled;
  log.namespace = ns;
  log.extend = (sub, sep = ':') => createDebug(ns + sep + sub);
  return log;
}
createDebug.default = createDebug;
createDebug.enabled = (ns) => createDebug(ns).enabled;
module.exports = createDebug;
`;
  return {
    name: 'small-debug',
    setup(b) {
      b.onResolve({ filter: /^debug$/ }, () => ({ path: 'debug', namespace: 'small-debug' }));
      b.onLoad({ filter: /.*/, namespace: 'small-debug' }, () => ({ contents, loader: 'js' }));
    },
  };
}

/** Encoding names (iconv-lite's canonical form) written as string literals in the files that import iconv-lite. */
function encodingLiterals(base) {
  const iconv = require('iconv-lite');
  const files = ['hal/printer/text.ts', 'hal/printer/escpos-tokenizer.ts', ...sourcesImporting(base, 'iconv-lite')];
  const names = new Set();
  for (const file of new Set(files)) {
    let text;
    try {
      text = readFileSync(join(base, file), 'utf8');
    } catch {
      continue;
    }
    for (const m of text.matchAll(/['"`]([A-Za-z][\w-]{1,30})['"`]/g)) {
      if (m[1] !== 'iconv-lite' && iconv.encodingExists(m[1])) names.add(canonical(m[1]));
    }
  }
  return names;
}

/** Source files under hal/ and src/ that import `module` (a cheap text search, enough for this purpose). */
function sourcesImporting(base, module) {
  const { readdirSync } = require('node:fs');
  const out = [];
  const walk = (dir) => {
    for (const e of readdirSync(join(base, dir), { withFileTypes: true })) {
      const rel = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(rel);
      else if (e.name.endsWith('.ts') && readFileSync(join(base, rel), 'utf8').includes(`'${module}'`)) out.push(rel);
    }
  };
  for (const dir of ['hal', 'src']) walk(dir);
  return out;
}

function canonical(name) {
  return String(name).toLowerCase().replace(/:\d{4}$|[^0-9a-z]/g, '');
}

/** The entries of an iconv-lite data module that define the wanted encodings, aliases included. */
function pickEncodings(data, wanted) {
  const resolve = (key) => {
    let k = key;
    for (let i = 0; i < 10 && typeof data[k] === 'string'; i++) k = canonical(data[k]);
    return k;
  };
  const targets = new Set([...wanted].map(resolve).filter((k) => typeof data[k] === 'object'));
  const out = {};
  for (const key of Object.keys(data)) if (targets.has(resolve(key))) out[key] = data[key];
  return out;
}

/** JavaScript source for plain data with functions (iconv-lite's lazy `table: function () { require(...) }`). */
function serialize(value) {
  if (typeof value === 'function') return `(${value.toString()})`;
  if (Array.isArray(value)) return `[${value.map(serialize).join(',')}]`;
  if (value && typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${serialize(v)}`).join(',')}}`;
  return JSON.stringify(value);
}

/** Rewrites src/config/validate-config.generated.ts when the schema gives different code. */
async function regenerateConfigValidator() {
  const out = await build({
    entryPoints: [join(root, 'src/config/validator-codegen.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    packages: 'external',
    logLevel: 'warning',
  });
  const mod = { exports: {} };
  new Function('module', 'exports', 'require', out.outputFiles[0].text)(mod, mod.exports, require);
  const { configValidatorSource, GENERATED_VALIDATOR_PATH } = mod.exports;
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
