/**
 * A serial line over an injected `@serialport/bindings-interface` binding: the native binding in
 * production, real pseudo-terminals in integration tests, an in-process binding in unit tests.
 *
 * What it guarantees, because device drivers above it rely on it:
 * - a request's deadline is absolute: set once when the request goes out, never extended by bytes that
 *   arrive (an unsolicited-message storm cannot keep a command alive);
 * - the waiter is registered before the bytes are written, so a fast device cannot answer into the void;
 * - after a timeout, late bytes are thrown away until the line has been quiet, so they are never taken
 *   as the next request's reply;
 * - every buffer is bounded; a device streaming without delimiters gets an overflow error, not our memory;
 * - an unplugged device fails the pending request at once with `Transport_Disconnected`;
 * - writes on a closed line fail instead of queueing forever (node-serialport queues writes until a
 *   future open, which never comes);
 * - close is idempotent and leaves no timer or handle behind.
 */
import { EventEmitter } from 'node:events';
import type { BindingInterface } from '@serialport/bindings-interface';
import { SerialPortStream } from '@serialport/stream';
import { ReadlineParser } from '@serialport/parser-readline';
import { Clock, delay, systemClock } from '../clock';
import { HalError, isHalError, openErrorToHalError } from '../errors';
import { OptionSpec, resolveOptions } from '../options';
import type { SerialDeviceConfig } from './serial-config';
import type { Framer } from './framer';
import { DelimiterWatch } from './delimiter-watch';

/** A device's configured line (hal/config.ts), plus what only the opener decides. */
export interface LineSettings extends SerialDeviceConfig {
  /** Take an exclusive lock on the port (default true, as node-serialport does). */
  lock?: boolean;
}

/** Named timing options of a line. Defaults and ranges are in LINE_TIMING. */
export interface LineTiming {
  /** After a timeout, the line must be quiet this long before the next request is written. */
  lateReplyQuietMs: number;
  /** …but a device that never stops talking delays the next request by at most this much. */
  lateReplyDrainMs: number;
  /** A close that the OS does not confirm within this time is forced. */
  closeMs: number;
}

export const LINE_TIMING: OptionSpec<keyof LineTiming> = {
  lateReplyQuietMs: { default: 100, min: 0, max: 5_000 },
  lateReplyDrainMs: { default: 1_000, min: 0, max: 30_000 },
  closeMs: { default: 1_000, min: 10, max: 10_000 },
};

export type Framing<F> =
  | {
      kind: 'lines';
      /** Default "\r\n". Empty lines are never emitted (a ReadlineParser property). */
      delimiter?: string;
      /** Longest line kept; a longer run without a delimiter is an overflow. Default 4096. */
      maxLineBytes?: number;
      /** Default latin1, so every byte survives as one character. */
      encoding?: BufferEncoding;
    }
  | {
      kind: 'frames';
      framer: Framer<F>;
      /** Most bytes the framer may hold waiting for a frame's end. Default 65 536. */
      maxBufferedBytes?: number;
    };

/** What a request makes of one incoming frame. */
export type Verdict<R> =
  | { kind: 'more' } // mine, keep collecting
  | { kind: 'done'; value: R } // mine, and the reply is complete
  | { kind: 'fail'; error: HalError } // mine, and the device said no
  | { kind: 'skip' }; // not mine: goes to the unsolicited channel

export interface RequestOptions<F, R> {
  /** For messages: "AT+CSQ", "GetFirmwareVersion". */
  name: string;
  /** Absolute deadline, from the moment the request goes out. */
  timeoutMs: number;
  accept(frame: F): Verdict<R>;
  signal?: AbortSignal;
}

export interface LineStats {
  rxBytes: number;
  txBytes: number;
  /** Bytes thrown away: late replies after a timeout, and the tail of an overlong line. */
  discardedBytes: number;
  overflows: number;
  timeouts: number;
}

