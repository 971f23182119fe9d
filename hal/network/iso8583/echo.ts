/**
 * The network-management echo a terminal sends to ask "are you there?" without moving money, and the
 * judgement of the host's answer. Pure.
 *
 * - 'iso' form (ISO 8583:1987, ASCII numerics): MTI 0800 with field 11 STAN, 41 terminal id, 42 merchant id
 *   and 70 = 301 (echo test; field 70 sits in the secondary bitmap).
 * - 'cup' form (China UnionPay POS, BCD numerics): MTI 0800 with fields 11, 41, 42 and 60, where 60.1 = 00
 *   (message type code), 60.2 = the batch number and 60.3 = 301 (the network management code of 回响测试).
 * The host should answer 0810 with the same STAN and field 39 = 00.
 */
import type { OptionSpec } from '../../options';
import { decodeMessage, encodeMessage, Encoding, IsoMessage } from './codec';
import { Envelope, unwrap, wrap } from './envelope';

export const ECHO_FORMS = ['iso', 'cup'] as const;
export type EchoForm = (typeof ECHO_FORMS)[number];

/** CUP 60.2: the batch number the echo carries (n6). */
export const ECHO_BATCH: OptionSpec<'batch'> = { batch: { default: 1, min: 0, max: 999_999 } };

export const ECHO_NETWORK_CODE = '301';

export interface EchoRequest {
  form: EchoForm;
  /** Systems trace audit number, 1–999999. */
  stan: number;
  /** Field 41, 8 characters (shorter is padded with spaces). */
  terminalId: string;
  /** Field 42, 15 characters (shorter is padded with spaces). */
  merchantId: string;
  /** CUP 60.2, the current batch number, 0–999999. Default 1. */
  batch?: number;
}

export function encodingOf(form: EchoForm): Encoding {
  return form === 'cup' ? 'bcd' : 'ascii';
}

export function formatStan(stan: number): string {
  if (!Number.isInteger(stan) || stan < 1 || stan > 999_999) throw new RangeError(`STAN must be 1–999999, got ${stan}`);
  return String(stan).padStart(6, '0');
}

export function buildEchoMessage(req: EchoRequest): IsoMessage {
  const fields = new Map<number, string>([
    [11, formatStan(req.stan)],
    [41, req.terminalId],
    [42, req.merchantId],
  ]);
  if (req.form === 'cup') {
    const { default: fallback, min, max } = ECHO_BATCH.batch;
    const batch = req.batch ?? fallback;
    if (!Number.isInteger(batch) || batch < min || batch > max) throw new RangeError(`batch must be ${min}–${max}, got ${batch}`);
    fields.set(60, '00' + String(batch).padStart(6, '0') + ECHO_NETWORK_CODE);
  } else {
    fields.set(70, ECHO_NETWORK_CODE);
  }
  return { mti: '0800', fields };
}

/** The whole frame to write on the socket: length, TPDU, header, message. */
export function encodeEchoRequest(req: EchoRequest, envelope: Envelope = {}): Uint8Array {
  return wrap(encodeMessage(buildEchoMessage(req), encodingOf(req.form)), envelope);
}

export type EchoVerdict =
  | { kind: 'answered'; code: string; mti: string }
  | { kind: 'wrong-stan'; expected: string; got: string; code?: string }
  | { kind: 'wrong-mti'; mti: string }
  | { kind: 'no-code'; mti: string }
  | { kind: 'garbled'; reason: string };

export interface ReplyExpectation {
  form: EchoForm;
  stan: number;
  tpduLength?: number;
  headerLength?: number;
}

/**
 * Judges one body (the bytes after the length header) as the answer to our echo. Any byte string gets a
 * verdict; none throws. Field 39 is printable text the host chose, so it is checked to be 2 alphanumerics
 * before it is reported.
 */
export function judgeEchoReply(body: Uint8Array, expect: ReplyExpectation): EchoVerdict {
  const parts = unwrap(body, expect.tpduLength ?? 0, expect.headerLength ?? 0);
  if (!parts) return { kind: 'garbled', reason: `reply of ${body.length} bytes is shorter than its TPDU and header` };
  const decoded = decodeMessage(parts.message, encodingOf(expect.form));
  const msg = decoded.ok ? decoded.message : decoded.partial;
  // A reply with a field we have no format for may still have told us the code before it: that is an
  // answer. A reply that is cut short or malformed is garbled, whatever it said before.
  if (!decoded.ok && !(decoded.unknownField && msg.fields.has(11) && msg.fields.has(39))) {
    return { kind: 'garbled', reason: decoded.reason };
  }
  if (msg.mti !== '0810') return { kind: 'wrong-mti', mti: msg.mti };
  const rawCode = msg.fields.get(39);
  const code = typeof rawCode === 'string' && /^[0-9A-Z]{2}$/.test(rawCode) ? rawCode : undefined;
  const expected = formatStan(expect.stan);
  const got = msg.fields.get(11);
  if (got !== expected) return { kind: 'wrong-stan', expected, got: typeof got === 'string' ? got : '', ...(code ? { code } : {}) };
  if (!code) return { kind: 'no-code', mti: msg.mti };
  return { kind: 'answered', code, mti: msg.mti };
}
