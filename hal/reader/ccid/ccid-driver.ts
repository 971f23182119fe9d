/**
 * Contact chip reader driver: CCID over a serial line, speaking as libccid's GemPC Twin serial driver
 * (115200 8N2, RTS cleared, every host frame echoed by the reader before its answer). Stricter than
 * libccid: a wrong LRC, a missing or wrong echo, a reply for another bSeq or bSlot are errors, not log
 * lines. Card movements (`50 xx`) and single-byte time requests between frames are recorded and skipped.
 * Every request has an absolute deadline (time requests never extend it); a NAK resends the frame a
 * bounded number of times.
 *
 * The driver refuses a tty that a running pcscd holds: pcscd takes no lock, and two hosts on one reader
 * corrupt each other's frames.
 */
import type { BindingInterface } from '@serialport/bindings-interface';
import { Clock, systemClock } from '../../clock';
import type { SerialLineConfig } from '../../config';
import { HalError, isHalError } from '../../errors';
import { CcidTiming, resolveCcidTiming } from './ccid-options';
import { SerialLine, Verdict } from '../../transport/serial-line';
import { ttyHolders } from '../../transport/tty-holders';
import {
  CcidError,
  CcidFrame,
  CcidMessage,
  command,
  commandStatusOf,
  encodeFrame,
  hexOf,
  IccStatus,
  iccStatusOf,
  PcToRdr,
  RdrToPc,
  Voltage,
} from './ccid-codec';
import { CcidFramer } from './ccid-framer';

export { CCID_TIMING, resolveCcidTiming } from './ccid-options';
export type { CcidTiming } from './ccid-options';

/** Programs that drive chip readers themselves and must not share a tty with posdiag. */
export const READER_DAEMONS = ['pcscd'] as const;

export interface CcidOpenOptions {
  binding: BindingInterface;
  path: string;
  baudRate?: number;
  clock?: Clock;
  timing?: Partial<CcidTiming>;
  /** Data bits, parity, stop bits from the configuration; default 8N2 without flow control. */
  line?: SerialLineConfig;
  /** The reader echoes every host frame (GemPC Twin, the default); false for SEC1210-type parts. */
  echo?: boolean;
  /** Where running processes are looked up (tests); default /proc. */
  proc?: string;
}

/** A failed CCID command: the reader's bStatus and bError, for the check to put into words. */
export interface CcidFailure {
  icc: IccStatus;
  error: number;
}

export type PowerOnResult = { ok: true; atr: Uint8Array; voltage: number } | { ok: false; voltage: number; failure: CcidFailure };

export interface Apdu {
  data: Uint8Array;
  sw1: number;
  sw2: number;
}

export const VOLTAGE_NAMES: Record<number, string> = { [Voltage.v5]: '5V', [Voltage.v3]: '3V', [Voltage.v1_8]: '1.8V', [Voltage.auto]: 'auto' };

export class Ccid {
  /** Card movements the reader announced (`50 02` / `50 03`), oldest first. */
  readonly movements: boolean[] = [];
  timeRequests = 0;
  naks = 0;
  #seq = 0;

