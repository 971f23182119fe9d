/**
 * The printer commands posdiag writes, as typed values, and their ESC/POS encoding. Nothing here takes
 * raw bytes from a caller: text is sanitized again at encode time, QR data is restricted to printable
 * ASCII, and raster data is scrubbed of byte runs a printer would act on in real time. So a command
 * list, however it was built, only ever produces the commands listed in `Command`.
 */
import { printerChars, sanitizeText, TextOptions } from './text';

export type Align = 'left' | 'center' | 'right';

/** Where a line starts that is `room` columns (or dots) narrower than its space, by its alignment. */
export function alignOffset(align: Align, room: number): number {
  return align === 'center' ? room >> 1 : align === 'right' ? room : 0;
}
export type QrEcc = 'L' | 'M' | 'Q' | 'H';

export type Command =
  | { op: 'init' }
  | { op: 'text'; text: string }
  | { op: 'newline' }
  /**
   * ESC $ nL nH: the next character prints at this distance from the start of the line (the left
   * margin), in horizontal motion units. Only the builder makes it, from a column it computed itself;
   * it stands in for a run of padding spaces (4 bytes, whatever the run's length).
   */
  | { op: 'position'; units: number }
  | { op: 'bold'; on: boolean }
  | { op: 'underline'; on: boolean }
  | { op: 'size'; width: 1 | 2; height: 1 | 2 }
  | { op: 'align'; align: Align }
  | { op: 'feed'; lines: number }
  | { op: 'cut'; partial: boolean }
  | { op: 'qr'; data: string; moduleDots: number; ecc: QrEcc }
  /** 1 bit per dot, rows of ceil(width/8) bytes, MSB = leftmost dot. */
  | { op: 'raster'; width: number; height: number; bits: Uint8Array }
  /** GS a n: Automatic Status Back for these events (bit0 drawer, 1 online, 2 error, 3 paper). */
  | { op: 'asb'; mask: number }
  /** GS r 1: the paper sensor, answered in order with the data, so it marks the end of a job. */
  | { op: 'paper-status' };

export const ESC = 0x1b;
export const GS = 0x1d;
export const FS = 0x1c;
export const DLE = 0x10;
export const LF = 0x0a;

/** Bytes of commands that are not queued but acted on the moment they arrive (DLE EOT/ENQ/DC4). */
export const REALTIME_SECOND_BYTES = [0x04, 0x05, 0x14];

/** Largest ESC $ position written (see encodeCommands). */
export const MAX_POSITION_UNITS = 0x3ff;

/** Most raster rows per GS v 0: some firmware reads only the low byte of the height. */
export const RASTER_ROWS_PER_COMMAND = 255;

export interface EncodeOptions extends TextOptions {
  cutter: boolean;
}

/** Flattens commands to bytes. Chinese mode (FS &) is switched on before the first double-byte text. */
export function encodeCommands(commands: readonly Command[], options: EncodeOptions): Uint8Array {
  const out: number[] = [];
  let chineseMode = false;
  for (const c of commands) {
    switch (c.op) {
      case 'init':
        out.push(ESC, 0x40);
        chineseMode = false; // ESC @ returns the printer to its power-on mode, which we do not assume
        break;
      case 'text':
        for (const ch of printerChars(c.text, options)) {
          if (ch.doubleByte && !chineseMode) {
            out.push(FS, 0x26);
            chineseMode = true;
          }
          out.push(...ch.bytes);
        }
        break;
      case 'newline':
        out.push(LF);
        break;
      case 'position': {
        // At most 1023 (nH ≤ 3): wider than any roll here, and nL nH can then never spell DLE EOT/ENQ/DC4.
        const units = clampInt(c.units, 0, MAX_POSITION_UNITS);
        out.push(ESC, 0x24, units & 0xff, units >> 8);
        break;
      }
      case 'bold':
        out.push(ESC, 0x45, c.on ? 1 : 0);
        break;
      case 'underline':
        out.push(ESC, 0x2d, c.on ? 1 : 0);
        if (options.chineseFont) out.push(FS, 0x2d, c.on ? 1 : 0); // Kanji underline is a separate setting
        break;
      case 'size':
        out.push(GS, 0x21, ((clampInt(c.width, 1, 2) - 1) << 4) | (clampInt(c.height, 1, 2) - 1));
        break;
      case 'align':
        out.push(ESC, 0x61, c.align === 'left' ? 0 : c.align === 'center' ? 1 : 2);
        break;
      case 'feed':
        out.push(ESC, 0x64, clampInt(c.lines, 0, 255));
        break;
      case 'cut':
        if (options.cutter) out.push(GS, 0x56, c.partial ? 1 : 0);
        break;
      case 'qr':
        out.push(...encodeQr(c.data, c.moduleDots, c.ecc));
        break;
      case 'raster':
        out.push(...encodeRaster(c.width, c.height, c.bits));
        break;
      case 'asb':
        out.push(GS, 0x61, clampInt(c.mask, 0, 255));
        break;
      case 'paper-status':
        out.push(GS, 0x72, 0x01);
        break;
    }
  }
  return Uint8Array.from(out);
}

