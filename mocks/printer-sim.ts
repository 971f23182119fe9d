/**
 * A receipt printer on a serial line: interprets the ESC/POS stream onto a virtual paper roll and
 * answers status requests from its fault state, as a real one does:
 * - real-time commands (DLE EOT n, DLE ENQ n, DLE DC4 …) are acted on the moment they arrive, even
 *   while offline and even inside image data;
 * - while not ready (paper out, cover open, an error, offline) the rest of the data is held, not printed,
 *   and `GS r` is not answered (it runs in order with the data); DLE ENQ 2 throws held data away; when
 *   the printer becomes ready again, held data prints;
 * - `GS a n` turns on Automatic Status Back: the status at once, then four bytes on every change.
 * Faults: healthy paper-out paper-near-end cover-open cutter-error overheat offline silent unplug.
 */
import { EscPosTokenizer, Token } from '../hal/printer/escpos-tokenizer';
import { DEVICE_FAULTS, FaultOf, knownFault } from './faults';
import { GEOMETRY_58, GEOMETRY_80, PaperRoll, rollToText } from '../hal/printer/paper-roll';
import { DeviceSimulator, SimulatorOptions } from './simulator';

export const PRINTER_FAULTS = DEVICE_FAULTS.printer;
export type PrinterFault = FaultOf<'printer'>;

export interface PrinterSimOptions extends SimulatorOptions {
  paperWidth?: 58 | 80;
  /** The roll runs out after this many printed lines (then the fault becomes paper-out). */
  paperLines?: number;
  /** Chinese mode at power-on and after ESC @ (default off, so a missing FS & shows). */
  kanjiAtInit?: boolean;
}

/** The four DLE EOT replies for each fault (values as in hal/printer/status tests). */
const REALTIME_REPLIES: Record<PrinterFault, [number, number, number, number]> = {
  healthy: [0x12, 0x12, 0x12, 0x12],
  'paper-near-end': [0x12, 0x12, 0x12, 0x1e],
  'paper-out': [0x1a, 0x32, 0x12, 0x72],
  'cover-open': [0x1a, 0x16, 0x12, 0x12],
  'cutter-error': [0x1a, 0x52, 0x1a, 0x12],
  overheat: [0x1a, 0x52, 0x52, 0x12],
  offline: [0x3a, 0x12, 0x12, 0x12],
  silent: [0x12, 0x12, 0x12, 0x12],
  unplug: [0x12, 0x12, 0x12, 0x12],
};

const DLE = 0x10;

export class PrinterSimulator extends DeviceSimulator {
  /** The paper as printed: text() reads it; a picture of it is the slip preview's to draw (src/slip/roll-png.ts). */
  readonly roll: PaperRoll;
  /** Drawer pulses seen (ESC p, DLE DC4 1): a slip must never cause one. */
  pulses = 0;
  /** Real-time commands seen, by mnemonic and argument ("DLE EOT 1"). */
  readonly realtimeSeen: string[] = [];
  private fault: PrinterFault = 'healthy';
  private readonly tokenizer: EscPosTokenizer;
  private held: Token[] = [];
  private rtCarry: number[] = [];
  private asbMask = 0;
  /** The roll's end, in printed lines. */
  private paperEndAt: number;

  constructor(fault: PrinterFault = 'healthy', simOptions: PrinterSimOptions = {}) {
    super(simOptions);
    this.roll = new PaperRoll(simOptions.paperWidth === 80 ? GEOMETRY_80 : GEOMETRY_58);
    this.tokenizer = new EscPosTokenizer({ kanjiAtInit: simOptions.kanjiAtInit });
    this.paperEndAt = simOptions.paperLines ?? Infinity;
    this.setFault(fault);
  }

  get currentFault(): PrinterFault {
    return this.fault;
  }

  /** True when data sent now would print. */
  get ready(): boolean {
    return this.fault === 'healthy' || this.fault === 'paper-near-end' || this.fault === 'silent' || this.fault === 'unplug';
  }

  /** Changes the printer's state (paper loaded, cover closed…); held data prints once it is ready. */
  setFault(fault: PrinterFault): void {
    const changed = fault !== this.fault;
    this.fault = fault;
    this.faults.silent = fault === 'silent';
    if (changed && this.asbMask) this.reply(Buffer.from(this.asbBytes()));
    if (this.ready && this.held.length) {
      const held = this.held;
      this.held = [];
      this.process(held);
    }
  }

