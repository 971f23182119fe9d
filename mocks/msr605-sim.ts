/**
 * An MSR605 magstripe reader-writer at 9600 baud: ESC commands in, ESC replies out (MSR605 Programmer's
 * Manual rev B). The read and sensor-test commands block until a card is swiped or the host resets.
 *
 * Faults (DESIGN.md): healthy (no card is ever swiped), silent, ram-fail, swipe (a test card is swiped
 * shortly after a read is armed), unplug (the line dies in the middle of the third reply).
 *
 * The test card's number is the public Visa test PAN 4761 7390 0101 0010 with made-up tracks; it is
 * still treated as card data (the host side must only ever show it masked).
 */
import { ESC, Msr605Cmd } from '../hal/reader/msr605-codec';
import { FaultOf } from './faults';
import { DeviceSimulator, SimulatorOptions } from './simulator';

export type Msr605Fault = FaultOf<'msr605'>;

export const SIM_TRACKS = {
  1: '%B4761739001010010^POSDIAG/TEST CARD^29122011000000000000?',
  2: ';4761739001010010=29122011000000000000?',
  3: '',
} as const;

export interface Msr605SimOptions extends SimulatorOptions {
  /** With the `swipe` fault: how long after a read is armed the card goes through. Default 300 ms. */
  swipeAfterMs?: number;
  /** Replies sent before the `unplug` fault pulls the plug mid-reply. Default 2. */
  unplugAfterReplies?: number;
  /** Tracks the swiped card carries; default SIM_TRACKS. A track of '' is blank. */
  tracks?: { 1: string; 2: string; 3: string };
}

export class Msr605Simulator extends DeviceSimulator {
  readonly fault: Msr605Fault;
  /** Commands seen (the byte after ESC), in order. */
  readonly commands: number[] = [];
  private pendingEsc = false;
  private armed: 'read' | 'sensor' | null = null;
  private swipeTimer: unknown = null;
  private replies = 0;
  private readonly swipeAfterMs: number;
  private readonly unplugAfter: number;
  private readonly tracks: { 1: string; 2: string; 3: string };

  constructor(fault: Msr605Fault = 'healthy', options: Msr605SimOptions = {}) {
    super({ baudRate: 9600, ...options, faults: { ...(options.faults ?? {}), silent: fault === 'silent' || options.faults?.silent } });
    this.fault = fault;
    this.swipeAfterMs = options.swipeAfterMs ?? 300;
    this.unplugAfter = options.unplugAfterReplies ?? 2;
    this.tracks = options.tracks ?? { ...SIM_TRACKS };
  }

  /** Swipes the card now, if a read or sensor test is waiting for one. */
  swipe(): void {
    const armed = this.armed;
    this.disarm();
    if (armed === 'sensor') this.emitReply([ESC, 0x30]);
    if (armed === 'read') {
      const block = (n: 1 | 2 | 3) => [ESC, n, ...Buffer.from(this.tracks[n], 'latin1')];
      this.emitReply([ESC, 0x73, ...block(1), ...block(2), ...block(3), 0x3f, 0x1c, ESC, 0x30]);
    }
  }

  override stop(): void {
    this.disarm();
    super.stop();
  }

  protected onHostBytes(chunk: Buffer): void {
    for (const byte of chunk) {
      if (!this.pendingEsc) {
        this.pendingEsc = byte === ESC;
        continue;
      }
      this.pendingEsc = false;
      this.commands.push(byte);
      this.run(byte);
    }
  }

  private run(cmd: number): void {
    switch (cmd) {
      case Msr605Cmd.Reset:
        this.disarm();
        return;
      case Msr605Cmd.CommunicationTest:
        return this.emitReply([ESC, 0x79]);
      case Msr605Cmd.RamTest:
        return this.emitReply([ESC, this.fault === 'ram-fail' ? 0x41 : 0x30]);
      case Msr605Cmd.GetModel:
        return this.emitReply([ESC, 0x33, 0x53]); // model '3', 'S'
      case Msr605Cmd.GetFirmware:
        return this.emitReply([ESC, ...Buffer.from('REVH1.15', 'latin1')]);
      case 0x81:
      case 0x82:
      case 0x83:
      case 0x84:
      case 0x85: // LEDs: no reply
        return;
      case Msr605Cmd.ReadIso:
        return this.arm('read');
      case Msr605Cmd.SensorTest:
        return this.arm('sensor');
      default:
        return this.emitReply([ESC, 0x34]); // invalid command
    }
  }

  private arm(kind: 'read' | 'sensor'): void {
    this.disarm();
    this.armed = kind;
    if (this.fault === 'swipe') this.swipeTimer = this.clock.setTimeout(() => this.swipe(), this.swipeAfterMs);
  }

  private disarm(): void {
    this.armed = null;
    if (this.swipeTimer) this.clock.clearTimeout(this.swipeTimer);
    this.swipeTimer = null;
  }

  private emitReply(bytes: number[]): void {
    this.replies++;
    if (this.fault === 'unplug' && this.replies > this.unplugAfter) this.faults.unplugMidReply = true;
    this.reply(Buffer.from(bytes));
  }
}
