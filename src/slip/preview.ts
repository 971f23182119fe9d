/**
 * Previews of printer bytes, as the printer would print them: text (one string per printed line) and a
 * PNG. They run the bytes through the same ESC/POS interpreter the printer simulator uses, so a preview
 * is exactly what the bytes say, not what the layout meant.
 */
import { EscPosTokenizer } from '../../hal/printer/escpos-tokenizer';
import { GEOMETRY_58, GEOMETRY_80, PaperRoll, rollToText } from '../../hal/printer/paper-roll';
import { safeText } from '../../hal/safe-text';
import { LOCALES } from '../i18n/locale';
import { slipLabels } from './labels';
import { loadPngRenderer } from './png-bundle';

function roll(bytes: Uint8Array, paperWidth: 58 | 80): PaperRoll {
  const r = new PaperRoll(paperWidth === 80 ? GEOMETRY_80 : GEOMETRY_58);
  r.apply(new EscPosTokenizer().push(bytes));
  return r;
}

/** The most characters of a text preview: a long slip is a few thousand; a damaged store may hold anything. */
export const PREVIEW_MAX = 20_000;

/**
 * The slip as text for a screen. Stored bytes may be damaged, so the text is scrubbed like any text from
 * outside (hal/safe-text.ts), by the slip's rule: dates, times and `+` telephone numbers stay, and so do
 * the terminal and merchant ids where the slip prints them (the value of their labelled line).
 */
export function previewText(bytes: Uint8Array, paperWidth: 58 | 80 = 58): string {
  const text = rollToText(roll(bytes, paperWidth));
  return safeText(text, { lines: true, max: PREVIEW_MAX, phones: true, keep: printedIds(text) });
}

/**
 * The ids on a slip: the value of a line that starts with a terminal or merchant id label, in any locale
 * (a stored slip may be in any of them). Built on first use: it reads every locale's texts.
 */
let idLine: RegExp | undefined;

function printedIds(text: string): string[] {
  idLine ??= new RegExp(
    `^(?:${LOCALES.map(slipLabels)
      .flatMap((L) => [L.terminalId, L.merchantId])
      .join('|')}) +([0-9A-Za-z]{15}|[0-9A-Za-z]{8})$`,
    'gm',
  );
  return Array.from(text.matchAll(idLine), (m) => m[1]!);
}

/** PNG bytes; needs GNU Unifont (Debian package `unifont`). */
export function previewPng(bytes: Uint8Array, paperWidth: 58 | 80 = 58): Buffer {
  return loadPngRenderer().rollToPng(roll(bytes, paperWidth));
}
