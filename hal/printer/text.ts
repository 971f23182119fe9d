/**
 * Text on its way to a printer, pure: sanitizing (no control byte from outside ever reaches the wire),
 * the substitutions a Chinese printer font needs, column widths, and wrapping.
 *
 * Widths follow what the printer does, not Unicode's East Asian Width: in Chinese mode (FS &) every
 * character that goes out as a two-byte GB18030 code is a 24-dot cell, two font-A columns, while ASCII
 * stays one column. Characters whose GB18030 form is four bytes (¥ U+00A5, ✓) print wrongly on printers
 * that implement only GBK, so they are replaced before measuring.
 */
import { stripControls } from '../safe-text';
import { wrapCells } from '../text-wrap';
import { gb18030TwoBytes } from './gb18030';

/**
 * Removes control characters (C0, DEL, C1, bidi and invisible format controls, lone surrogate halves);
 * tabs and line breaks become spaces. The shared step of hal/safe-text.ts; well-formed surrogate pairs
 * stay (they are dropped later as unprintable).
 */
export function sanitizeText(input: string): string {
  return stripControls(String(input));
}

/** Characters that print better as another: the yen/yuan sign the GB font has, plain quotes and dashes. */
const SUBSTITUTES: Record<string, string> = {
  '\u00a5': '\uffe5', // ¥ -> ￥ (two-byte A3A4 in GB18030; ¥ would be four bytes)
  '\u00a0': ' ',
  '\u2007': ' ',
  '\u202f': ' ',
  '\u3000': '  ', // ideographic space: two ASCII spaces keep the same width without a double-byte code
};

export interface TextOptions {
  /** The printer has a resident GB18030 font (profile.chineseFont). */
  chineseFont: boolean;
}

export interface PrinterChar {
  /** The character as the printer shows it: '?' for one it cannot print. */
  ch: string;
  /** 1 or 2 font-A columns. */
  columns: 1 | 2;
  /** The bytes the printer receives for it. */
  bytes: number[];
  /** Needs Chinese mode (FS &) on. */
  doubleByte: boolean;
}

/** What an unprintable character becomes. */
const QUESTION: PrinterChar = { ch: '?', columns: 1, bytes: [0x3f], doubleByte: false };
const cache = new Map<string, PrinterChar>();

/** Maps one character (a code point) to what the printer gets. Unprintable ones become '?'. */
export function printerChar(ch: string, options: TextOptions): PrinterChar {
  const key = `${options.chineseFont ? 'z' : 'a'}${ch}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let out: PrinterChar;
  const code = ch.codePointAt(0) ?? 0x3f;
  if (code >= 0x20 && code <= 0x7e) out = { ch, columns: 1, bytes: [code], doubleByte: false };
  else if (options.chineseFont && code >= 0xa0) {
    // Only two-byte codes print: four-byte ones are beyond a GBK font; a lone surrogate has no code at all.
    const bytes = gb18030TwoBytes(code);
    out = bytes ? { ch, columns: 2, bytes, doubleByte: true } : QUESTION;
  } else out = QUESTION;
  if (cache.size < 20_000) cache.set(key, out);
  return out;
}

/** Sanitized, substituted characters, one entry per code point. */
export function printerChars(input: string, options: TextOptions): PrinterChar[] {
  const clean = sanitizeText(input);
  const out: PrinterChar[] = [];
  for (const raw of clean) {
    const sub = SUBSTITUTES[raw] ?? raw;
    for (const ch of sub) out.push(printerChar(ch, options));
  }
  return out;
}

/** Font-A columns the text takes on this printer. */
export function textColumns(input: string, options: TextOptions): number {
  return printerChars(input, options).reduce((n, c) => n + c.columns, 0);
}

/** The text as the printer will show it (after sanitizing and substitutions, '?' for the unprintable). */
export function printable(input: string, options: TextOptions): string {
  return printerChars(input, options)
    .map((c) => c.ch)
    .join('');
}

/**
 * Wraps to `width` printer columns (hal/text-wrap.ts): ASCII words and codes move down whole, CJK breaks
 * anywhere but before its punctuation. A character the printer cannot print is measured as its '?'.
 */
export function wrapText(input: string, width: number, options: TextOptions): string[] {
  return wrapCells(
    printerChars(input, options).map((c) => ({ ch: c.ch, w: c.columns })),
    width,
  );
}

/** Cuts text to at most `width` columns (a Hanzi that would straddle the edge is left out). */
export function fitText(input: string, width: number, options: TextOptions): string {
  let used = 0;
  let out = '';
  for (const c of printerChars(input, options)) {
    if (used + c.columns > width) break;
    used += c.columns;
    out += c.ch;
  }
  return out;
}

/** Pads to exactly `width` columns, cutting when longer. */
export function padText(input: string, width: number, align: 'left' | 'right' | 'center', options: TextOptions): string {
  const text = fitText(input, width, options);
  const gap = width - textColumns(text, options);
  if (align === 'right') return ' '.repeat(gap) + text;
  if (align === 'center') return ' '.repeat(gap >> 1) + text + ' '.repeat(gap - (gap >> 1));
  return text + ' '.repeat(gap);
}
