/**
 * GB18030, the encoding of a Chinese printer's resident font, without a code table of our own: Node's
 * TextDecoder decodes it (ICU), and the encoder is the decoder run backwards: the first character that
 * needs encoding decodes all 23 940 two-byte codes in one call (about 2 ms), and a character found there
 * is encoded by its position. Only a character without a two-byte code decodes the 39 420 four-byte codes
 * of the Basic Multilingual Plane the same way; code points above U+FFFF are arithmetic (GB18030 maps
 * them linearly from 0x90308130). Pure: no I/O; nothing is built until Chinese is printed.
 *
 * Byte structure (GB 18030): one byte 0x00–0x7F; two bytes lead 0x81–0xFE, trail 0x40–0x7E or 0x80–0xFE;
 * four bytes 0x81–0xFE, 0x30–0x39, 0x81–0xFE, 0x30–0x39, taken as one linear index (10·126·10 per lead).
 * The BMP uses four-byte indexes 0–39419 (0x81308130–0x8431A439) for what has no two-byte code.
 *
 * Node built with small ICU (--with-intl=small-icu) has no GB18030 decoder: then encoding or decoding
 * throws a HalError Printer_NoGb18030 that says so; nothing else in posdiag is affected.
 */
import { TextDecoder } from 'node:util';
import { HalError } from '../errors';

let decoder: TextDecoder | undefined;

/** Node's GB18030 decoder (replacement characters for malformed input, as a printer prints garbage). */
function gbDecoder(): TextDecoder {
  if (decoder) return decoder;
  try {
    decoder = new TextDecoder('gb18030');
  } catch (err) {
    const icu = process.versions.icu ? `ICU ${process.versions.icu}` : 'no ICU';
    throw new HalError(
      'Printer_NoGb18030',
      `Chinese printing needs the GB18030 encoding, which this Node.js (${process.version}, ${icu}) does not have: use a Node.js build with full ICU (the official builds have it)`,
      { node: process.version, icu: process.versions.icu ?? null },
      { cause: err },
    );
  }
  return decoder;
}

/** GB18030 bytes as text. ASCII alone needs no decoder (a Chinese-mode slip with no Chinese on it still previews). */
export function decodeGb18030(bytes: Uint8Array): string {
  if (bytes.every((b) => b < 0x80)) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  return gbDecoder().decode(bytes);
}

const TWO_BYTE_CODES = 126 * 190;
const BMP_FOUR_BYTE_CODES = 39420;
const REPLACEMENT = 0xfffd;
/** U+FFFD has a code of its own; every other code that decodes to it is unassigned. */
const REPLACEMENT_CODE = [0x84, 0x31, 0xa4, 0x37];

/**
 * The decoder's output for every code of one kind, in byte order: unit i is what code number i decodes
 * to, U+FFFD when that is not a single UTF-16 unit. Encoding a character is then a search of this string
 * (native indexOf, microseconds) and arithmetic on the position: no inverse table to build or keep.
 */
let twoByteUnits: string | null = null;
let fourByteUnits: string | null = null;

/** Every two-byte code in byte order: lead 0x81–0xFE, then trail 0x40–0x7E, 0x80–0xFE. */
function twoByteCodes(): Uint8Array {
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
function fourByteCodes(): Uint8Array {
  const bytes = new Uint8Array(BMP_FOUR_BYTE_CODES * 4);
  let at = 0;
  for (let b1 = 0x81; at < bytes.length; b1++) {
    for (let b2 = 0x30; b2 <= 0x39 && at < bytes.length; b2++) {
      for (let b3 = 0x81; b3 <= 0xfe && at < bytes.length; b3++) {
        for (let b4 = 0x30; b4 <= 0x39 && at < bytes.length; b4++) {
          bytes[at++] = b1;
          bytes[at++] = b2;
          bytes[at++] = b3;
          bytes[at++] = b4;
        }
      }
    }
  }
  return bytes;
}

/**
 * Decodes `count` codes of `size` bytes in one call. Each complete code decodes to at least one unit, so
 * a result of exactly `count` units means one unit per code (what ICU gives); otherwise (a decoder that
 * yields surrogate pairs or splits a code) the codes are decoded one by one.
 */
function decodeEach(bytes: Uint8Array, size: number): string {
  const count = bytes.length / size;
  const all = gbDecoder().decode(bytes);
  if (all.length === count) return all;
  const units: string[] = [];
  for (let i = 0; i < count; i++) {
    const one = gbDecoder().decode(bytes.subarray(i * size, (i + 1) * size));
    units.push(one.length === 1 ? one : '\ufffd');
  }
  return units.join('');
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
  fourByteUnits ??= decodeEach(fourByteCodes(), 4);
  const n = fourByteUnits.indexOf(String.fromCharCode(codePoint));
  return n >= 0 ? fourBytes(0x81, n) : null;
}

/**
 * The two-byte GB18030 code of a code point, or null when it has none: the printer's question, since a
 * GBK font has only these. Never decodes the four-byte codes.
 */
export function gb18030TwoBytes(codePoint: number): [number, number] | null {
  if (codePoint < 0x80 || codePoint > 0xffff || codePoint === REPLACEMENT || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return null;
  twoByteUnits ??= decodeEach(twoByteCodes(), 2);
  const i = twoByteUnits.indexOf(String.fromCharCode(codePoint));
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