export interface OpenLineOptions<F> {
  binding: BindingInterface;
  settings: LineSettings;
  framing: Framing<F>;
  timing?: Partial<LineTiming>;
  clock?: Clock;
}

type LineState = 'open' | 'disconnected' | 'closed';

interface Active<F> {
  name: string;
  accept(frame: F): Verdict<unknown>;
  resolve(value: unknown): void;
  reject(err: unknown): void;
  timer: unknown;
  cleanup(): void;
}

export class SerialLine<F = string> {
  readonly path: string;
  readonly stats: LineStats = { rxBytes: 0, txBytes: 0, discardedBytes: 0, overflows: 0, timeouts: 0 };
  #state: LineState = 'open';
  #active: Active<F> | null = null;
  #tail: Promise<void> = Promise.resolve();
  #draining = false;
  #lastRxAt = 0;
  #closing: Promise<void> | null = null;
  readonly #life = new AbortController();
  readonly #events = new EventEmitter();
  readonly #port: SerialPortStream;
  readonly #framing: Framing<F>;
  readonly #timing: LineTiming;
  readonly #clock: Clock;
  #lineParser: ReadlineParser | null = null;
  /** Bytes since the last complete delimiter: what the line bound counts. */
  #delimiterWatch: DelimiterWatch | null = null;
  #skippingToDelimiter = false;

  static async open<F = string>(options: OpenLineOptions<F>): Promise<SerialLine<F>> {
    const { settings } = options;
    const timing = resolveTiming(options.timing);
    let port: SerialPortStream;
    try {
      port = new SerialPortStream({
        binding: options.binding,
        path: settings.path,
        baudRate: settings.baudRate,
        dataBits: settings.dataBits ?? 8,
        parity: settings.parity ?? 'none',
        stopBits: settings.stopBits ?? 1,
        rtscts: settings.rtscts ?? false,
        xon: settings.xon ?? false,
        xoff: settings.xoff ?? false,
        lock: settings.lock ?? true,
        autoOpen: false,
      });
    } catch (err) {
      // node-serialport names the bad field in its TypeError ("baudRate" must be a number …).
      throw new HalError('Config_Invalid', `serial settings for ${settings.path}: ${(err as Error).message}`, { path: settings.path }, { cause: err });
    }
    await new Promise<void>((resolve, reject) => {
      port.open((err) => (err ? reject(openErrorToHalError(err, settings.path)) : resolve()));
    });
    return new SerialLine<F>(port, options.framing, timing, options.clock ?? systemClock, settings.path);
  }

