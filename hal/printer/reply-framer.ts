/**
 * Splits what a printer sends back into replies. A printer's answers carry no length or delimiter; they
 * are told apart by their fixed bits (Citizen CT-S310II "Identification of Send Status"):
 *   DLE EOT reply 0xx1xx10 · ASB first byte 0xx1xx00, then three bytes 0xx0xxxx · GS r / GS I 0xx0xxxx
 *   XON 0x11 · XOFF 0x13.
 * Anything else is kept as an `unknown` frame so the line can count it; the framer never throws.
 */
import type { Framer } from '../transport/framer';
import { isAsbFirstByte, isPlainReply, isRealtimeReply } from './status';

export type PrinterReply =
  | { kind: 'realtime'; byte: number }
  | { kind: 'asb'; bytes: number[] }
  | { kind: 'plain'; byte: number }
  | { kind: 'xon' }
  | { kind: 'xoff' }
  | { kind: 'unknown'; byte: number };

export const XON = 0x11;
export const XOFF = 0x13;

export class PrinterReplyFramer implements Framer<PrinterReply> {
  #asb: number[] | null = null;

  push(chunk: Uint8Array): PrinterReply[] {
    const out: PrinterReply[] = [];
    for (const byte of chunk) {
      // XON/XOFF may come at any point, inside an ASB message too; they never belong to a reply.
      if (byte === XON || byte === XOFF) {
        out.push({ kind: byte === XON ? 'xon' : 'xoff' });
        continue;
      }
      if (this.#asb) {
        if (isPlainReply(byte)) {
          this.#asb.push(byte);
          if (this.#asb.length === 4) {
            out.push({ kind: 'asb', bytes: this.#asb });
            this.#asb = null;
          }
          continue;
        }
        // A byte that cannot continue ASB ends it: the partial message is noise, the byte starts anew.
        for (const b of this.#asb) out.push({ kind: 'unknown', byte: b });
        this.#asb = null;
      }
      if (isRealtimeReply(byte)) out.push({ kind: 'realtime', byte });
      else if (isAsbFirstByte(byte)) this.#asb = [byte];
      else if (isPlainReply(byte)) out.push({ kind: 'plain', byte });
      else out.push({ kind: 'unknown', byte });
    }
    return out;
  }

  buffered(): number {
    return this.#asb?.length ?? 0;
  }

  reset(): void {
    this.#asb = null;
  }
}
