/**
 * MSR605 / MSR206 magstripe reader-writer protocol (MSR605 Programmer's Manual rev B; libmsr msr206.h).
 * Every command is ESC + one byte; replies start with ESC too but carry no length, so a reply can only
 * be cut out of the byte stream by knowing which command it answers. This file holds, per command, a
 * pure decoder over the bytes received so far: "need more", "here is the reply and its length", or
 * "this is not such a reply". Pure: no I/O, no timers.
 *
 * Card data: an ISO read reply holds track data. The decoder keeps it only long enough to judge each
 * track and to pull out the masked card number; nothing here returns or prints a track.
 */
import { maskPan } from './card-mask';

export const ESC = 0x1b;

export const Msr605Cmd = {
  Reset: 0x61, // no reply
  CommunicationTest: 0x65, // → 1B 79
  SensorTest: 0x86, // → 1B 30 when a card is swiped; blocks
  RamTest: 0x87, // → 1B 30 ok, 1B 41 fail
  AllLedsOff: 0x81,
  AllLedsOn: 0x82,
  GetModel: 0x74, // → 1B <model> 53
  GetFirmware: 0x76, // → 1B + 8 chars "REV?X.XX"
  ReadIso: 0x72, // → 1B 73 1B 01 <t1> 1B 02 <t2> 1B 03 <t3> 3F 1C 1B <status>; blocks until a swipe
} as const;

/** The status byte after ESC (manual "Status byte"). */
export const MSR605_STATUS: Readonly<Record<number, string>> = {
  0x30: 'ok',
  0x31: 'read/write error',
  0x32: 'command format error',
  0x34: 'invalid command',
  0x39: 'invalid card swipe in write mode',
  0x41: 'set or RAM test failed',
};

export function command(cmd: number): Uint8Array {
  return Uint8Array.of(ESC, cmd);
}

export type Decoded<T> = { kind: 'more' } | { kind: 'done'; value: T; used: number } | { kind: 'bad'; reason: string };

/** Index of the first ESC: anything before it is noise and is skipped by every decoder. */
function escAt(b: Uint8Array): number {
  return b.indexOf(ESC);
}

/** `1B 79`. */
export function decodeCommTest(b: Uint8Array): Decoded<true> {
  const at = escAt(b);
  if (at < 0 || b.length < at + 2) return { kind: 'more' };
  return b[at + 1] === 0x79 ? { kind: 'done', value: true, used: at + 2 } : { kind: 'bad', reason: `expected 1B 79, got 1B ${hex(b[at + 1])}` };
}

/** `1B <status>`: for the RAM test, erase, set-BPI and the like. */
export function decodeStatus(b: Uint8Array): Decoded<number> {
  const at = escAt(b);
  if (at < 0 || b.length < at + 2) return { kind: 'more' };
  return { kind: 'done', value: b[at + 1], used: at + 2 };
}

/** `1B <model> 53`: the model is one ASCII character ('3' on an MSR605). */
export function decodeModel(b: Uint8Array): Decoded<string> {
  const at = escAt(b);
  if (at < 0 || b.length < at + 3) return { kind: 'more' };
  if (b[at + 2] !== 0x53) return { kind: 'bad', reason: `model reply does not end in 'S': ${hex(b[at + 2])}` };
  return { kind: 'done', value: printable(b.subarray(at + 1, at + 2)), used: at + 3 };
}

/** `1B` + 8 characters "REV?X.XX". */
export function decodeFirmware(b: Uint8Array): Decoded<string> {
  const at = escAt(b);
  if (at < 0 || b.length < at + 9) return { kind: 'more' };
  const text = printable(b.subarray(at + 1, at + 9));
  if (!text.startsWith('REV')) return { kind: 'bad', reason: `firmware reply does not start with REV: ${text}` };
  return { kind: 'done', value: text, used: at + 9 };
}

export type TrackStatus = 'ok' | 'empty' | 'error';

/** What a swipe told us, with no card data in it. */
export interface SwipeResult {
  /** The status byte after the data block (0x30 ok). */
  status: number;
  tracks: [TrackStatus, TrackStatus, TrackStatus];
  /** First 6 / last 4 of the card number when a track held one; never more. */
  maskedPan?: string;
}

/**
 * ISO read reply. The data block ends with `3F 1C` (FS never occurs in ISO track characters), then
 * `1B <status>`. A bare `1B <status>` (no `1B 73`) is an error without data.
 */
export function decodeIsoRead(b: Uint8Array): Decoded<SwipeResult> {
  const at = escAt(b);
  if (at < 0 || b.length < at + 2) return { kind: 'more' };
  if (b[at + 1] !== 0x73) return { kind: 'done', value: { status: b[at + 1], tracks: ['error', 'error', 'error'] }, used: at + 2 };
  let end = -1;
  for (let i = at + 2; i + 3 < b.length; i++) {
    if (b[i] === 0x3f && b[i + 1] === 0x1c && b[i + 2] === ESC) {
      end = i;
      break;
    }
  }
  if (end < 0) return { kind: 'more' };
  const block = b.subarray(at + 2, end);
  const value = judgeTracks(block, b[end + 3]);
  return { kind: 'done', value, used: end + 4 };
}

/**
 * Splits the data block `1B 01 <t1> 1B 02 <t2> 1B 03 <t3>` and judges each track by its sentinels:
 * track 1 `%…?`, tracks 2 and 3 `;…?`. A track whose marker is missing counts as empty.
 */
export function judgeTracks(block: Uint8Array, status: number): SwipeResult {
  const data: Array<Uint8Array | null> = [null, null, null];
  let current = -1;
  let from = 0;
  for (let i = 0; i <= block.length; i++) {
    const marker = i + 1 < block.length && block[i] === ESC && block[i + 1] >= 1 && block[i + 1] <= 3;
    if (i === block.length || marker) {
      if (current >= 0) data[current] = block.subarray(from, i);
      if (marker) {
        current = block[i + 1] - 1;
        from = i + 2;
        i++;
      }
    }
  }
  const tracks = data.map((d, n) => judgeTrack(d, n === 0 ? 0x25 : 0x3b)) as [TrackStatus, TrackStatus, TrackStatus];
  const maskedPan = panFrom(data[1], 0x3b, 0x3d) ?? panFrom(data[0], 0x25, 0x5e);
  return maskedPan ? { status, tracks, maskedPan } : { status, tracks };
}

function judgeTrack(d: Uint8Array | null, startSentinel: number): TrackStatus {
  if (!d || d.length === 0) return 'empty';
  const ok = d[0] === startSentinel && d.indexOf(0x3f) > 1;
  return ok ? 'ok' : 'error';
}

/** Track 2 `;PAN=…`, track 1 `%B PAN ^…`: the digits up to the separator, masked at once. */
function panFrom(d: Uint8Array | null, startSentinel: number, separator: number): string | undefined {
  if (!d || d[0] !== startSentinel) return undefined;
  let i = 1;
  if (startSentinel === 0x25 && d[1] === 0x42) i = 2; // format code 'B'
  let digits = '';
  for (; i < d.length && d[i] !== separator; i++) {
    if (d[i] < 0x30 || d[i] > 0x39) return undefined;
    digits += String.fromCharCode(d[i]);
  }
  if (i >= d.length) return undefined;
  return maskPan(digits) ?? undefined;
}

function printable(b: Uint8Array): string {
  return Array.from(b, (c) => (c >= 0x20 && c < 0x7f ? String.fromCharCode(c) : '?')).join('');
}

function hex(n: number | undefined): string {
  return n === undefined ? '--' : n.toString(16).toUpperCase().padStart(2, '0');
}
