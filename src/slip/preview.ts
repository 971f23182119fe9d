/**
 * Previews of printer bytes, as the printer would print them: text (one string per printed line) and a
 * PNG. They run the bytes through the same ESC/POS interpreter the printer simulator uses, so a preview
 * is exactly what the bytes say, not what the layout meant.
 */
import { EscPosTokenizer } from '../../hal/printer/escpos-tokenizer';
import { GEOMETRY_58, GEOMETRY_80, PaperRoll, rollToText } from '../../hal/printer/paper-roll';
import { loadPngRenderer } from './png-bundle';

function roll(bytes: Uint8Array, paperWidth: 58 | 80): PaperRoll {
  const r = new PaperRoll(paperWidth === 80 ? GEOMETRY_80 : GEOMETRY_58);
  r.apply(new EscPosTokenizer().push(bytes));
  return r;
}

export function previewText(bytes: Uint8Array, paperWidth: 58 | 80 = 58): string {
  return rollToText(roll(bytes, paperWidth));
}

/** PNG bytes; needs GNU Unifont (Debian package `unifont`). */
export function previewPng(bytes: Uint8Array, paperWidth: 58 | 80 = 58): Buffer {
  return loadPngRenderer().rollToPng(roll(bytes, paperWidth));
}
