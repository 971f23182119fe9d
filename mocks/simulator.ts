/**
 * The base of every device simulator. A subclass speaks one device's protocol in `onHostBytes` and
 * answers with `reply`; this base applies the line-level faults, paces bytes at the baud rate, keeps
 * a log of what the host sent, and lets a test override behaviour for one case.
 *
 * A simulator does not know what wire it is on: `attach` takes a SimLink, which is either the far end
 * of a real pseudo-terminal pair (mocks/pty-attach.ts) or an in-process port (mocks/in-process-binding.ts).
 */
import { randomBytes } from 'node:crypto';
import { Clock, delay, systemClock } from '../hal/clock';

/** The simulator's end of a wire. */
export interface SimLink {
  write(bytes: Buffer): void | Promise<void>;
  onData(listener: (chunk: Buffer) => void): void;
  /** The line dies as if the device were pulled out. */
  unplug(): void;
  close(): Promise<void>;
}

/** Line-level faults every simulator supports; device faults (no-sim, paper-out) live in subclasses. */
export interface LineFaults {
  /** Never answer. */
  silent?: boolean;
  /** Answer with line noise of the same length instead of the reply. */
  garbage?: boolean;
  /** Hold every reply this long before it starts to go out. */
  delayMs?: number;
  /** Send replies in pieces of this many bytes, a tick apart. */
  splitBytes?: number;
  /** Collect replies for this long and send them as one chunk. */
  mergeWindowMs?: number;
  /** On the first bytes from the host, stream this many bytes with no delimiter in them. */
  streamWithoutDelimiter?: number;
  /** Send half of the next reply, then pull the plug. */
  unplugMidReply?: boolean;
}

export interface SimulatorOptions {
  /** Pace output at this baud rate (8N1: ten bits a byte). Unset: as fast as the wire takes it. */
  baudRate?: number;
  faults?: LineFaults;
  clock?: Clock;
}

/** Returns true when it handled the bytes; false lets the simulator's own behaviour run. */
export type Override = (chunk: Buffer, sim: DeviceSimulator) => boolean;

export abstract class DeviceSimulator {
  /** Every chunk the host sent, in order. */
  readonly received: Buffer[] = [];
  faults: LineFaults;
  protected readonly clock: Clock;
  private link: SimLink | null = null;
  private readonly overrides: Override[] = [];
  private outChain: Promise<void> = Promise.resolve();
  private mergeBuffer: Buffer[] = [];
  private mergeTimer: unknown = null;
  private streamed = false;
  private unplugged = false;
  private readonly stopped = new AbortController();

  constructor(private readonly options: SimulatorOptions = {}) {
    this.faults = { ...(options.faults ?? {}) };
    this.clock = options.clock ?? systemClock;
  }

  /** The device's own protocol: parse what the host sent, answer with `reply`. */
  protected abstract onHostBytes(chunk: Buffer): void;

  attach(link: SimLink): void {
    this.link = link;
    link.onData((chunk) => this.receive(chunk));
  }

  /** Per-test behaviour; the newest override is asked first. Returns a function that removes it. */
  override(handler: Override): () => void {
    this.overrides.unshift(handler);
    return () => {
      const i = this.overrides.indexOf(handler);
      if (i >= 0) this.overrides.splice(i, 1);
    };
  }

  receivedBytes(): Buffer {
    return Buffer.concat(this.received);
  }

  /** Sends bytes to the host, through the faults and the pacing. Order is kept. */
  reply(bytes: Buffer | string): void {
    const buf = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes;
    if (this.faults.silent || this.unplugged) return;
    if (this.faults.mergeWindowMs) {
      this.mergeBuffer.push(buf);
      if (!this.mergeTimer) {
        this.mergeTimer = this.clock.setTimeout(() => {
          this.mergeTimer = null;
          const merged = Buffer.concat(this.mergeBuffer);
          this.mergeBuffer = [];
          this.enqueue(merged);
        }, this.faults.mergeWindowMs);
      }
      return;
    }
    this.enqueue(buf);
  }

  /** Pulls the plug now. */
  unplug(): void {
    if (this.unplugged) return;
    this.unplugged = true;
    this.link?.unplug();
  }

  /** Stops pending output and timers; the link is closed by whoever opened it. */
  stop(): void {
    this.stopped.abort();
    if (this.mergeTimer) this.clock.clearTimeout(this.mergeTimer);
    this.mergeTimer = null;
  }

  /** Resolves when everything queued so far has gone out. */
  flushed(): Promise<void> {
    return this.outChain;
  }

  private receive(chunk: Buffer): void {
    this.received.push(Buffer.from(chunk));
    if (this.faults.streamWithoutDelimiter && !this.streamed) {
      this.streamed = true;
      this.streamNoise(this.faults.streamWithoutDelimiter);
    }
    for (const handler of this.overrides) if (handler(chunk, this)) return;
    this.onHostBytes(chunk);
  }

  private streamNoise(total: number): void {
    const piece = Buffer.alloc(4096, 0x41); // 'A', no CR, no LF, no frame start
    for (let left = total; left > 0; left -= piece.length) this.enqueue(piece.subarray(0, Math.min(piece.length, left)));
  }

  private enqueue(buf: Buffer): void {
    this.outChain = this.outChain.then(() => this.send(buf)).catch(() => undefined);
  }

  private async send(buf: Buffer): Promise<void> {
    const signal = this.stopped.signal;
    if (signal.aborted || this.unplugged || this.faults.silent) return;
    if (this.faults.delayMs) await delay(this.clock, this.faults.delayMs, signal);
    const out = this.faults.garbage ? randomBytes(buf.length) : buf;
    if (this.faults.unplugMidReply) {
      await this.paced(out.subarray(0, Math.max(1, out.length >> 1)), signal);
      this.unplug();
      return;
    }
    await this.paced(out, signal);
  }

  /** Writes in pieces so that the host sees bytes at the rate a real line of this baud would carry. */
  private async paced(buf: Buffer, signal: AbortSignal): Promise<void> {
    const link = this.link;
    if (!link) return;
    const baud = this.options.baudRate;
    const piece = this.faults.splitBytes ?? (baud ? Math.max(1, Math.round(baud / 10 / 500)) : buf.length); // ~2 ms of bytes
    const byteMs = baud ? 10_000 / baud : 0;
    const start = this.clock.now();
    for (let sent = 0; sent < buf.length;) {
      if (signal.aborted || this.unplugged) return;
      const part = buf.subarray(sent, sent + piece);
      await link.write(part);
      sent += part.length;
      if (sent >= buf.length) break;
      const due = start + sent * byteMs - this.clock.now();
      if (due > 0) await delay(this.clock, due, signal);
      else if (this.faults.splitBytes) await new Promise<void>((r) => setImmediate(r)); // let the host read each piece apart
    }
    // The last byte is on the wire only after its own bit times.
    if (byteMs > 0) {
      const due = start + buf.length * byteMs - this.clock.now();
      if (due > 0) await delay(this.clock, due, signal);
    }
  }
}
