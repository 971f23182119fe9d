/**
 * MSR605 driver over a SerialLine (9600 8N1). MSR605 replies have no length or delimiter, so the line
 * hands over raw chunks and each request cuts its own reply out of them with the decoder for the command
 * it sent (msr605-codec.ts).
 *
 * The read command blocks inside the device until a card is swiped; the only way to stop it is a reset
 * (ESC a). The swipe test therefore resets at its deadline, so the device is idle again afterwards.
 */
import type { BindingInterface } from '@serialport/bindings-interface';
import { Clock, delay, systemClock } from '../clock';
import type { SerialLineConfig } from '../transport/serial-config';
import { OptionSpec, resolveOptions } from '../options';
import { HalError, isHalError } from '../errors';
import type { Framer } from '../transport/framer';
import { SerialLine } from '../transport/serial-line';
import { command, Decoded, decodeCommTest, decodeFirmware, decodeIsoRead, decodeModel, decodeStatus, Msr605Cmd, SwipeResult } from './msr605-codec';

export interface Msr605Timing {
  /** Reply to an ordinary command (comm test, model, firmware). */
  commandTimeoutMs: number;
  /** Reply to the RAM test. */
  ramTestTimeoutMs: number;
  /** Pause after a reset, which has no reply, before the next command (jmaxxz/msr605 waits 100 ms). */
  resetSettleMs: number;
}

export const MSR605_TIMING: OptionSpec<keyof Msr605Timing> = {
  commandTimeoutMs: { default: 1000, min: 50, max: 10_000 },
  ramTestTimeoutMs: { default: 3000, min: 100, max: 10_000 },
  resetSettleMs: { default: 100, min: 0, max: 2_000 },
};

/** Longest reply kept while waiting for its end: three full tracks plus markers fit well within. */
const MAX_REPLY_BYTES = 1024;

/** Hands each chunk on as it came; MSR605 replies are cut out by the request that expects them. */
export class ChunkFramer implements Framer<Uint8Array> {
  push(chunk: Uint8Array): Uint8Array[] {
    return chunk.length ? [Uint8Array.from(chunk)] : [];
  }
  buffered(): number {
    return 0;
  }
  reset(): void {}
}

export interface Msr605OpenOptions {
  binding: BindingInterface;
  path: string;
  baudRate?: number;
  clock?: Clock;
  timing?: Partial<Msr605Timing>;
  /** Parity, stop bits, flow control from the device's configuration; default 8N1 without flow control. */
  line?: SerialLineConfig;
}

export class Msr605 {
  private constructor(
    readonly line: SerialLine<Uint8Array>,
    private readonly clock: Clock,
    readonly timing: Msr605Timing,
  ) {}

  static async open(options: Msr605OpenOptions): Promise<Msr605> {
    const timing = resolveMsr605Timing(options.timing);
    const clock = options.clock ?? systemClock;
    const line = await SerialLine.open<Uint8Array>({
      binding: options.binding,
      settings: { ...options.line, path: options.path, baudRate: options.baudRate ?? 9600 },
      framing: { kind: 'frames', framer: new ChunkFramer() },
      clock,
    });
    return new Msr605(line, clock, timing);
  }

  /** ESC a: stops whatever the device is doing; it answers nothing. */
  async reset(signal?: AbortSignal): Promise<void> {
    await this.line.write(command(Msr605Cmd.Reset));
    if (this.timing.resetSettleMs > 0) await delay(this.clock, this.timing.resetSettleMs, signal);
  }

  /** ESC e → ESC y. */
  async communicationTest(signal?: AbortSignal): Promise<void> {
    await this.#ask(Msr605Cmd.CommunicationTest, decodeCommTest, 'MSR605 communication test', this.timing.commandTimeoutMs, signal);
  }

  /** ESC 0x87 → the status byte: 0x30 ok, 0x41 failed. */
  ramTest(signal?: AbortSignal): Promise<number> {
    return this.#ask(Msr605Cmd.RamTest, decodeStatus, 'MSR605 RAM test', this.timing.ramTestTimeoutMs, signal);
  }

  model(signal?: AbortSignal): Promise<string> {
    return this.#ask(Msr605Cmd.GetModel, decodeModel, 'MSR605 get model', this.timing.commandTimeoutMs, signal);
  }

  firmware(signal?: AbortSignal): Promise<string> {
    return this.#ask(Msr605Cmd.GetFirmware, decodeFirmware, 'MSR605 get firmware', this.timing.commandTimeoutMs, signal);
  }

  /**
   * Arms an ISO read and waits for a swipe until `windowMs` (absolute) has passed; then resets the device
   * and returns null. The result carries per-track status and a masked card number, never track data.
   */
  async readSwipe(windowMs: number, signal?: AbortSignal): Promise<SwipeResult | null> {
    try {
      return await this.#ask(Msr605Cmd.ReadIso, decodeIsoRead, 'MSR605 swipe (ISO read)', windowMs, signal, true);
    } catch (err) {
      if (!isHalError(err, 'Transport_Timeout') || signal?.aborted) throw err;
      await this.reset().catch(() => undefined);
      return null;
    }
  }

  close(): Promise<void> {
    return this.line.close();
  }

  #ask<T>(cmd: number, decode: (b: Uint8Array) => Decoded<T>, name: string, timeoutMs: number, signal?: AbortSignal, holdsCardData = false): Promise<T> {
    let acc = new Uint8Array(0);
    return this.line.request<T>(command(cmd), {
      name,
      timeoutMs,
      signal,
      accept: (chunk) => {
        const next = new Uint8Array(acc.length + chunk.length);
        next.set(acc, 0);
        next.set(chunk, acc.length);
        if (holdsCardData) {
          acc.fill(0);
          chunk.fill(0);
        }
        acc = next;
        const d = decode(acc);
        if (d.kind === 'more') {
          if (acc.length > MAX_REPLY_BYTES)
            return wipe({ kind: 'fail', error: new HalError('Reader_Status', `${name}: reply longer than ${MAX_REPLY_BYTES} bytes`) });
          return { kind: 'more' };
        }
        if (d.kind === 'bad') return wipe({ kind: 'fail', error: new HalError('Reader_Status', `${name}: ${d.reason}`) });
        return wipe({ kind: 'done', value: d.value });
      },
    });
    // Card data must not linger in memory longer than the decode.
    function wipe<V>(v: V): V {
      if (holdsCardData) acc.fill(0);
      return v;
    }
  }
}

export function resolveMsr605Timing(partial: Partial<Msr605Timing> = {}): Msr605Timing {
  return resolveOptions(MSR605_TIMING, partial, 'msr605.');
}
