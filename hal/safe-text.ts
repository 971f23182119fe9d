/**
 * The one scrubber for text that leaves posdiag for a person: a screen, a log line, an error message,
 * the free text of the configuration that a slip prints. Pure. Always these steps, in this order:
 *
 *  1. Control characters out: C0, DEL, C1, the format characters (Unicode category Cf: the
 *     bidirectional controls U+061C, U+200E/F, U+202A–E, U+2066–9, the zero-width ones, U+FEFF, the soft
 *     hyphen), lone surrogate halves.
 *     Tabs and line breaks become a space, or stay as '\n' for a text of several lines (`lines`).
 *  2. Card numbers masked: any run of 13 or more digits (ASCII, full-width or any other decimal digit)
 *     whose digit groups are joined by separators of 1–3 characters that are neither letters nor digits
 *     (space, `.`, `/`, `_`, `,`, `+`, `:`, `-`, a double space, a control byte removed in step 1 …)
 *     keeps its first 6 and last 4 digits; the others become `*`, separators stay. Checksum or not: a
 *     card number with one digit mistyped is still one. Letters end a run (ids such as S20261122T042329).
 *     Not masked, because a card number cannot have their form:
 *       - a calendar date with a time (2026-11-22 10:30:15, 2026-11-22T10:30:15.000+08:00, 20261122103015):
 *         year 1970–2099, month, day, hour, minute and second in range — no card number starts with 19
 *         or 20 and has 14 digits, and a date-time has at most 14 (plus a fraction and an offset); and the
 *         short form posdiag's screens use, 11-22 10:30, with exactly these separators;
 *       - the exact strings a caller names in `keep` (the terminal and merchant ids, validated as ids;
 *         the SIM's ICCID in the self-test's value column);
 *       - with `phones`, a telephone number written as the ITU says: a whole run right after a `+`, of
 *         at most 15 digits (+86 138 0013 8000); for the slip's text only, never for a screen or an error.
 *     This happens before step 3, so no cut can leave more of a card number than 6+4.
 *  3. Length bounded: at most `max` characters, the last of them '…' when cut.
 */

export interface SafeTextOptions {
  /** Most characters kept (SAFE_TEXT_MAX by default); a cut text ends in '…'. */
  max?: number;
  /** Keep line breaks (as '\n') for a text of several lines. */
  lines?: boolean;
  /** Exact strings (ids) left whole. */
  keep?: readonly string[];
  /** Leave `+`-led telephone numbers of up to 15 digits whole. */
  phones?: boolean;
}

/** One value or one line on a screen or in a message. */
export const SAFE_TEXT_MAX = 200;
/** A whole error message (a configuration's list of problems included). */
export const MESSAGE_MAX = 4000;

// Cc: C0, DEL, C1. Cf: the format characters, the bidi controls and zero-width ones among them. Cs: in
// a /u pattern only a lone surrogate half is one (a pair is the character it encodes).
const CONTROLS = /(?!\n)[\p{Cc}\p{Cf}\p{Cs}]/gu; // a line break left by BREAKS stays
const BREAKS = /\r\n|[\t\n\v\f\r\u2028\u2029]/g;

