/**
 * A byte framer turns a stream of chunks into frames, in whatever pieces the line delivers them. It is
 * pure: no timers, no I/O. Leftover bytes stay inside until the next push. Implementations must bound
 * what they keep (`buffered()` lets the transport enforce a limit) and must never throw on bad bytes:
 * junk becomes a frame of its own kind (e.g. `{kind: 'discarded', bytes}`) or is dropped and counted.
 */
export interface Framer<F> {
  push(chunk: Uint8Array): F[];
  /** Bytes held waiting for the rest of a frame. */
  buffered(): number;
  /** Forgets any partial frame (after a timeout, so late bytes cannot start the next reply). */
  reset(): void;
}
