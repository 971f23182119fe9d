/**
 * A contact chip reader in GemPC Twin mode (CCID over serial, as libccid's libccidtwin.so drives it) with
 * one card slot and a scripted UnionPay debit card (T=0, ATR 3B 67 00 00 86 60 22 22 27 80 01, which
 * Debian's smartcard_list names "ICBC Debit Card"). It echoes every host frame before its answer, echoes
 * bSeq, answers GetSlotStatus at once, sends time requests only as the single byte and card movements as
 * `50 02/03`, and answers every XfrBlock (a silent XfrBlock stalls pcscd for minutes).
 *
 * The card is strict T=0: a case-4 command gets `61 xx` and its data through GET RESPONSE, a READ RECORD
 * with the wrong Le gets `6C xx`. Its records carry a synthetic card number (SIM_PAN), track 2 and a
 * name, so that tests can prove none of them leaves posdiag.
 *
 * Faults: DEVICE_FAULTS.ccid (mocks/faults.ts).
 */
import { answer, bStatus, CcidError, CcidMessage, encodeFrame, NAK_FRAME, PcToRdr, RdrToPc, Voltage } from '../hal/reader/ccid/ccid-codec';
import { CcidFramer } from '../hal/reader/ccid/ccid-framer';
import type { FaultOf } from './faults';
import { DeviceSimulator, SimulatorOptions } from './simulator';

export type CcidFault = FaultOf<'ccid'>;

/** The synthetic card number in the simulated card's records (never a real one). */
export const SIM_PAN = '6222021234567890';
/**
 * The card's other data that must never leave posdiag, by tag, as the card holds it: track 1 and 2
 * (56, 57), the name and its extension (5F20, 9F0B), the discretionary data (9F1F, 9F20) and the
 * contactless track 2 (9F6B). Tests look for each of them in everything posdiag writes.
 */
export const SIM_SECRETS: Readonly<Record<string, readonly number[]>> = {
  '5A': Array.from(Buffer.from(SIM_PAN, 'hex')),
  '57': Array.from(Buffer.from(`${SIM_PAN}D4912201F`, 'hex')),
  '56': Array.from(Buffer.from(`B${SIM_PAN}^ZHANG/SAN^4912201`)),
  '5F20': Array.from(Buffer.from('ZHANG/SAN')),
  '9F0B': Array.from(Buffer.from('ZHANG SANFENG LONGNAME')),
  '9F1F': Array.from(Buffer.from(SIM_PAN)),
  '9F20': Array.from(Buffer.from('7391045', 'ascii')),
  '9F6B': Array.from(Buffer.from(`${SIM_PAN}D49122010000F`, 'hex')),
};
export const SIM_ATR = Uint8Array.of(0x3b, 0x67, 0x00, 0x00, 0x86, 0x60, 0x22, 0x22, 0x27, 0x80, 0x01);
/** The T=1 ATR of a Mega ICBC Debit Mastercard with its TCK off by one: libccid passes it on. */
export const SIM_BAD_TCK_ATR = Uint8Array.of(
  0x3b,
  0xeb,
  0x00,
  0x00,
  0x81,
  0x31,
  0xfe,
  0x45,
  0x00,
  0x31,
  0xc0,
  0x64,
  0x3f,
  0x68,
  0x01,
  0x08,
  0x07,
  0x90,
  0x00,
  0xbd,
);
export const SIM_FIRMWARE = 'GemTwRC2-V2.00-GL03';
export const UNIONPAY_DEBIT = 'A000000333010101';

export interface CcidSimOptions extends SimulatorOptions {
  /** Replies sent before the `unplug` fault pulls the plug mid-reply. Default 2. */
  unplugAfterReplies?: number;
  /** `removed`: XfrBlocks answered before the card is pulled. Default 1. */
  removeAfterApdus?: number;
  /** `slow`: time-request bytes before each answer to PowerOn and XfrBlock, and the gap between them. */
  timeRequests?: number;
  timeRequestGapMs?: number;
}

