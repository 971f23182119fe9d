/**
 * A virtual paper roll: ESC/POS tokens applied to a printer model, producing what would come out on
 * paper. Pure; the slip preview (src/slip/roll-png.ts and the text renderer below) and the printer
 * simulator read the same model.
 */
import { Align, alignOffset } from './commands';
import type { Token } from './escpos-tokenizer';

export interface Glyph {
  ch: string;
  /** Font-A columns at single size: 1 for ASCII, 2 for a Hanzi. */
  cols: 1 | 2;
  bold: boolean;
  underline: boolean;
  width: 1 | 2;
  height: 1 | 2;
}

export type RollItem =
  | { kind: 'text'; glyphs: Glyph[]; align: Align; leftMarginDots: number; areaDots: number }
  | { kind: 'feed'; lines: number }
  | { kind: 'raster'; width: number; height: number; bits: Uint8Array; align: Align }
  | { kind: 'qr'; data: string; moduleDots: number; align: Align }
  | { kind: 'cut'; partial: boolean };

export interface RollGeometry {
  /** Printable dots across: 384 on 58 mm, 576 on 80 mm. */
  dots: number;
  /** Font A cell: 12 dots wide. */
  cellDots: number;
  /** Dots per horizontal motion unit, the unit of ESC $ (default 1: 1/203 inch, one dot). */
  motionUnitDots?: number;
}

/** Font-A columns a line of glyphs takes, magnification included. */
export function glyphColumns(glyphs: readonly Glyph[]): number {
  return glyphs.reduce((n, g) => n + g.cols * g.width, 0);
}

export const GEOMETRY_58: RollGeometry = { dots: 384, cellDots: 12 };
export const GEOMETRY_80: RollGeometry = { dots: 576, cellDots: 12 };

/** What the printer did besides printing; the simulator answers or records these. */
export type RollEvent =
  { kind: 'paper-status'; n: number } | { kind: 'asb'; mask: number } | { kind: 'pulse' } | { kind: 'init' } | { kind: 'unknown'; name: string };

export class PaperRoll {
  readonly items: RollItem[] = [];
  /** Lines of text printed, feeds included; the simulator's paper counter. */
  linesPrinted = 0;
  #line: Glyph[] = [];
  #lineAlign: Align = 'left';
  #align: Align = 'left';
  #bold = false;
  #underline = false;
  #width: 1 | 2 = 1;
  #height: 1 | 2 = 1;
  #leftMargin = 0;
  #area: number;
  #graphics: { width: number; height: number; bits: Uint8Array } | null = null;
  #qr: { data: string; moduleDots: number } = { data: '', moduleDots: 3 };

  constructor(readonly geometry: RollGeometry = GEOMETRY_58) {
    this.#area = geometry.dots;
  }

  /** Applies tokens; returns events for the simulator (status requests and the like). */
  apply(tokens: readonly Token[]): RollEvent[] {
    const events: RollEvent[] = [];
    for (const t of tokens) {
      if (t.kind === 'text') this.#addText(t.text);
      else if (t.kind === 'cmd') this.#command(t, events);
    }
    return events;
  }