function clampInt(n: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, Math.round(Number.isFinite(n) ? n : lo)));
}

/** QR data the builder accepts: printable ASCII only (the summary is ours; nothing else goes in). */
export function qrSafe(data: string): string {
  return sanitizeText(data).replace(/[^\x20-\x7e]/g, '?');
}

const ECC_BYTE: Record<QrEcc, number> = { L: 0x30, M: 0x31, Q: 0x32, H: 0x33 };

/** GS ( k, function 165/167/169/180/181: model 2, module size, error correction, store, print. */
export function encodeQr(data: string, moduleDots: number, ecc: QrEcc): number[] {
  const bytes = [...Buffer.from(qrSafe(data), 'latin1')].slice(0, 7089);
  const store = bytes.length + 3;
  return [
    GS,
    0x28,
    0x6b,
    0x04,
    0x00,
    0x31,
    0x41,
    0x32,
    0x00,
    GS,
    0x28,
    0x6b,
    0x03,
    0x00,
    0x31,
    0x43,
    clampInt(moduleDots, 1, 16),
    GS,
    0x28,
    0x6b,
    0x03,
    0x00,
    0x31,
    0x45,
    ECC_BYTE[ecc] ?? 0x31,
    GS,
    0x28,
    0x6b,
    store & 0xff,
    store >> 8,
    0x31,
    0x50,
    0x30,
    ...bytes,
    GS,
    0x28,
    0x6b,
    0x03,
    0x00,
    0x31,
    0x51,
    0x30,
  ];
}

/** GS v 0 in slices of at most 255 rows. */
export function encodeRaster(width: number, height: number, bits: Uint8Array): number[] {
  const rowBytes = Math.ceil(width / 8);
  const out: number[] = [];
  const data = scrubRealtime(bits.subarray(0, rowBytes * height));
  for (let y = 0; y < height; y += RASTER_ROWS_PER_COMMAND) {
    const rows = Math.min(RASTER_ROWS_PER_COMMAND, height - y);
    out.push(GS, 0x76, 0x30, 0x00, rowBytes & 0xff, rowBytes >> 8, rows & 0xff, rows >> 8);
    for (let i = y * rowBytes; i < (y + rows) * rowBytes; i++) out.push(data[i] ?? 0);
  }
  return out;
}

/**
 * Printers act on DLE EOT / DLE ENQ / DLE DC4 even inside image data. Where image bytes happen to spell
 * one, the DLE byte loses one dot (0x10 -> 0x00): invisible on paper, and it can no longer trigger a
 * status reply or a drawer pulse.
 */
export function scrubRealtime(bits: Uint8Array): Uint8Array {
  const out = Uint8Array.from(bits);
  for (let i = 0; i + 1 < out.length; i++) {
    if (out[i] === DLE && REALTIME_SECOND_BYTES.includes(out[i + 1])) out[i] = 0x00;
  }
  return out;
}
