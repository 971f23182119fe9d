/**
 * The slip preview drawn with GNU Unifont (Debian package `unifont`): its PNG decodes to the very picture
 * the roll renderer drew, the printer simulator's picture shows the Hanzi it printed, and
 * `posdiag slip last --png` writes one.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { EscPosBuilder } from '../../hal/printer/builder';
import { EscPosTokenizer } from '../../hal/printer/escpos-tokenizer';
import { GEOMETRY_58, GEOMETRY_80, PaperRoll } from '../../hal/printer/paper-roll';
import { PRINTER_PROFILES } from '../../hal/printer/profiles';
import { PrinterSimulator } from '../../mocks/printer-sim';
import { requireSystemTool } from '../../mocks/system-tools';
import { main } from '../../src/cli/program';
import { saveSlip } from '../../src/journal';
import { rollToImage, rollToPng } from '../../src/slip/roll-png';
import { capturedIo } from '../helpers/captured-io';
import { decodeGray, difference } from '../helpers/gray-image';
import { memoryLink } from '../helpers/memory-link';

// Fails every test below with the command that installs the font when it is missing.
beforeAll(() => requireSystemTool('unifont'));

describe('the slip preview PNG', () => {
  const bits = new Uint8Array(Math.ceil(37 / 8) * 21).map((_, i) => (i * 73 + 11) & 0xff);
  const ROLLS: [string, 58 | 80][] = [
    ['generic-58', 58],
    ['generic-80', 80],
  ];
  test.each(ROLLS)('%s: the PNG decodes to the picture the roll renderer drew', (profile, paper) => {
    const bytes = new EscPosBuilder(PRINTER_PROFILES[profile as 'generic-58'])
      .init()
      .line('交易失败 ¥128')
      .bold()
      .line('Bold 粗体')
      .bold(false)
      .size(2)
      .line('大字')
      .size(1)
      .image({ width: 37, height: 21, bits })
      .qr('https://example.com/x?a=1')
      .cut()
      .encode();
    const roll = new PaperRoll(paper === 80 ? GEOMETRY_80 : GEOMETRY_58);
    roll.apply(new EscPosTokenizer().push(bytes));
    const drawn = rollToImage(roll);
    expect(drawn.data.some((v) => v === 0)).toBe(true);
    expect(difference(decodeGray(rollToPng(roll)), drawn)).toBe('');
  });
});

test('the printer simulator: the PNG preview is a readable picture of the roll', async () => {
  const sim = new PrinterSimulator('healthy');
  const link = memoryLink(sim);
  link.toDevice(new EscPosBuilder(PRINTER_PROFILES['generic-58']).init().line('交易失败').encode());
  await sim.flushed();
  // The simulator keeps the paper; the preview's renderer draws it.
  const png = PNG.sync.read(rollToPng(sim.roll));
  expect(png.width).toBe(384 + 32);
  // Hanzi drawn: dark dots in the first text line
  let dark = 0;
  for (let y = 16; y < 40; y++) for (let x = 16; x < 16 + 96; x++) if (png.data[(y * png.width + x) * 4] < 128) dark++;
  expect(dark).toBeGreaterThan(150);
});

test('posdiag slip last --png writes the PNG preview and --json names it', async () => {
  const home = mkdtempSync(join(tmpdir(), 'posdiag-slip-png-'));
  try {
    const bytes = new EscPosBuilder(PRINTER_PROFILES['generic-58']).init().line('响应码 96').cut().encode();
    const meta = { paperWidth: 58 as const, locale: 'zh-CN', code: '96', time: '2026-11-22T10:30:15+08:00' };
    // Without --config posdiag runs the simulated terminal, whose data lives in <POSDIAG_HOME>/sim.
    await saveSlip(join(home, 'sim'), '000000007', bytes, meta);
    const png = join(home, 'out.png');
    const t = capturedIo({ POSDIAG_HOME: home });
    await expect(main(['slip', 'last', '--png', png, '--json'], t.handle)).resolves.toBe(0);
    expect(PNG.sync.read(readFileSync(png)).width).toBe(384 + 32);
    expect(JSON.parse(t.out())).toMatchObject({ id: '000000007', png });
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});
