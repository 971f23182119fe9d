/**
 * A fluent, pure ESC/POS builder sized to a printer profile. Calls append typed commands (see
 * commands.ts); `encode()` flattens them. Layout helpers (line, wrap, rule, row) measure text the way
 * the printer will print it: a Hanzi is two columns, double width doubles everything. A gap of more
 * than four columns between cells (pair, row) goes out as ESC $ (absolute position, 4 bytes) rather
 * than as a run of spaces; shorter gaps stay spaces, so a row never costs more bytes than spaced text.
 *
 *   new EscPosBuilder(profile).init().align('center').bold().line('交易失败').bold(false)
 *     .rule().row([{ text: '终端号', width: 10 }, { text: '10000001', align: 'right' }]).qr('…').cut().encode()
 *
 * Why not @point-of-sale/receipt-printer-encoder: it has no double-byte text (Hanzi become '?'), its
 * initialize() cancels Chinese mode, some of its code-page tables pass control bytes through, and it is
 * not a dependency here. Its shape (fluent, profile-driven, encode() -> Uint8Array, raster in ≤255-row
 * slices) is the one followed.
 */
import { Align, alignOffset, Command, encodeCommands, qrSafe, QrEcc } from './commands';
import type { PrinterProfile } from './profiles';
import { encodeQrMatrix } from './qr-matrix';
import { qrToRaster } from './qr-raster';
import { fitText, printable, sanitizeText, textColumns, TextOptions, wrapText } from './text';

export interface RowCell {
  text: string;
  /** Columns for this cell; cells without one share what is left. */
  width?: number;
  align?: Align;
}

export interface QrOptions {
  /** Dots per module, 1–16 (default 4: a 33-module code is ~16 mm on 203 dpi). */
  moduleDots?: number;
  ecc?: QrEcc;
}

/** Turns data into a QR module matrix (true = dark), or null when it cannot. */
export type QrMatrixEncoder = (data: string, ecc: QrEcc) => boolean[][] | null;

export interface BuilderOptions {
  /**
   * Used only when the profile has no native QR; default: encodeQrMatrix (qr-matrix.ts). When it gives
   * no matrix, or the code does not fit the paper, the QR payload is printed as text.
   */
  qrMatrix?: QrMatrixEncoder;
}

/** Bytes of ESC $ nL nH: a gap of more spaces than this is cheaper as an absolute position. */
const POSITION_BYTES = 4;

const ECC_ORDER: readonly QrEcc[] = ['L', 'M', 'Q', 'H'];

/**
 * Error correction for a rastered code: at least M. A raster goes through the printer's dot pitch and a
 * worn head, so it gets the 15% recovery of M even where the native code would do with L's 7%.
 */
export function rasterQrEcc(wanted: QrEcc): QrEcc {
  return ECC_ORDER.indexOf(wanted) > ECC_ORDER.indexOf('M') ? wanted : 'M';
}

export class EscPosBuilder {
  readonly #list: Command[] = [];
  #widthMul: 1 | 2 = 1;
  #underlined = false;
  readonly #textOptions: TextOptions;

  constructor(
    readonly profile: PrinterProfile,
    private readonly options: BuilderOptions = {},
  ) {
    this.#textOptions = { chineseFont: profile.chineseFont };
  }

