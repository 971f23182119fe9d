/**
 * PN532 driver over a SerialLine in frames mode (HSU, 115200 8N1). It speaks the way libnfc's
 * pn532_uart driver does: wake-up preamble in the same burst as SAMConfiguration, ACK then reply for
 * every command, a reply checked for LCS/DCS, TFI D5 and command + 1. Beyond libnfc it asks for a resend
 * with a NACK after a bad checksum (UM0701 §6.2.1.3), a bounded number of times.
 */
import type { BindingInterface } from '@serialport/bindings-interface';
import { Clock, delay, systemClock } from '../clock';
import type { SerialLineConfig } from '../transport/serial-config';
import { OptionSpec, resolveOptions } from '../options';
import { HalError, isHalError } from '../errors';
import { SerialLine } from '../transport/serial-line';
import {
  ACK_FRAME,
  commandFrame,
  decodeFirmware,
  decodeTypeATargets,
  DiagnoseTest,
  FirmwareVersion,
  HSU_WAKEUP,
  hex,
  NACK_FRAME,
  Pn532Cmd,
  Pn532Frame,
  TFI_CHIP,
  TypeATarget,
} from './pn532-codec';
import { Pn532Framer } from './pn532-framer';

/** Named timing options of the PN532 driver; defaults and ranges in PN532_TIMING. */
export interface Pn532Timing {
  /** ACK plus reply of an ordinary command (libnfc allows 500–1000 ms at start-up). */
  commandTimeoutMs: number;
  /** Diagnose ROM/RAM/antenna: the chip runs the test before it answers (dotnet/iot waits ~1.5 s). */
  selfTestTimeoutMs: number;
  /** One InListPassiveTarget round of the tap test. */
  pollTimeoutMs: number;
  /** Pause between tap-test polls. */
  pollIntervalMs: number;
  /** How many times a reply with a bad checksum is asked for again (NACK) before giving up. */
  checksumRetries: number;
}

export const PN532_TIMING: OptionSpec<keyof Pn532Timing> = {
  commandTimeoutMs: { default: 1000, min: 50, max: 10_000 },
  selfTestTimeoutMs: { default: 2000, min: 100, max: 10_000 },
  pollTimeoutMs: { default: 1000, min: 50, max: 10_000 },
  pollIntervalMs: { default: 150, min: 0, max: 5_000 },
  checksumRetries: { default: 1, min: 0, max: 5 },
};

export interface Pn532OpenOptions {
  binding: BindingInterface;
  path: string;
  baudRate?: number;
  clock?: Clock;
  timing?: Partial<Pn532Timing>;
  /** Parity, stop bits, flow control from the device's configuration; default 8N1 without flow control. */
  line?: SerialLineConfig;
}

export interface CallOptions {
  name?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Send the HSU wake-up preamble in front of the frame. */
  wake?: boolean;
}

export class Pn532 {
  private constructor(
    readonly line: SerialLine<Pn532Frame>,
    readonly framer: Pn532Framer,
    private readonly clock: Clock,
    readonly timing: Pn532Timing,
  ) {}

  static async open(options: Pn532OpenOptions): Promise<Pn532> {
    const timing = resolvePn532Timing(options.timing);
    const framer = new Pn532Framer();
    const clock = options.clock ?? systemClock;
    const line = await SerialLine.open<Pn532Frame>({
      binding: options.binding,
      settings: { ...options.line, path: options.path, baudRate: options.baudRate ?? 115200 },
      framing: { kind: 'frames', framer, maxBufferedBytes: 1024 },
      clock,
    });
    return new Pn532(line, framer, clock, timing);
  }

  /** Replies rejected for a bad LCS or DCS since the line was opened. */
  get checksumErrors(): number {
    return this.framer.stats.checksumErrors;
  }

