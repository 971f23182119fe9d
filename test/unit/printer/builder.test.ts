import * as iconv from 'iconv-lite';
import { EscPosBuilder } from '../../../hal/printer/builder';
import { qrToRaster } from '../../../hal/printer/qr-raster';
import { encodeCommands, scrubRealtime } from '../../../hal/printer/commands';
import { PRINTER_PROFILES } from '../../../hal/printer/profiles';
import { fitText, padText, sanitizeText, textColumns, wrapText } from '../../../hal/printer/text';

const p58 = PRINTER_PROFILES['generic-58'];
const p80 = PRINTER_PROFILES['generic-80'];
const basic = PRINTER_PROFILES['basic-58'];
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex').replace(/(..)/g, '$1 ').trim();
const zh = { chineseFont: true };

// Golden bytes, labelled by the call chain that makes them. Expected values written from the ESC/POS
// command reference (Epson): ESC @ = 1B 40, ESC E n, ESC - n / FS - n, GS ! n, ESC a n, ESC d n,
// GS V m, FS & = 1C 26, GS ( k fn 165/167/169/180/181, GS v 0, GS a n, GS r 1, ESC $ nL nH = 1B 24 (absolute
// position from the line start in motion units; one unit = one dot on these 203 dpi profiles, a font-A
// column = 12 dots). pair/row rows: a gap of more than 4 columns is ESC $ (4 bytes), up to 4 stays spaces.
const GOLDEN: Array<[string, (b: EscPosBuilder) => EscPosBuilder, string]> = [
  ['init()', (b) => b.init(), '1b 40'],
  ['text("AB").newline()', (b) => b.text('AB').newline(), '41 42 0a'],
  ['bold().text("A").bold(false)', (b) => b.bold().text('A').bold(false), '1b 45 01 41 1b 45 00'],
  ['underline() on a Chinese printer sets ANSI and Kanji underline', (b) => b.underline(), '1b 2d 01 1c 2d 01'],
  ['size(2,2)', (b) => b.size(2, 2), '1d 21 11'],
  ['size(1,2)', (b) => b.size(1, 2), '1d 21 01'],
  ['align("center")', (b) => b.align('center'), '1b 61 01'],
  ['align("right")', (b) => b.align('right'), '1b 61 02'],
  ['feed(3)', (b) => b.feed(3), '1b 64 03'],
  ['text("交易") switches Chinese mode once', (b) => b.text('交易').text('成功'), '1c 26 bd bb d2 d7 b3 c9 b9 a6'],
  ['text("¥5") prints the fullwidth yuan sign', (b) => b.text('¥5'), '1c 26 a3 a4 35'],
  ['init().text("中") after init re-enters Chinese mode', (b) => b.text('中').init().text('中'), '1c 26 d6 d0 1b 40 1c 26 d6 d0'],
  ['text("a\\x1bp\\x00\\x19b") drops control bytes', (b) => b.text('a\x1bp\x00\x19b'), '61 70 62'],
  ['rule("=") on 58 mm', (b) => b.rule('='), `${'3d '.repeat(32)}0a`],
  ['statusBack()', (b) => b.statusBack(), '1d 61 0f'],
  // "AB" (2 cols) + 28-column gap + "CD" (2 cols) = 32: the value starts at column 30 = 360 dots = 0x0168.
  ['pair("AB","CD"): a 28-column gap is ESC $ 360 dots', (b) => b.pair('AB', 'CD'), '41 42 1b 24 68 01 43 44 0a'],
  // 8 + 4 + 20 = 32: four spaces cost 4 bytes, the same as ESC $, so the plain spaces stay.
  [
    'pair() with a 4-column gap keeps four spaces',
    (b) => b.pair('TERMINAL', '1234567890ABCDEFGHIJ'),
    `${hex(Buffer.from('TERMINAL    1234567890ABCDEFGHIJ\n'))}`,
  ],
  // 8 + 5 + 19 = 32: the value starts at column 13 = 156 dots = 0x009c.
  [
    'pair() with a 5-column gap uses ESC $',
    (b) => b.pair('TERMINAL', '1234567890ABCDEFGHI'),
    `${hex(Buffer.from('TERMINAL'))} 1b 24 9c 00 ${hex(Buffer.from('1234567890ABCDEFGHI\n'))}`,
  ],
  // 终端号 is 3 Hanzi = 6 columns, 10000001 is 8: the value starts at column 24 = 288 dots = 0x0120.
  [
    'pair("终端号","10000001"): Hanzi count two columns',
    (b) => b.pair('终端号', '10000001'),
    `1c 26 d6 d5 b6 cb ba c5 1b 24 20 01 ${hex(Buffer.from('10000001\n'))}`,
  ],
  // 无线信号 8 columns, 正常 4: the value starts at column 28 = 336 dots = 0x0150 and ends at dot 384.
  [
    'pair("无线信号","正常"): a Hanzi value ends at the right edge',
    (b) => b.pair('无线信号', '正常'),
    '1c 26 ce de cf df d0 c5 ba c5 1b 24 50 01 d5 fd b3 a3 0a',
  ],
  // Double width: 16 columns of 24 dots; "AB" + 12 + "CD", the value at double column 14 = 28 font-A columns = 336 dots.
  ['size(2).pair("AB","CD"): the position counts double-width columns twice', (b) => b.size(2).pair('AB', 'CD'), '1d 21 11 41 42 1b 24 50 01 43 44 0a'],
  // Underlined: models differ on underlining an ESC $ jump, so the gap stays 28 underlined spaces.
  ['underline().pair("AB","CD") keeps spaces', (b) => b.underline().pair('AB', 'CD'), `1b 2d 01 1c 2d 01 41 42 ${'20 '.repeat(28)}43 44 0a`],
  ['endOfJobMarker()', (b) => b.endOfJobMarker(), '1d 72 01'],
  ['cut() on a printer without cutter feeds to the tear bar', (b) => b.cut(), '1b 64 03'],
  [
    'qr("AB") native',
    (b) => b.qr('AB'),
    '1d 28 6b 04 00 31 41 32 00 1d 28 6b 03 00 31 43 04 1d 28 6b 03 00 31 45 31 1d 28 6b 05 00 31 50 30 41 42 1d 28 6b 03 00 31 51 30',
  ],
];

