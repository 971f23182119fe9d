/**
 * The printer driver: a thin I/O layer over SerialLine that feeds bytes to the pure status parsers.
 *
 * `print` never throws and never loses a job silently: it reads status before printing, watches ASB
 * while writing (paper out or cover open mid-slip stops the write), ends each job with `GS r 1` and
 * waits for its answer (which the printer gives only after it processed everything before it). When a
 * job does not complete it asks the printer to drop what it holds (`DLE ENQ 2`), so that the reprint
 * starts a fresh slip instead of finishing half of one, and tells the caller why in a PrintResult.
 */
import type { BindingInterface } from '@serialport/bindings-interface';
import { Clock, systemClock } from '../clock';
import type { PrinterConfig, PrinterTiming } from './config';

export type { PrinterTiming } from './config';
import { isHalError } from '../errors';
import { OptionSpec, resolveOptions } from '../options';
import { lineSettingsOf } from '../transport/line-settings';
import { SerialLine } from '../transport/serial-line';
import { resolveProfile, PrinterProfile } from './profiles';
import { PrinterReply, PrinterReplyFramer } from './reply-framer';
import {
  conditionsOf,
  isReady,
  mergeStatus,
  parseAsb,
  parsePaperSensor,
  parseRealtime,
  PrinterCondition,
  PrinterStatus,
  RealtimeQuery,
  uposCodeOf,
} from './status';

export const PRINTER_TIMING: OptionSpec<keyof PrinterTiming> = {
  statusTimeoutMs: { default: 500, min: 20, max: 10_000 },
  chunkBytes: { default: 256, min: 16, max: 65_536 },
  jobSlackMs: { default: 8_000, min: 100, max: 120_000 },
};

export function resolvePrinterTiming(partial: Partial<PrinterTiming> = {}): PrinterTiming {
  return resolveOptions(PRINTER_TIMING, partial, 'printer.timing.');
}

export type PrintResult =
  | { state: 'printed'; status: PrinterStatus; bytes: number; ms: number; confirmed: boolean }
  | {
      state: 'not-printed';
      /** Why, for a person: the worst condition, or what went wrong on the line. */
      reason: PrinterCondition | 'no-reply' | 'disconnected' | 'aborted';
      /** Whether some of the job reached the paper before it stopped (the slip is then reprinted whole). */
      partial: boolean;
      status?: PrinterStatus;
      upos?: string;
    };

export interface OpenPrinterOptions {
  binding: BindingInterface;
  config: PrinterConfig;
  clock?: Clock;
  timing?: Partial<PrinterTiming>;
}

const DLE_ENQ_CLEAR = Uint8Array.from([0x10, 0x05, 0x02]);
const GS_R_1 = Uint8Array.from([0x1d, 0x72, 0x01]);
const ASB_ON = Uint8Array.from([0x1d, 0x61, 0x0f]);

export class PrinterDriver {
  /** The latest status heard, from DLE EOT or ASB. */
  lastStatus: PrinterStatus = {};
  readonly #listeners = new Set<(s: PrinterStatus) => void>();

  static async open(options: OpenPrinterOptions): Promise<PrinterDriver> {
    const profile = resolveProfile(options.config);
    // The configured timing, then what the caller gives for this use (a test's short deadlines).
    const timing = resolvePrinterTiming({ ...options.config.timing, ...options.timing });
    const line = await SerialLine.open<PrinterReply>({
      binding: options.binding,
      settings: lineSettingsOf(options.config),
      framing: { kind: 'frames', framer: new PrinterReplyFramer(), maxBufferedBytes: 64 },
      clock: options.clock,
    });
    return new PrinterDriver(line, profile, timing, options.config.baudRate, options.clock ?? systemClock);
  }

  private constructor(
    readonly line: SerialLine<PrinterReply>,
    readonly profile: PrinterProfile,
    readonly timing: PrinterTiming,
    private readonly baudRate: number,
    private readonly clock: Clock,
  ) {
    line.onUnsolicited((frame) => {
      if (frame.kind !== 'asb') return;
      const s = parseAsb(frame.bytes);
      if (s) this.#update(s);
    });
  }

