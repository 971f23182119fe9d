/**
 * A small ISO 8583:1987 codec: MTI, binary bitmap (primary, and secondary when field 1 is set), fields.
 * Pure: bytes in, bytes out; decoding never throws, it says where and why it stopped.
 *
 * Two encodings, because acquirers use both:
 * - 'ascii': MTI and numeric fields as ASCII digits, length prefixes as ASCII digits (the form of many
 *   host links and of jPOS's ASCII packagers, but with the bitmap kept binary as the standard defines it).
 * - 'bcd': the China UnionPay POS form: MTI and numeric fields as packed BCD (two digits a byte), length
 *   prefixes as packed BCD (LL in one byte, LLL in two), text fields ASCII. Fixed numerics are right-justified
 *   (a leading 0 nibble when the count is odd); variable numerics are left-justified (a trailing 0 nibble).
 */
import { CUP_FIELD_OVERRIDES, FieldSpec, ISO87_FIELDS } from './fields';

export type Encoding = 'ascii' | 'bcd';
export type FieldValue = string | Uint8Array;

export interface IsoMessage {
  mti: string;
  /** Field number → value: digits/text as a string, binary fields as bytes. Field 1 is implied. */
  fields: Map<number, FieldValue>;
}

export type DecodeResult =
  | { ok: true; message: IsoMessage }
  | {
      ok: false;
      reason: string;
      at: number;
      partial: IsoMessage;
      /** Set when decoding stopped only because this field's format is unknown (the bytes so far were sound). */
      unknownField?: number;
    };

export function specFor(field: number, encoding: Encoding): FieldSpec | undefined {
  return (encoding === 'bcd' ? CUP_FIELD_OVERRIDES[field] : undefined) ?? ISO87_FIELDS[field];
}

// ---- encoding ----

export function encodeMessage(msg: IsoMessage, encoding: Encoding): Uint8Array {
  const out: number[] = [];
  if (!/^\d{4}$/.test(msg.mti)) throw new RangeError(`MTI must be 4 digits, got "${msg.mti}"`);
  pushDigits(out, msg.mti, encoding, 'right');
  const numbers = [...msg.fields.keys()].filter((f) => f !== 1).sort((a, b) => a - b);
  for (const f of numbers) if (f < 2 || f > 128) throw new RangeError(`field ${f} is outside 2–128`);
  const secondary = numbers.some((f) => f > 64);
  const bitmap = new Uint8Array(secondary ? 16 : 8);
  if (secondary) setBit(bitmap, 1);
  for (const f of numbers) setBit(bitmap, f);
  out.push(...bitmap);
  for (const f of numbers) {
    const spec = specFor(f, encoding);
    if (!spec) throw new RangeError(`field ${f} has no format in the 1987 table`);
    encodeField(out, f, spec, msg.fields.get(f)!, encoding);
  }
  return Uint8Array.from(out);
}

function setBit(bitmap: Uint8Array, field: number): void {
  // Field 1 is the most significant bit of the first byte.
  bitmap[(field - 1) >> 3] |= 0x80 >> ((field - 1) & 7);
}

function encodeField(out: number[], f: number, spec: FieldSpec, value: FieldValue, encoding: Encoding): void {
  if (spec.kind === 'b') {
    const bytes = typeof value === 'string' ? hexToBytes(value) : value;
    if (spec.prefix === 0 && bytes.length !== spec.length) throw new RangeError(`field ${f}: ${spec.length} bytes expected`);
    if (spec.prefix !== 0) pushLength(out, bytes.length, spec, f, encoding);
    out.push(...bytes);
    return;
  }
  const text = typeof value === 'string' ? value : Buffer.from(value).toString('latin1');
  const numeric = spec.kind === 'n' || spec.kind === 'z';
  if (numeric && !(spec.kind === 'z' ? /^[0-9=D]*$/ : /^\d*$/).test(text)) throw new RangeError(`field ${f}: digits expected`);
  if (!numeric && /[^\x20-\x7e]/.test(text)) throw new RangeError(`field ${f}: printable ASCII expected`);
  if (spec.prefix === 0) {
    if (text.length > spec.length) throw new RangeError(`field ${f}: at most ${spec.length} characters`);
    const padded = numeric ? text.padStart(spec.length, '0') : text.padEnd(spec.length, ' ');
    if (numeric) pushDigits(out, padded, encoding, 'right');
    else pushAscii(out, padded);
    return;
  }
  pushLength(out, text.length, spec, f, encoding);
  if (numeric) pushDigits(out, text, encoding, 'left');
  else pushAscii(out, text);
}

function pushLength(out: number[], length: number, spec: FieldSpec, f: number, encoding: Encoding): void {
  if (length > spec.length) throw new RangeError(`field ${f}: at most ${spec.length} long`);
  const digits = String(length).padStart(spec.prefix, '0');
  pushDigits(out, digits, encoding, 'right');
}

