/**
 * The AT modem driver: a thin I/O layer over SerialLine in lines mode. It owns the deadlines and the
 * one-command-at-a-time rule; what a line means is decided by the pure code in at-reply.ts.
 *
 * - probe: `AT` up to `probeTries` times; any final result, even an error, proves an AT modem.
 * - init: ATE0, ATV1, AT+CMEE=1 (ModemManager's primary-port init), and notes a modem whose echo stays on.
 * - exec: one command, an absolute deadline, URCs passed on as events and never taken as the reply.
 * - execBatch: several read-only commands on as few command lines as the modem takes (at-batch.ts splits
 *   the combined reply); a modem that answers ERROR to a concatenated line gets one command a line from
 *   then on, for as long as the driver is open.
 * - `goneAfterTimeouts` command timeouts in a row (ModemManager: 10) and the modem is taken as gone:
 *   every later command fails at once with Modem_Gone instead of costing another deadline.
 */
import { EventEmitter } from 'node:events';
import type { BindingInterface } from '@serialport/bindings-interface';
import { Clock, systemClock } from '../clock';
import type { SerialLineConfig } from '../transport/serial-config';
import { HalError, isHalError } from '../errors';
import { LineTiming, SerialLine } from '../transport/serial-line';
import { AtFailure, AtReplyCollector, cleanLine, isEcho, type AtResult } from './at-reply';
import { loadBatchRunner } from './batch-bundle';
import type { BatchEntry, BatchItem } from './batch-run';
import { ModemTimeouts, resolveModemTimeouts } from './timeouts';

export interface ModemOpenOptions {
  binding: BindingInterface;
  path: string;
  baudRate: number;
  clock?: Clock;
  timeouts?: Partial<ModemTimeouts>;
  lineTiming?: Partial<LineTiming>;
  /** Parity, stop bits, flow control from the device's configuration; default 8N1 without flow control. */
  line?: SerialLineConfig;
}

export interface ExecOptions {
  /** Absolute deadline for this command, from the moment it is written. */
  timeoutMs: number;
  prefixes?: readonly string[];
  solicited?: (line: string) => boolean;
  signal?: AbortSignal;
}

// One command's result; declared beside the reply collector so the lazily loaded batch runner can name it
// without importing the driver that loads it.
export type { AtResult } from './at-reply';

export interface Urc {
  line: string;
  /** When it arrived, on the driver's clock. */
  at: number;
}

export interface ProbeResult {
  /** Which try got the answer, from 1. */
  tries: number;
}

export interface InitResult {
  /** The modem still echoed after ATE0 (the driver copes; worth a warning). */
  echoStuck: boolean;
  /** Init commands the modem refused (some lack AT+CMEE). */
  refused: string[];
}

export type { BatchEntry, BatchItem } from './batch-run';

export class ModemDriver {
  readonly timeouts: ModemTimeouts;
  readonly path: string;
  /** URCs seen since open. */
  urcCount = 0;
  /** Command lines written since open (the round trips). */
  linesSent = 0;
  #timeoutsInRow = 0;
  #gone = false;
  /** The modem answered ERROR to a concatenated line whose commands it runs alone. */
  #refusesConcatenation = false;
  readonly #events = new EventEmitter();
  readonly #line: SerialLine<string>;
  readonly #clock: Clock;

  static async open(options: ModemOpenOptions): Promise<ModemDriver> {
    const timeouts = resolveModemTimeouts(options.timeouts); // a bad option fails before the port is touched
    const line = await SerialLine.open<string>({
      binding: options.binding,
      settings: { ...options.line, path: options.path, baudRate: options.baudRate },
      framing: { kind: 'lines', delimiter: '\r\n' },
      timing: options.lineTiming,
      clock: options.clock,
    });
    return new ModemDriver(line, timeouts, options.clock ?? systemClock);
  }

