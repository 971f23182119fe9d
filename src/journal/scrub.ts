/**
 * The redaction guard in front of every write to the data directory. Pure.
 *
 * Whatever a caller hands the journal, what reaches the disk carries no card secret:
 *  - a run of 13–19 digits (single spaces or dashes between groups allowed) that passes the Luhn check
 *    becomes first 6 / last 4, in the form of hal/reader/card-mask.ts maskPan (422222******1234); a
 *    longer run with such a stretch inside is masked the same way as a whole;
 *  - magnetic-stripe track data (`%B…^…^…?`, `;…=…?`, and the `…D…` form of ISO 8583 field 35) is removed;
 *  - fields named pan, track(1-3), pin, pinBlock, cvv, cvv2, cvc, cvc2 are dropped unless they hold a
 *    masked PAN.
 * The terminal and merchant ids (fields 41/42) are exempt from the PAN rule: a 15-digit merchant id
 * passes Luhn one time in ten and must stay readable.
 * This is the rule for data at rest, where dates, ids and amounts sit in fields of their own. Text shown
 * to a person (screens, error messages, logs) goes through hal/safe-text.ts safeText, which masks every
 * run of 13 or more digits, checksum or not.
 */
import { isMaskedPan } from '../../hal/reader/card-mask';
import { maskDigits } from '../../hal/safe-text';

export const TRACK_REMOVED = '[track data removed]';

const SENSITIVE_FIELDS = new Set(['pan', 'track', 'track1', 'track2', 'track3', 'trackdata', 'pin', 'pinblock', 'cvv', 'cvv2', 'cvc', 'cvc2']);
/** The ids a terminal is known by (ISO 8583 fields 41 and 42), as the configuration's schema has them. */
export const ID_FIELDS: Record<string, RegExp> = { terminalId: /^[0-9A-Za-z]{8}$/, merchantId: /^[0-9A-Za-z]{15}$/ };

// Track 1 (format B): %B PAN ^ NAME ^ YYMM service code, discretionary data ? — bounded to the 79
// characters a track 1 holds, end sentinel optional (a caller may have cut it). Track 2: ;PAN=YYMM…?;
// and the `D` separator form ISO 8583 field 35 shows when printed as hex.
const TRACK_PATTERNS: RegExp[] = [/%?[Bb]\d{12,19}\^[^^\n]{0,26}\^[^?\n]{0,60}\??/g, /;?\d{12,19}=\d{0,40}\??/g, /\d{12,19}D\d{4,40}F?/g];

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (d < 0 || d > 9) return false;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

interface Span {
  start: number;
  end: number;
  kind: 'track' | 'pan';
}

/** Where the card data in a text is: track data first, then Luhn-valid digit runs outside it. */
function findSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const re of TRACK_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) spans.push({ start: m.index, end: m.index + m[0].length, kind: 'track' });
  }
  const inTrack = (i: number) => spans.some((s) => s.kind === 'track' && i >= s.start && i < s.end);
  // Runs of digit groups joined by one space or dash. A run holding a Luhn-valid stretch of 13–19
  // digits anywhere (a card number may be glued to other digits: "¥12.004111…") is masked as a whole,
  // keeping only the run's first 6 and last 4 digits: however the stretch sits in the run, no more of
  // the card number than 6+4 stays readable.
  const RUN = /\d+(?:[ -]\d+)*/g;
  for (let m = RUN.exec(text); m; m = RUN.exec(text)) {
    const digits = m[0].replace(/[ -]/g, '');
    if (digits.length < 13 || inTrack(m.index) || !hasCardNumber(digits)) continue;
    spans.push({ start: m.index, end: m.index + m[0].length, kind: 'pan' });
  }
  // Overlapping spans become one; if either was track data, all of it is removed.
  const merged: Span[] = [];
  for (const s of spans.sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && s.start < last.end) {
      last.end = Math.max(last.end, s.end);
      if (s.kind === 'track') last.kind = 'track';
    } else merged.push({ ...s });
  }
  return merged;
}

/** A text with card numbers masked to 6+4 (separators kept in place) and track data removed. */
export function scrubText(text: string): string {
  const spans = findSpans(text);
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start);
    out += s.kind === 'track' ? TRACK_REMOVED : maskDigits(text.slice(s.start, s.end));
    at = s.end;
  }
  return out + text.slice(at);
}

/**
 * Printer bytes with the same treatment, length kept (so ESC/POS commands and their counts stay valid):
 * card digits beyond 6+4 and all track characters become `*`. Bytes are read as Latin-1, which keeps every byte.
 */
export function scrubBytes(bytes: Uint8Array): Uint8Array {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const spans = findSpans(text);
  if (spans.length === 0) return bytes;
  const out = Uint8Array.from(bytes);
  for (const s of spans) {
    const masked = s.kind === 'track' ? '*'.repeat(s.end - s.start) : maskDigits(text.slice(s.start, s.end));
    out.set(Buffer.from(masked, 'latin1'), s.start);
  }
  return out;
}

/** Whether some 13–19 digit stretch of a digit string passes Luhn. */
function hasCardNumber(digits: string): boolean {
  for (let i = 0; i + 13 <= digits.length; i++) {
    for (let len = 13; len <= 19 && i + len <= digits.length; len++) if (luhnValid(digits.slice(i, i + len))) return true;
  }
  return false;
}

/** A number that holds a card number (a caller passed the PAN as a number) becomes the masked text. */
function scrubNumber(n: number): number | string {
  if (!Number.isFinite(n) || Math.abs(n) < 1e12) return n;
  const text = Number.isSafeInteger(n) ? String(n) : BigInt(Math.trunc(n)).toString();
  return findSpans(text).length ? scrubText(text) : n;
}

function isSensitiveField(key: string): boolean {
  return SENSITIVE_FIELDS.has(key.toLowerCase().replace(/[-_ ]/g, ''));
}

/** A deep copy of a JSON value with card data masked or removed. */
export function scrubValue(value: unknown): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (typeof value === 'number') return scrubNumber(value);
  if (Array.isArray(value)) return value.map(scrubValue);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      if (v === undefined) continue;
      const idRule = ID_FIELDS[key];
      if (idRule && typeof v === 'string' && idRule.test(v)) {
        out[key] = v;
        continue;
      }
      let clean = scrubValue(v);
      if (isSensitiveField(key)) {
        const compact = typeof clean === 'string' ? clean.replace(/[ -]/g, '') : '';
        if (!isMaskedPan(compact)) continue; // a PAN as the journal may hold it
        clean = compact;
      }
      out[scrubText(key)] = clean;
    }
    return out;
  }
  return value;
}

/** A record as it may be written: same shape, card data masked or removed. */
export function scrubRecord<T extends object>(record: T): T {
  return scrubValue(record) as T;
}