  #command(t: Extract<Token, { kind: 'cmd' }>, events: RollEvent[]): void {
    const a = t.args;
    switch (t.name) {
      case 'LF':
        this.#printLine(true);
        break;
      case 'CR':
      case 'HT':
        break;
      case 'ESC @':
        this.#printLine(false);
        this.#align = this.#lineAlign = 'left';
        this.#bold = this.#underline = false;
        this.#width = this.#height = 1;
        this.#leftMargin = 0;
        this.#area = this.geometry.dots;
        events.push({ kind: 'init' });
        break;
      case 'ESC E':
      case 'ESC G':
        this.#bold = (a[0] & 1) === 1;
        break;
      case 'ESC -':
      case 'FS -':
        this.#underline = (a[0] & 3) !== 0 && a[0] !== 48;
        break;
      case 'ESC !':
        this.#bold = (a[0] & 0x08) !== 0;
        this.#height = a[0] & 0x10 ? 2 : 1;
        this.#width = a[0] & 0x20 ? 2 : 1;
        this.#underline = (a[0] & 0x80) !== 0;
        break;
      case 'GS !':
        this.#width = (a[0] >> 4) & 7 ? 2 : 1;
        this.#height = a[0] & 7 ? 2 : 1;
        break;
      case 'ESC a': {
        const v = a[0] % 48;
        this.#align = v === 1 ? 'center' : v === 2 ? 'right' : 'left';
        if (this.#line.length === 0) this.#lineAlign = this.#align; // effective at the start of a line only
        break;
      }
      case 'ESC d':
        this.#printLine(false);
        this.#feed(a[0]);
        break;
      case 'ESC J':
        this.#printLine(false);
        this.#feed(Math.round(a[0] / 30));
        break;
      case 'ESC $':
        this.#moveTo((a[0] | (a[1] << 8)) * (this.geometry.motionUnitDots ?? 1), events);
        break;
      case 'GS L':
        this.#leftMargin = a[0] | (a[1] << 8);
        break;
      case 'GS W':
        this.#area = a[0] | (a[1] << 8) || this.geometry.dots;
        break;
      case 'GS V':
      case 'ESC i':
      case 'ESC m':
        this.#printLine(false);
        if (t.name === 'GS V' && a[0] >= 65) this.#feed(Math.max(1, Math.round(a[1] / 30)));
        this.items.push({ kind: 'cut', partial: t.name === 'ESC m' || a[0] % 48 === 1 || a[0] === 66 });
        break;
      case 'GS v 0':
        this.#printLine(false);
        this.#raster((a[2] | (a[3] << 8)) * 8, a[4] | (a[5] << 8), t.data ?? new Uint8Array());
        break;
      case 'GS ( L':
      case 'GS 8 L':
        this.#graphicsCommand(t);
        break;
      case 'GS ( k':
        this.#qrCommand(t);
        break;
      case 'GS a':
        events.push({ kind: 'asb', mask: a[0] });
        break;
      case 'GS r':
        events.push({ kind: 'paper-status', n: a[0] });
        break;
      case 'ESC p':
      case 'DLE DC4 1':
        events.push({ kind: 'pulse' });
        break;
      // Accepted, no effect on this model: code pages and character sets are handled by the tokenizer,
      // Kanji font selection has one font here.
      case 'ESC t':
      case 'ESC R':
      case 'FS &':
      case 'FS .':
      case 'FS !':
      case 'FS C':
      case 'FS W':
      case 'FS ( A':
      case 'ESC 2':
      case 'ESC 3':
      case 'ESC M':
      case 'GS B':
        break;
      default:
        events.push({ kind: 'unknown', name: t.name });
    }
  }

