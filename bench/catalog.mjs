// Catalog benchmark: response-code lookups per second, and the cold start of `posdiag explain 96` against
// `node -e 0`. bench/run.mjs uses both functions; run alone it prints them (not part of npm test):
//
//   node bench/catalog.mjs              build dist/ with build.mjs, then measure
//   node bench/catalog.mjs --no-build   measure the dist/cli.js that is there
//   node bench/catalog.mjs --runs 21    cold-start runs per command (default 15, median reported)
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Lookups per second on the catalog bundled alone; `log` gets one line per case. */
export async function measureLookups(log = () => undefined) {
  const dir = mkdtempSync(join(tmpdir(), 'posdiag-bench-'));
  const file = join(dir, 'codes.cjs');
  const out = await build({
    entryPoints: [join(root, 'src/codes/index.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    write: false,
    logLevel: 'warning',
  });
  writeFileSync(file, out.outputFiles[0].contents);
  // The hint texts beside it, where the bundle reads them (src/i18n/locale-files.ts), on the first explain().
  cpSync(join(root, 'src/i18n/locales'), join(dir, 'locales'), { recursive: true });
  const t0 = process.hrtime.bigint();
  const codes = createRequire(import.meta.url)(file);
  const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;

  const perSecond = (label, fn, inputs) => {
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
    log(`  ${label.padEnd(44)} ${Math.round(rate).toLocaleString('en').padStart(12)} /s`);
    return { label, perSecond: Math.round(rate) };
  };

  const field39 = Array.from({ length: 100 }, (_, i) => i);
  const rates = [
    perSecond('lookup(number 0–99)', (c) => codes.lookup(c), field39),
    perSecond('lookup(" 96 ", "a0", "９６" …)', (c) => codes.lookup(c), [' 96 ', 'a0', '９６', '05\r\n', 'Z3', 'A7']),
    perSecond('lookup("NO COMMUNICATION", "交易终止" …)', (c) => codes.lookup(c), ['NO COMMUNICATION', '交易终止', 'local.no-reply', 'T13', '用户异常']),
    perSecond('lookup(garbage: null, {}, "\\u001b96", long)', (c) => codes.lookup(c), [null, {}, '\u001b96', 'x'.repeat(80), Symbol('s')]),
    perSecond('lookup(96, {acquirer: "lakala"})', (c) => codes.lookup(c, { acquirer: 'lakala' }), field39),
    perSecond('explain(code, {locale}) incl. hint text', (c) => codes.explain(c, { locale: 'zh-TW' }), field39),
    perSecond('explain(61, {params: amount}) incl. Intl', (c) => codes.explain(c, { locale: 'zh-CN', params: { amount: 1234.5, time: 1735689600000 } }), [
      61,
      96,
      'T04',
    ]),
  ];
  rmSync(dir, { recursive: true, force: true });
  return { loadMs, rates };
}

function timeOnce(argv) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, argv, { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

/**
 * Wall time of each command as a fresh process, interleaved run by run (so load on the machine hits all
 * alike), median of `runs` after one warm-up round for the file cache. `commands`: label -> node argv.
 */
export function measureColdStart(commands, runs = 15) {
  const samples = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (const argv of Object.values(commands)) timeOnce(argv);
  for (let i = 0; i < runs; i++) for (const [k, argv] of Object.entries(commands)) samples[k].push(timeOnce(argv));
  return Object.fromEntries(Object.entries(samples).map(([k, xs]) => [k, { medianMs: median(xs), minMs: Math.min(...xs), runs: xs.length }]));
}

async function main() {
  const args = process.argv.slice(2);
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 && Number(args[runsAt + 1]) > 0 ? Number(args[runsAt + 1]) : 15;
  console.log('lookups:');
  const { loadMs } = await measureLookups(console.log);
  console.log(`catalog module load (bundled, first require): ${loadMs.toFixed(2)} ms`);
  if (!args.includes('--no-build')) {
    const b = spawnSync(process.execPath, ['build.mjs', '--quiet'], { cwd: root, stdio: 'inherit' });
    if (b.status !== 0) throw new Error('build.mjs failed; cold start not measured');
  }
  const cli = join(root, 'dist/cli.js');
  if (!existsSync(cli)) throw new Error('dist/cli.js missing (run without --no-build)');
  const cold = measureColdStart(
    { 'node -e 0': ['-e', '0'], 'posdiag explain 96': [cli, 'explain', '96'], 'posdiag explain 96 --json': [cli, 'explain', '96', '--json'] },
    runs,
  );
  const base = cold['node -e 0'].medianMs;
  console.log(`cold start (median of ${runs}, interleaved; dist/cli.js ${(statSync(cli).size / 1024).toFixed(1)} KiB):`);
  for (const [k, c] of Object.entries(cold))
    console.log(`  ${k.padEnd(28)} ${c.medianMs.toFixed(1).padStart(7)} ms   min ${c.minMs.toFixed(1)}   x${(c.medianMs / base).toFixed(2)} of node -e 0`);
  const ratio = cold['posdiag explain 96'].medianMs / base;
  console.log(`target: within 1.5x of node -e 0 -> ${ratio <= 1.5 ? 'met' : 'NOT met'} (x${ratio.toFixed(2)})`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
