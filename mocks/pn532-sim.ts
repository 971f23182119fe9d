/**
 * A PN532 on HSU, byte for byte as libnfc and posdiag see one: ACK then reply for every command it knows,
 * the syntax-error frame for one it does not, a resend of the last reply on NACK, and a command in progress
 * cancelled by an ACK from the host. It reads host frames with the driver's own framer, so the wake-up
 * preamble (`55 55` and any number of `00`) and SAMConfiguration with or without its timeout/IRQ bytes
 * are accepted as a real chip accepts them.
 *
 * Faults (DESIGN.md): healthy, silent, bad-checksum (every reply's DCS is off by one), rom-fail, ram-fail,
 * antenna-fail, card-present (a type-A card lies on the antenna), unplug (the line dies in the middle of
 * the third reply).
 */
import { ACK_FRAME, DiagnoseTest, ERROR_FRAME, Pn532Cmd, replyFrame, TFI_HOST } from '../hal/reader/pn532-codec';
import { Pn532Framer } from '../hal/reader/pn532-framer';
import { FaultOf } from './faults';
import { DeviceSimulator, SimulatorOptions } from './simulator';

export type Pn532Fault = FaultOf<'pn532'>;

/** The card the simulator presents: the type-A target of the libnfc observations (ATQA 00 04, SAK 08). */
export const SIM_CARD = { atqa: [0x00, 0x04], sak: 0x08, uid: [0xde, 0xad, 0xbe, 0xef] } as const;

export interface Pn532SimOptions extends SimulatorOptions {
  /** Replies sent before the `unplug` fault pulls the plug mid-reply. Default 2 (wake-up, then one more). */
  unplugAfterReplies?: number;
}

export class Pn532Simulator extends DeviceSimulator {
  readonly fault: Pn532Fault;
  /** Host commands seen, by command byte, in order (for tests). */
  readonly commands: number[] = [];
  private readonly framer = new Pn532Framer();
  private cardPresent: boolean;
  /** The card has been reported since the field came on; a real chip would find it halted next time. */
  private cardReported = false;
  private lastReply: Uint8Array | null = null;
  private replies = 0;
  private readonly registers = new Map<number, number>();
  /** The RF field (RFConfiguration item 1); on at power-up. */
  private fieldOn = true;
  private readonly unplugAfter: number;

  constructor(fault: Pn532Fault = 'healthy', options: Pn532SimOptions = {}) {
    super({ baudRate: 115200, ...options, faults: { ...(options.faults ?? {}), silent: fault === 'silent' || options.faults?.silent } });
    this.fault = fault;
    this.cardPresent = fault === 'card-present';
    this.unplugAfter = options.unplugAfterReplies ?? 2;
  }

  /** Puts a card on the antenna (or takes it away) while running. */
  setCardPresent(present: boolean): void {
    this.cardPresent = present;
    this.cardReported = false;
  }

  protected onHostBytes(chunk: Buffer): void {
    for (const frame of this.framer.push(chunk)) {
      if (frame.kind === 'ack') continue; // the host cancels a command in progress; nothing runs long here
      if (frame.kind === 'nack') {
        if (this.lastReply) this.emitReply(this.lastReply);
        continue;
      }
      // A damaged frame is ignored (the host times out, as with a real chip); a frame that is not a
      // host command gets the syntax-error frame.
      if (frame.kind !== 'data') continue;
      if (frame.tfi !== TFI_HOST || frame.body.length === 0) {
        this.emitReply(ERROR_FRAME);
        continue;
      }
      this.commands.push(frame.body[0]);
      const data = this.answer(frame.body[0], frame.body.subarray(1));
      this.reply(Buffer.from(ACK_FRAME));
      if (data === null) {
        this.emitReply(ERROR_FRAME);
        continue;
      }
      const reply = replyFrame(frame.body[0], data);
      if (this.fault === 'bad-checksum') reply[reply.length - 2] = (reply[reply.length - 2] + 1) & 0xff;
      this.lastReply = reply;
      this.emitReply(reply);
    }
  }