  private constructor(port: SerialPortStream, framing: Framing<F>, timing: LineTiming, clock: Clock, path: string) {
    this.#port = port;
    this.#framing = framing;
    this.#timing = timing;
    this.#clock = clock;
    this.path = path;
    if (framing.kind === 'lines') {
      this.#lineParser = this.#newLineParser();
      this.#delimiterWatch = new DelimiterWatch(Buffer.from(framing.delimiter ?? '\r\n', 'latin1'));
    }
    port.on('data', (chunk: Buffer) => this.#onChunk(chunk));
    port.on('close', (err?: { disconnected?: boolean }) => this.#onPortClosed(err));
    // node-serialport reports EIO on a write after the peer vanished as an 'error' event; without a
    // listener that would crash the process.
    port.on('error', (err: Error) => this.#handleDisconnect(err));
  }

  get isOpen(): boolean {
    return this.#state === 'open';
  }

  /** Bytes held waiting for a line or frame end: what the bounded-buffer guarantee is about. */
  bufferedBytes(): number {
    if (this.#framing.kind === 'frames') return this.#framing.framer.buffered();
    return this.#lineParser?.buffer.length ?? 0;
  }

  /** Frames that no request claimed: URCs, card-present notices, ASB status. */
  onUnsolicited(listener: (frame: F) => void): () => void {
    this.#events.on('unsolicited', listener);
    return () => this.#events.off('unsolicited', listener);
  }

  /** Called once when the device goes away (not on our own close). */
  onDisconnect(listener: (err: HalError) => void): () => void {
    this.#events.on('disconnect', listener);
    return () => this.#events.off('disconnect', listener);
  }

  /** Writes and waits until the bytes have left (drain). */
  async write(bytes: Uint8Array | string): Promise<void> {
    this.#assertUsable();
    const buf = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    await new Promise<void>((resolve, reject) => {
      const fail = (err: unknown) => reject(this.#state === 'open' ? this.#asDisconnect(err) : this.#unusableError());
      this.#port.write(buf, (err) => {
        if (err) return fail(err);
        this.stats.txBytes += buf.length;
        this.#port.drain((err2) => (err2 ? fail(err2) : resolve()));
      });
    });
  }

  /**
   * Sets modem-control lines (e.g. RTS low, which libccid does so that a serial chip reader does not send
   * its plug-and-play string). A pseudo-terminal has no such lines and the ioctl fails with ENOTTY
   * ("Inappropriate ioctl for device"): that is reported as false, not thrown. Other failures throw.
   */
  async setSignals(flags: { rts?: boolean; dtr?: boolean }): Promise<boolean> {
    this.#assertUsable();
    return new Promise<boolean>((resolve, reject) => {
      this.#port.set(flags, (err) => {
        if (!err) return resolve(true);
        // A line without control lines: a PTY says ENOTTY; under qemu-user emulation (an arm64 build checked on
        // an x64 machine) the same ioctl is ENOSYS. Neither is a fault of the line.
        if (/ENOTTY|Inappropriate ioctl|ENOSYS|Function not implemented/i.test(`${(err as NodeJS.ErrnoException).code ?? ''} ${err.message}`))
          return resolve(false);
        reject(new HalError('Transport_OpenFailed', `cannot set the control lines of ${this.path}: ${err.message}`, { path: this.path }, { cause: err }));
      });
    });
  }

  /**
   * Sends `out` (or nothing, to wait for a frame) and collects frames until `accept` says done or fail,
   * or the deadline passes. Requests are served one at a time, in call order.
   */
  async request<R>(out: Uint8Array | string | null, options: RequestOptions<F, R>): Promise<R> {
    this.#assertUsable();
    const release = await this.#takeTurn();
    try {
      await this.#settleLateReplies();
      this.#assertUsable();
      if (options.signal?.aborted) throw abortError(options.name, options.signal);
      return await new Promise<R>((resolve, reject) => {
        const onAbort = () => this.#finish(active, abortError(options.name, options.signal));
        const active: Active<F> = {
          name: options.name,
          accept: options.accept,
          resolve: resolve as (v: unknown) => void,
          reject,
          timer: undefined,
          cleanup: () => options.signal?.removeEventListener('abort', onAbort),
        };
        this.#active = active; // registered before the write: a fast reply finds its waiter
        active.timer = this.#clock.setTimeout(() => {
          this.stats.timeouts++;
          this.#draining = true;
          // Quiet is counted from the timeout too: a device that was silent until now may still answer late.
          this.#lastRxAt = Math.max(this.#lastRxAt, this.#clock.now());
          this.#resetFraming();
          this.#finish(
            active,
            new HalError('Transport_Timeout', `${options.name}: no complete reply from ${this.path} within ${options.timeoutMs} ms`, {
              path: this.path,
              request: options.name,
              timeoutMs: options.timeoutMs,
            }),
          );
        }, options.timeoutMs);
        options.signal?.addEventListener('abort', onAbort, { once: true });
        if (out !== null) this.write(out).catch((err) => this.#finish(active, err));
      });
    } finally {
      release();
    }
  }

  /** Idempotent; fails whatever is pending with `Transport_Closed`. */
  close(): Promise<void> {
    if (this.#closing) return this.#closing;
    this.#state = 'closed';
    const error = new HalError('Transport_Closed', `serial line ${this.path} was closed`, { path: this.path });
    this.#failActive(error);
    if (!this.#life.signal.aborted) this.#life.abort(error);
    this.#lineParser?.destroy();
    this.#closing = new Promise<void>((resolve) => {
      if (!this.#port.isOpen) {
        this.#port.destroy();
        return resolve();
      }
      let forced: unknown;
      const done = () => {
        this.#clock.clearTimeout(forced);
        this.#port.destroy();
        resolve();
      };
      // Closing can hang on some drivers after a stuck write; never let that hold the caller.
      forced = this.#clock.setTimeout(done, this.#timing.closeMs);
      this.#port.close(() => done());
    }).then(() => {
      this.#events.removeAllListeners();
    });
    return this.#closing;
  }

  // --- incoming bytes -------------------------------------------------------------------------

  #onChunk(chunk: Buffer): void {
    this.stats.rxBytes += chunk.length;
    this.#lastRxAt = this.#clock.now();
    if (this.#draining && !this.#active) {
      this.stats.discardedBytes += chunk.length;
      return;
    }
    if (this.#framing.kind === 'lines') this.#feedLines(chunk);
    else this.#feedFrames(chunk, this.#framing);
  }

  #feedFrames(chunk: Buffer, framing: Extract<Framing<F>, { kind: 'frames' }>): void {
    let frames: F[];
    try {
      frames = framing.framer.push(chunk);
    } catch (err) {
      // A framer must not throw; if one does, the bytes are garbage to us, not a crash.
      framing.framer.reset();
      this.#failActive(new HalError('Transport_Garbled', `framer rejected bytes from ${this.path}: ${(err as Error).message}`, { path: this.path }));
      return;
    }
    for (const frame of frames) this.#deliver(frame);
    const limit = framing.maxBufferedBytes ?? 65_536;
    if (framing.framer.buffered() > limit) {
      this.stats.overflows++;
      this.stats.discardedBytes += framing.framer.buffered();
      framing.framer.reset();
      this.#failActive(this.#overflowError(limit));
    }
  }

  #feedLines(chunk: Buffer): void {
    const framing = this.#framing as Extract<Framing<F>, { kind: 'lines' }>;
    const limit = framing.maxLineBytes ?? 4096;
    const watch = this.#delimiterWatch!;
    if (this.#skippingToDelimiter) {
      // The tail of an overlong line is not a line: drop everything up to the next complete delimiter.
      const end = watch.push(chunk);
      if (end < 0) {
        this.stats.discardedBytes += chunk.length;
        return;
      }
      this.stats.discardedBytes += end;
      this.#skippingToDelimiter = false;
      watch.reset();
      return this.#feedLines(chunk.subarray(end));
    }
    watch.push(chunk);
    if (watch.since > limit) {
      this.stats.overflows++;
      this.stats.discardedBytes += watch.since;
      // Keep the watch's carry: a delimiter split across this chunk and the next still ends the skip.
      this.#skippingToDelimiter = true;
      this.#lineParser?.destroy();
      this.#lineParser = this.#newLineParser();
      this.#failActive(this.#overflowError(limit));
      return;
    }
    this.#lineParser?.write(chunk);
  }

  #newLineParser(): ReadlineParser {
    const framing = this.#framing as Extract<Framing<F>, { kind: 'lines' }>;
    const parser = new ReadlineParser({ delimiter: framing.delimiter ?? '\r\n', encoding: framing.encoding ?? 'latin1' });
    parser.on('data', (line: string) => {
      if (parser === this.#lineParser) this.#deliver(line as unknown as F);
    });
    return parser;
  }

  #deliver(frame: F): void {
    const active = this.#active;
    if (!active) {
      if (this.#draining) return; // a late reply: never anyone's answer
      this.#events.emit('unsolicited', frame);
      return;
    }
    let verdict: Verdict<unknown>;
    try {
      verdict = active.accept(frame);
    } catch (err) {
      verdict = {
        kind: 'fail',
        error: isHalError(err)
          ? err
          : new HalError('Transport_Garbled', `${active.name}: reply not understood: ${(err as Error).message}`, { path: this.path }),
      };
    }
    switch (verdict.kind) {
      case 'more':
        return;
      case 'skip':
        this.#events.emit('unsolicited', frame);
        return;
      case 'done':
        return this.#finish(active, null, verdict.value);
      case 'fail':
        return this.#finish(active, verdict.error);
    }
  }

  // --- request bookkeeping ----------------------------------------------------------------------

  #finish(active: Active<F>, err: unknown, value?: unknown): void {
    if (this.#active !== active) return;
    this.#active = null;
    this.#clock.clearTimeout(active.timer);
    active.cleanup();
    if (err) active.reject(err);
    else active.resolve(value);
  }

  #failActive(err: HalError): void {
    if (this.#active) this.#finish(this.#active, err);
  }

  #takeTurn(): Promise<() => void> {
    let release!: () => void;
    const mine = new Promise<void>((r) => (release = r));
    const previous = this.#tail;
    this.#tail = previous.then(() => mine);
    return previous.then(() => release);
  }

  /** After a timeout: wait for quiet (bounded), then forget every partial frame. */
  async #settleLateReplies(): Promise<void> {
    if (!this.#draining) return;
    const start = this.#clock.now();
    const { lateReplyQuietMs: quiet, lateReplyDrainMs: most } = this.#timing;
    for (;;) {
      const now = this.#clock.now();
      const quietFor = now - this.#lastRxAt;
      const spent = now - start;
      if (quietFor >= quiet || spent >= most) break;
      try {
        await delay(this.#clock, Math.max(1, Math.min(quiet - quietFor, most - spent)), this.#life.signal);
      } catch {
        break; // closed or disconnected while waiting; the caller's assertUsable says which
      }
    }
    this.#draining = false;
    this.#resetFraming();
  }

  #resetFraming(): void {
    if (this.#framing.kind === 'frames') this.#framing.framer.reset();
    else {
      this.#lineParser?.destroy();
      this.#lineParser = this.#newLineParser();
      this.#delimiterWatch?.reset();
      this.#skippingToDelimiter = false;
    }
  }

  #onPortClosed(err?: { disconnected?: boolean }): void {
    this.#handleDisconnect(err ?? new Error('port closed by the system'));
  }

  #handleDisconnect(cause: unknown): void {
    if (this.#state !== 'open') return;
    this.#state = 'disconnected';
    const error = new HalError('Transport_Disconnected', `serial device ${this.path} disconnected`, { path: this.path }, { cause });
    this.#failActive(error);
    this.#life.abort(error);
    this.#events.emit('disconnect', error);
  }

  #assertUsable(): void {
    if (this.#state !== 'open') throw this.#unusableError();
  }

  #unusableError(): HalError {
    return this.#state === 'disconnected'
      ? new HalError('Transport_Disconnected', `serial device ${this.path} disconnected`, { path: this.path })
      : new HalError('Transport_Closed', `serial line ${this.path} is closed`, { path: this.path });
  }

  #asDisconnect(err: unknown): HalError {
    this.#handleDisconnect(err);
    return this.#unusableError();
  }

  #overflowError(limit: number): HalError {
    return new HalError('Transport_Overflow', `${this.path} sent more than ${limit} bytes without a frame end`, { path: this.path, limit });
  }
}

function abortError(name: string, signal?: AbortSignal): HalError {
  const reason = signal?.reason;
  if (isHalError(reason)) return reason;
  return new HalError('Transport_Timeout', `${name}: aborted (${reason instanceof Error ? reason.message : 'budget spent'})`, { request: name });
}

export function resolveTiming(partial: Partial<LineTiming> = {}): LineTiming {
  return resolveOptions(LINE_TIMING, partial, 'timing.');
}
