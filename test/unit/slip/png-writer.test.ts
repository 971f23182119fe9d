/**
 * posdiag's own PNG writer (src/slip/png-writer.ts) checked by an independent decoder, pngjs (which also
 * verifies every chunk CRC and the zlib stream): the decoded pixels are exactly the ones written, for sizes
 * whose rows do and do not end on a byte boundary at 1 bit per pixel. Then the slip preview: its PNG
 * decodes to the very picture the roll renderer drew.
 */
import { PNG } from 'pngjs';
import { encodeGrayPng, type GrayImage } from '../../../src/slip/png-writer';
import { rollToImage, rollToPng } from '../../../src/slip/roll-png';
import { EscPosTokenizer } from '../../../hal/printer/escpos-tokenizer';
import { EscPosBuilder } from '../../../hal/printer/builder';
import { PRINTER_PROFILES } from '../../../hal/printer/profiles';
import { GEOMETRY_58, GEOMETRY_80, PaperRoll } from '../../../hal/printer/paper-roll';

/** Deterministic pseudo-random gray values (a linear congruential sequence), so a failure is reproducible. */
function noise(width: number, height: number, seed: number): GrayImage {
  const data = new Uint8Array(width * height);
  let s = seed;
  for (let i = 0; i < data.length; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    data[i] = s >>> 24;
  }
  return { width, height, data };
}

/** The gray channel pngjs decodes (it always returns RGBA; R = G = B for a gray PNG, A = 255). */
function decodeGray(png: Buffer): GrayImage {
  const img = PNG.sync.read(png);
  const data = new Uint8Array(img.width * img.height);
  for (let i = 0; i < data.length; i++) {
    const r = img.data[i * 4];
    if (img.data[i * 4 + 1] !== r || img.data[i * 4 + 2] !== r || img.data[i * 4 + 3] !== 255) throw new Error(`pixel ${i} is not opaque gray`);
    data[i] = r;
  }
  return { width: img.width, height: img.height, data };
}

/**
 * Where two pictures first differ ('' when they are equal). Comparing the pixel arrays with toEqual would
 * walk them element by element in the matcher, seconds for a slip-sized picture.
 */
function difference(a: GrayImage, b: GrayImage): string {
  if (a.width !== b.width || a.height !== b.height) return `size ${a.width}×${a.height} vs ${b.width}×${b.height}`;
  const at = Buffer.from(a.data).findIndex((v, i) => v !== b.data[i]);
  return at < 0 ? '' : `pixel (${at % a.width}, ${Math.floor(at / a.width)}): ${a.data[at]} vs ${b.data[at]}`;
}

// 1×1 and 7/9/15/17 wide: rows shorter than, just over and between whole bytes at 1 bit per pixel;
// 416 and 608: the preview of a 58 mm and an 80 mm roll with its margins.
const SIZES: [number, number][] = [[1, 1], [7, 3], [8, 2], [9, 5], [15, 1], [16, 16], [17, 4], [416, 40], [608, 7]];

describe('encodeGrayPng', () => {
  test.each(SIZES)('8-bit %i×%i decodes to the same gray values', (w, h) => {
    const image = noise(w, h, w * 31 + h);
    expect(difference(decodeGray(encodeGrayPng(image, { bitDepth: 8 })), image)).toBe('');
  });

  test.each(SIZES)('1-bit %i×%i decodes to black below 128 and white from 128', (w, h) => {
    const image = noise(w, h, w * 17 + h);
    const bilevel = { width: w, height: h, data: image.data.map((v) => (v >= 128 ? 255 : 0)) };
    expect(difference(decodeGray(encodeGrayPng(image, { bitDepth: 1 })), bilevel)).toBe('');
  });

  test('the chunks are IHDR, IDAT, IEND after the signature, with the header fields of a gray image', () => {
    const png = encodeGrayPng(noise(9, 5, 1), { bitDepth: 1 });
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const types: string[] = [];
    for (let at = 8; at < png.length; at += 12 + png.readUInt32BE(at)) types.push(png.toString('latin1', at + 4, at + 8));
    expect(types).toEqual(['IHDR', 'IDAT', 'IEND']);
    // width 9, height 5, depth 1, colour type 0 (gray), compression 0, filter 0, interlace 0
    expect([...png.subarray(16, 29)]).toEqual([0, 0, 0, 9, 0, 0, 0, 5, 1, 0, 0, 0, 0]);
  });

  test('a size the data does not fill, or no size at all, is refused', () => {
    expect(() => encodeGrayPng({ width: 3, height: 3, data: new Uint8Array(8) })).toThrow(RangeError);
    expect(() => encodeGrayPng({ width: 0, height: 1, data: new Uint8Array(0) })).toThrow(RangeError);
  });
});

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
