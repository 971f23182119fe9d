/**
 * posdiag on every kind of Node build, by running the real bundle under preloads that make this Node look
 * like one (test/helpers/*-preload.js, passed with `node -r`): without Intl (as nodejs-mobile's Android
 * libnode: no Intl, locale methods as V8 has them without ICU, TextDecoder for UTF-8/UTF-16 only), and
 * with small ICU (English-only Intl, no GB18030 in TextDecoder). Then dist/cli.js copied without its
 * GB18030 table. The diagnose, demo, slip and selftest paths, each against the same run on this (full
 * ICU) Node.
 */
import { execFile } from 'node:child_process';
import { buildSync } from 'esbuild';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import * as iconv from 'iconv-lite';
import { cliBundle, ROOT, type CliBundle } from '../helpers/cli-bundle';

const PRELOADS = {
  'no Intl': join(__dirname, '../helpers/no-intl-preload.js'),
  'small ICU': join(__dirname, '../helpers/small-icu-preload.js'),
} as const;
type Runtime = keyof typeof PRELOADS | 'full ICU';

let bundle: CliBundle;
const homes: string[] = [];
beforeAll(() => {
  bundle = cliBundle();
});
afterAll(() => {
  bundle?.dispose();
  for (const h of homes) rmSync(h, { recursive: true, force: true });
});

function newHome(): string {
  const home = mkdtempSync(join(tmpdir(), 'posdiag-runtime-'));
  homes.push(home);
  return home;
}

