/**
 * A minimal PNG encoder for grayscale pictures (the slip preview): signature, IHDR, one IDAT, IEND.
 * Rows are written unfiltered (filter byte 0) and deflated by node:zlib; a thermal print is mostly long
 * runs of white, which deflate packs well without a filter search. Pure apart from zlib.
 *
 * Format: PNG specification (ISO/IEC 15948), sections 5 (datastream), 7.2 (scanlines), 11.2 (IHDR).
 */
import { deflateSync } from 'node:zlib';
import { crc32 } from '../journal/crc32';

/** One byte per pixel, row by row: 0 is black, 255 white. */
export interface GrayImage {
  width: number;
  height: number;
  data: Uint8Array;
}

export interface PngWriteOptions {
  /**
   * 1: one bit per pixel (a pixel is white when its gray value is 128 or more), the natural depth of a
   * thermal print and an eighth of the raw data; 8: the gray values as they are.
   */
  bitDepth?: 1 | 8;
}

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const COLOR_TYPE_GRAY = 0;

export function encodeGrayPng(image: GrayImage, options: PngWriteOptions = {}): Buffer {
  const { width, height, data } = image;
  const depth = options.bitDepth ?? 8;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`PNG size must be positive whole numbers, got ${width}×${height}`);
  }
  if (data.length !== width * height) throw new RangeError(`PNG data holds ${data.length} pixels, ${width}×${height} needs ${width * height}`);

  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = depth;
  ihdr[9] = COLOR_TYPE_GRAY;
  // bytes 10–12: compression 0 (deflate), filter method 0, no interlace

  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(scanlines(image, depth))), chunk('IEND', Buffer.alloc(0))]);
}

/** The raw image data: each row preceded by its filter type (0, none). */
function scanlines({ width, height, data }: GrayImage, depth: 1 | 8): Uint8Array {
  const rowBytes = depth === 8 ? width : (width + 7) >> 3;
  const raw = new Uint8Array((rowBytes + 1) * height);
  for (let y = 0; y < height; y++) {
    const out = y * (rowBytes + 1) + 1;
    const row = y * width;
    if (depth === 8) {
      raw.set(data.subarray(row, row + width), out);
      continue;
    }
    // Most significant bit first; bits past the width in the last byte stay 0 (the spec leaves them unused).
    for (let x = 0; x < width; x++) if (data[row + x] >= 128) raw[out + (x >> 3)] |= 0x80 >> (x & 7);
  }
  return raw;
}

/** length, type, data, CRC-32 of type and data. */
function chunk(type: string, body: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + body.length);
  out.writeUInt32BE(body.length, 0);
  out.write(type, 4, 'latin1');
  out.set(body, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + body.length)), 8 + body.length);
  return out;
}