  private constructor(line: SerialLine<string>, timeouts: ModemTimeouts, clock: Clock) {
    this.#line = line;
    this.#clock = clock;
    this.timeouts = timeouts;
    this.path = line.path;
    line.onUnsolicited((frame) => {
      const text = cleanLine(frame);
      if (text && !isEcho(text)) this.#emitUrc(text);
    });
    line.onDisconnect((err) => this.#events.emit('disconnect', err));
  }

  get isOpen(): boolean {
    return this.#line.isOpen;
  }

  get refusesConcatenation(): boolean {
    return this.#refusesConcatenation;
  }

  get isGone(): boolean {
    return this.#gone;
  }

  /** Bytes received since open: tells a silent line from a garbled one. */
  get rxBytes(): number {
    return this.#line.stats.rxBytes;
  }

  onUrc(listener: (urc: Urc) => void): () => void {
    this.#events.on('urc', listener);
    return () => this.#events.off('urc', listener);
  }

  onDisconnect(listener: (err: HalError) => void): () => void {
    this.#events.on('disconnect', listener);
    return () => this.#events.off('disconnect', listener);
  }

  /** Sends `AT` until a final result comes back; throws Modem_NoReply or Modem_Garbled. */
  async probe(signal?: AbortSignal): Promise<ProbeResult> {
    const { probeTries, probeMs, probeGarbledTries } = this.timeouts;
    let garbled = 0;
    for (let tries = 1; tries <= probeTries; tries++) {
      const rxBefore = this.#line.stats.rxBytes;
      try {
        await this.#send('AT', { timeoutMs: probeMs, signal }, false);
        this.#timeoutsInRow = 0;
        return { tries };
      } catch (err) {
        if (!isHalError(err, 'Transport_Timeout') || signal?.aborted) throw err;
        if (this.#line.stats.rxBytes > rxBefore) garbled++;
        if (garbled >= probeGarbledTries) {
          throw new HalError('Modem_Garbled', `${this.path}: the modem answered AT with bytes that are not AT replies (${garbled} tries)`, {
            path: this.path,
            tries,
            rxBytes: this.#line.stats.rxBytes,
          });
        }
      }
    }
    throw new HalError('Modem_NoReply', `${this.path}: no answer to AT after ${probeTries} tries of ${probeMs} ms`, {
      path: this.path,
      tries: probeTries,
      rxBytes: this.#line.stats.rxBytes,
    });
  }

  /** ATE0, ATV1, AT+CMEE=1. A refusal is noted, not fatal: the replies stay readable without them. */
  async init(signal?: AbortSignal): Promise<InitResult> {
    const { initMs } = this.timeouts;
    // ATE0V1: basic commands run together on one line, which every AT modem takes.
    const basic = await this.execBatch(
      [
        { command: 'ATE0', timeoutMs: initMs, silent: true },
        { command: 'ATV1', timeoutMs: initMs, silent: true },
      ],
      signal,
    );
    for (const e of basic) if ('thrown' in e) throw e.thrown;
    const refused = ['ATE0', 'ATV1'].filter((_, i) => !(basic[i] as { result: AtResult }).result.ok);
    const last = await this.exec('AT+CMEE=1', { timeoutMs: initMs, signal });
    if (!last.ok) refused.push('AT+CMEE=1');
    // ATE0 itself is echoed (echo turns off after it); the command after it must not be.
    return { echoStuck: last.echoed, refused };
  }

  /** One command; resolves with OK or the modem's error; throws on timeout, disconnect, abort or Modem_Gone. */
  exec(command: string, options: ExecOptions): Promise<AtResult> {
    return this.#send(command, options, true);
  }

  /** Like exec, but a modem error is thrown as Modem_AtError (for callers that cannot use a refusal). */
  async query(command: string, options: ExecOptions): Promise<string[]> {
    const r = await this.exec(command, options);
    if (!r.ok) throw atError(command, r.error, this.path);
    return r.lines;
  }

  close(): Promise<void> {
    return this.#line.close().finally(() => this.#events.removeAllListeners());
  }

  /**
   * Runs `items` (commands without side effects: they may be asked twice) on as few command lines as fit
   * and the modem takes, and returns what was learnt of each, in order. Never throws: a command whose
   * line timed out carries the timeout and the rest go one a line (as one at a time would have done);
   * a disconnect, an abort or Modem_Gone is carried by the command in flight and every one after it.
   * The deadline of a combined line is the longest of its commands'.
   */
  async execBatch(items: readonly BatchItem[], signal?: AbortSignal): Promise<BatchEntry[]> {
    const runner = loadBatchRunner();
    if (!runner) {
      // Without its file: one command a line, what a modem refusing concatenation gets.
      const out: BatchEntry[] = [];
      for (const item of items)
        out.push(
          await this.exec(item.command, { ...item, signal }).then(
            (result) => ({ result }),
            (thrown: unknown) => ({ thrown }),
          ),
        );
      return out;
    }
    return runner.runBatch(items, {
      signal,
      exec: (item) => this.exec(item.command, { timeoutMs: item.timeoutMs, prefixes: item.prefixes, solicited: item.solicited, signal }),
      line: (text, timeoutMs, done) => this.#request(text, timeoutMs, signal, true, done),
      onUrc: (urc) => this.#emitUrc(urc),
      refused: () => this.#refusesConcatenation,
      refuse: () => {
        this.#refusesConcatenation = true;
      },
    });
  }

  #send(command: string, options: ExecOptions, counted: boolean): Promise<AtResult> {
    // URCs go out as events while the reply is collected; they never move the deadline.
    const reply = new AtReplyCollector({ command, prefixes: options.prefixes, solicited: options.solicited }, (urc) => this.#emitUrc(urc));
    return this.#request(command, options.timeoutMs, options.signal, counted, (frame) => {
      const r = reply.push(frame);
      if (r.kind === 'incomplete') return null;
      const echoed = reply.echoes > 0;
      return r.kind === 'ok' ? { ok: true, lines: r.lines, echoed, connect: r.connect } : { ok: false, error: r.error, lines: r.lines, echoed };
    });
  }