async function posdiag(runtime: Runtime, home: string, args: string[], cli = bundle.cli) {
  const preload = runtime === 'full ICU' ? [] : ['-r', PRELOADS[runtime]];
  // NODE_PATH: a bundle copied elsewhere still finds the native serial binding.
  const env = { ...process.env, NODE_PATH: join(ROOT, 'node_modules'), ...bundle.env, POSDIAG_HOME: home, POSDIAG_LOCALE: 'zh-CN', NO_COLOR: '1' };
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [...preload, cli, ...args], { env, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** The GB18030 text lines of a slip's printer bytes (after FS &), decoded by iconv-lite: no posdiag code involved. */
function slipText(escpos: Buffer): string {
  return iconv.decode(escpos, 'gb18030').replace(/[\u0000-\u0009\u000b-\u001f]/g, '');
}

/** A slip's preview with what differs from run to run (the time, the slip id in the QR text) taken out. */
const steady = (preview: string) => preview.replace(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d|\|\d{14}\|/g, 'TIME').replace(/S\d{8}T\d{6}-[0-9a-f]{6}/g, 'SLIP');

describe.each(Object.keys(PRELOADS) as (keyof typeof PRELOADS)[])('%s', (runtime) => {
  test('diagnose 96 with a weak signal: exit 0, the Chinese hint, a journal record, and the slip full ICU prints', async () => {
    const home = newHome();
    const args = ['diagnose', '--code', '96', '--sim', 'modem=weak-signal', '--amount', '128.5', '--json'];
    const [here, there] = await Promise.all([posdiag(runtime, home, args), posdiag('full ICU', newHome(), args)]);
    expect([here.code, here.stderr.match(/posdiag: .*/)?.[0]]).toEqual([0, undefined]);
    const doc = JSON.parse(here.stdout);
    const full = JSON.parse(there.stdout);
    expect(doc.cause).toMatchObject({ id: 'signal-weak', hint: { locale: 'zh-CN', title: '96 终端信号弱' } });
    expect(doc.journalId).toMatch(/^J\d+$/);
    expect(doc.slip).toMatchObject({ printed: true, state: 'printed' });
    expect(doc.slip.bytes).toBe(full.slip.bytes);
    expect(steady(doc.slip.preview)).toBe(steady(full.slip.preview));
    expect(doc.slip.preview).toContain('金额                    ￥128.50');

    // The slip's bytes, decoded as GB18030 by iconv-lite: the same Chinese text as full ICU's slip.
    const escpos = join(home, 'slip.bin');
    expect((await posdiag(runtime, home, ['slip', 'last', '--sim', '--escpos', escpos])).code).toBe(0);
    const fullHome = newHome();
    await posdiag('full ICU', fullHome, args);
    const fullEscpos = join(fullHome, 'slip.bin');
    await posdiag('full ICU', fullHome, ['slip', 'last', '--sim', '--escpos', fullEscpos]);
    const text = slipText(readFileSync(escpos));
    expect(text).toContain('终端信号弱');
    expect(steady(text)).toBe(steady(slipText(readFileSync(fullEscpos))));

    const journal = await posdiag(runtime, home, ['journal', 'list', '--sim', '--json']);
    expect(JSON.parse(journal.stdout).records).toEqual(expect.arrayContaining([expect.objectContaining({ id: doc.journalId, code: '96' })]));
  }, 120_000);

  test.each([
    [['diagnose', '--code', '96', '--sim', '--no-print']],
    [['diagnose', '--code', '96', '--sim', '--no-print', '--locale', 'en']],
    [['diagnose', '--code', '51', '--sim', '--no-print', '--amount', '128.5']],
  ])(
    '%j: the same hint and slip as full ICU',
    async (args) => {
      const [here, there] = await Promise.all([posdiag(runtime, newHome(), [...args, '--json']), posdiag('full ICU', newHome(), [...args, '--json'])]);
      expect(here.code).toBe(0);
      const [a, b] = [JSON.parse(here.stdout), JSON.parse(there.stdout)];
      expect(a.cause.hint).toEqual(b.cause.hint);
      expect(a.journalId).toMatch(/^J\d+$/);
      expect(steady(a.slip.preview)).toBe(steady(b.slip.preview));
    },
    120_000,
  );

  test('demo: exit 0 with the hint box and the slip', async () => {
    const r = await posdiag(runtime, newHome(), ['demo']);
    expect([r.code, r.stderr.match(/posdiag: .*/)?.[0]]).toEqual([0, undefined]);
    expect(r.stdout).toContain('┌');
    expect(r.stdout).toMatch(/slip {6}S\d{8}T\d{6}-[0-9a-f]{6}, \d+ bytes, printed/);
    expect(r.stdout).toMatch(/journal {3}J\d+/);
  }, 120_000);

  test('full-width codes and display texts are found: ＮＯ　ＣＯＭＭＵＮＩＣＡＴＩＯＮ is T01, ９６ is 96', async () => {
    const home = newHome();
    const t01 = await posdiag(runtime, home, ['explain', 'ＮＯ　ＣＯＭＭＵＮＩＣＡＴＩＯＮ', '--json']);
    expect(JSON.parse(t01.stdout)).toMatchObject({ code: 'T01', known: true });
    expect(JSON.parse((await posdiag(runtime, home, ['explain', '９６', '--json'])).stdout)).toMatchObject({ code: '96', known: true });
  }, 60_000);

  test('selftest names the runtime: its ICU level, GB18030 from the table file', async () => {
    const r = await posdiag(runtime, newHome(), ['selftest', '--sim', '--json']);
    const terminal = JSON.parse(r.stdout).devices[0];
    expect(terminal).toMatchObject({
      device: 'terminal',
      status: 'pass',
      findings: [{ id: 'terminal.runtime', params: { node: process.version, icu: runtime === 'no Intl' ? 'none' : 'small', gb18030: 'table file' } }],
    });
  }, 60_000);
});

test.each(Object.keys(PRELOADS) as (keyof typeof PRELOADS)[])(
  'the library (dist/index.js) on %s: the same slip bytes as on full ICU',
  async (runtime) => {
    // The library reads gb18030.bin beside itself, as dist/cli.js does.
    const index = join(dirname(bundle.cli), 'index.js');
    if (!existsSync(index))
      buildSync({
        entryPoints: [join(ROOT, 'src/index.ts')],
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'cjs',
        charset: 'utf8',
        external: ['@serialport/bindings-cpp'],
        logLevel: 'error',
        outfile: index,
        define: { POSDIAG_SIM_BUNDLE: '"sim.js"', POSDIAG_GB18030_TABLE: '"gb18030.bin"' },
      });
    const child = join(__dirname, '../helpers/library-slip-child.js');
    const run = async (preload: string[]) => {
      const env = { ...process.env, NODE_PATH: join(ROOT, 'node_modules'), TZ: 'Asia/Shanghai' };
      return JSON.parse((await promisify(execFile)(process.execPath, [...preload, child, index], { env, timeout: 30_000 })).stdout);
    };
    const [here, full] = await Promise.all([run(['-r', PRELOADS[runtime]]), run([])]);
    expect(here.title).toBe('51 可用余额不足');
    expect(here.journalId).toMatch(/^J\d+$/);
    expect(here.slip).toBe(full.slip);
    expect(slipText(Buffer.from(here.slip, 'hex'))).toContain('2026-11-22 10:30:15');
  },
  60_000,
);

test('dist/cli.js copied without its GB18030 table, on small ICU: the diagnosis, hint and record stand; no slip, and why', async () => {
  const dir = newHome();
  for (const f of ['cli.js', 'sim.js']) copyFileSync(join(dirname(bundle.cli), f), join(dir, f));
  // The texts stay: only the table is missing.
  cpSync(join(dirname(bundle.cli), 'locales'), join(dir, 'locales'), { recursive: true });
  const home = newHome();
  const text = await posdiag('small ICU', home, ['diagnose', '--code', '96', '--sim', 'modem=weak-signal'], join(dir, 'cli.js'));
  expect([text.code, text.stderr.match(/posdiag: .*/)?.[0]]).toEqual([0, undefined]);
  expect(text.stdout).toContain('96 终端信号弱');
  expect(text.stdout).toMatch(/slip {6}not printed: it could not be made \(no GB18030 .*gb18030\.bin.*\)/);
  expect(text.stdout).toMatch(/journal {3}J\d+/);
  const json = await posdiag('small ICU', home, ['diagnose', '--code', '51', '--sim', '--json'], join(dir, 'cli.js'));
  expect(JSON.parse(json.stdout)).toMatchObject({ journalId: expect.stringMatching(/^J\d+$/), slip: { bytes: 0, state: 'not-printed', reason: 'not-made' } });
  const demo = await posdiag('small ICU', newHome(), ['demo'], join(dir, 'cli.js'));
  expect([demo.code, demo.stderr.match(/posdiag: .*/)?.[0]]).toEqual([0, undefined]);
  expect(demo.stdout).toMatch(/slip text not written: no slip was made/);
  expect(demo.stdout).not.toContain('reprint');
  const selftest = await posdiag('small ICU', newHome(), ['selftest', '--sim', '--json'], join(dir, 'cli.js'));
  expect(JSON.parse(selftest.stdout).devices[0]).toMatchObject({ status: 'warn', findings: [{ params: { gb18030: 'unavailable' } }] });
}, 120_000);