  /** Called with every ASB status (and every DLE EOT sweep). Returns an unsubscribe function. */
  onStatus(listener: (s: PrinterStatus) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** One real-time status byte. Throws Transport_Timeout when the printer does not answer. */
  async realtime(n: RealtimeQuery, signal?: AbortSignal): Promise<PrinterStatus> {
    return this.line.request<PrinterStatus>(Uint8Array.from([0x10, 0x04, n]), {
      name: `DLE EOT ${n}`,
      timeoutMs: this.timing.statusTimeoutMs,
      signal,
      accept: (f) => {
        if (f.kind !== 'realtime') return { kind: 'skip' };
        const s = parseRealtime(n, f.byte);
        return s ? { kind: 'done', value: s } : { kind: 'skip' };
      },
    });
  }

  /** DLE EOT 1 to 4, one after the other (never more than one real-time command in flight). */
  async readStatus(signal?: AbortSignal): Promise<PrinterStatus> {
    const parts: PrinterStatus[] = [];
    for (const n of [1, 2, 3, 4] as const) parts.push(await this.realtime(n, signal));
    const s = mergeStatus(...parts);
    this.#update(s, true);
    return s;
  }

  /** Sends one job. Never throws; see PrintResult. */
  async print(job: Uint8Array, options: { signal?: AbortSignal } = {}): Promise<PrintResult> {
    const start = this.clock.now();
    let wrote = 0;
    try {
      const before = await this.readStatus(options.signal);
      if (!isReady(before)) return notPrinted(before, false);

      let stopped = null as PrinterStatus | null;
      const off = this.onStatus((s) => {
        if (!isReady(s)) stopped = s;
      });
      try {
        if (this.profile.asb) await this.line.write(ASB_ON);
        for (let at = 0; at < job.length; at += this.timing.chunkBytes) {
          if (stopped) break;
          if (options.signal?.aborted) return { state: 'not-printed', reason: 'aborted', partial: wrote > 0 };
          const piece = job.subarray(at, at + this.timing.chunkBytes);
          await this.line.write(piece);
          wrote += piece.length;
        }
        if (!stopped) {
          const done = await this.#endOfJob(job.length, options.signal);
          if (done.ok)
            return {
              state: 'printed',
              status: mergeStatus(this.lastStatus, done.status),
              bytes: job.length,
              ms: Math.round(this.clock.now() - start),
              confirmed: true,
            };
        }
      } finally {
        off();
      }
      // Stopped by ASB, or the end-of-job marker never came back: ask why, in real time.
      const after = await this.readStatus(options.signal).catch(() => null);
      if (after && isReady(after) && !stopped) {
        // Ready but silent about GS r: a printer without that command. The job went out; say so honestly.
        return { state: 'printed', status: after, bytes: job.length, ms: Math.round(this.clock.now() - start), confirmed: false };
      }
      await this.line.write(DLE_ENQ_CLEAR).catch(() => undefined);
      if (!after) return { state: 'not-printed', reason: 'no-reply', partial: wrote > 0, status: stopped ?? undefined };
      return notPrinted(after, wrote > 0);
    } catch (err) {
      if (isHalError(err, 'Transport_Disconnected') || isHalError(err, 'Transport_Closed'))
        return { state: 'not-printed', reason: 'disconnected', partial: wrote > 0 };
      if (isHalError(err, 'Transport_Timeout')) return { state: 'not-printed', reason: options.signal?.aborted ? 'aborted' : 'no-reply', partial: wrote > 0 };
      throw err; // a programming error, not a printer state
    }
  }

  close(): Promise<void> {
    this.#listeners.clear();
    return this.line.close();
  }

  /** GS r 1 after the job: answered only once everything before it has been processed. */
  async #endOfJob(jobBytes: number, signal?: AbortSignal): Promise<{ ok: true; status: PrinterStatus } | { ok: false }> {
    const wireMs = (jobBytes * 10_000) / this.baudRate;
    try {
      const status = await this.line.request<PrinterStatus>(GS_R_1, {
        name: 'GS r 1 (end of job)',
        timeoutMs: Math.ceil(wireMs + this.timing.jobSlackMs),
        signal,
        accept: (f) => {
          if (f.kind !== 'plain') return { kind: 'skip' };
          const s = parsePaperSensor(f.byte);
          return s ? { kind: 'done', value: s } : { kind: 'skip' };
        },
      });
      return { ok: true, status };
    } catch (err) {
      if (isHalError(err, 'Transport_Timeout')) return { ok: false };
      throw err;
    }
  }

  #update(s: PrinterStatus, replace = false): void {
    this.lastStatus = replace ? s : mergeStatus(this.lastStatus, s);
    for (const l of this.#listeners) l(this.lastStatus);
  }
}

function notPrinted(status: PrinterStatus, partial: boolean): PrintResult {
  const reason = conditionsOf(status).find((c) => c !== 'paper-near-end') ?? 'offline';
  return { state: 'not-printed', reason, partial, status, upos: uposCodeOf(status).name };
}
