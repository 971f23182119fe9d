/**
 * The EMV commands the chip card test sends and what it makes of the answers (EMV 4.4 Books 1 and 3, as
 * openemv/emv-utils implements them). Pure.
 */

export { DEFAULT_AIDS } from './ccid-options';

export const PSE_NAME = '1PAY.SYS.DDF01';

export function selectByName(name: Uint8Array): Uint8Array {
  return Uint8Array.from([0x00, 0xa4, 0x04, 0x00, name.length, ...name, 0x00]);
}

export function selectPse(): Uint8Array {
  return selectByName(Uint8Array.from(Buffer.from(PSE_NAME, 'latin1')));
}

export function readRecord(record: number, sfi: number): Uint8Array {
  return Uint8Array.of(0x00, 0xb2, record, (sfi << 3) | 0x04, 0x00);
}

/** GET PROCESSING OPTIONS with a PDOL filled with zeros of the lengths it asks for (no amount, no currency). */
export function gpo(pdol: Uint8Array | null): Uint8Array {
  const len = pdol ? dolLength(pdol) : 0;
  const data = [0x83, len, ...new Array<number>(len).fill(0)];
  return Uint8Array.from([0x80, 0xa8, 0x00, 0x00, data.length, ...data, 0x00]);
}

/** Total length a DOL (tag, length pairs) asks for. */
export function dolLength(dol: Uint8Array): number {
  let total = 0;
  for (let at = 0; at < dol.length;) {
    const first = dol[at++];
    if ((first & 0x1f) === 0x1f) while (at < dol.length && dol[at++] & 0x80);
    if (at >= dol.length) break;
    total += dol[at++];
  }
  return Math.min(total, 250);
}

export interface AflEntry {
  sfi: number;
  first: number;
  last: number;
}

/** Application File Locator: 4 bytes per entry (SFI<<3, first record, last record, offline count). */
export function parseAfl(afl: Uint8Array): AflEntry[] {
  const out: AflEntry[] = [];
  for (let i = 0; i + 3 < afl.length; i += 4) {
    const sfi = afl[i] >> 3;
    if (sfi < 1 || sfi > 30 || afl[i + 1] === 0 || afl[i + 2] < afl[i + 1]) continue;
    out.push({ sfi, first: afl[i + 1], last: afl[i + 2] });
  }
  return out;
}

/** n6 YYMMDD in BCD; YY < 50 is 20YY (EMV Book 4 §6.7.3). Null when not a date. */
export function bcdDate(v: Uint8Array | null): { y: number; m: number; d: number } | null {
  if (!v || v.length !== 3) return null;
  const digits = Array.from(v, (b) => [b >> 4, b & 0x0f]).flat();
  if (digits.some((x) => x > 9)) return null;
  const yy = digits[0] * 10 + digits[1];
  const m = digits[2] * 10 + digits[3];
  const d = digits[4] * 10 + digits[5];
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  return { y: yy < 50 ? 2000 + yy : 1900 + yy, m, d };
}

export function dateText(x: { y: number; m: number; d: number }): string {
  return `${x.y}-${String(x.m).padStart(2, '0')}-${String(x.d).padStart(2, '0')}`;
}

/** Compares dates as YYYYMMDD numbers. */
export function dateKey(x: { y: number; m: number; d: number }): number {
  return x.y * 10_000 + x.m * 100 + x.d;
}

export function todayKey(now: Date): number {
  return now.getFullYear() * 10_000 + (now.getMonth() + 1) * 100 + now.getDate();
}

export function swOf(r: { sw1: number; sw2: number }): string {
  return ((r.sw1 << 8) | r.sw2).toString(16).toUpperCase().padStart(4, '0');
}
