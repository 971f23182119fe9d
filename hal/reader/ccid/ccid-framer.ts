/**
 * Incremental CCID-serial framer for both directions (the driver reads the reader's frames with it, the
 * simulator the host's). Fed whatever pieces the line delivers, it returns whole items:
 *
 * - `03 06 …` is a message once dwLength says it is complete; a wrong LRC makes it `invalid` (libccid only
 *   logs a wrong LRC and takes the frame; posdiag refuses it). A dwLength above 261 is `invalid` too, and
 *   only its first byte is dropped, so a real frame right behind it is still found.
 * - `03 15 16` is a NAK; `03 15` followed by anything else is `invalid`.
 * - `50 xx` between frames is a card movement, a single byte 80..FF a time request (ccid_serial.c skips
 *   both at any point where a frame may start).
 * - Anything else where a frame would start comes out as `discarded`.
 *
 * Card data passes through here (READ RECORD answers), so every buffer this framer lets go of is zeroed
 * first. Nothing here throws; at most one frame (≤ 274 bytes) is held between pushes.
 */
import type { Framer } from '../../transport/framer';
import { CcidFrame, CTRL_ACK, CTRL_NAK, HEADER_LEN, lrc, MAX_DATA_LEN, NOTIFY_SLOT_CHANGE, SYNC } from './ccid-codec';

export interface CcidFramerStats {
  frames: number;
  lrcErrors: number;
  discardedBytes: number;
}

export class CcidFramer implements Framer<CcidFrame> {
  readonly stats: CcidFramerStats = { frames: 0, lrcErrors: 0, discardedBytes: 0 };
  #buf: Uint8Array = new Uint8Array(0);

  push(chunk: Uint8Array): CcidFrame[] {
    const out: CcidFrame[] = [];
    this.#append(chunk);
    let at = 0;
    const noise: number[] = [];
    const flushNoise = () => {
      if (noise.length === 0) return;
      this.stats.discardedBytes += noise.length;
      out.push({ kind: 'discarded', bytes: Uint8Array.from(noise) });
      noise.length = 0;
    };
    while (at < this.#buf.length) {
      const b = this.#buf;
      const first = b[at];
      if (first === SYNC) {
        const used = this.#frameAt(at, out, flushNoise);
        if (used === 0) break; // incomplete
        at += used;
      } else if (first === NOTIFY_SLOT_CHANGE) {
        if (at + 1 >= b.length) break;
        flushNoise();
        out.push({ kind: 'movement', present: (b[at + 1] & 0x01) !== 0, state: b[at + 1] });
        at += 2;
      } else if (first >= 0x80) {
        flushNoise();
        out.push({ kind: 'time-request', value: first });
        at += 1;
      } else {
        noise.push(first);
        at += 1;
      }
    }
    flushNoise();
    this.#consume(at);
    return out;
  }

  buffered(): number {
    return this.#buf.length;
  }

  reset(): void {
    this.#buf.fill(0);
    this.#buf = new Uint8Array(0);
  }

  /** A frame starting with SYNC at `at`: the bytes it used, or 0 while incomplete. */
  #frameAt(at: number, out: CcidFrame[], flushNoise: () => void): number {
    const b = this.#buf;
    const left = b.length - at;
    if (left < 2) return 0;
    const ctrl = b[at + 1];
    if (ctrl === CTRL_NAK) {
      if (left < 3) return 0;
      flushNoise();
      if (b[at + 2] === (SYNC ^ CTRL_NAK)) {
        this.stats.frames++;
        out.push({ kind: 'nak' });
        return 3;
      }
      out.push({ kind: 'invalid', reason: 'nak', bytes: b.slice(at, at + 3) });
      return 3;
    }
    if (ctrl !== CTRL_ACK) {
      flushNoise();
      out.push({ kind: 'invalid', reason: 'control', bytes: b.slice(at, at + 1) });
      return 1;
    }
    if (left < 2 + 5) return 0;
    const len = b[at + 3] | (b[at + 4] << 8) | (b[at + 5] << 16) | (b[at + 6] * 0x1000000);
    if (len > MAX_DATA_LEN) {
      flushNoise();
      out.push({ kind: 'invalid', reason: 'length', bytes: b.slice(at, at + 1) });
      return 1;
    }
    const total = 2 + HEADER_LEN + len + 1;
    if (left < total) return 0;
    flushNoise();
    const bytes = b.slice(at, at + total);
    if (lrc(bytes) !== 0) {
      this.stats.lrcErrors++;
      out.push({ kind: 'invalid', reason: 'lrc', bytes });
      return total;
    }
    this.stats.frames++;
    out.push({
      kind: 'message',
      bytes,
      message: { type: bytes[2], slot: bytes[7], seq: bytes[8], b7: bytes[9], b8: bytes[10], b9: bytes[11], data: bytes.subarray(12, 12 + len) },
    });
    return total;
  }

  #append(chunk: Uint8Array): void {
    const next = new Uint8Array(this.#buf.length + chunk.length);
    next.set(this.#buf, 0);
    next.set(chunk, this.#buf.length);
    this.#buf.fill(0);
    this.#buf = next;
  }

  #consume(n: number): void {
    if (n === 0) return;
    const rest = this.#buf.slice(n);
    this.#buf.fill(0);
    this.#buf = rest;
  }
}