  /** A new roll good for `lines` more lines (default: endless); the printer becomes ready. */
  loadPaper(lines = Infinity): void {
    this.paperEndAt = this.roll.linesPrinted + lines;
    this.setFault('healthy');
  }

  /** Bytes queued but not printed (the printer's receive buffer while not ready). */
  get heldTokens(): number {
    return this.held.length;
  }

  text(): string {
    return rollToText(this.roll);
  }

  protected onHostBytes(chunk: Buffer): void {
    if (this.fault === 'unplug') {
      this.unplug();
      return;
    }
    this.takeRealtime(chunk, (data) => {
      const tokens = this.tokenizer.push(data);
      if (this.ready && this.held.length === 0) this.process(tokens);
      else this.held.push(...tokens);
    });
  }

  /**
   * Acts on real-time commands wherever they are in the stream; the data between them goes to `onData`
   * in order, so a DLE ENQ 2 clears what arrived before it and not what follows.
   */
  private takeRealtime(chunk: Buffer, onData: (data: number[]) => void): void {
    const b = [...this.rtCarry, ...chunk];
    this.rtCarry = [];
    let data: number[] = [];
    const flush = () => {
      if (data.length) onData(data);
      data = [];
    };
    for (let i = 0; i < b.length;) {
      if (b[i] !== DLE) {
        data.push(b[i++]);
        continue;
      }
      const second = b[i + 1];
      if (second === undefined) {
        this.rtCarry = b.slice(i);
        break;
      }
      const len = second === 0x04 || second === 0x05 ? 3 : second === 0x14 ? this.dc4Length(b[i + 2]) : 0;
      if (len === 0) {
        data.push(b[i++]);
        continue;
      }
      if (i + len > b.length) {
        this.rtCarry = b.slice(i);
        break;
      }
      flush();
      this.realtime(b.slice(i, i + len));
      i += len;
    }
    flush();
  }

  private dc4Length(fn: number | undefined): number {
    if (fn === undefined) return 99; // wait for the function byte
    return fn === 1 || fn === 2 ? 5 : fn === 8 ? 10 : 3;
  }

  private realtime(cmd: number[]): void {
    const [, kind, n] = cmd;
    if (kind === 0x04) {
      this.realtimeSeen.push(`DLE EOT ${n}`);
      if (n >= 1 && n <= 4) this.reply(Buffer.from([REALTIME_REPLIES[this.fault][n - 1]]));
    } else if (kind === 0x05) {
      this.realtimeSeen.push(`DLE ENQ ${n}`);
      if (n === 2) this.held = []; // recover after clearing the buffers
    } else {
      this.realtimeSeen.push(`DLE DC4 ${n}`);
      if (n === 1) this.pulses++;
    }
  }

  private process(tokens: Token[]): void {
    for (let i = 0; i < tokens.length; i++) {
      if (!this.ready) {
        this.held.push(...tokens.slice(i));
        return;
      }
      for (const ev of this.roll.apply([tokens[i]])) {
        if (ev.kind === 'paper-status') this.reply(Buffer.from([ev.n === 2 || ev.n === 50 ? 0x00 : this.paperSensorByte()]));
        else if (ev.kind === 'asb') {
          this.asbMask = ev.mask;
          if (ev.mask) this.reply(Buffer.from(this.asbBytes()));
        } else if (ev.kind === 'pulse') this.pulses++;
      }
      if (this.roll.linesPrinted >= this.paperEndAt && this.fault !== 'paper-out') this.setFault('paper-out');
    }
  }

  /** GS r 1 and ASB byte 3, from DLE EOT 4: near-end (bits 2-3) to bits 0-1, paper end (bits 5-6) to bits 2-3. */
  private paperSensorByte(): number {
    const r = REALTIME_REPLIES[this.fault][3];
    return (r & 0x0c ? 0x03 : 0) | (r & 0x60 ? 0x0c : 0);
  }

  /** ASB: byte 1 drawer/offline/cover/feed, byte 2 errors (DLE EOT 3's bits 2, 3, 5, 6), byte 3 paper, byte 4 reserved. */
  private asbBytes(): number[] {
    const [r1, r2, r3] = REALTIME_REPLIES[this.fault];
    return [0x10 | (r1 & 0x08) | ((r2 & 0x04) << 3), r3 & 0x6c, this.paperSensorByte(), 0x00];
  }
}

export function createPrinterSimulator(fault: string, options: PrinterSimOptions = {}): PrinterSimulator {
  return new PrinterSimulator(knownFault('printer', fault), options);
}