export class CcidSimulator extends DeviceSimulator {
  readonly fault: CcidFault;
  /** Host message types seen, in order (for tests). */
  readonly commands: number[] = [];
  /** The C-APDUs the card received (host data, no card data). */
  readonly apdus: string[] = [];
  private readonly framer = new CcidFramer();
  private cardPresent: boolean;
  private powered = false;
  private replies = 0;
  private apduCount = 0;
  private nakSent = false;
  private pending: Uint8Array | null = null;
  private readonly o: Required<Pick<CcidSimOptions, 'unplugAfterReplies' | 'removeAfterApdus' | 'timeRequests' | 'timeRequestGapMs'>>;

  constructor(fault: CcidFault = 'healthy', options: CcidSimOptions = {}) {
    super({ baudRate: 115200, ...options, faults: { ...(options.faults ?? {}), silent: fault === 'silent' || options.faults?.silent } });
    this.fault = fault;
    this.cardPresent = fault !== 'no-card';
    this.o = { unplugAfterReplies: 2, removeAfterApdus: 1, timeRequests: 3, timeRequestGapMs: 100, ...options };
  }

  /** Inserts or pulls the card while running; the reader announces it with `50 03` / `50 02`. */
  setCardPresent(present: boolean): void {
    if (present === this.cardPresent) return;
    this.cardPresent = present;
    if (!present) this.powered = false;
    this.reply(Buffer.from([0x50, present ? 0x03 : 0x02]));
  }

  get isCardPresent(): boolean {
    return this.cardPresent;
  }

  protected onHostBytes(chunk: Buffer): void {
    for (const f of this.framer.push(chunk)) {
      if (f.kind !== 'message') continue; // a damaged host frame: a real reader stays quiet, the host times out
      const m = f.message;
      this.commands.push(m.type);
      if (this.fault === 'nak' && !this.nakSent) {
        this.nakSent = true;
        this.reply(Buffer.from(NAK_FRAME));
        continue;
      }
      if (this.fault !== 'no-echo') this.reply(Buffer.from(f.bytes));
      void this.answerAsync(m);
    }
  }

  private async answerAsync(m: CcidMessage): Promise<void> {
    const slow = this.fault === 'slow' && (m.type === PcToRdr.IccPowerOn || m.type === PcToRdr.XfrBlock);
    const out = this.answer(m);
    if (slow) {
      // The single-byte time request (0x80..0xFF) of a slow T=0 card, then the answer.
      for (let i = 0; i < this.o.timeRequests; i++) {
        this.reply(Buffer.from([0x80]));
        await new Promise((r) => this.clock.setTimeout(() => r(undefined), this.o.timeRequestGapMs));
      }
    }
    for (const part of out) this.emit(part);
  }

  private emit(bytes: Uint8Array): void {
    this.replies++;
    if (this.fault === 'unplug' && this.replies > this.o.unplugAfterReplies) this.faults.unplugMidReply = true;
    this.reply(Buffer.from(bytes));
  }

  /** The frames to send after the echo. */
  private answer(m: CcidMessage): Uint8Array[] {
    const frame = (type: number, status: number, error = 0, data: ArrayLike<number> = [], b9 = 0) => {
      const f = encodeFrame(answer(type, m.seq, status, error, data, b9, m.slot));
      if (this.fault === 'bad-lrc') f[f.length - 1] ^= 0x5a;
      return f;
    };
    const icc = () => (!this.cardPresent ? 'absent' : this.powered ? 'active' : 'inactive');
    const failed = (type: number, error: number) => frame(type, bStatus(icc(), 'failed'), error);
    switch (m.type) {
      case PcToRdr.Escape:
        if (m.data[0] === 0x02) return [frame(RdrToPc.Escape, 0, 0, Buffer.from(SIM_FIRMWARE, 'latin1'))];
        if (m.data[0] === 0x01) return [frame(RdrToPc.Escape, 0)];
        return [frame(RdrToPc.Escape, bStatus('active', 'failed'), 0x0a)]; // as a real GemPC Twin answers Escape 6A
      case PcToRdr.GetSlotStatus:
        return [frame(RdrToPc.SlotStatus, bStatus(icc()))];
      case PcToRdr.IccPowerOn:
        return [this.powerOn(m, frame, failed)];
      case PcToRdr.IccPowerOff:
        this.powered = false;
        return [frame(RdrToPc.SlotStatus, bStatus(icc()))];
      case PcToRdr.GetParameters:
        return [frame(RdrToPc.Parameters, bStatus(icc()), 0, [0x11, 0x00, 0x00, 0x0a, 0x00], 0)];
      case PcToRdr.SetParameters:
        if (!this.cardPresent) return [failed(RdrToPc.Parameters, CcidError.IccMute)];
        return [frame(RdrToPc.Parameters, bStatus(icc()), 0, m.data, m.b7)];
      case PcToRdr.XfrBlock:
        return this.xfr(m, frame, failed);
      default:
        return [frame(RdrToPc.SlotStatus, bStatus(icc(), 'failed'), CcidError.NotSupported)];
    }
  }