  #addText(text: string): void {
    for (const ch of text) {
      const cols: 1 | 2 = ch.codePointAt(0)! < 0x80 ? 1 : 2;
      const used = glyphColumns(this.#line);
      const max = Math.floor(this.#area / this.geometry.cellDots);
      if (used + cols * this.#width > max) this.#printLine(false); // the printer wraps a full line itself
      if (this.#line.length === 0) this.#lineAlign = this.#align;
      this.#line.push({ ch, cols, bold: this.#bold, underline: this.#underline, width: this.#width, height: this.#height });
    }
  }

  /**
   * ESC $: the next character prints `dots` from the start of the line. The space passed over is
   * filled with blank cells in the current style, at the current width where they fit, so the line
   * reads (and draws) exactly as it would with padding spaces. A position past the printing area is
   * ignored, as printers do; a move back over printed text (overprinting) is not modelled.
   */
  #moveTo(dots: number, events: RollEvent[]): void {
    const cell = this.geometry.cellDots;
    const here = glyphColumns(this.#line) * cell;
    if (dots >= this.#area) return;
    if (dots < here) {
      events.push({ kind: 'unknown', name: 'ESC $ (backwards)' });
      return;
    }
    if (this.#line.length === 0) this.#lineAlign = this.#align;
    const blank = (width: 1 | 2): Glyph => ({ ch: ' ', cols: 1, bold: this.#bold, underline: this.#underline, width, height: this.#height });
    let left = Math.round((dots - here) / cell); // whole columns: the model has no finer grain
    for (; left >= this.#width; left -= this.#width) this.#line.push(blank(this.#width));
    for (; left > 0; left--) this.#line.push(blank(1));
  }

  #printLine(emptyFeeds: boolean): void {
    if (this.#line.length === 0) {
      if (emptyFeeds) this.#feed(1);
      return;
    }
    this.items.push({ kind: 'text', glyphs: this.#line, align: this.#lineAlign, leftMarginDots: this.#leftMargin, areaDots: this.#area });
    this.linesPrinted += Math.max(...this.#line.map((g) => g.height));
    this.#line = [];
    this.#lineAlign = this.#align;
  }

  #feed(lines: number): void {
    if (lines <= 0) return;
    const last = this.items[this.items.length - 1];
    if (last?.kind === 'feed') last.lines += lines;
    else this.items.push({ kind: 'feed', lines });
    this.linesPrinted += lines;
  }

  #raster(width: number, height: number, bits: Uint8Array): void {
    this.items.push({ kind: 'raster', width, height, bits, align: this.#align });
    this.linesPrinted += Math.ceil(height / 30);
  }

  #graphicsCommand(t: Extract<Token, { kind: 'cmd' }>): void {
    // Both forms carry the same body after their length: m fn … (fn 112 stores a raster, 50 prints it).
    const body = t.data ?? new Uint8Array();
    const fn = body[1];
    if (fn === 112 && body.length >= 10) {
      // m fn a bx by c xL xH yL yH d…: store a raster graphic
      const x = body[6] | (body[7] << 8);
      const y = body[8] | (body[9] << 8);
      this.#graphics = { width: x, height: y, bits: body.subarray(10, 10 + Math.ceil(x / 8) * y) };
    } else if ((fn === 50 || fn === 2) && this.#graphics) {
      this.#printLine(false);
      this.#raster(Math.ceil(this.#graphics.width / 8) * 8, this.#graphics.height, this.#graphics.bits);
    }
  }

  #qrCommand(t: Extract<Token, { kind: 'cmd' }>): void {
    const body = t.data ?? new Uint8Array();
    const [cn, fn] = [body[0], body[1]];
    if (cn !== 0x31) return; // only QR (cn 49) among the 2D codes
    if (fn === 0x43) this.#qr.moduleDots = body[2];
    else if (fn === 0x50) this.#qr.data = Buffer.from(body.subarray(3)).toString('latin1');
    else if (fn === 0x51) {
      this.#printLine(false);
      this.items.push({ kind: 'qr', data: this.#qr.data, moduleDots: this.#qr.moduleDots, align: this.#align });
      this.linesPrinted += 6;
    }
  }
}

/** The roll as text: one string per printed line, aligned in font-A columns; pictures as markers. */
export function rollToText(roll: PaperRoll): string {
  const cols = Math.floor(roll.geometry.dots / roll.geometry.cellDots);
  const out: string[] = [];
  for (const item of roll.items) {
    switch (item.kind) {
      case 'text': {
        const text = item.glyphs.map((g) => g.ch).join('');
        const room = Math.max(0, Math.floor(item.areaDots / roll.geometry.cellDots) - glyphColumns(item.glyphs));
        out.push((' '.repeat(alignOffset(item.align, room) + Math.round(item.leftMarginDots / roll.geometry.cellDots)) + text).trimEnd());
        break;
      }
      case 'feed':
        for (let i = 0; i < item.lines; i++) out.push('');
        break;
      case 'raster':
        out.push(`[image ${item.width}x${item.height}]`);
        break;
      case 'qr':
        out.push(`[QR ${item.data}]`);
        break;
      case 'cut':
        out.push(`${item.partial ? '- ' : '= '}`.repeat(cols >> 1).trimEnd());
        break;
    }
  }
  return out.join('\n');
}
