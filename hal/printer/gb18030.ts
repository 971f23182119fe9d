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
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDecoder } from 'node:util';
import { HalError } from '../errors';

export const TWO_BYTE_CODES = 126 * 190;
export const BMP_FOUR_BYTE_CODES = 39420;
/** The table file: both unit tables as UTF-16LE, two-byte first. */
export const GB18030_TABLE_BYTES = (TWO_BYTE_CODES + BMP_FOUR_BYTE_CODES) * 2;
const REPLACEMENT = 0xfffd;
/** U+FFFD has a code of its own; every other code that decodes to it is unassigned. */
const REPLACEMENT_CODE = [0x84, 0x31, 0xa4, 0x37];

/** The file name build.mjs gives the table beside the bundle; undefined when running from the sources. */
declare const POSDIAG_GB18030_TABLE: string | undefined;

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

let fileTables: [string, string] | undefined;
/** The unit tables from the table file (from the sources: made from iconv-lite, as build.mjs makes the file). */
function tablesFromFile(): [string, string] {
  if (fileTables) return fileTables;
  // Beside the running bundle (dist/cli.js, dist/index.js): build.mjs writes it there.
  const path = typeof POSDIAG_GB18030_TABLE === 'string' ? join(__dirname, POSDIAG_GB18030_TABLE) : null;
  let bytes: Buffer;
  try {
    // The condition is a constant in a bundle, so esbuild drops the build-time branch (and iconv-lite).
    bytes =
      typeof POSDIAG_GB18030_TABLE === 'string'
        ? readFileSync(path!)
        : (require('./gb18030-table-codegen') as typeof import('./gb18030-table-codegen')).gb18030TableFile();
    if (bytes.length !== GB18030_TABLE_BYTES) throw new Error(`${bytes.length} bytes, not ${GB18030_TABLE_BYTES}`);
  } catch (err) {
    throw new HalError('Printer_NoGb18030', `no GB18030 for Chinese printing: this Node.js has no ICU decoder for it, and ${path ?? 'the table'}: ${(err as Error).message}`, { table: path }, { cause: err });
  }
  return (fileTables = [bytes.toString('utf16le', 0, TWO_BYTE_CODES * 2), bytes.toString('utf16le', TWO_BYTE_CODES * 2)]);
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

/** Every two-byte code in byte order: lead 0x81–0xFE, then trail 0x40–0x7E, 0x80–0xFE. */
export function twoByteCodes(): Uint8Array {
  const bytes = new Uint8Array(TWO_BYTE_CODES * 2);
  let at = 0;
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      bytes[at++] = lead;
      bytes[at++] = trail;
    }
  }
  return bytes;
}

/** The first BMP_FOUR_BYTE_CODES four-byte codes in byte order (0x81308130, 0x81308131, …). */
export function fourByteCodes(): Uint8Array {
  const bytes = new Uint8Array(BMP_FOUR_BYTE_CODES * 4);
  for (let n = 0; n < BMP_FOUR_BYTE_CODES; n++) bytes.set(fourBytes(0x81, n), n * 4);
  return bytes;
}

/**
 * Decodes `count` codes of `size` bytes in one call. Each complete code decodes to at least one unit, so
 * a result of exactly `count` units means one unit per code (what ICU gives); otherwise (a decoder that
 * yields surrogate pairs or splits a code) the codes are decoded one by one.
 */
export function decodeEach(decode: (bytes: Uint8Array) => string, bytes: Uint8Array, size: number): string {
  const count = bytes.length / size;
  const all = decode(bytes);
  if (all.length === count) return all;
  const units: string[] = [];
  for (let i = 0; i < count; i++) {
    const one = decode(bytes.subarray(i * size, (i + 1) * size));
    units.push(one.length === 1 ? one : '\ufffd');
  }
  return units.join('');
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
  for (let i = 0; i < bytes.length; ) {
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

/** The four bytes of linear four-byte index `n` counted from lead byte `first` (0x81 BMP, 0x90 beyond). */
function fourBytes(first: number, n: number): number[] {
  return [first + Math.floor(n / 12600), 0x30 + (Math.floor(n / 1260) % 10), 0x81 + (Math.floor(n / 10) % 126), 0x30 + (n % 10)];
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
