/**
 * `posdiag slip ID|last` previews, driven in-process through main() against a slip store in a fresh
 * POSDIAG_HOME; the --json documents validated against schemas/slip.json. (Reprinting opens the
 * simulated terminal on real ptys: test/integration/slip-cli.test.ts; --png needs the font:
 * test/integration/slip-preview-png.test.ts.)
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { PRINTER_PROFILES } from '../../../hal/printer/profiles';
import { main } from '../../../src/cli/program';
import { saveSlip } from '../../../src/journal';
import { layoutSlip, SlipInput } from '../../../src/slip/layout';
import { previewText } from '../../../src/slip/preview';
import schema from '../../../schemas/slip.json';
import { capturedIo } from '../../helpers/captured-io';

const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

const INPUT: SlipInput = {
  locale: 'zh-CN',
  terminalId: '10000001',
  merchantId: '898310048990001',
  merchantName: '南山便利店',
  time: '2026-11-22 10:30:15',
  code: '96',
  title: '系统故障',
  titleEn: 'System malfunction',
  cause: '收单主机故障',
  checks: [{ id: 'network.host', label: '主机连接', status: 'fail', detail: '连接被拒绝' }],
  nextSteps: ['记下代码和时间', '致电客服'],
};
const META = { paperWidth: 58 as const, locale: 'zh-CN', code: '96', time: '2026-11-22T10:30:15+08:00' };

function run(home: string) {
  const { handle: io, out, err } = capturedIo({ POSDIAG_HOME: home });
  return { io, out, err };
}

/** The bytes as the slip store keeps them (it may mask digit runs that look like a card number). */
/** Without --config posdiag runs the simulated terminal, whose data lives in <POSDIAG_HOME>/sim. */
const simData = (home: string) => join(home, 'sim');

function stored(home: string, id: string): Buffer {
  return readFileSync(join(home, 'slips', `${id}.escpos`));
}

function expectValid(doc: unknown) {
  const ok = validate(doc);
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
}

describe('posdiag slip (previews)', () => {
  let home: string;
  const bytes = layoutSlip(INPUT, PRINTER_PROFILES['generic-58']).encode();
  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'posdiag-slip-cli-'));
  });
  afterEach(() => rmSync(home, { recursive: true, force: true }));

  test('no slip yet: exit 1 with one clear line that says how to make one', async () => {
    const t = run(home);
    await expect(main(['slip', 'last'], t.io)).resolves.toBe(1);
    expect(t.err()).toMatch(/^posdiag: no slip yet; run posdiag diagnose/);
    expect(t.out()).toBe('');
  });

  test('no slip yet with --json: the error document, valid against the schema', async () => {
    const t = run(home);
    await expect(main(['slip', 'last', '--json'], t.io)).resolves.toBe(1);
    const doc = JSON.parse(t.out());
    expect(doc).toEqual({ error: { code: 'Slip_None', message: expect.stringContaining('no slip yet') } });
    expectValid(doc);
    expect(t.err()).toBe('');
  });

  test.each([['000000099'], ['../etc/passwd'], ['a/b']])('id %s that is not in the store: exit 2', async (id) => {
    await saveSlip(simData(home), '000000001', bytes, META);
    const t = run(home);
    await expect(main(['slip', id], t.io)).resolves.toBe(2);
    expect(t.err()).toContain(id);
  });

  test('--text prints the preview of the newest slip', async () => {
    await saveSlip(simData(home), '000000001', Uint8Array.of(0x1b, 0x40, 0x41, 0x0a), META);
    await saveSlip(simData(home), '000000002', bytes, META);
    const t = run(home);
    await expect(main(['slip', 'last', '--text'], t.io)).resolves.toBe(0);
    const preview = previewText(stored(simData(home), '000000002'), 58);
    expect(t.out()).toBe(preview.endsWith('\n') ? preview : preview + '\n');
    expect(t.out()).toContain('响应码 96');
    expect(t.out()).toContain('南山便利店');
  });

  test('by id: an older slip, not the newest', async () => {
    await saveSlip(simData(home), '000000001', Uint8Array.of(0x1b, 0x40, 0x41, 0x42, 0x0a), META);
    await saveSlip(simData(home), '000000002', bytes, META);
    const t = run(home);
    await expect(main(['slip', '000000001', '--text'], t.io)).resolves.toBe(0);
    expect(t.out()).toBe('AB\n');
  });

  // --png draws with GNU Unifont: test/integration/slip-preview-png.test.ts.
  test('--escpos writes the exact stored bytes; --json names the file, valid against the schema', async () => {
    await saveSlip(simData(home), '000000007', bytes, META);
    const escpos = join(home, 'out.bin');
    const t = run(home);
    await expect(main(['slip', 'last', '--escpos', escpos, '--text', '--json'], t.io)).resolves.toBe(0);
    expect(Buffer.compare(readFileSync(escpos), stored(simData(home), '000000007'))).toBe(0);
    const doc = JSON.parse(t.out());
    expect(doc).toEqual({ id: '000000007', bytes: bytes.length, meta: META, text: previewText(stored(simData(home), '000000007'), 58), escpos });
    expectValid(doc);
  });

  test('a file that cannot be written: exit 1, the path named', async () => {
    await saveSlip(simData(home), '000000001', bytes, META);
    const t = run(home);
    await expect(main(['slip', 'last', '--escpos', join(home, 'no', 'such', 'dir', 'x.bin')], t.io)).resolves.toBe(1);
    expect(t.err()).toContain('cannot write');
  });
});
