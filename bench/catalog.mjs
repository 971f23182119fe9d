// Catalog benchmark (not part of npm test): lookups per second, and the cold start of `posdiag explain 96`
// against `node -e 0`. Issue 3 asks for the cold process within 1.5x of bare node.
//
//   node bench/catalog.mjs              build dist/ with build.mjs, then measure
//   node bench/catalog.mjs --no-build   measure the dist/cli.js that is there
//   node bench/catalog.mjs --runs 21    cold-start runs per command (default 15, median reported)
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) > 0 ? Number(args[args.indexOf('--runs') + 1]) : 15;
const root = new URL('..', import.meta.url).pathname;

// --- 1. lookups per second, on the catalog bundled alone -------------------------------------------
const dir = mkdtempSync(join(tmpdir(), 'posdiag-bench-'));
const file = join(dir, 'codes.cjs');
const out = await build({ entryPoints: [join(root, 'src/codes/index.ts')], bundle: true, platform: 'node', target: 'node20', format: 'cjs', write: false, logLevel: 'warning' });
writeFileSync(file, out.outputFiles[0].contents);
const t0 = process.hrtime.bigint();
const codes = createRequire(import.meta.url)(file);
const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;
rmSync(dir, { recursive: true, force: true });

function perSecond(label, fn, inputs) {
  // Warm up, then run for ~300 ms.
  for (let i = 0; i < 20_000; i++) fn(inputs[i % inputs.length]);
  let n = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0n;
  while (elapsed < 300_000_000n) {
    for (let i = 0; i < 10_000; i++) fn(inputs[(n + i) % inputs.length]);
    n += 10_000;
    elapsed = process.hrtime.bigint() - start;
  }
  const rate = n / (Number(elapsed) / 1e9);
  console.log(`  ${label.padEnd(44)} ${Math.round(rate).toLocaleString('en').padStart(12)} /s`);
  return rate;
}

console.log(`catalog module load (bundled, first require): ${loadMs.toFixed(2)} ms`);
console.log('lookups:');
const field39 = Array.from({ length: 100 }, (_, i) => i);
perSecond('lookup(number 0–99)', (c) => codes.lookup(c), field39);
perSecond('lookup(" 96 ", "a0", "９６" …)', (c) => codes.lookup(c), [' 96 ', 'a0', '９６', '05\r\n', 'Z3', 'A7']);
perSecond('lookup("NO COMMUNICATION", "交易终止" …)', (c) => codes.lookup(c), ['NO COMMUNICATION', '交易终止', 'local.no-reply', 'T13', '用户异常']);
perSecond('lookup(garbage: null, {}, "\\u001b96", long)', (c) => codes.lookup(c), [null, {}, '\u001b96', 'x'.repeat(80), Symbol('s')]);
perSecond('lookup(96, {acquirer: "lakala"})', (c) => codes.lookup(c, { acquirer: 'lakala' }), field39);
perSecond('explain(code, {locale}) incl. hint text', (c) => codes.explain(c, { locale: 'zh-TW' }), field39);
perSecond('explain(61, {params: amount}) incl. Intl', (c) => codes.explain(c, { locale: 'zh-CN', params: { amount: 1234.5, time: 1735689600000 } }), [61, 96, 'T04']);

// --- 2. cold start: posdiag explain 96 vs node -e 0 --------------------------------------------------
if (!args.includes('--no-build')) {
  const b = spawnSync(process.execPath, ['build.mjs', '--quiet'], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) {
    console.error('build.mjs failed; cold-start not measured');
    process.exit(1);
  }
}
const cli = join(root, 'dist/cli.js');
// Through bin/posdiag.js would add one tiny require; the bundle is what is measured.
if (!existsSync(cli)) {
  console.error('dist/cli.js missing (run without --no-build); cold-start not measured');
  process.exit(1);
}

function timeOnce(argv) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, argv, { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// What a cold explain could cost if the CLI routed `explain` to a bundle of its own: the same command
// module (src/cli/commands/explain.ts) on commander, without the devices, simulators and slip code.
const protoDir = mkdtempSync(join(tmpdir(), 'posdiag-explain-'));
const proto = join(protoDir, 'explain-only.js');
await build({
  stdin: {
    contents: `import { Command } from 'commander';
      import * as explain from './src/cli/commands/explain';
      import { processIo } from './src/cli/io';
      const program = new Command('posdiag').option('--config <file>').option('--sim [devices]').option('--locale <locale>').option('--json').option('--no-color').exitOverride();
      explain.register(program, processIo, (code) => { process.exitCode = code; });
      program.parseAsync(process.argv.slice(2), { from: 'user' }).catch(() => { process.exitCode = 2; });`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true, outfile: proto, logLevel: 'warning',
});

const commands = {
  'node -e 0': ['-e', '0'],
  'posdiag explain 96': [cli, 'explain', '96'],
  'posdiag explain 96 --json': [cli, 'explain', '96', '--json'],
  'explain-only bundle (proto)': [proto, 'explain', '96'],
};
const samples = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
for (const argv of Object.values(commands)) timeOnce(argv); // warm the file cache
for (let i = 0; i < runs; i++) for (const [k, argv] of Object.entries(commands)) samples[k].push(timeOnce(argv)); // interleaved
console.log(`cold start (median of ${runs}, interleaved; dist/cli.js ${(statSync(cli).size / 1024).toFixed(1)} KiB):`);
const base = median(samples['node -e 0']);
for (const [k, xs] of Object.entries(samples)) {
  const m = median(xs);
  console.log(`  ${k.padEnd(28)} ${m.toFixed(1).padStart(7)} ms   min ${Math.min(...xs).toFixed(1)}   x${(m / base).toFixed(2)} of node -e 0`);
}
rmSync(protoDir, { recursive: true, force: true });
console.log(`  (proto bundle ${(out.outputFiles[0].contents.length / 1024).toFixed(0)} KiB catalog+i18n unminified; see the report for the routing proposal)`);
const ratio = median(samples['posdiag explain 96']) / base;
console.log(`target: within 1.5x of node -e 0 -> ${ratio <= 1.5 ? 'met' : 'NOT met'} (x${ratio.toFixed(2)})`);
