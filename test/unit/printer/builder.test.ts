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
// GS V m, FS & = 1C 26, GS ( k fn 165/167/169/180/181, GS v 0, GS a n, GS r 1.
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
    const b = new EscPosBuilder(p58).row([{ text: '终端号', width: 10 }, { text: '10000001', align: 'right' }]);
    const line = iconv.decode(Buffer.from(b.encode().subarray(2)), 'gb18030');
    expect(line).toBe(`终端号    ${' '.repeat(14)}10000001\n`);
    expect(textColumns(line.trimEnd(), zh)).toBe(32);
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
