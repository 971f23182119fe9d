/**
 * Rules every command follows, driven in-process: numbers are plain decimal, an empty file name is bad
 * usage, --help answers JSON under --json, a --sim fault no simulator has is bad usage, a configuration
 * saved with a byte order mark is read, and a file that cannot be written is "could not" (exit 1).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PRINTER_PROFILES } from '../../../hal/printer/profiles';
import { wholeNumber } from '../../../src/cli/args';
import { main } from '../../../src/cli/program';
import { saveSlip } from '../../../src/journal';
import { layoutSlip } from '../../../src/slip/layout';
import { capturedIo } from '../../helpers/captured-io';

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'posdiag-usage-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const io = () => capturedIo({ POSDIAG_HOME: home });
const SLIP_META = { paperWidth: 58 as const, locale: 'en', code: '96', time: '2026-11-22T10:30:15+08:00' };

async function storeSlip(): Promise<void> {
  const bytes = layoutSlip(
    {
      locale: 'en',
      terminalId: '10000001',
      merchantId: '898310048990001',
      merchantName: 'Shop',
      time: '2026-11-22 10:30:15',
      code: '96',
      title: 'x',
      titleEn: 'x',
      cause: 'x',
      checks: [],
      nextSteps: [],
    },
    PRINTER_PROFILES['generic-58'],
  ).encode();
  await saveSlip(join(home, 'sim'), '000000001', bytes, SLIP_META);
}

describe('numeric options take plain decimal whole numbers only', () => {
  test.each(['0x100', '1e3', ' 500', '500 ', '+500', '500.0', '5_000', '', '0b1000', '１０００'])('--budget %j is bad usage', async (value) => {
    for (const argv of [
      ['selftest', '--budget', value],
      ['diagnose', '--code', '96', '--budget', value],
    ]) {
      const t = io();
      await expect(main([...argv.slice(0, -2), `--budget=${value}`], t.handle)).resolves.toBe(2);
      expect(t.err()).toContain('--budget must be a whole number');
    }
  });

  test.each(['0x10', '1e1', ' 5', ''])('journal list --limit %j is bad usage', async (value) => {
    const t = io();
    await expect(main(['journal', 'list', `--limit=${value}`], t.handle)).resolves.toBe(2);
  });

  test.each<[string, number, number, number | null]>([
    ['500', 100, 600_000, 500],
    ['0', 0, 65535, 0],
    ['0080', 0, 65535, 80],
    ['65536', 0, 65535, null],
    ['0x50', 0, 65535, null],
    ['8e1', 0, 65535, null],
    [' 80', 0, 65535, null],
    ['-1', 0, 65535, null],
    ['9'.repeat(400), 0, 65535, null],
  ])('wholeNumber(%j, %d, %d) is %p (the rule of --budget, --limit and sim --port)', (text, min, max, expected) => {
    expect(wholeNumber(text, min, max)).toBe(expected);
  });
});

describe('an empty file or path name is bad usage, never "not given"', () => {
  test.each([
    [['slip', 'last', '--png', '']],
    [['slip', 'last', '--escpos=']],
    [['journal', 'export', '--out', '']],
    [['explain', '96', '--config', '']],
    [['sim', 'modem', '--link', '']],
  ])('%j exits 2 before doing anything', async (argv) => {
    await storeSlip(); // a slip is there: `slip last --png ''` must not reprint it
    const t = io();
    await expect(main(argv, t.handle)).resolves.toBe(2);
    expect(t.err()).toMatch(/needs a (file|path) name, got an empty value/);
    expect(t.out()).toBe('');
  });
});

describe('--help under --json is one JSON document', () => {
  test.each([[['slip', '-h', '--json']], [['--json', 'explain', '--help']], [['--help', '--json']], [['help', 'journal', '--json']], [['help', '--json']]])(
    '%j',
    async (argv) => {
      const t = io();
      await expect(main(argv, t.handle)).resolves.toBe(0);
      const doc = JSON.parse(t.out());
      expect(Object.keys(doc)).toEqual(['help']);
      expect(doc.help).toMatch(/^Usage: posdiag /);
      expect(t.err()).toBe('');
    },
  );
  test('without --json it stays text', async () => {
    const t = io();
    await expect(main(['slip', '-h'], t.handle)).resolves.toBe(0);
    expect(t.out()).toMatch(/^Usage: posdiag slip/);
  });
});

describe('--sim with a fault no simulator has is bad usage for every command', () => {
  test.each([
    [['explain', '96', '--sim', 'modem=bogus']],
    [['explain', '96', '--sim', 'printer=on-fire', '--json']],
    [['journal', 'list', '--sim', 'host=slowish']],
    [['slip', 'last', '--text', '--sim', 'pn532=melted']],
  ])('%j exits 2 and names the fault', async (argv) => {
    const t = io();
    await expect(main(argv, t.handle)).resolves.toBe(2);
    expect(t.out() + t.err()).toMatch(/has no fault/);
  });
  test('known faults and bare --sim still pass where nothing is simulated', async () => {
    for (const argv of [
      ['explain', '96', '--sim', 'modem=no-signal'],
      ['explain', '96', '--sim'],
      ['explain', '96', '--sim', 'modem'],
    ]) {
      const t = io();
      await expect(main(argv, t.handle)).resolves.toBe(0);
    }
  });
});

test('a configuration saved with a UTF-8 byte order mark is read', async () => {
  const file = join(home, 'posdiag.json');
  const config = { terminal: { id: '10000001', merchantId: '898310048990001', acquirer: 'lakala', locale: 'en' } };
  writeFileSync(file, '\uFEFF' + JSON.stringify(config));
  expect(readFileSync(file).subarray(0, 3).toString('hex')).toBe('efbbbf');
  const t = io();
  await expect(main(['explain', '96', '--config', file, '--json'], t.handle)).resolves.toBe(0);
  expect(JSON.parse(t.out())).toMatchObject({ acquirer: 'lakala', hint: { locale: 'en' } });
});

describe('a file the system will not let posdiag write: exit 1 in every command, code Output_WriteFailed', () => {
  const nowhere = () => join(home, 'no', 'such', 'dir', 'out');
  test.each([
    [() => ['slip', 'last', '--png', nowhere(), '--json']],
    [() => ['slip', 'last', '--escpos', nowhere(), '--json']],
    [() => ['journal', 'export', '--out', nowhere(), '--json']],
  ])('%#', async (argv) => {
    await storeSlip();
    const t = io();
    await expect(main(argv(), t.handle)).resolves.toBe(1);
    expect(JSON.parse(t.out())).toEqual({ error: { code: 'Output_WriteFailed', message: expect.stringContaining('cannot write') } });
  });
});
