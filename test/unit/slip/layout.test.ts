import { EscPosBuilder } from '../../../hal/printer/builder';
import { PRINTER_PROFILES } from '../../../hal/printer/profiles';
import { textColumns } from '../../../hal/printer/text';
import { tokenize } from '../../../hal/printer/escpos-tokenizer';
import { PrinterSimulator } from '../../../mocks/printer-sim';
import { layoutSlip } from '../../../src/slip/layout';
import { slipSummary } from '../../../src/slip/summary';
import { CODE96_WEAK_SIGNAL_ZH as SLIP } from '../../fixtures/slip/code96-weak-signal';
import { memoryLink } from '../../helpers/memory-link';

/** Feeds bytes straight into a simulator (no line needed for a layout test). */
function printOn(bytes: Uint8Array, paperWidth: 58 | 80): PrinterSimulator {
  const sim = new PrinterSimulator('healthy', { paperWidth });
  memoryLink(sim).toDevice(bytes);
  return sim;
}

/** Every LF-terminated line's width in font-A columns, magnification included. */
function lineWidths(bytes: Uint8Array): number[] {
  const widths: number[] = [];
  let current = 0;
  let mag = 1;
  for (const t of tokenize(bytes)) {
    if (t.kind === 'text') current += textColumns(t.text, { chineseFont: true }) * mag;
    else if (t.kind === 'cmd' && t.name === 'GS !') mag = ((t.args[0] >> 4) & 7) + 1;
    else if (t.kind === 'cmd' && t.name === 'LF') {
      widths.push(current);
      current = 0;
    }
  }
  return widths;
}

describe.each([
  ['generic-58', 32],
  ['generic-80', 48],
] as const)('diagnostic slip on %s', (id, columns) => {
  const profile = PRINTER_PROFILES[id];
  const bytes = layoutSlip(SLIP, profile).encode();

  test(`every line fits in ${columns} columns (no reliance on the printer's own wrapping)`, () => {
    for (const w of lineWidths(bytes)) expect(w).toBeLessThanOrEqual(columns);
  });

  test('round-trips through the simulator: code, both titles, cause, checks, steps, masked card', () => {
    const text = printOn(bytes, profile.paperWidth).text();
    for (const s of [
      '交易诊断单',
      '响应码 96',
      '系统故障，交易未完成',
      'System malfunction',
      '无线信号',
      '注意',
      '信号弱 -97 dBm',
      '1.将终端移到窗边后重试',
      '622848*********0018',
      '￥128.00',
      '10000001',
      '898310048990001',
      '上海静安便利店',
    ]) {
      expect(text).toContain(s);
    }
    expect(text).toContain(`[QR ${slipSummary(SLIP)}]`);
    expect(text).not.toContain('6228480402564890018');
    expect(Buffer.from(bytes).includes(Buffer.from('0402564890'))).toBe(false);
  });
});

test('acceptance: the 58 mm zh-CN slip for code 96 with a weak-signal modem is at most 1,600 bytes', () => {
  const bytes = layoutSlip(SLIP, PRINTER_PROFILES['generic-58']).encode();
  expect(bytes.length).toBeLessThanOrEqual(1600);
});

test('QR summary: code, time, terminal, non-passing findings only', () => {
  expect(slipSummary(SLIP)).toBe('PD1|96|20261122103015|10000001|modem.signal=W');
  expect(slipSummary({ ...SLIP, checks: [] })).toBe('PD1|96|20261122103015|10000001|ok');
});

test('text from outside cannot inject commands into the slip', () => {
  const evil = { ...SLIP, merchantName: '店\x1bp\x00\x19\xfa\x1dV\x01\x10\x14\x01\x00\x05', cause: 'x\x1b@\x1c.y' };
  const bytes = layoutSlip(evil, PRINTER_PROFILES['generic-58']).encode();
  const names = tokenize(bytes).flatMap((t) => (t.kind === 'cmd' ? [t.name] : []));
  expect(names).not.toContain('ESC p');
  expect(names).not.toContain('GS V');
  expect(names).not.toContain('FS .');
  expect(names.filter((n) => n === 'ESC @')).toHaveLength(1);
  const sim = printOn(bytes, 58);
  expect(sim.pulses).toBe(0);
});

test('a printer without a Chinese font gets the English slip, not question marks', () => {
  const b: EscPosBuilder = layoutSlip(SLIP, PRINTER_PROFILES['basic-58']);
  const text = printOn(b.encode(), 58).text();
  expect(text).toContain('DIAGNOSTIC SLIP');
  expect(text).toContain('Code 96');
  expect(text).toContain('System malfunction');
});
