/**
 * An incremental ESC/POS tokenizer: bytes in, tokens out, in whatever pieces the line delivers them.
 * It knows the commands posdiag writes and those common third-party encoders send (raster GS v 0 and
 * GS 8 L / GS ( L, ESC t, ESC R, FS ( A, GS L, GS W, GS ( k, barcodes, drawer pulses, cuts), each with
 * its argument length, so it can be used as a test oracle: a stream's commands are exactly its tokens.
 *
 * Text is decoded as the printer would: in Chinese mode (FS &) GB18030 pairs, else the ESC t code page.
 */
import { decodeCodePage } from './code-pages';
import { decodeGb18030 } from './gb18030';

export type Token =
  | { kind: 'text'; text: string }
  /** `name` is the command's mnemonic ("ESC @", "GS ( k", "DLE EOT"); `args` its parameter bytes. */
  | { kind: 'cmd'; name: string; args: number[]; data?: Uint8Array }
  | { kind: 'unknown'; bytes: number[] };

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const DLE = 0x10;

/** Fixed argument counts: ESC/GS/FS second byte -> number of parameter bytes. */
const ESC_FIXED: Record<number, number> = {
  0x40: 0,
  0x45: 1,
  0x47: 1,
  0x2d: 1,
  0x61: 1,
  0x64: 1,
  0x4a: 1,
  0x74: 1,
  0x21: 1,
  0x52: 1,
  0x32: 0,
  0x33: 1,
  0x4d: 1,
  0x70: 3,
  0x69: 0,
  0x6d: 0,
  0x7b: 1,
  0x24: 2,
  0x5c: 2,
  0x20: 1,
  0x72: 1,
  0x55: 1,
  0x56: 1,
  0x25: 1,
  0x3d: 1,
  0x65: 1,
  0x4c: 0,
  0x53: 0,
  0x54: 1,
};
const GS_FIXED: Record<number, number> = {
  0x21: 1,
  0x42: 1,
  0x48: 1,
  0x68: 1,
  0x77: 1,
  0x66: 1,
  0x4c: 2,
  0x57: 2,
  0x61: 1,
  0x72: 1,
  0x49: 1,
  0x50: 2,
  0x2f: 1,
  0x3a: 0,
  0x62: 1,
  0x7c: 1,
  0x54: 1,
  0x24: 2,
  0x5c: 2,
  0x45: 1,
  0x67: 2,
};
const FS_FIXED: Record<number, number> = { 0x26: 0, 0x2e: 0, 0x21: 1, 0x2d: 1, 0x43: 1, 0x57: 1, 0x53: 2, 0x70: 2 };

type Step = { need: number } | { token: Token; used: number };

export interface TokenizerOptions {
  /** Chinese mode after power-on and after ESC @ (most Chinese models: on; we default to off, to be strict). */
  kanjiAtInit?: boolean;
}

export class EscPosTokenizer {
  #buf: number[] = [];
  #kanji: boolean;
  #codePage = 0;

  constructor(private readonly options: TokenizerOptions = {}) {
    this.#kanji = options.kanjiAtInit ?? false;
  }

  get chineseMode(): boolean {
    return this.#kanji;
  }

  /** Bytes held waiting for the rest of a command. */
  buffered(): number {
    return this.#buf.length;
  }

  push(chunk: ArrayLike<number>): Token[] {
    for (let i = 0; i < chunk.length; i++) this.#buf.push(chunk[i]);
    const out: Token[] = [];
    let at = 0;
    while (at < this.#buf.length) {
      const step = this.#step(at);
      if ('need' in step) break;
      this.#track(step.token);
      const last = out[out.length - 1];
      if (step.token.kind === 'text' && last?.kind === 'text') last.text += step.token.text;
      else out.push(step.token);
      at += step.used;
    }
    this.#buf = this.#buf.slice(at);
    return out;
  }

