/**
 * posdiag's own PNG writer (src/slip/png-writer.ts) checked by an independent decoder, pngjs (which also
 * verifies every chunk CRC and the zlib stream): the decoded pixels are exactly the ones written, for sizes
 * whose rows do and do not end on a byte boundary at 1 bit per pixel. (The slip preview drawn with
 * Unifont: test/integration/slip-preview-png.test.ts.)
 */
import { encodeGrayPng, type GrayImage } from '../../../src/slip/png-writer';
import { decodeGray, difference } from '../../helpers/gray-image';

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

// 1×1 and 7/9/15/17 wide: rows shorter than, just over and between whole bytes at 1 bit per pixel;
// 416 and 608: the preview of a 58 mm and an 80 mm roll with its margins.
const SIZES: [number, number][] = [
  [1, 1],
  [7, 3],
  [8, 2],
  [9, 5],
  [15, 1],
  [16, 16],
  [17, 4],
  [416, 40],
  [608, 7],
];

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