  /**
   * Sends one command and returns the reply data after the response code (D5, cmd+1 stripped).
   * A reply with a bad DCS is asked for again with a NACK, up to `checksumRetries` times, then fails
   * with Reader_Checksum.
   */
  async command(cmd: number, params: ArrayLike<number> = [], options: CallOptions = {}): Promise<Uint8Array> {
    const name = options.name ?? `PN532 command 0x${hex(cmd)}`;
    const frame = commandFrame(cmd, params);
    let out: Uint8Array = options.wake ? concat(HSU_WAKEUP, frame) : frame;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.line.request<Uint8Array>(out, {
          name,
          timeoutMs: options.timeoutMs ?? this.timing.commandTimeoutMs,
          signal: options.signal,
          accept: (f) => acceptReply(cmd, name, f),
        });
      } catch (err) {
        if (isHalError(err, 'Reader_Checksum') && attempt < this.timing.checksumRetries) {
          out = NACK_FRAME; // the chip answers a NACK by sending its last reply again
          continue;
        }
        throw err;
      }
    }
  }

  /** HSU wake-up + SAMConfiguration normal mode (no SAM), as every host does first. */
  async wakeUp(signal?: AbortSignal): Promise<void> {
    await this.command(Pn532Cmd.SAMConfiguration, [0x01, 0x14, 0x01], { name: 'SAMConfiguration', wake: true, signal });
  }

  async firmware(signal?: AbortSignal): Promise<FirmwareVersion> {
    const data = await this.command(Pn532Cmd.GetFirmwareVersion, [], { name: 'GetFirmwareVersion', signal });
    const fw = decodeFirmware(data);
    if (!fw) throw new HalError('Reader_Status', `GetFirmwareVersion: reply of ${data.length} bytes is too short`, { bytes: data.length });
    return fw;
  }

  /** Diagnose 00: the chip echoes NumTst + data; true when the echo is exact. */
  async echoTest(data: ArrayLike<number>, signal?: AbortSignal): Promise<boolean> {
    const reply = await this.command(Pn532Cmd.Diagnose, [DiagnoseTest.CommunicationLine, ...Array.from(data)], { name: 'Diagnose communication line', signal });
    return reply.length === data.length + 1 && reply[0] === DiagnoseTest.CommunicationLine && Array.from(data).every((b, i) => reply[i + 1] === b);
  }

  /** Diagnose 01 (ROM checksum), 02 (RAM) or 07 (antenna, with its threshold byte): the result byte, 00 = OK. */
  async selfTest(test: 0x01 | 0x02 | 0x07, params: ArrayLike<number> = [], signal?: AbortSignal): Promise<number> {
    const names = { 0x01: 'ROM', 0x02: 'RAM', 0x07: 'antenna' } as const;
    const reply = await this.command(Pn532Cmd.Diagnose, [test, ...Array.from(params)], {
      name: `Diagnose ${names[test]} test`,
      timeoutMs: this.timing.selfTestTimeoutMs,
      signal,
    });
    if (reply.length < 1) throw new HalError('Reader_Status', `Diagnose ${names[test]}: empty reply`);
    return reply[0];
  }

  /**
   * Polls for an ISO 14443 type-A card until one answers or `windowMs` has passed (absolute). A poll
   * still running at the end is aborted with an ACK, as UM0701 lets a host do. Null: no card.
   */
  async waitForTypeA(windowMs: number, signal?: AbortSignal): Promise<TypeATarget | null> {
    const end = this.clock.now() + windowMs;
    // A finite MxRtyPassiveActivation, so that every InListPassiveTarget comes back on its own.
    await this.command(Pn532Cmd.RFConfiguration, [0x05, 0xff, 0x01, 0x10], { name: 'RFConfiguration MaxRetries', signal });
    for (;;) {
      const left = end - this.clock.now();
      if (left <= 0) return null;
      try {
        const data = await this.command(Pn532Cmd.InListPassiveTarget, [0x01, 0x00], {
          name: 'InListPassiveTarget',
          timeoutMs: Math.min(this.timing.pollTimeoutMs, left),
          signal,
        });
        const { first } = decodeTypeATargets(data);
        if (first) {
          await this.command(Pn532Cmd.InRelease, [0x00], { name: 'InRelease', signal }).catch(() => undefined);
          return first;
        }
      } catch (err) {
        if (!isHalError(err, 'Transport_Timeout') || signal?.aborted) throw err;
        await this.abort();
      }
      const pause = Math.min(this.timing.pollIntervalMs, end - this.clock.now());
      if (pause > 0) await delay(this.clock, pause, signal);
    }
  }

  /** Cancels the command in progress on the chip (an ACK from the host). Best effort. */
  async abort(): Promise<void> {
    await this.line.write(ACK_FRAME).catch(() => undefined);
  }

  close(): Promise<void> {
    return this.line.close();
  }
}

/** What a command makes of an incoming frame. */
export function acceptReply(cmd: number, name: string, f: Pn532Frame) {
  switch (f.kind) {
    case 'ack':
      return { kind: 'more' as const };
    case 'nack':
      return { kind: 'fail' as const, error: new HalError('Reader_Nack', `${name}: the chip asked for the frame again (NACK)`) };
    case 'error':
      return { kind: 'fail' as const, error: new HalError('Reader_Status', `${name}: the chip answered with a syntax-error frame`) };
    case 'invalid':
      // A bad DCS is our reply, damaged. A bad LCS is as likely a start code inside line noise.
      return f.reason === 'dcs'
        ? { kind: 'fail' as const, error: new HalError('Reader_Checksum', `${name}: reply failed its data checksum`, { reason: f.reason }) }
        : { kind: 'skip' as const };
    case 'data':
      if (f.tfi === TFI_CHIP && f.body[0] === ((cmd + 1) & 0xff)) return { kind: 'done' as const, value: f.body.slice(1) };
      return { kind: 'skip' as const };
    case 'discarded':
      return { kind: 'skip' as const };
  }
}

export function resolvePn532Timing(partial: Partial<Pn532Timing> = {}): Pn532Timing {
  return resolveOptions(PN532_TIMING, partial, 'pn532.');
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
