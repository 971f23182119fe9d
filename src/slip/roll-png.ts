/**
 * Renders a PaperRoll as a PNG a person can read, Chinese included, with GNU Unifont glyphs
 * (Debian package `unifont`: /usr/share/unifont/unifont.hex; 8×16 half-width, 16×16 full-width).
 * Glyphs are scaled ×1.5 so a cell is the printer's 12×24 (ASCII) or 24×24 (Hanzi) at 203 dpi: the
 * picture has the paper's real proportions, one pixel per printer dot.
 */
import { existsSync } from 'node:fs';
import { readBounded } from '../files/bounded-read';
import { MiB } from '../files/limits';
import { encodeGrayPng, type GrayImage } from './png-writer';
import { alignOffset } from '../../hal/printer/commands';
import { glyphColumns, type Glyph, type PaperRoll, type RollItem } from '../../hal/printer/paper-roll';

export const UNIFONT_PATH = process.env.POSDIAG_UNIFONT ?? '/usr/share/unifont/unifont.hex';
const UNIFONT_MAX_BYTES = 16 * MiB;

interface FontGlyph {
  /** 8 or 16 */
  w: number;
  /** 16 rows, bit (w-1-x) of row y is the dot at x. */
  rows: number[];
}

/** Glyphs by code point, parsed when first drawn. */
interface Font {
  get(cp: number): FontGlyph | undefined;
}

let font: Font | null = null;

/**
 * GNU Unifont, read once into a buffer (3.7 MB) and searched by code point: its lines are sorted, so a
 * binary search over byte offsets finds a glyph. Parsing all ~57 000 glyphs up front cost about 30 MB
 * for a slip that draws a few hundred.
 */
function loadFont(): Font {
  if (font) return font;
  if (!existsSync(UNIFONT_PATH)) {
    throw new Error(`roll preview needs GNU Unifont at ${UNIFONT_PATH}: install the Debian package "unifont" (apt-get install unifont) or set POSDIAG_UNIFONT`);
  }
  // POSDIAG_UNIFONT may name anything: only a regular file of a font's size is read (unifont.hex: 3.7 MB).
  const read = readBounded(UNIFONT_PATH, { maxBytes: UNIFONT_MAX_BYTES, followLinks: true });
  if (read.state !== 'ok') throw new Error(`roll preview cannot use ${UNIFONT_PATH} as GNU Unifont: ${read.state === 'missing' ? 'it is gone' : read.detail}`);
  const text = read.data;
  const cache = new Map<number, FontGlyph | undefined>();
  // The line that starts at or before `at`: [start, code point].
  const lineAt = (at: number): [number, number] => {
    const start = at <= 0 ? 0 : text.lastIndexOf(NL, at - 1) + 1;
    return [start, parseInt(text.toString('latin1', start, Math.max(start, text.indexOf(COLON, start))), 16)];
  };
  const find = (cp: number): FontGlyph | undefined => {
    let lo = 0;
    let hi = text.length;
    while (lo < hi) {
      const [start, here] = lineAt((lo + hi) >> 1);
      if (here === cp) return parseGlyph(text, start);
      if (Number.isNaN(here) || here < cp) {
        const next = text.indexOf(NL, start);
        if (next < 0) return undefined;
        lo = next + 1;
      } else hi = start;
    }
    return undefined;
  };
  font = {
    get(cp) {
      if (!cache.has(cp)) cache.set(cp, find(cp));
      return cache.get(cp);
    },
  };
  return font;
}

const NL = 0x0a;
const COLON = 0x3a;

function parseGlyph(text: Buffer, start: number): FontGlyph {
  const colon = text.indexOf(COLON, start);
  const end = text.indexOf(NL, colon);
  const hex = text.toString('latin1', colon + 1, end < 0 ? text.length : end).trim();
  const w = hex.length === 64 ? 16 : 8;
  const step = w / 4;
  const rows: number[] = [];
  for (let y = 0; y < 16; y++) rows.push(parseInt(hex.slice(y * step, (y + 1) * step), 16));
  return { w, rows };
}

const MARGIN = 16;
const LINE_GAP = 6; // default line pitch is 30 dots: a 24-dot cell and 6 dots of space

class Canvas {
  readonly data: Uint8Array;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.data = new Uint8Array(width * height).fill(255);
  }
  dot(x: number, y: number): void {
    if (x >= 0 && y >= 0 && x < this.width && y < this.height) this.data[y * this.width + x] = 0;
  }
  rect(x: number, y: number, w: number, h: number): void {
    for (let j = 0; j < h; j++) for (let i = 0; i < w; i++) this.dot(x + i, y + j);
  }
}

function itemHeight(item: RollItem): number {
  switch (item.kind) {
    case 'text':
      return Math.max(...item.glyphs.map((g) => 24 * g.height)) + LINE_GAP;
    case 'feed':
      return 30 * item.lines;
    case 'raster':
      return item.height;
    case 'qr':
      return qrSide(item) + 16 * Math.ceil(item.data.length / 40) + 8;
    case 'cut':
      return 12;
  }
}