  /** Columns a line has at the current character width. */
  get columns(): number {
    return Math.floor(this.profile.columns / this.#widthMul);
  }

  /** Font-A columns of `text` at single width, as this printer prints it. */
  measure(text: string): number {
    return textColumns(text, this.#textOptions);
  }

  init(): this {
    this.#widthMul = 1;
    this.#underlined = false;
    return this.#push({ op: 'init' });
  }

  /** Text without a line end. Control bytes are removed; ¥ becomes ￥. */
  text(text: string): this {
    const clean = sanitizeText(text);
    return clean ? this.#push({ op: 'text', text: clean }) : this;
  }

  newline(): this {
    return this.#push({ op: 'newline' });
  }

  /** Text then a line end; longer text wraps at the current width. */
  line(text = ''): this {
    for (const piece of wrapText(text, this.columns, this.#textOptions)) this.text(piece).newline();
    return this;
  }

  bold(on = true): this {
    return this.#push({ op: 'bold', on });
  }

  underline(on = true): this {
    this.#underlined = on;
    return this.#push({ op: 'underline', on });
  }

  /** Character magnification; width 2 halves the columns of a line. */
  size(width: 1 | 2 = 1, height: 1 | 2 = width): this {
    this.#widthMul = width;
    return this.#push({ op: 'size', width, height });
  }

  align(align: Align): this {
    return this.#push({ op: 'align', align });
  }

  /** A full-width rule of `ch` (one column wide). */
  rule(ch = '-'): this {
    const c = printable(ch, this.#textOptions).slice(0, 1) || '-';
    return this.text(c.repeat(this.columns)).newline();
  }

  /**
   * One logical row of cells side by side. A cell that does not fit wraps within its own width, so a
   * long merchant name never pushes the value off the paper.
   */
  row(cells: readonly RowCell[]): this {
    const widths = this.#cellWidths(cells);
    const wrapped = cells.map((c, i) => wrapText(c.text, widths[i], this.#textOptions));
    const height = Math.max(...wrapped.map((w) => w.length));
    for (let r = 0; r < height; r++) {
      let at = 0; // where the current cell starts
      let col = 0; // where the last printed character ended
      cells.forEach((c, i) => {
        const fitted = fitText(wrapped[i][r] ?? '', widths[i], this.#textOptions);
        const room = widths[i] - this.measure(fitted);
        // Spaces at either end of the text join the gaps around it; nothing trails the last cell.
        const lead = /^ */.exec(fitted)![0].length;
        const body = fitted.slice(lead).replace(/ +$/, '');
        if (body) {
          const start = at + alignOffset(c.align ?? 'left', room) + lead;
          this.#skip(col, start).text(body);
          col = start + this.measure(body);
        }
        at += widths[i];
      });
      this.newline();
    }
    return this;
  }

  /** Label on the left, value on the right; on one line when both fit, else the value on its own line. */
  pair(label: string, value: string): this {
    const l = this.measure(label);
    const v = this.measure(value);
    if (l + 1 + v <= this.columns)
      return this.text(label)
        .#skip(l, this.columns - v)
        .text(printable(value, this.#textOptions))
        .newline();
    this.line(label);
    return this.row([{ text: value, align: 'right' }]);
  }

  feed(lines = 1): this {
    return this.#push({ op: 'feed', lines });
  }

  /** Feeds the paper past the blade and cuts; on a printer without a cutter only feeds to the tear bar. */
  cut(partial = true): this {
    this.#push({ op: 'feed', lines: this.profile.feedBeforeCut });
    return this.profile.cutter ? this.#push({ op: 'cut', partial }) : this;
  }

  /**
   * A QR code: GS ( k where the printer has it; elsewhere a GS v 0 raster of the same code (module size
   * lowered if needed so that it fits the paper), placed by the current alignment.
   */
  qr(data: string, options: QrOptions = {}): this {
    const safe = qrSafe(data);
    const ecc = options.ecc ?? 'M';
    const moduleDots = options.moduleDots ?? 4;
    if (this.profile.nativeQr) return this.#push({ op: 'qr', data: safe, moduleDots, ecc });
    const matrix = (this.options.qrMatrix ?? encodeQrMatrix)(safe, rasterQrEcc(ecc));
    const raster = matrix ? qrToRaster(matrix, moduleDots, this.profile.dots) : null;
    if (!raster) return this.line(safe); // readable by a person, and by a phone's OCR, if not by a scanner
    return this.image(raster);
  }

  /** A 1-bit image, rows of ceil(width/8) bytes, MSB leftmost. Wider than the paper is cut at the edge. */
  image(img: { width: number; height: number; bits: Uint8Array }): this {
    return this.#push({ op: 'raster', width: Math.min(img.width, this.profile.dots), height: img.height, bits: cropRows(img, this.profile.dots) });
  }

  /** GS a: ask for Automatic Status Back (0x0f: drawer, online, error, paper). */
  statusBack(mask = 0x0f): this {
    return this.#push({ op: 'asb', mask });
  }

  /** GS r 1 at the end of a job: its reply says the printer got this far. */
  endOfJobMarker(): this {
    return this.#push({ op: 'paper-status' });
  }

  commands(): readonly Command[] {
    return this.#list;
  }

  encode(): Uint8Array {
    return encodeCommands(this.#list, { ...this.#textOptions, cutter: this.profile.cutter });
  }

  /**
   * Moves the print position from column `from` to column `to` of the current line (columns at the
   * current character width): spaces for a short gap, ESC $ for a long one. Underlined text keeps its
   * spaces, since models differ on whether an ESC $ jump is underlined.
   */
  #skip(from: number, to: number): this {
    const gap = to - from;
    if (gap <= 0) return this;
    if (gap <= POSITION_BYTES || this.#underlined) return this.text(' '.repeat(gap));
    const dots = to * this.#widthMul * (this.profile.dots / this.profile.columns);
    return this.#push({ op: 'position', units: Math.round(dots / this.profile.motionUnitDots) });
  }

  #push(c: Command): this {
    this.#list.push(c);
    return this;
  }

  #cellWidths(cells: readonly RowCell[]): number[] {
    const total = this.columns;
    const fixed = cells.reduce((n, c) => n + (c.width ?? 0), 0);
    const free = cells.filter((c) => c.width === undefined).length;
    const share = free ? Math.max(1, Math.floor((total - fixed) / free)) : 0;
    return cells.map((c) => Math.max(1, c.width ?? share));
  }
}

function cropRows(img: { width: number; height: number; bits: Uint8Array }, maxDots: number): Uint8Array {
  const inBytes = Math.ceil(img.width / 8);
  const outBytes = Math.ceil(Math.min(img.width, maxDots) / 8);
  if (inBytes === outBytes) return img.bits;
  const out = new Uint8Array(outBytes * img.height);
  for (let y = 0; y < img.height; y++) out.set(img.bits.subarray(y * inBytes, y * inBytes + outBytes), y * outBytes);
  return out;
}
