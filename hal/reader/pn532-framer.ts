/**
 * Incremental PN532 framer, for both directions (the driver reads chip frames with it, the simulator
 * reads host frames). It is fed whatever pieces the line delivers and returns whole frames.
 *
 * - Preamble zeros and the HSU wake-up (55 55 00 …) between frames are skipped silently.
 * - Any other byte between frames is noise and comes out as a `discarded` frame (its bytes counted).
 * - A wrong LCS drops only the start code, so a real frame hidden right after it is still found; a wrong
 *   DCS drops the frame. Both come out as `invalid` frames and count in `stats.checksumErrors`.
 * - A frame is complete at its DCS; the postamble 00 is not waited for (it is skipped as preamble).
 * - Nothing here throws; at most one frame (≤ 275 bytes) is held between pushes.
 */
import type { Framer } from '../transport/framer';
import { MAX_FRAME_BODY, Pn532Frame, TFI_ERROR } from './pn532-codec';

export interface Pn532FramerStats {
  /** Good frames emitted (ACK, NACK, error and data). */
  frames: number;
  /** Frames rejected for a wrong LCS or DCS. */
  checksumErrors: number;
  /** Noise bytes emitted as `discarded` frames (wake-up and preamble bytes are not counted). */
  discardedBytes: number;
}

export class Pn532Framer implements Framer<Pn532Frame> {
  readonly stats: Pn532FramerStats = { frames: 0, checksumErrors: 0, discardedBytes: 0 };
  #buf: Uint8Array = new Uint8Array(0);

  push(chunk: Uint8Array): Pn532Frame[] {
    const out: Pn532Frame[] = [];
    this.#buf = concat(this.#buf, chunk);
    for (;;) {
      const start = findStartCode(this.#buf);
      if (start < 0) {
        // Keep a trailing 00: it may be the first half of the next start code.
        const keep = this.#buf.length > 0 && this.#buf[this.#buf.length - 1] === 0x00 ? 1 : 0;
        this.#between(this.#buf.subarray(0, this.#buf.length - keep), out);
        this.#buf = this.#buf.slice(this.#buf.length - keep);
        return out;
      }
      this.#between(this.#buf.subarray(0, start), out);
      this.#buf = this.#buf.slice(start);
      const taken = this.#frameAtStart(out);
      if (taken === 0) return out; // incomplete: wait for more bytes
      this.#buf = this.#buf.slice(taken);
    }
  }

  buffered(): number {
    return this.#buf.length;
  }

  reset(): void {
    this.#buf = new Uint8Array(0);
  }

  /**
   * `buf` starts with the start code 00 FF. Emits what is there and returns how many bytes it used,
   * or 0 when the frame is not complete yet.
   */
  #frameAtStart(out: Pn532Frame[]): number {
    const b = this.#buf;
    if (b.length < 4) return 0;
    const len = b[2];
    const lcs = b[3];
    if (len === 0x00 && lcs === 0xff) return this.#emit(out, { kind: 'ack' }, 4);
    if (len === 0xff && lcs === 0x00) return this.#emit(out, { kind: 'nack' }, 4);
    let headLen: number;
    let bodyLen: number;
    let extended = false;
    if (len === 0xff && lcs === 0xff) {
      if (b.length < 7) return 0;
      if (((b[4] + b[5] + b[6]) & 0xff) !== 0) return this.#invalid(out, 'lcs', 2);
      bodyLen = (b[4] << 8) | b[5];
      headLen = 7;
      extended = true;
    } else {
      if (((len + lcs) & 0xff) !== 0) return this.#invalid(out, 'lcs', 2);
      bodyLen = len;
      headLen = 4;
    }
    if (bodyLen === 0 || bodyLen > MAX_FRAME_BODY + 1) return this.#invalid(out, 'length', 2);
    const total = headLen + bodyLen + 1; // + DCS
    if (b.length < total) return 0;
    let sum = 0;
    for (let i = headLen; i < total; i++) sum += b[i];
    if ((sum & 0xff) !== 0) return this.#invalid(out, 'dcs', total);
    const tfi = b[headLen];
    if (tfi === TFI_ERROR && bodyLen === 1) return this.#emit(out, { kind: 'error' }, total);
    return this.#emit(out, { kind: 'data', tfi, body: b.slice(headLen + 1, headLen + bodyLen), extended }, total);
  }

  #emit(out: Pn532Frame[], frame: Pn532Frame, used: number): number {
    this.stats.frames++;
    out.push(frame);
    return used;
  }

  #invalid(out: Pn532Frame[], reason: 'lcs' | 'dcs' | 'length', used: number): number {
    this.stats.checksumErrors++;
    out.push({ kind: 'invalid', reason, bytes: this.#buf.slice(0, used) });
    return used;
  }

  /** Bytes between frames: preamble and wake-up are expected; anything else is reported as noise. */
  #between(bytes: Uint8Array, out: Pn532Frame[]): void {
    // Preamble and wake-up bytes around the noise are not noise: trim them off both ends.
    const quiet = (x: number) => x === 0x00 || x === 0x55;
    let from = 0;
    let to = bytes.length;
    while (from < to && quiet(bytes[from])) from++;
    while (to > from && quiet(bytes[to - 1])) to--;
    if (from === to) return;
    this.stats.discardedBytes += to - from;
    out.push({ kind: 'discarded', bytes: bytes.slice(from, to) });
  }
}

function findStartCode(b: Uint8Array): number {
  for (let i = 0; i + 1 < b.length; i++) if (b[i] === 0x00 && b[i + 1] === 0xff) return i;
  return -1;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return Uint8Array.from(b);
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