function qrSide(item: Extract<RollItem, { kind: 'qr' }>): number {
  // A placeholder the size a version-3 code (29 modules + quiet zone) would take.
  return 37 * Math.max(1, Math.min(8, item.moduleDots));
}

/** Draws one glyph (scaled ×1.5 × magnification) with its top-left at x, y; returns its width in dots. */
function drawGlyph(c: Canvas, g: Glyph, x: number, y: number, baseline: number, fonts: Font): number {
  const cellW = 12 * g.cols * g.width;
  const cellH = 24 * g.height;
  const top = y + baseline - cellH;
  const fg = fonts.get(g.ch.codePointAt(0) ?? 0x3f);
  if (!fg) {
    // No glyph: an outlined box, as a printer prints an undefined character
    c.rect(x + 1, top + 2, cellW - 2, 1);
    c.rect(x + 1, top + cellH - 2, cellW - 2, 1);
    c.rect(x + 1, top + 2, 1, cellH - 3);
    c.rect(x + cellW - 2, top + 2, 1, cellH - 3);
    return cellW;
  }
  const sx = cellW / fg.w;
  const sy = cellH / 16;
  for (let dy = 0; dy < cellH; dy++) {
    const row = fg.rows[Math.floor(dy / sy)];
    for (let dx = 0; dx < cellW; dx++) {
      const bitX = Math.floor(dx / sx);
      if ((row >> (fg.w - 1 - bitX)) & 1) {
        c.dot(x + dx, top + dy);
        if (g.bold) c.dot(x + dx + 1, top + dy);
      }
    }
  }
  if (g.underline) c.rect(x, top + cellH - 2, cellW, 2);
  return cellW;
}

export interface PngOptions {
  /** Rows of white before and after the printed part, like a torn-off slip. */
  marginDots?: number;
}

/** The roll as PNG bytes: one bit per dot, as the printer's head prints it. */
export function rollToPng(roll: PaperRoll, options: PngOptions = {}): Buffer {
  return encodeGrayPng(rollToImage(roll, options), { bitDepth: 1 });
}

/** The roll drawn one pixel per printer dot: 0 where a dot is printed, 255 for paper. */
export function rollToImage(roll: PaperRoll, options: PngOptions = {}): GrayImage {
  const fonts = loadFont();
  const margin = options.marginDots ?? MARGIN;
  const dots = roll.geometry.dots;
  const width = dots + 2 * margin;
  const height = Math.max(1, roll.items.reduce((n, it) => n + itemHeight(it), 0) + 2 * margin);
  const c = new Canvas(width, height);
  let y = margin;
  for (const item of roll.items) {
    const h = itemHeight(item);
    switch (item.kind) {
      case 'text': {
        const room = Math.max(0, item.areaDots - 12 * glyphColumns(item.glyphs));
        let x = margin + item.leftMarginDots + alignOffset(item.align, room);
        const baseline = h - LINE_GAP;
        for (const g of item.glyphs) x += drawGlyph(c, g, x, y, baseline, fonts);
        break;
      }
      case 'raster': {
        const rowBytes = Math.ceil(item.width / 8);
        const room = Math.max(0, dots - item.width);
        const x0 = margin + alignOffset(item.align, room);
        for (let j = 0; j < item.height; j++)
          for (let i = 0; i < item.width; i++) if (item.bits[j * rowBytes + (i >> 3)] & (0x80 >> (i & 7))) c.dot(x0 + i, y + j);
        break;
      }
      case 'qr': {
        // The simulator has no QR encoder: it draws the code's place and prints the payload under it.
        const side = qrSide(item);
        const x0 = margin + Math.floor((dots - side) / 2);
        c.rect(x0, y, side, 3);
        c.rect(x0, y + side - 3, side, 3);
        c.rect(x0, y, 3, side);
        c.rect(x0 + side - 3, y, 3, side);
        for (const [fx, fy] of [
          [0, 0],
          [side - 28, 0],
          [0, side - 28],
        ])
          c.rect(x0 + fx + 6, y + fy + 6, 16, 16);
        const chunks = item.data.match(/.{1,40}/g) ?? [];
        chunks.forEach((chunk, row) => {
          let x = margin;
          for (const ch of chunk) {
            const fg = fonts.get(ch.codePointAt(0) ?? 0x3f);
            if (fg)
              for (let dy = 0; dy < 16; dy++)
                for (let dx = 0; dx < fg.w; dx++) if ((fg.rows[dy] >> (fg.w - 1 - dx)) & 1) c.dot(x + dx, y + side + 4 + row * 16 + dy);
            x += 9;
          }
        });
        break;
      }
      case 'cut':
        for (let x = margin; x < margin + dots; x += 8) c.rect(x, y + 5, 4, 1);
        break;
      case 'feed':
        break;
    }
    y += h;
  }
  return { width, height, data: c.data };
}
