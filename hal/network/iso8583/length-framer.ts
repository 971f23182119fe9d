/**
 * Cuts a TCP byte stream into bodies by their 2-byte big-endian length. Pure, never throws, bounded:
 * a length above `maxBodyBytes` cannot be trusted (the stream is not ISO 8583 with this header, or is out
 * of step), so everything held is handed back as one discarded chunk and reading starts afresh.
 */
import type { Framer } from '../../transport/framer';

export type LengthFrame = { kind: 'body'; bytes: Uint8Array } | { kind: 'discarded'; bytes: Uint8Array; reason: string };

export interface LengthFramerOptions {
  /** Largest body accepted. Default 4096 bytes (an 0810 is well under 200); range 16–65535. */
  maxBodyBytes?: number;
}

export class LengthPrefixFramer implements Framer<LengthFrame> {
  #held = new Uint8Array(0);
  readonly #max: number;

  constructor(options: LengthFramerOptions = {}) {
    this.#max = Math.min(0xffff, Math.max(16, options.maxBodyBytes ?? 4096));
  }

  push(chunk: Uint8Array): LengthFrame[] {
    const joined = new Uint8Array(this.#held.length + chunk.length);
    joined.set(this.#held);
    joined.set(chunk, this.#held.length);
    const frames: LengthFrame[] = [];
    let pos = 0;
    while (joined.length - pos >= 2) {
      const length = (joined[pos] << 8) | joined[pos + 1];
      if (length === 0 || length > this.#max) {
        frames.push({ kind: 'discarded', bytes: joined.slice(pos), reason: length === 0 ? 'zero length' : `length ${length} over ${this.#max}` });
        pos = joined.length;
        break;
      }
      if (joined.length - pos - 2 < length) break;
      frames.push({ kind: 'body', bytes: joined.slice(pos + 2, pos + 2 + length) });
      pos += 2 + length;
    }
    this.#held = joined.slice(pos);
    return frames;
  }

  buffered(): number {
    return this.#held.length;
  }

  reset(): void {
    this.#held = new Uint8Array(0);
  }
}