  private powerOn(
    m: CcidMessage,
    frame: (t: number, s: number, e?: number, d?: ArrayLike<number>) => Uint8Array,
    failed: (t: number, e: number) => Uint8Array,
  ): Uint8Array {
    const voltage = m.b7;
    if (!this.cardPresent) return failed(RdrToPc.DataBlock, CcidError.IccMute);
    if (voltage > Voltage.v1_8) return failed(RdrToPc.DataBlock, 7); // bPowerSelect out of range: error on byte 7
    switch (this.fault) {
      case 'mute':
        return failed(RdrToPc.DataBlock, CcidError.IccMute);
      case 'bad-ts':
        return failed(RdrToPc.DataBlock, CcidError.BadAtrTs);
      case 'short':
        return failed(RdrToPc.DataBlock, CcidError.ShortCircuit);
      default: {
        this.powered = true;
        return frame(RdrToPc.DataBlock, bStatus('active'), 0, this.fault === 'bad-tck' ? SIM_BAD_TCK_ATR : SIM_ATR);
      }
    }
  }

  private xfr(
    m: CcidMessage,
    frame: (t: number, s: number, e?: number, d?: ArrayLike<number>) => Uint8Array,
    failed: (t: number, e: number) => Uint8Array,
  ): Uint8Array[] {
    if (!this.cardPresent) return [failed(RdrToPc.DataBlock, CcidError.IccMute)];
    if (!this.powered) return [failed(RdrToPc.DataBlock, CcidError.IccMute)];
    this.apduCount++;
    this.apdus.push(Buffer.from(m.data).toString('hex').toUpperCase());
    if (this.fault === 'parity') return [failed(RdrToPc.DataBlock, CcidError.XfrParity)];
    if (this.fault === 'removed' && this.apduCount > this.o.removeAfterApdus) {
      this.cardPresent = false;
      this.powered = false;
      return [Uint8Array.of(0x50, 0x02), failed(RdrToPc.DataBlock, CcidError.IccMute)];
    }
    const r = this.card(m.data);
    return [frame(RdrToPc.DataBlock, bStatus('active'), 0, r)];
  }

  /** The card's answer (data + SW) to one T=0 TPDU. */
  private card(c: Uint8Array): number[] {
    const [cla, ins, p1, p2] = c;
    const p3 = c[4] ?? 0;
    if (ins === 0xc0 && cla === 0x00) {
      const data = this.pending;
      if (!data) return [0x69, 0x85];
      if (p3 !== data.length) return [0x6c, data.length];
      this.pending = null;
      return [...data, 0x90, 0x00];
    }
    this.pending = null;
    if (ins === 0xa4 && p1 === 0x04) {
      const name = Buffer.from(c.subarray(5, 5 + p3));
      return this.withData(this.select(name.toString('latin1'), name.toString('hex').toUpperCase()));
    }
    if (ins === 0xb2) {
      const r = this.record(p2 >> 3, p1);
      if (!Array.isArray(r)) return r.sw;
      if (p3 !== r.length) return [0x6c, r.length];
      return [...r, 0x90, 0x00];
    }
    if (cla === 0x80 && ins === 0xa8) {
      // Format 1: AIP 7C00, AFL SFI 2 records 1–2, SFI 3 record 1.
      return this.withData({ data: [0x80, 0x0e, 0x7c, 0x00, 0x10, 0x01, 0x02, 0x00, 0x18, 0x01, 0x01, 0x00] });
    }
    return [0x6d, 0x00];
  }