describe('EscPosBuilder golden bytes (58 mm, Chinese font)', () => {
  test.each(GOLDEN)('%s', (_label, build, expected) => {
    expect(hex(build(new EscPosBuilder(p58)).encode())).toBe(expected);
  });

  test('pair("AB","CD") on 80 mm: the value at column 46 = 552 dots = 0x0228', () => {
    expect(hex(new EscPosBuilder(p80).pair('AB', 'CD').encode())).toBe('41 42 1b 24 28 02 43 44 0a');
  });

  test('a position command is clamped below any value whose bytes could spell DLE EOT/ENQ/DC4', () => {
    expect(hex(encodeCommands([{ op: 'position', units: 0x0410 }], { chineseFont: true, cutter: false }))).toBe('1b 24 ff 03');
    expect(hex(encodeCommands([{ op: 'position', units: -5 }], { chineseFont: true, cutter: false }))).toBe('1b 24 00 00');
  });

  test('cut() on 80 mm with cutter: feed 4 then GS V 1 (partial)', () => {
    expect(hex(new EscPosBuilder(p80).cut().encode())).toBe('1b 64 04 1d 56 01');
  });

  test('the Chinese bytes are iconv-lite GB18030', () => {
    expect(hex(new EscPosBuilder(p58).text('信号弱').encode())).toBe(`1c 26 ${hex(iconv.encode('信号弱', 'gb18030'))}`);
  });

  test('a printer without a Chinese font gets "?" per character, and no FS &', () => {
    expect(hex(new EscPosBuilder(basic).text('交易A').encode())).toBe('3f 3f 41');
  });
});