  /** Writes one command line and collects its reply until `done` gives a value; counts timeouts in a row. */
  async #request<T>(line: string, timeoutMs: number, signal: AbortSignal | undefined, counted: boolean, done: (frame: string) => T | null): Promise<T> {
    if (this.#gone) {
      throw new HalError('Modem_Gone', `${this.path}: the modem stopped answering (${this.timeouts.goneAfterTimeouts} timeouts in a row)`, { path: this.path });
    }
    this.linesSent++;
    try {
      const result = await this.#line.request<T>(`${line}\r`, {
        name: line,
        timeoutMs,
        signal,
        accept: (frame) => {
          const value = done(frame);
          return value === null ? { kind: 'more' } : { kind: 'done', value };
        },
      });
      if (counted) this.#timeoutsInRow = 0;
      return result;
    } catch (err) {
      if (counted && isHalError(err, 'Transport_Timeout') && !signal?.aborted) {
        this.#timeoutsInRow++;
        if (this.#timeoutsInRow >= this.timeouts.goneAfterTimeouts) {
          this.#gone = true;
          throw new HalError(
            'Modem_Gone',
            `${this.path}: ${this.#timeoutsInRow} commands in a row timed out; the modem is taken as gone`,
            {
              path: this.path,
              timeoutsInRow: this.#timeoutsInRow,
            },
            { cause: err },
          );
        }
      }
      throw err;
    }
  }

  #emitUrc(line: string): void {
    this.urcCount++;
    this.#events.emit('urc', { line, at: this.#clock.now() } satisfies Urc);
  }
}

export function atError(command: string, error: AtFailure, path: string): HalError {
  const what = error.kind === 'cme' ? `+CME ERROR: ${error.text} (${error.info.text})` : error.kind === 'cms' ? `+CMS ERROR: ${error.text}` : error.text;
  return new HalError('Modem_AtError', `${path}: ${command} → ${what}`, { path, command, error });
}
