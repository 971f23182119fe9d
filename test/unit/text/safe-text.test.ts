import { bound, maskCardNumbers, safeText, stripControls } from '../../../hal/safe-text';
import { layoutSlip } from '../../../src/slip/layout';
import { previewText } from '../../../src/slip/preview';
import { resolveProfile } from '../../../hal/printer/profiles';
import { CODE96_WEAK_SIGNAL_EN, CODE96_WEAK_SIGNAL_ZH } from '../../fixtures/slip/code96-weak-signal';

describe('safeText masks card numbers whatever separates their digits', () => {
  test.each([
    ['6225113489824091', '622511******4091'],
    ['6225.1134.8982.4091', '6225.11**.****.4091'],
    ['6225/1134/8982/4091', '6225/11**/****/4091'],
    ['6225_1134_8982_4091', '6225_11**_****_4091'],
    ['6225,1134,8982,4091', '6225,11**,****,4091'],
    ['6225+1134+8982+4091', '6225+11**+****+4091'],
    ['6225:1134:8982:4091', '6225:11**:****:4091'],
    ['6225 1134  8982 4091', '6225 11**  **** 4091'],
    ['6225 - 1134 - 8982 - 4091', '6225 - 11** - **** - 4091'],
    ['６２２５１１３４８９８２４０９１', '６２２５１１******４０９１'],
    ['¥¥¥¥¥¥¥¥6225113489824091', '¥¥¥¥¥¥¥¥622511******4091'],
    ['6225\u001b1134\u00008982\u009b4091', '622511******4091'],
    ['4111111111111', '411111***1111'], // 13 digits, no checksum asked
    ['got 12.50 and 1234567890123456789012', 'got 12.50 and 123456************9012'], // glued: the whole run
  ])('%j -> %j', (input, output) => {
    expect(safeText(input)).toBe(output);
  });

  test('masks before it cuts: a cut never leaves more than 6+4 digits', () => {
    expect(safeText('¥¥¥¥¥¥¥¥6225113489824091', { max: 20 })).toBe('¥¥¥¥¥¥¥¥622511*****…');
    expect(safeText('x'.repeat(5000) + '6225113489824091')).toHaveLength(200);
    const long = '6225 '.repeat(1000);
    expect(safeText(long).replace(/[^0-9]/g, '')).toBe('622562');
  });

  test('leaves alone what a card number cannot be: date-times, ids it is told to keep, short numbers', () => {
    for (const t of [
      '2026-11-22 10:30:15',
      '2026-11-22T10:30:15.000+08:00',
      '2026/11/22 10:30',
      '[QR PD1|96|20261122103015|10000001|warn]',
      'S20261122T042329-4d4229 J00000012',
      '¥1,234,567.89',
      '021-5089-1234 or 400-820-8888',
      '-97 dBm 10.81.23.45',
    ])
      expect(safeText(t)).toBe(t);
    expect(safeText('Merchant: 898310048990001', { keep: ['898310048990001'] })).toBe('Merchant: 898310048990001');
    expect(safeText('Merchant: 898310048990001')).toBe('Merchant: 898310*****0001');
    expect(safeText('ICCID 89860012345678901234', { keep: ['89860012345678901234'] })).toBe('ICCID 89860012345678901234');
    // Not a valid date (month 34): masked.
    expect(safeText('6225-34-11 34:89:82')).toBe('6225-34-** **:89:82');
  });

  test('telephone numbers stay only where asked (configuration text), and only in the international form', () => {
    expect(safeText('Tel +86 138 0013 8000', { phones: true })).toBe('Tel +86 138 0013 8000');
    expect(safeText('Tel +86 138 0013 8000')).toBe('Tel +86 138 0*** 8000');
    expect(safeText('+6225113489824091', { phones: true })).toBe('+622511******4091');
    expect(safeText('Shop 6225+1134+8982+4091', { phones: true })).toBe('Shop 6225+11**+****+4091');
    expect(safeText('+86 6225 1134 8982 4091', { phones: true })).toBe('+86 6225 **** **** 4091');
  });
});

describe('safeText removes control characters and bounds length', () => {
  test.each([
    ['\u001b]0;pwned\u0007\u001b[2JSIMCOM', ']0;pwned[2JSIMCOM'],
    ['a\tb\r\nc', 'a b c'],
    ['x\u202ey\u2066z\u200bw\ufeff', 'xyzw'],
    ['\ud800lone\udc00', 'lone'],
    ['ok 😀', 'ok 😀'],
    ['\u0085\u009b31m', '31m'],
  ])('%j -> %j', (input, output) => {
    expect(safeText(input)).toBe(output);
  });

  test('lines keep line breaks; colors keep only an SGR colour code', () => {
    expect(safeText('a\r\nb\u2028c', { lines: true })).toBe('a\nb\nc');
    expect(stripControls('\u001b[31mred\u001b[0m \u001b]0;t\u0007\u001b[2J', false, true)).toBe('\u001b[31mred\u001b[0m ]0;t[2J');
  });

  test('bound cuts at code points and says so', () => {
    expect(bound('abcdef', 4)).toBe('abc…');
    expect(bound('😀😀😀😀', 3)).toBe('😀😀…');
    expect(bound('abc', 3)).toBe('abc');
  });
});

describe("the slip's real lines survive the slip's rule", () => {
  const keep = ['10000001', '898310048990001'];
  test.each([
    ['zh-CN', CODE96_WEAK_SIGNAL_ZH, 58],
    ['en', CODE96_WEAK_SIGNAL_EN, 80],
  ] as const)('%s', (_l, input, paperWidth) => {
    const text = previewText(layoutSlip(input, resolveProfile({ paperWidth })).encode(), paperWidth);
    for (const line of text.split('\n')) expect(maskCardNumbers(line, { keep, phones: true })).toBe(line);
    expect(text).toContain('898310048990001');
    expect(text).toContain('2026-11-22 10:30:15');
  });

  test.each([
    ['商户名称 上海静安便利店 +86 138 0013 8000', '商户名称 上海静安便利店 +86 138 0013 8000'],
    ['Shop 6225113489824091', 'Shop 622511******4091'],
    ['Shop 6225.1134.8982.4091', 'Shop 6225.11**.****.4091'],
    ['时间 2026-11-22 10:30:15 金额 ￥128.00', '时间 2026-11-22 10:30:15 金额 ￥128.00'],
  ])('%j', (line, out) => {
    expect(maskCardNumbers(line, { keep, phones: true })).toBe(out);
  });
});

test("the short date-time of posdiag's screens (11-22 10:04) stays only in exactly that form", () => {
  expect(safeText('#1234 11-22 10:04 96 network')).toBe('#1234 11-22 10:04 96 network');
  // The same digits grouped as a card number's are not a date.
  expect(safeText('6225 1122 1004 4091')).toBe('6225 11** **** 4091');
  expect(safeText('6225 11-22 1004 4091')).toBe('6225 11-** **** 4091');
});

test('a card number that starts just inside the bound and crosses the look-ahead cut is still masked', () => {
  for (const [sep, before] of [
    [' ', 'x'],
    ['😀😀😀', 'x'],
    ['😀😀😀', '😀'],
    ['\u3000', '𠀀'],
  ]) {
    for (let pad = 150; pad < 200; pad++) {
      // One long run of digit groups from inside the bound to well past the cut: masked as a whole, so
      // only its first 6 digits can show before the '…'.
      const text = before!.repeat(pad) + Array.from('6225113489824091'.repeat(40), (d) => d + sep).join('');
      expect(safeText(text).replace(/[^0-9]/g, '').length).toBeLessThanOrEqual(6);
    }
  }
});