function pushAscii(out: number[], text: string): void {
  for (let i = 0; i < text.length; i++) out.push(text.charCodeAt(i));
}

/** ASCII digits, or packed BCD with the odd nibble on the `justify` side's opposite end. */
function pushDigits(out: number[], digits: string, encoding: Encoding, justify: 'left' | 'right'): void {
  if (encoding === 'ascii') return pushAscii(out, digits);
  const even = digits.length % 2 === 0 ? digits : justify === 'right' ? '0' + digits : digits + '0';
  for (let i = 0; i < even.length; i += 2) out.push((nibble(even[i]) << 4) | nibble(even[i + 1]));
}

function nibble(c: string): number {
  return c === '=' || c === 'D' ? 0xd : c.charCodeAt(0) - 0x30;
}

// ---- decoding ----

class Cursor {
  pos = 0;
  constructor(readonly bytes: Uint8Array) {}
  take(n: number): Uint8Array | null {
    if (this.pos + n > this.bytes.length) return null;
    const part = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return part;
  }
}

class Stop extends Error {
  constructor(
    message: string,
    readonly unknownField?: number,
  ) {
    super(message);
  }
}

export function decodeMessage(bytes: Uint8Array, encoding: Encoding): DecodeResult {
  const cur = new Cursor(bytes);
  const partial: IsoMessage = { mti: '', fields: new Map() };
  let field = 0;
  try {
    partial.mti = readDigits(cur, 4, encoding, 'right', 'MTI');
    if (!/^\d{4}$/.test(partial.mti)) throw new Stop(`MTI is not 4 digits`);
    const primary = need(cur, 8, 'bitmap');
    const hasSecondary = (primary[0] & 0x80) !== 0;
    const bitmap = hasSecondary ? concat(primary, need(cur, 8, 'secondary bitmap')) : primary;
    for (field = 2; field <= bitmap.length * 8; field++) {
      if (!(bitmap[(field - 1) >> 3] & (0x80 >> ((field - 1) & 7)))) continue;
      const spec = specFor(field, encoding);
      if (!spec) throw new Stop(`field ${field} is present but has no known format`, field);
      partial.fields.set(field, readField(cur, field, spec, encoding));
    }
    if (cur.pos !== bytes.length) {
      field = 0;
      throw new Stop(`${bytes.length - cur.pos} bytes left after the last field`);
    }
    return { ok: true, message: partial };
  } catch (err) {
    if (!(err instanceof Stop)) throw err;
    return { ok: false, reason: err.message, at: cur.pos, partial, ...(err.unknownField ? { unknownField: err.unknownField } : {}) };
  }
}

function need(cur: Cursor, n: number, what: string): Uint8Array {
  const part = cur.take(n);
  if (!part) throw new Stop(`message ends inside ${what}`);
  return part;
}

function readField(cur: Cursor, f: number, spec: FieldSpec, encoding: Encoding): FieldValue {
  const what = `field ${f}`;
  let length = spec.length;
  if (spec.prefix !== 0) {
    const digits = readDigits(cur, spec.prefix, encoding, 'right', `${what} length`);
    if (!/^\d+$/.test(digits)) throw new Stop(`${what} length is not digits`);
    length = Number(digits);
    if (length > spec.length) throw new Stop(`${what} says ${length}, more than its maximum ${spec.length}`);
  }
  if (spec.kind === 'b') return Uint8Array.from(need(cur, length, what));
  if (spec.kind === 'n' || spec.kind === 'z') {
    const digits = readDigits(cur, length, encoding, spec.prefix === 0 ? 'right' : 'left', what);
    if (!(spec.kind === 'z' ? /^[0-9D=]*$/ : /^\d*$/).test(digits)) throw new Stop(`${what} is not digits`);
    return digits;
  }
  return Buffer.from(need(cur, length, what)).toString('latin1');
}

/** Reads `count` digits; in BCD drops the pad nibble on the side away from `justify`. */
function readDigits(cur: Cursor, count: number, encoding: Encoding, justify: 'left' | 'right', what: string): string {
  if (encoding === 'ascii') return Buffer.from(need(cur, count, what)).toString('latin1');
  const bytes = need(cur, Math.ceil(count / 2), what);
  let s = '';
  for (const b of bytes) s += nibbleChar(b >> 4) + nibbleChar(b & 0x0f);
  if (s.length === count) return s;
  return justify === 'right' ? s.slice(1) : s.slice(0, count);
}

function nibbleChar(n: number): string {
  return n <= 9 ? String(n) : n === 0xd ? 'D' : '?';
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

export function hexToBytes(hex: string): Uint8Array {
  const clean = hex.replace(/\s+/g, '');
  if (!/^([0-9a-fA-F]{2})*$/.test(clean)) throw new RangeError(`not an even-length hex string: "${hex}"`);
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export function bytesToHex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex').toUpperCase();
}
