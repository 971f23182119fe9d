/**
 * ISO 7816-3 Answer-To-Reset parser that checks what libccid does not: libccid takes an ATR "even if TCK
 * is wrong" and checks only that TS is 3B/3F and that a TCK byte is there when a protocol other than T=0
 * is offered. Here every structural fault is named:
 *
 *   ts            TS is neither 3B (direct) nor 3F (inverse convention)
 *   short         the interface bytes or historical bytes announced by T0/TDi run past the end
 *   long          bytes left over after the historical bytes (and TCK)
 *   tck-missing   a protocol other than T=0 is offered but there is no TCK
 *   tck-wrong     the XOR of T0 … TCK is not 0
 *   too-long      more than 33 bytes
 *   protocol      no protocol posdiag can speak (T=0 or T=1) is offered
 *
 * Pure. The ATR is not personal data and may be shown as it is.
 */

export type AtrProblem = 'ts' | 'short' | 'long' | 'tck-missing' | 'tck-wrong' | 'too-long' | 'protocol';

export interface Atr {
  ts: number;
  convention: 'direct' | 'inverse' | 'unknown';
  /** Protocols offered, in order (T=0 when no TD1). */
  protocols: number[];
  /** TA1, TB1, TC1 … by name, when present. */
  interface: Record<string, number>;
  historical: Uint8Array;
  tck: number | null;
  problems: AtrProblem[];
}

export const MAX_ATR_LEN = 33;

export function parseAtr(bytes: ArrayLike<number>): Atr {
  const b = Array.from(bytes);
  const problems: AtrProblem[] = [];
  const iface: Record<string, number> = {};
  const protocols: number[] = [];
  const ts = b[0] ?? -1;
  const convention = ts === 0x3b ? 'direct' : ts === 0x3f ? 'inverse' : 'unknown';
  if (convention === 'unknown') problems.push('ts');
  if (b.length > MAX_ATR_LEN) problems.push('too-long');
  if (b.length < 2) {
    problems.push('short');
    return { ts, convention, protocols: [], interface: iface, historical: new Uint8Array(0), tck: null, problems };
  }
  const t0 = b[1];
  const k = t0 & 0x0f;
  let y = t0 >> 4;
  let at = 2;
  let i = 1;
  let truncated = false;
  let tckNeeded = false;
  for (;;) {
    for (const [bit, name] of [
      [0x1, 'TA'],
      [0x2, 'TB'],
      [0x4, 'TC'],
    ] as const) {
      if (!(y & bit)) continue;
      if (at >= b.length) truncated = true;
      else iface[`${name}${i}`] = b[at];
      at++;
    }
    if (!(y & 0x8)) break;
    if (at >= b.length) {
      truncated = true;
      at++;
      break;
    }
    const td = b[at++];
    iface[`TD${i}`] = td;
    const t = td & 0x0f;
    if (!protocols.includes(t)) protocols.push(t);
    // ISO 7816-3 §8.2.5: TCK is present unless T=0 is the only protocol indicated.
    if (t !== 0) tckNeeded = true;
    y = td >> 4;
    i++;
  }
  if (protocols.length === 0) protocols.push(0);
  const histStart = at;
  const histEnd = at + k;
  if (histEnd > b.length) truncated = true;
  const historical = Uint8Array.from(b.slice(Math.min(histStart, b.length), Math.min(histEnd, b.length)));
  let tck: number | null = null;
  if (truncated) problems.push('short');
  else {
    const rest = b.length - histEnd;
    if (tckNeeded) {
      if (rest === 0) problems.push('tck-missing');
      else {
        tck = b[histEnd];
        let x = 0;
        for (let j = 1; j <= histEnd; j++) x ^= b[j];
        if (x !== 0) problems.push('tck-wrong');
        if (rest > 1) problems.push('long');
      }
    } else if (rest > 0) problems.push('long');
  }
  if (!protocols.some((p) => p === 0 || p === 1)) problems.push('protocol');
  return { ts, convention, protocols, interface: iface, historical, tck, problems };
}

/** The T=0 protocol data for SetParameters: Fi/Di from TA1 (default 11), TC1 guard time, WI from TC2 (default 0A). */
export function t0Parameters(atr: Atr): number[] {
  const fidi = atr.interface.TA1 ?? 0x11;
  const tcck = atr.convention === 'inverse' ? 0x02 : 0x00;
  return [fidi, tcck, atr.interface.TC1 ?? 0x00, atr.interface.TC2 ?? 0x0a, 0x00];
}