  /** Case 4 over T=0: data waits for GET RESPONSE behind `61 xx`; a bare status word goes at once. */
  private withData(r: { data: number[] } | { sw: number[] }): number[] {
    if ('sw' in r) return r.sw;
    this.pending = Uint8Array.from(r.data);
    return [0x61, r.data.length];
  }

  private select(text: string, hex: string): { data: number[] } | { sw: number[] } {
    if (text === '1PAY.SYS.DDF01') {
      if (this.fault === 'card-blocked') return { sw: [0x6a, 0x81] };
      if (this.fault === 'no-app') return { sw: [0x6a, 0x82] };
      const name = Array.from(Buffer.from(text, 'latin1'));
      return { data: tlv(0x6f, [...tlv(0x84, name), ...tlv(0xa5, [...tlv(0x88, [0x01]), ...tlv([0x5f, 0x2d], Array.from(Buffer.from('zh')))])]) };
    }
    if (hex !== UNIONPAY_DEBIT || this.fault === 'no-app') return { sw: [0x6a, 0x82] };
    if (this.fault === 'app-blocked') return { sw: [0x62, 0x83] };
    const label = Array.from(Buffer.from('PBOC DEBIT', 'latin1'));
    const pdol = [0x9f, 0x7a, 0x01, 0x9f, 0x02, 0x06, 0x5f, 0x2a, 0x02];
    return {
      data: tlv(0x6f, [
        ...tlv(0x84, Array.from(Buffer.from(hex, 'hex'))),
        ...tlv(0xa5, [...tlv(0x50, label), ...tlv(0x87, [0x01]), ...tlv([0x9f, 0x38], pdol)]),
      ]),
    };
  }

  private record(sfi: number, rec: number): number[] | { sw: number[] } {
    const expiry = this.fault === 'expired' ? [0x20, 0x12, 0x31] : [0x49, 0x12, 0x31];
    const effective = this.fault === 'not-yet-valid' ? [0x49, 0x01, 0x01] : [0x20, 0x01, 0x01];
    if (sfi === 1 && rec === 1) {
      const entry = [...tlv(0x4f, Array.from(Buffer.from(UNIONPAY_DEBIT, 'hex'))), ...tlv(0x50, Array.from(Buffer.from('PBOC DEBIT'))), ...tlv(0x87, [0x01])];
      return tlv(0x70, tlv(0x61, entry));
    }
    if (sfi === 2 && rec === 1) {
      // Track 2 equivalent (PAN, separator D, YYMM, service code, padded to whole bytes), the name, track 1.
      const secret = (tag: string) =>
        tlv(tag.length > 2 ? [parseInt(tag.slice(0, 2), 16), parseInt(tag.slice(2), 16)] : parseInt(tag, 16), [...SIM_SECRETS[tag]]);
      return tlv(0x70, ['57', '5F20', '9F1F', '56', '9F0B', '9F20', '9F6B'].flatMap(secret));
    }
    if (sfi === 2 && rec === 2)
      return tlv(0x70, [...tlv(0x5a, [...SIM_SECRETS['5A']]), ...tlv([0x5f, 0x24], expiry), ...tlv([0x5f, 0x25], effective), ...tlv([0x5f, 0x34], [0x01])]);
    if (sfi === 3 && rec === 1) return tlv(0x70, [...tlv([0x9f, 0x07], [0xff, 0x00]), ...tlv([0x5f, 0x28], [0x01, 0x56]), ...tlv([0x9f, 0x08], [0x00, 0x30])]);
    return { sw: [0x6a, 0x83] };
  }
}

function tlv(tag: number | number[], value: number[]): number[] {
  const t = Array.isArray(tag) ? tag : [tag];
  const len = value.length < 0x80 ? [value.length] : [0x81, value.length];
  return [...t, ...len, ...value];
}