  private emitReply(bytes: Uint8Array): void {
    this.replies++;
    if (this.fault === 'unplug' && this.replies > this.unplugAfter) this.faults.unplugMidReply = true;
    this.reply(Buffer.from(bytes));
  }

  /** The reply data after D5 cmd+1, or null for a command this chip does not take. */
  private answer(cmd: number, p: Uint8Array): number[] | null {
    switch (cmd) {
      case Pn532Cmd.Diagnose:
        return this.diagnose(p);
      case Pn532Cmd.GetFirmwareVersion:
        return [0x32, 0x01, 0x06, 0x07]; // PN532 v1.6, ISO14443A/B + ISO18092
      case Pn532Cmd.GetGeneralStatus:
        return [0x00, this.fieldOn ? 0x01 : 0x00, 0x00, 0x00]; // Err, Field, NbTg 0, SAM status
      case Pn532Cmd.ReadRegister: {
        const out: number[] = [];
        for (let i = 0; i + 1 < p.length; i += 2) out.push(this.registers.get((p[i] << 8) | p[i + 1]) ?? 0x00);
        return out;
      }
      case Pn532Cmd.WriteRegister:
        for (let i = 0; i + 2 < p.length; i += 3) this.registers.set((p[i] << 8) | p[i + 1], p[i + 2]);
        return [];
      case Pn532Cmd.ReadGPIO:
        return [0xff, 0xff, 0x00];
      case Pn532Cmd.WriteGPIO:
      case Pn532Cmd.SetParameters:
        return [];
      case Pn532Cmd.SAMConfiguration:
        // Mode 1..4, with or without timeout and IRQ: `14 01`, `14 01 14`, `14 01 14 01`.
        if (p.length < 1 || p[0] < 1 || p[0] > 4) return null;
        this.cardReported = false; // a new session starts here
        return [];
      case Pn532Cmd.PowerDown:
        return [0x00];
      case Pn532Cmd.RFConfiguration:
        if (p[0] === 0x01 && p.length >= 2) {
          this.fieldOn = (p[1] & 0x01) !== 0;
          if (!this.fieldOn) this.cardReported = false; // field off: the card resets
        }
        return [];
      case Pn532Cmd.InListPassiveTarget:
        return this.listPassive(p);
      case Pn532Cmd.InDataExchange:
      case Pn532Cmd.InCommunicateThru:
        return [0x01]; // status 01: the target did not answer
      case Pn532Cmd.InDeselect:
      case Pn532Cmd.InRelease:
        return [0x00];
      case Pn532Cmd.InAutoPoll:
        if (!this.cardPresent) return [0x00];
        return [0x01, 0x10, 0x09, 0x01, ...SIM_CARD.atqa, SIM_CARD.sak, SIM_CARD.uid.length, ...SIM_CARD.uid];
      default:
        return null;
    }
  }

  private diagnose(p: Uint8Array): number[] {
    switch (p[0]) {
      case DiagnoseTest.CommunicationLine:
        return Array.from(p); // NumTst + InParam, echoed
      case DiagnoseTest.Rom:
        return [this.fault === 'rom-fail' ? 0xff : 0x00];
      case DiagnoseTest.Ram:
        return [this.fault === 'ram-fail' ? 0xff : 0x00];
      case DiagnoseTest.SelfAntenna:
        // Non-zero: the antenna detector saw no load (an open or shorted antenna).
        return [this.fault === 'antenna-fail' ? 0x2d : 0x00];
      case DiagnoseTest.PollingToTarget:
        return [0x00];
      case DiagnoseTest.AttentionRequest:
        return [this.cardPresent ? 0x00 : 0x01];
      default:
        return [0x00];
    }
  }

  /** InListPassiveTarget MaxTg BrTy [InitiatorData]: only 106 kbps type A (BrTy 00) ever finds the card. */
  private listPassive(p: Uint8Array): number[] {
    if (p.length < 2 || p[1] !== 0x00 || !this.cardPresent || this.cardReported) return [0x00];
    this.cardReported = true;
    return [0x01, 0x01, ...SIM_CARD.atqa, SIM_CARD.sak, SIM_CARD.uid.length, ...SIM_CARD.uid];
  }
}