  private constructor(
    readonly line: SerialLine<CcidFrame>,
    readonly framer: CcidFramer,
    readonly timing: CcidTiming,
    readonly echo: boolean,
  ) {
    line.onUnsolicited((f) => this.#note(f));
  }

  static async open(options: CcidOpenOptions): Promise<Ccid> {
    const timing = resolveCcidTiming(options.timing);
    const held = ttyHolders(options.path, READER_DAEMONS, options.proc);
    if (held.length > 0) {
      const who = held.map((h) => `${h.name} (pid ${h.pid})`).join(', ');
      throw new HalError('Transport_Busy', `${options.path} is held by ${who}: stop it or take the reader out of its reader.conf first`, {
        path: options.path,
        holder: held[0].name,
        pid: held[0].pid,
      });
    }
    const framer = new CcidFramer();
    const line = await SerialLine.open<CcidFrame>({
      binding: options.binding,
      settings: { stopBits: 2, ...options.line, path: options.path, baudRate: options.baudRate ?? 115200 },
      framing: { kind: 'frames', framer, maxBufferedBytes: 1024 },
      clock: options.clock ?? systemClock,
    });
    try {
      // RTS low, as libccid: a reader that sees RTS high may send a plug-and-play string. A PTY has no RTS.
      await line.setSignals({ rts: false });
    } catch (err) {
      await line.close();
      throw err;
    }
    return new Ccid(line, framer, timing, options.echo ?? true);
  }

  get lrcErrors(): number {
    return this.framer.stats.lrcErrors;
  }

  /** Escape 02: the reader's firmware string (ASCII, as libccid asks for it first with a 2 s timeout). */
  async firmware(signal?: AbortSignal): Promise<string> {
    const m = await this.transact(PcToRdr.Escape, RdrToPc.Escape, [0x02], [0, 0, 0], 'Escape GetFirmware', this.timing.probeTimeoutMs, signal);
    const failure = failureOf(m);
    if (failure) throw readerError('Escape GetFirmware', failure);
    return Buffer.from(m.data).toString('latin1');
  }

  async slotStatus(signal?: AbortSignal): Promise<{ icc: IccStatus; failure: CcidFailure | null }> {
    const m = await this.transact(PcToRdr.GetSlotStatus, RdrToPc.SlotStatus, [], [0, 0, 0], 'GetSlotStatus', this.timing.commandTimeoutMs, signal);
    const failure = failureOf(m);
    // ICC_MUTE on GetSlotStatus only says there is no card to talk to (libccid: not an error).
    return { icc: iccStatusOf(m.b7), failure: failure && failure.error !== CcidError.IccMute ? failure : null };
  }

  async powerOn(voltage: number, signal?: AbortSignal): Promise<PowerOnResult> {
    const name = `IccPowerOn ${VOLTAGE_NAMES[voltage] ?? voltage}`;
    const m = await this.transact(PcToRdr.IccPowerOn, RdrToPc.DataBlock, [], [voltage, 0, 0], name, this.timing.powerOnTimeoutMs, signal);
    const failure = failureOf(m);
    if (failure) return { ok: false, voltage, failure };
    return { ok: true, voltage, atr: Uint8Array.from(m.data) };
  }

  /**
   * 5 V, then 3 V, then 1.8 V, as the reader's class support allows; stops at the first ATR, at "no card"
   * and at a short circuit (powering a shorted card again does it no good).
   */
  async powerOnSequence(signal?: AbortSignal): Promise<PowerOnResult[]> {
    const tries: PowerOnResult[] = [];
    for (const v of [Voltage.v5, Voltage.v3, Voltage.v1_8]) {
      const r = await this.powerOn(v, signal);
      tries.push(r);
      if (r.ok || r.failure.icc === 'absent' || r.failure.error === CcidError.ShortCircuit) break;
    }
    return tries;
  }

  /** SetParameters; a bError 01..7F ("parameter not changeable") counts as accepted, as in libccid. */
  async setParameters(protocol: 0 | 1, params: number[], signal?: AbortSignal): Promise<CcidFailure | null> {
    const m = await this.transact(
      PcToRdr.SetParameters,
      RdrToPc.Parameters,
      params,
      [protocol, 0, 0],
      `SetParameters T=${protocol}`,
      this.timing.commandTimeoutMs,
      signal,
    );
    const failure = failureOf(m);
    if (failure && failure.error >= 0x01 && failure.error <= 0x7f) return null;
    return failure;
  }

  async powerOff(signal?: AbortSignal): Promise<IccStatus> {
    const m = await this.transact(PcToRdr.IccPowerOff, RdrToPc.SlotStatus, [], [0, 0, 0], 'IccPowerOff', this.timing.commandTimeoutMs, signal);
    return iccStatusOf(m.b7);
  }

  /** One XfrBlock: the TPDU out, the card's answer back. A failed XfrBlock is a Reader_Status with bStatus/bError. */
  async xfr(tpdu: Uint8Array, signal?: AbortSignal): Promise<Apdu> {
    const name = `XfrBlock ${hexOf(tpdu.subarray(0, 4), '')}`;
    const m = await this.transact(PcToRdr.XfrBlock, RdrToPc.DataBlock, tpdu, [0, 0, 0], name, this.timing.apduTimeoutMs, signal);
    try {
      const failure = failureOf(m);
      if (failure) throw readerError(name, failure);
      if (m.data.length < 2) throw new HalError('Reader_Status', `${name}: answer of ${m.data.length} bytes has no status word`, { problem: 'short' });
      const n = m.data.length;
      return { data: m.data.slice(0, n - 2), sw1: m.data[n - 2], sw2: m.data[n - 1] };
    } finally {
      // The answer as the reader sent it holds the card's data (a record with its number): the caller gets a copy.
      m.data.fill(0);
    }
  }

  /**
   * An APDU over T=0 (ISO 7816-3 §12.2, EMV contact §9.3.1): a case-4 command goes without its Le;
   * `61 xx` is followed by GET RESPONSE, `6C xx` by the same command with Le = xx. Buffers that held
   * card data on the way are zeroed; the caller zeroes the one it gets.
   */
  async transmit(apdu: Uint8Array, signal?: AbortSignal): Promise<Apdu> {
    let out = isCase4(apdu) ? apdu.slice(0, apdu.length - 1) : apdu;
    const parts: Uint8Array[] = [];
    try {
      for (let round = 0; round < 16; round++) {
        const r = await this.xfr(out, signal);
        if (r.sw1 === 0x6c) {
          r.data.fill(0);
          out = Uint8Array.from([...apdu.subarray(0, 4), r.sw2]);
          continue;
        }
        parts.push(r.data);
        if (r.sw1 === 0x61) {
          out = Uint8Array.of(apdu[0] & 0x03, 0xc0, 0x00, 0x00, r.sw2);
          continue;
        }
        const total = parts.reduce((n, p) => n + p.length, 0);
        const data = new Uint8Array(total);
        let at = 0;
        for (const p of parts) {
          data.set(p, at);
          at += p.length;
        }
        return { data, sw1: r.sw1, sw2: r.sw2 };
      }
      throw new HalError('Reader_Status', `APDU ${hexOf(apdu.subarray(0, 4), '')}: the card kept asking for GET RESPONSE`, { problem: 'procedure' });
    } finally {
      for (const p of parts) p.fill(0);
    }
  }

  /**
   * Sends one command frame and waits for its answer: the echo first (when the reader echoes), then a
   * message of `want` type with our bSeq and bSlot. A NAK resends, up to `nakRetries` times.
   */
  async transact(
    type: number,
    want: number,
    data: ArrayLike<number>,
    b789: [number, number, number],
    name: string,
    timeoutMs: number,
    signal?: AbortSignal,
  ): Promise<CcidMessage> {
    const seq = this.#seq;
    this.#seq = (this.#seq + 1) & 0xff;
    const frame = encodeFrame(command(type, seq, data, b789));
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          return await this.line.request<CcidMessage>(frame, { name, timeoutMs, signal, accept: this.#acceptor(frame, want, seq, name) });
        } catch (err) {
          if (isHalError(err, 'Reader_Nack') && attempt < this.timing.nakRetries) {
            this.naks++;
            continue;
          }
          throw err;
        }
      }
    } finally {
      if (type === PcToRdr.XfrBlock) frame.fill(0);
    }
  }

