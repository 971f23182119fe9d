/**
 * GB18030, the encoding of a Chinese printer's resident font. Encoding and decoding both work from two
 * strings, the "unit tables": unit i is what code number i decodes to (U+FFFD when that is not a single
 * UTF-16 unit), one string for the 23 940 two-byte codes and one for the 39 420 four-byte codes of the
 * Basic Multilingual Plane, in byte order. Encoding a character is a search of a table (native indexOf,
 * microseconds) and arithmetic on the position; code points above U+FFFF are arithmetic alone (GB18030
 * maps them linearly from 0x90308130).
 *
 * The tables come from Node's TextDecoder where it knows GB18030 (full ICU: one decode call per table,
 * about 2 ms), else from gb18030.bin beside the bundle (small ICU, or a Node without Intl such as
 * nodejs-mobile's), which build.mjs writes from iconv-lite's data (gb18030-table-codegen.ts). Both give
 * the same tables, so the same bytes (a unit test compares them code by code). Nothing is read or built
 * until Chinese is printed or previewed: never on the way of `posdiag explain`.
 *
 * Byte structure (GB 18030): one byte 0x00–0x7F; two bytes lead 0x81–0xFE, trail 0x40–0x7E or 0x80–0xFE;
 * four bytes 0x81–0xFE, 0x30–0x39, 0x81–0xFE, 0x30–0x39, taken as one linear index (10·126·10 per lead).
 * The BMP uses four-byte indexes 0–39419 (0x81308130–0x8431A439) for what has no two-byte code.
 */
import { TextDecoder } from 'node:util';
import { BMP_FOUR_BYTE_CODES, decodeEach, fourByteCodes, fourBytes, twoByteCodes } from './gb18030-codes';
import { tablesFromFile } from './gb18030-table-file';

const REPLACEMENT = 0xfffd;
/** U+FFFD has a code of its own; every other code that decodes to it is unassigned. */
const REPLACEMENT_CODE = [0x84, 0x31, 0xa4, 0x37];

/** Where this Node gets GB18030 from: its TextDecoder, posdiag's table file, or nowhere. */
export type Gb18030Source = 'TextDecoder' | 'table file' | 'unavailable';

let decoder: TextDecoder | null | undefined;
/** Node's own GB18030 decoder, or null when it has none (small ICU, no Intl). */
function platformDecoder(): TextDecoder | null {
  if (decoder === undefined) {
    try {
      decoder = new TextDecoder('gb18030');
    } catch {
      decoder = null;
    }
  }
  return decoder;
}

/** Where GB18030 comes from on this Node; reads (and checks) the table file when TextDecoder has none. */
export function gb18030Source(): Gb18030Source {
  if (platformDecoder()) return 'TextDecoder';
  try {
    tablesFromFile();
    return 'table file';
  } catch {
    return 'unavailable';
  }
}

let twoByteUnits: string | undefined;
let fourByteUnits: string | undefined;

function twoUnits(): string {
  const d = platformDecoder();
  return (twoByteUnits ??= d ? decodeEach((b) => d.decode(b), twoByteCodes(), 2) : tablesFromFile()[0]);
}

function fourUnits(): string {
  const d = platformDecoder();
  return (fourByteUnits ??= d ? decodeEach((b) => d.decode(b), fourByteCodes(), 4) : tablesFromFile()[1]);
}

/** GB18030 bytes as text. ASCII alone needs no tables (a Chinese-mode slip with no Chinese on it still previews). */
export function decodeGb18030(bytes: Uint8Array): string {
  if (bytes.every((b) => b < 0x80)) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  const d = platformDecoder();
  return d ? d.decode(bytes) : decodeWithTables(bytes);
}

const isDigit = (b: number) => b >= 0x30 && b <= 0x39;

/**
 * The WHATWG Encoding Standard's gb18030 decoder (what Node's ICU decoder does, malformed input
 * included) over the unit tables: a bad sequence is one U+FFFD, and an ASCII byte or the digit after its
 * lead is read again; a sequence cut by the end of the input is one U+FFFD.
 */
function decodeWithTables(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const [b, b2 = -1, b3 = -1, b4 = -1] = bytes.subarray(i, i + 4) as unknown as number[];
    let ch = '\ufffd';
    let n = 1;
    if (b! < 0x81) ch = b! < 0x80 ? String.fromCharCode(b!) : '\u20ac';
    else if (b! < 0xff && isDigit(b2)) {
      if (b3 < 0 || (b3 > 0x80 && b3 < 0xff && b4 < 0)) n = bytes.length - i;
      else if (b3 > 0x80 && b3 < 0xff && isDigit(b4)) {
        const p = (b! - 0x81) * 12600 + (b2 - 0x30) * 1260 + (b3 - 0x81) * 10 + b4 - 0x30;
        if (p < BMP_FOUR_BYTE_CODES) ch = fourUnits()[p]!;
        else if (p >= 189000 && p <= 1237575) ch = String.fromCodePoint(p - 189000 + 0x10000);
        n = 4;
      }
    } else if (b! < 0xff) {
      if (b2 >= 0x40 && b2 !== 0x7f && b2 < 0xff) ch = twoUnits()[(b! - 0x81) * 190 + b2 - (b2 < 0x7f ? 0x40 : 0x41)]!;
      // An ASCII byte after the lead that makes no code is read again as itself.
      n = ch !== '\ufffd' || b2 > 0x7f ? 2 : 1;
    }
    out += ch;
    i += n;
  }
  return out;
}

/**
 * The GB18030 bytes of one code point: 1, 2 or 4 of them; null for what it cannot encode (a surrogate
 * code point, or a private-use character GB18030-2022 no longer maps). Where a character has both a
 * two-byte and a four-byte code, the two-byte one (what a printer's font has).
 */
export function gb18030Bytes(codePoint: number): number[] | null {
  if (codePoint < 0x80) return codePoint >= 0 ? [codePoint] : null;
  if (codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return null;
  if (codePoint >= 0x10000) return fourBytes(0x90, codePoint - 0x10000);
  if (codePoint === REPLACEMENT) return [...REPLACEMENT_CODE];
  const two = gb18030TwoBytes(codePoint);
  if (two) return two;
  const n = fourUnits().indexOf(String.fromCharCode(codePoint));
  return n >= 0 ? fourBytes(0x81, n) : null;
}

/**
 * The two-byte GB18030 code of a code point, or null when it has none: the printer's question, since a
 * GBK font has only these. Never touches the four-byte table.
 */
export function gb18030TwoBytes(codePoint: number): [number, number] | null {
  if (codePoint < 0x80 || codePoint > 0xffff || codePoint === REPLACEMENT || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return null;
  const i = twoUnits().indexOf(String.fromCharCode(codePoint));
  if (i < 0) return null;
  const t = i % 190;
  return [0x81 + Math.floor(i / 190), 0x40 + t + (t >= 0x3f ? 1 : 0)]; // trails skip 0x7F
}

/** Text as GB18030; what cannot be encoded becomes '?' (0x3F). */
export function encodeGb18030(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const bytes = gb18030Bytes(ch.codePointAt(0)!);
    if (bytes) for (const b of bytes) out.push(b);
    else out.push(0x3f);
  }
  return Uint8Array.from(out);
}
