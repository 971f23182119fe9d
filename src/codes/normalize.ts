/**
 * What a caller hands to `lookup` is whatever a payment app, a log line or a person typed: 96, "96",
 * " 96 ", "a0", "９６" (full-width), "NO COMMUNICATION", "交易终止", or garbage. This turns it into one of
 * three things without ever throwing: a field-39 code, a terminal-local entry, or "not a code".
 *
 * Rules (the table in test/unit/codes/normalize.test.ts is the spec):
 * - numbers and bigints: integers 0–99 become two digits ("05"); anything else is not a code;
 * - strings: at most MAX_INPUT characters; surrounding whitespace (incl. CR/LF from a serial line and the
 *   ideographic space) is dropped; any other control character anywhere makes it not a code; full-width
 *   forms fold to ASCII (by hand, then NFKC where the runtime has it); letters are upper-cased;
 * - one or two digits, or two letters/digits, is a field-39 code; `T01`…, `local.*` ids and the texts
 *   terminals show name a local entry;
 * - everything else (other types, empty, too long) is not a code. We never call toString on a value:
 *   symbols and hostile objects must not throw.
 */
import { LOCAL_CODES } from './local';
import type { LocalCodeEntry } from './types';

export const MAX_INPUT = 64;

export type Normalized =
  | { kind: 'field39'; code: string }
  | { kind: 'local'; entry: LocalCodeEntry }
  /** `display` is what the cashier sees in place of a code: the input when it is a short token, else "??". */
  | { kind: 'invalid'; display: string };

const INVALID: Normalized = Object.freeze({ kind: 'invalid', display: '??' });

// C0, DEL and C1 controls. Whitespace at the ends is trimmed before this test, so "96\r\n" is still 96.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Full-width ASCII (U+FF01–U+FF5E) and the ideographic space as ASCII, what NFKC makes of them: done here
 * because a Node without ICU has no NFKC (its normalize() returns the text unchanged, or is missing).
 */
export function foldWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000]/g, (ch) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

function nfkc(text: string): string {
  try {
    return text.normalize('NFKC');
  } catch {
    return text;
  }
}

/** Upper-case, width-folded (NFKC where there is one), single-spaced, without trailing punctuation: how texts are compared. */
export function foldText(text: string): string {
  return nfkc(foldWidth(text))
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .replace(/[.!。！:：]+$/u, '')
    .trim();
}

// Built once at load: a few dozen strings, so cold start stays cheap.
const BY_KEY = new Map<string, LocalCodeEntry>();
for (const entry of LOCAL_CODES) {
  BY_KEY.set(foldText(entry.id), entry);
  BY_KEY.set(foldText(entry.id.slice('local.'.length)), entry);
  BY_KEY.set(entry.display, entry);
  for (const text of entry.texts) BY_KEY.set(foldText(text), entry);
}

export function normalizeCode(input: unknown): Normalized {
  if (typeof input === 'number') {
    return Number.isInteger(input) && input >= 0 && input <= 99 ? { kind: 'field39', code: String(input).padStart(2, '0') } : INVALID;
  }
  if (typeof input === 'bigint') {
    return input >= 0n && input <= 99n ? { kind: 'field39', code: input.toString().padStart(2, '0') } : INVALID;
  }
  if (typeof input !== 'string' || input.length > MAX_INPUT) return INVALID;
  const trimmed = input.trim();
  if (trimmed === '' || CONTROL.test(trimmed)) return INVALID;
  const folded = foldText(trimmed);
  if (/^[0-9]{1,2}$/.test(folded)) return { kind: 'field39', code: folded.padStart(2, '0') };
  if (/^[0-9A-Z]{2}$/.test(folded)) return { kind: 'field39', code: folded };
  const local = BY_KEY.get(folded);
  if (local) return { kind: 'local', entry: local };
  return /^[0-9A-Z]{1,4}$/.test(folded) ? { kind: 'invalid', display: folded } : INVALID;
}
