/**
 * Display width in terminal columns: a Hanzi (or any East Asian wide / full-width character) takes two
 * columns, Latin one. A two-line terminal display holds 32 columns of title: 16 Hanzi or 32 Latin.
 */
import { wrapCells } from '../../hal/text-wrap';

export const TITLE_MAX_COLUMNS = 32;

export function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) || // Hangul Jamo
    (cp >= 0x2e80 && cp <= 0x303e) || // CJK radicals, punctuation
    (cp >= 0x3041 && cp <= 0x33ff) || // kana, CJK symbols
    (cp >= 0x3400 && cp <= 0x4dbf) || // CJK ext A
    (cp >= 0x4e00 && cp <= 0x9fff) || // CJK unified
    (cp >= 0xa000 && cp <= 0xa4cf) || // Yi
    (cp >= 0xac00 && cp <= 0xd7a3) || // Hangul
    (cp >= 0xf900 && cp <= 0xfaff) || // CJK compatibility
    (cp >= 0xfe30 && cp <= 0xfe4f) || // CJK compatibility forms
    (cp >= 0xff00 && cp <= 0xff60) || // full-width forms
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += isWide(ch.codePointAt(0)!) ? 2 : 1;
  return w;
}

/** Wraps text to `width` terminal columns, by the rules of the printed slip (hal/text-wrap.ts). */
export function wrapColumns(text: string, width: number): string[] {
  return wrapCells(
    Array.from(text, (ch) => ({ ch, w: isWide(ch.codePointAt(0)!) ? 2 : 1 })),
    width,
  );
}