// eslint-disable-next-line no-control-regex
const SGR = /^\u001b\[[0-9;]{0,16}m/;

/**
 * Step 1 alone: control characters removed; tabs and line breaks a space (or '\n' with `lines`). With
 * `colors`, posdiag's own colour codes (ESC [ digits m, src/cli/io.ts paint) stay: for whole outputs
 * whose parts from outside have been through safeText already.
 */
export function stripControls(text: string, lines = false, colors = false): string {
  return text
    .replace(BREAKS, (b) => (lines && b !== '\t' ? '\n' : ' '))
    .replace(CONTROLS, (c, at: number, s: string) => (colors && SGR.test(s.slice(at, at + 20)) ? c : ''));
}

const RUN = /\p{Nd}+(?:[^\p{L}\p{Nd}]{1,3}\p{Nd}+)*/gu;
const DIGIT = /\p{Nd}/u;
// A date with a time, year 1970–2099 (2026-11-22 10:30:15, 2026-11-22T10:30:15.000+08:00, 20261122103015),
// or without the year in exactly posdiag's own short form (11-22 10:30).
const DATE_TIME =
  /(?<!\d)(?:(?:19[7-9]|20\d)\d([-/.]?)(\d\d)\1(\d\d)[ T]?|(\d\d)-(\d\d) (?=\d\d:))(\d\d):?(\d\d)(?::?(\d\d)(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?)?(?!\d)/g;

function validDateTime(m: RegExpMatchArray): boolean {
  const n = m.map(Number);
  const month = n[2]! || n[4]!;
  const day = n[3]! || n[5]!;
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && n[6]! <= 23 && n[7]! <= 59 && !(n[8]! > 60);
}

/** Step 2 alone: card-number-shaped digit runs masked to first 6 / last 4, separators kept. */
export function maskCardNumbers(text: string, options: Pick<SafeTextOptions, 'keep' | 'phones'> = {}): string {
  if (!longRun(text)) return text;
  // What may stay is hidden from the run finder by letters of the same length in a copy of the text.
  let shadow = text;
  const hide = (start: number, length: number) => (shadow = shadow.slice(0, start) + 'x'.repeat(length) + shadow.slice(start + length));
  for (const m of text.matchAll(DATE_TIME)) if (validDateTime(m)) hide(m.index!, m[0].length);
  for (const id of options.keep ?? []) {
    if (!id) continue;
    for (let at = text.indexOf(id); at >= 0; at = text.indexOf(id, at + id.length)) {
      if (!DIGIT.test(text[at - 1] ?? '') && !DIGIT.test(text[at + id.length] ?? '')) hide(at, id.length);
    }
  }
  let out = '';
  let at = 0;
  for (const m of shadow.matchAll(RUN)) {
    const run = text.slice(m.index!, m.index! + m[0].length);
    const digits = run.length < 13 ? 0 : countDigits(run);
    // A run that starts right after '+' is a telephone number when it has at most 15 digits (the whole
    // run: a '+' inside a run is one more separator).
    if (digits < 13 || (options.phones && digits <= 15 && text[m.index! - 1] === '+')) continue;
    out += text.slice(at, m.index!) + maskDigits(run, digits);
    at = m.index! + run.length;
  }
  return out + text.slice(at);
}

/** Whether some run has 13 digits or more: most texts have none, and are done with one scan. */
function longRun(text: string): boolean {
  let found = false;
  RUN.lastIndex = 0;
  for (let m = RUN.exec(text); m && !found; m = RUN.exec(text)) found = m[0].length >= 13 && countDigits(m[0]) >= 13;
  RUN.lastIndex = 0; // matchAll starts where the pattern's lastIndex is
  return found;
}

function countDigits(run: string): number {
  return run.match(/\p{Nd}/gu)?.length ?? 0;
}

/** All digits but the first 6 and the last 4 become `*`; everything else stays. */
export function maskDigits(run: string, total = countDigits(run)): string {
  let seen = 0;
  return run.replace(/\p{Nd}/gu, (d) => (++seen <= 6 || seen > total - 4 ? d : '*'));
}

/** Step 3 alone: at most `max` characters (code points), ending in '…' when cut. */
export function bound(text: string, max = SAFE_TEXT_MAX): string {
  if (text.length <= max) return text;
  const next = (at: number) => at + (text.codePointAt(at)! > 0xffff ? 2 : 1);
  let cut = 0; // after max - 1 code points
  for (let n = 1; n < max && cut < text.length; n++) cut = next(cut);
  return cut >= text.length || next(cut) >= text.length ? text : text.slice(0, cut) + '…';
}

/** All three steps: what any text from outside becomes before a person sees it. */
export function safeText(value: unknown, options: SafeTextOptions = {}): string {
  const max = options.max ?? SAFE_TEXT_MAX;
  const clean = stripControls(String(value), options.lines);
  // Masking looks at a generous prefix only (a huge input costs no more than a long one): a run that
  // starts inside the kept part (at most 2 * max code units in) and crosses this cut has at least 128
  // code units of digits and separators (3 characters, at most 6 units) before it: over 13 digits, masked.
  const cut = 4 * max + 128;
  return bound(maskCardNumbers(clean.length > cut ? clean.slice(0, cut) : clean, options), max);
}