  #track(t: Token): void {
    if (t.kind !== 'cmd') return;
    if (t.name === 'FS &') this.#kanji = true;
    else if (t.name === 'FS .') this.#kanji = false;
    else if (t.name === 'ESC @') {
      this.#kanji = this.options.kanjiAtInit ?? false;
      this.#codePage = 0;
    } else if (t.name === 'ESC t') this.#codePage = t.args[0];
  }

  #step(at: number): Step {
    const b = this.#buf;
    const c = b[at];
    const has = (n: number) => at + n <= b.length;
    const cmd = (name: string, argCount: number, dataLen = 0, head = 2): Step => {
      if (!has(head + argCount + dataLen)) return { need: head + argCount + dataLen };
      const args = b.slice(at + head, at + head + argCount);
      const data = dataLen ? Uint8Array.from(b.slice(at + head + argCount, at + head + argCount + dataLen)) : undefined;
      return { token: { kind: 'cmd', name, args, ...(data ? { data } : {}) }, used: head + argCount + dataLen };
    };
    if (c === 0x0a) return { token: { kind: 'cmd', name: 'LF', args: [] }, used: 1 };
    if (c === 0x0d) return { token: { kind: 'cmd', name: 'CR', args: [] }, used: 1 };
    if (c === 0x09) return { token: { kind: 'cmd', name: 'HT', args: [] }, used: 1 };
    if (c === 0x0c) return { token: { kind: 'cmd', name: 'FF', args: [] }, used: 1 };
    if (c === ESC || c === GS || c === FS || c === DLE) {
      if (!has(2)) return { need: 2 };
      const d = b[at + 1];
      const ch = String.fromCharCode(d);
      if (c === DLE) {
        if (d === 0x04) return cmd('DLE EOT', 1);
        if (d === 0x05) return cmd('DLE ENQ', 1);
        if (d === 0x14) {
          if (!has(3)) return { need: 3 };
          const fn = b[at + 2];
          return cmd(`DLE DC4 ${fn}`, fn === 1 || fn === 2 ? 3 : fn === 8 ? 7 : 1);
        }
        return { token: { kind: 'unknown', bytes: [c] }, used: 1 };
      }
      if (c === ESC) {
        if (d in ESC_FIXED) return cmd(`ESC ${ch}`, ESC_FIXED[d]);
        if (d === 0x2a) {
          // ESC * m nL nH: 8-dot modes take n bytes, 24-dot modes 3n
          if (!has(5)) return { need: 5 };
          const n = b[at + 3] | (b[at + 4] << 8);
          return cmd('ESC *', 3, b[at + 2] >= 32 ? 3 * n : n);
        }
        if (d === 0x44) return this.#untilNul(at, 'ESC D', 33);
        if (d === 0x63) return cmd('ESC c', 2);
        return { token: { kind: 'unknown', bytes: [c, d] }, used: 2 };
      }
      if (c === GS) {
        if (d === 0x56) {
          if (!has(3)) return { need: 3 };
          return cmd('GS V', b[at + 2] >= 65 ? 2 : 1);
        }
        if (d === 0x76) {
          if (!has(8)) return { need: 8 };
          const x = b[at + 4] | (b[at + 5] << 8);
          const y = b[at + 6] | (b[at + 7] << 8);
          return cmd('GS v 0', 6, x * y);
        }
        if (d === 0x28) {
          // GS ( fn pL pH …: a length-prefixed family (k = QR/2D codes, L = graphics, E = settings…)
          if (!has(5)) return { need: 5 };
          return cmd(`GS ( ${String.fromCharCode(b[at + 2])}`, 3, b[at + 3] | (b[at + 4] << 8));
        }
        if (d === 0x38) {
          // GS 8 L p1 p2 p3 p4: a graphics command with a 32-bit length
          if (!has(7)) return { need: 7 };
          const len = b[at + 3] + b[at + 4] * 0x100 + b[at + 5] * 0x10000 + b[at + 6] * 0x1000000;
          if (len > 16 * 1024 * 1024) return { token: { kind: 'unknown', bytes: [c, d] }, used: 2 };
          return cmd(`GS 8 ${String.fromCharCode(b[at + 2])}`, 5, len);
        }
        if (d === 0x6b) {
          // GS k m: m 0–6 data ends with NUL; m 65–73 has a length byte
          if (!has(3)) return { need: 3 };
          const m = b[at + 2];
          if (m <= 6) return this.#untilNul(at, 'GS k', 256, 3);
          if (!has(4)) return { need: 4 };
          return cmd('GS k', 2, b[at + 3]);
        }
        if (d === 0x2a) {
          if (!has(4)) return { need: 4 };
          return cmd('GS *', 2, b[at + 2] * b[at + 3] * 8);
        }
        if (d in GS_FIXED) return cmd(`GS ${ch}`, GS_FIXED[d]);
        return { token: { kind: 'unknown', bytes: [c, d] }, used: 2 };
      }
      // FS
      if (d === 0x28) {
        if (!has(5)) return { need: 5 };
        return cmd(`FS ( ${String.fromCharCode(b[at + 2])}`, 3, b[at + 3] | (b[at + 4] << 8));
      }
      if (d in FS_FIXED) return cmd(`FS ${ch}`, FS_FIXED[d]);
      return { token: { kind: 'unknown', bytes: [c, d] }, used: 2 };
    }
    if (c < 0x20 || c === 0x7f) return { token: { kind: 'unknown', bytes: [c] }, used: 1 };
    return this.#textRun(at);
  }

  #untilNul(at: number, name: string, max: number, head = 2): Step {
    for (let i = at + head; i < this.#buf.length && i < at + head + max; i++) {
      if (this.#buf[i] === 0) return { token: { kind: 'cmd', name, args: this.#buf.slice(at + head, i) }, used: i - at + 1 };
    }
    if (this.#buf.length - at >= head + max) return { token: { kind: 'cmd', name, args: this.#buf.slice(at + head, at + head + max) }, used: head + max };
    return { need: head + max };
  }

  /** Printable bytes up to the next control byte; GB18030 pairs (and quads) in Chinese mode. */
  #textRun(at: number): Step {
    const b = this.#buf;
    let i = at;
    const bytes: number[] = [];
    while (i < b.length) {
      const c = b[i];
      if (c < 0x20 || c === 0x7f) break;
      if (this.#kanji && c >= 0x81 && c <= 0xfe) {
        if (i + 1 >= b.length) break;
        const n = b[i + 1] >= 0x30 && b[i + 1] <= 0x39 ? 4 : 2;
        if (i + n > b.length) break;
        bytes.push(...b.slice(i, i + n));
        i += n;
        continue;
      }
      bytes.push(c);
      i++;
    }
    if (i === at) return { need: at + 4 - b.length > 0 ? 4 : 1 };
    const text = this.#kanji ? decodeGb18030(Uint8Array.from(bytes)) : decodeCodePage(bytes, this.#codePage);
    return { token: { kind: 'text', text }, used: i - at };
  }
}

/** All tokens of a complete stream. */
export function tokenize(bytes: ArrayLike<number>, options?: TokenizerOptions): Token[] {
  return new EscPosTokenizer(options).push(bytes);
}
