/**
 * Build time only (build.mjs, and the tests that bundle): the GB18030 unit tables of hal/printer/gb18030.ts
 * as the file dist/gb18030.bin, for a Node whose TextDecoder has no GB18030. Made from iconv-lite's
 * GB18030 data (a devDependency; its code and data never reach a bundle), moved to GB18030-2022, the
 * edition Node's ICU (73 and later) and the WHATWG Encoding Standard follow: 18 two-byte codes that 2005
 * gave to private-use code points now decode to the standard characters (vertical forms U+FE10–U+FE19,
 * CJK U+9FB4–U+9FBB). The unit test compares every entry with TextDecoder's.
 */
import * as iconv from 'iconv-lite';
import { BMP_FOUR_BYTE_CODES, decodeEach, fourByteCodes, GB18030_TABLE_BYTES, TWO_BYTE_CODES, twoByteCodes } from './gb18030-codes';

export const GB18030_TABLE_FILE = 'gb18030.bin';

/** GB18030-2022's two-byte codes that 2005 decoded to private-use code points: code, what it decodes to now. */
const REMAPPED_2022: ReadonlyArray<readonly [number, number]> = [
  [0xa6d9, 0xfe10],
  [0xa6da, 0xfe12],
  [0xa6db, 0xfe11],
  [0xa6dc, 0xfe13],
  [0xa6dd, 0xfe14],
  [0xa6de, 0xfe15],
  [0xa6df, 0xfe16],
  [0xa6ec, 0xfe17],
  [0xa6ed, 0xfe18],
  [0xa6f3, 0xfe19],
  [0xfe59, 0x9fb4],
  [0xfe61, 0x9fb5],
  [0xfe66, 0x9fb6],
  [0xfe67, 0x9fb7],
  [0xfe6d, 0x9fb8],
  [0xfe7e, 0x9fb9],
  [0xfe90, 0x9fba],
  [0xfea0, 0x9fbb],
];

/** The table file's contents: the two-byte unit table, then the BMP four-byte one, as UTF-16LE. */
export function gb18030TableFile(): Buffer {
  const decode = (bytes: Uint8Array) => iconv.decode(Buffer.from(bytes), 'gb18030');
  const two = decodeEach(decode, twoByteCodes(), 2).split('');
  for (const [code, cp] of REMAPPED_2022) {
    const hi = code >> 8;
    const lo = code & 0xff;
    two[(hi - 0x81) * 190 + lo - (lo < 0x7f ? 0x40 : 0x41)] = String.fromCharCode(cp);
  }
  const four = decodeEach(decode, fourByteCodes(), 4);
  if (two.length !== TWO_BYTE_CODES || four.length !== BMP_FOUR_BYTE_CODES) throw new Error('gb18030 table: unexpected size');
  const file = Buffer.from(two.join('') + four, 'utf16le');
  if (file.length !== GB18030_TABLE_BYTES) throw new Error('gb18030 table: unexpected size');
  return file;
}
