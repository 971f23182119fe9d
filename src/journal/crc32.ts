/**
 * CRC-32 (IEEE 802.3, the zip/PNG polynomial) of UTF-8 text. node:zlib has it from Node 20.15 / 22.2;
 * posdiag supports Node 20.0, so older runtimes get the same sum from a table. Pure.
 */
import * as zlib from 'node:zlib';

type Crc32Fn = (data: Uint8Array) => number;

let table: Uint32Array | null = null;

/** The table-driven CRC-32, bit-compatible with zlib.crc32. */
export function crc32Table(data: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const native = (zlib as { crc32?: Crc32Fn }).crc32;

export const crc32: Crc32Fn = typeof native === 'function' ? (data) => native(data) >>> 0 : crc32Table;

/** Eight lower-case hex digits. */
export function crc32Hex(text: string): string {
  return crc32(Buffer.from(text, 'utf8')).toString(16).padStart(8, '0');
}
