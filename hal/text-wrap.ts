/**
 * Line breaking for fixed-column displays and printers, pure: the one algorithm behind the printed slip
 * (hal/printer/text.ts, columns as the printer counts them) and the screens (src/i18n/width.ts, columns as
 * a terminal counts them).
 */

/** A character and the columns it takes (1, or 2 for a Hanzi or full-width form). */
export interface Cell {
  ch: string;
  w: number;
}

/** Punctuation that a Chinese line never starts with (the kinsoku rule of CJK typesetting). */
export const NO_LINE_START = '，。、；：！？）」』】…,.;:!?)';

/**
 * Wraps cells to `width` columns: a run of ASCII letters and digits (a word, a code such as 96 or A0) is
 * never split when it can move down whole, CJK text breaks between any two characters but never before
 * CJK punctuation, and a word longer than a line is cut. Never returns an empty list.
 */
export function wrapCells(chars: readonly Cell[], width: number): string[] {
  const lines: string[] = [];
  let line: Cell[] = [];
  let used = 0;
  const flush = () => {
    lines.push(
      line
        .map((c) => c.ch)
        .join('')
        .replace(/ +$/, ''),
    );
    line = [];
    used = 0;
  };
  for (const c of chars) {
    if (used + c.w > width) {
      // The ASCII word the break would cut (after a space or straight after a Hanzi) moves down whole.
      let start = line.length;
      if (c.w === 1 && c.ch !== ' ') while (start > 0 && line[start - 1].w === 1 && line[start - 1].ch !== ' ') start--;
      if (start > 0 && start < line.length) {
        const carry = line.slice(start);
        line = line.slice(0, start);
        flush();
        line = carry;
        used = carry.length;
      } else if (NO_LINE_START.includes(c.ch) && line.length > 1) {
        // CJK punctuation never starts a line: what it follows moves down with it (a whole code, or one Hanzi).
        let from = line.length - 1;
        while (from > 0 && line[from - 1].w === 1 && line[from].w === 1 && line[from - 1].ch !== ' ') from--;
        if (from === 0) from = line.length - 1;
        const carry = line.slice(from);
        line = line.slice(0, from);
        flush();
        line = carry;
        used = carry.reduce((n, x) => n + x.w, 0);
      } else flush();
      if (c.ch === ' ') continue; // no leading space on the new line
    }
    line.push(c);
    used += c.w;
  }
  if (line.length || lines.length === 0) flush();
  return lines;
}