  #acceptor(sent: Uint8Array, want: number, seq: number, name: string): (f: CcidFrame) => Verdict<CcidMessage> {
    let echoed = !this.echo;
    return (f) => {
      switch (f.kind) {
        case 'message': {
          if (!echoed) {
            if (sameBytes(f.bytes, sent)) {
              echoed = true;
              return { kind: 'more' };
            }
            const problem = f.message.type === want ? 'no-echo' : 'echo';
            f.bytes.fill(0);
            return fail('Reader_Status', `${name}: the reader ${problem === 'no-echo' ? 'answered without echoing the command' : 'echoed something else'}`, {
              problem,
            });
          }
          const m = f.message;
          // An answer refused holds the card's data as much as one taken: zeroed all the same.
          if (m.seq !== seq || m.slot !== 0) {
            f.bytes.fill(0);
            return fail('Reader_Status', `${name}: answer for slot ${m.slot} seq ${m.seq}, expected slot 0 seq ${seq}`, { problem: 'sequence' });
          }
          if (m.type !== want) {
            f.bytes.fill(0);
            return fail('Reader_Status', `${name}: answer of type 0x${hexOf([m.type])}, expected 0x${hexOf([want])}`, { problem: 'type' });
          }
          // A time extension in the answer: the real answer follows, still within our deadline.
          if (commandStatusOf(m.b7) === 'time-extension') {
            this.timeRequests++;
            return { kind: 'more' };
          }
          const copy: CcidMessage = { ...m, data: Uint8Array.from(m.data) };
          f.bytes.fill(0);
          return { kind: 'done', value: copy };
        }
        case 'nak':
          return fail('Reader_Nack', `${name}: the reader asked for the frame again (NAK)`);
        case 'invalid':
          if (f.reason === 'lrc') {
            f.bytes.fill(0);
            return fail('Reader_Checksum', `${name}: answer failed its LRC`, { reason: 'lrc' });
          }
          return { kind: 'more' };
        default:
          this.#note(f);
          return { kind: 'more' };
      }
    };
  }

  #note(f: CcidFrame): void {
    if (f.kind === 'movement') this.movements.push(f.present);
    else if (f.kind === 'time-request') this.timeRequests++;
  }

  close(): Promise<void> {
    return this.line.close();
  }
}

function fail(code: 'Reader_Status' | 'Reader_Nack' | 'Reader_Checksum', message: string, context: Record<string, unknown> = {}): Verdict<CcidMessage> {
  return { kind: 'fail', error: new HalError(code, message, context) };
}

export function failureOf(m: CcidMessage): CcidFailure | null {
  return commandStatusOf(m.b7) === 'failed' ? { icc: iccStatusOf(m.b7), error: m.b8 } : null;
}

function readerError(name: string, f: CcidFailure): HalError {
  return new HalError('Reader_Status', `${name}: the reader reported error 0x${hexOf([f.error])} (card ${f.icc})`, { bError: f.error, icc: f.icc });
}

/** Case 4: header, Lc, Lc data bytes, Le. */
function isCase4(apdu: Uint8Array): boolean {
  return apdu.length > 5 && apdu.length === 5 + apdu[4] + 1;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