describe('layout helpers', () => {
  test('a Hanzi is two columns, ASCII one, ¥ (as ￥) two', () => {
    expect(textColumns('交易ok', zh)).toBe(6);
    expect(textColumns('¥', zh)).toBe(2);
    expect(textColumns('✓', zh)).toBe(1); // four-byte GB18030: printed as '?'
  });

  test('wrap CJK at any character, ASCII at spaces', () => {
    expect(wrapText('请记录代码和时间后致电客服热线', 10, zh)).toEqual(['请记录代码', '和时间后致', '电客服热线']);
    expect(wrapText('record the code and the time', 12, zh)).toEqual(['record the', 'code and the', 'time']);
    expect(wrapText('', 10, zh)).toEqual(['']);
  });

  test('a Hanzi never straddles the edge', () => {
    expect(fitText('A交易', 4, zh)).toBe('A交');
    expect(padText('交', 5, 'right', zh)).toBe('   交');
  });

  test('row(): label and value columns, CJK-aware, on 58 mm', () => {
    // The label cell is 10 columns, the value right-aligned in the other 22: it starts at column
    // 10 + 22 - 8 = 24 (288 dots), so it ends at column 32, the right edge. The 18-column gap is ESC $.
    const b = new EscPosBuilder(p58).row([
      { text: '终端号', width: 10 },
      { text: '10000001', align: 'right' },
    ]);
    expect(hex(b.encode())).toBe(`1c 26 d6 d5 b6 cb ba c5 1b 24 20 01 ${hex(Buffer.from('10000001\n'))}`);
    expect(288 / 12 + textColumns('10000001', zh)).toBe(32);
  });

  test('row(): short gaps between cells stay spaces, long ones become ESC $, nothing trails the line', () => {
    // Cells 4 | 4 | 24: "AB" at 0, "CD" right-aligned in 4–7 (starts at 6: a 4-column gap, spaces),
    // "E" right-aligned in 8–31 (starts at 31 = 372 dots = 0x0174: a 23-column gap, ESC $).
    const three = new EscPosBuilder(p58).row([
      { text: 'AB', width: 4 },
      { text: 'CD', width: 4, align: 'right' },
      { text: 'E', align: 'right' },
    ]);
    expect(hex(three.encode())).toBe('41 42 20 20 20 20 43 44 1b 24 74 01 45 0a');
    // "AB" then "C" left-aligned at column 10 (120 dots = 0x78); the 21 columns after "C" are not sent.
    const two = new EscPosBuilder(p58).row([{ text: 'AB', width: 10 }, { text: 'C' }]);
    expect(hex(two.encode())).toBe('41 42 1b 24 78 00 43 0a');
  });

  test('pair(): a value that does not fit goes to its own right-aligned line', () => {
    const b = new EscPosBuilder(p58).pair('商户名称', '上海某某某某某某某某便利店有限公司');
    const text = iconv.decode(Buffer.from(b.encode()).subarray(2), 'gb18030');
    const lines = text.split('\n').filter(Boolean);
    expect(lines[0]).toBe('商户名称');
    for (const l of lines) expect(textColumns(l, zh)).toBeLessThanOrEqual(32);
  });

  test('double width halves the columns of a rule', () => {
    const b = new EscPosBuilder(p58).size(2).rule();
    expect(b.encode().filter((x) => x === 0x2d).length).toBe(16);
  });

  test('sanitizeText keeps Chinese, drops C0/C1/DEL, lone surrogates', () => {
    expect(sanitizeText('上海\x1b\x10\x04\x7f\x9b便利店\ud800')).toBe('上海便利店');
    expect(sanitizeText('a\nb\tc')).toBe('a b c');
  });
});

describe('raster fallback for QR', () => {
  const matrix = [
    [true, false, true],
    [false, true, false],
    [true, false, true],
  ];

  test('without native QR, an injected matrix encoder gives GS v 0', () => {
    const b = new EscPosBuilder(basic, { qrMatrix: () => matrix }).qr('X', { moduleDots: 2 });
    const bytes = b.encode();
    expect(hex(bytes.subarray(0, 4))).toBe('1d 76 30 00');
    const img = qrToRaster(matrix, 2, 384)!;
    expect(img.height).toBe(22); // (3 + 2×4 quiet) × 2
    expect(bytes.length).toBe(8 + Math.ceil(img.width / 8) * img.height);
  });

  test('without native QR, when the encoder gives no matrix, the payload is printed as text', () => {
    expect(Buffer.from(new EscPosBuilder(basic, { qrMatrix: () => null }).qr('PD1|96').encode()).toString('latin1')).toBe('PD1|96\n');
  });

  test('rasters taller than 255 rows are sliced', () => {
    const bits = new Uint8Array(300);
    const bytes = encodeCommands([{ op: 'raster', width: 8, height: 300, bits }], { chineseFont: true, cutter: false });
    expect(hex(bytes.subarray(0, 8))).toBe('1d 76 30 00 01 00 ff 00');
    expect(hex(bytes.subarray(8 + 255, 8 + 255 + 8))).toBe('1d 76 30 00 01 00 2d 00');
  });

  test('image bytes that would spell DLE EOT lose one dot', () => {
    expect([...scrubRealtime(Uint8Array.from([0x10, 0x04, 0x01, 0x10, 0x20]))]).toEqual([0x00, 0x04, 0x01, 0x10, 0x20]);
  });
});
