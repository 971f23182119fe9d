/**
 * Fills a message template with parameters, formatted for the locale (src/i18n/local-format.ts: the
 * same on every Node build, with or without Intl).
 *
 * Template syntax (kept small on purpose, the catalogs are written by hand):
 * - `{name}` is replaced by the parameter; `{name:kind}` forces a kind: currency | number | time | text.
 *   Without a kind: amount, limit and remaining are currency; time is a date-time; other numbers are
 *   numbers; everything else is text.
 * - `[[ … ]]` is an optional part: kept when every placeholder inside it has a value, dropped otherwise,
 *   so "[[本笔{amount}，]]超出此卡限额" reads well with and without the amount.
 * Currency amounts are in major units (yuan, not fen); `params.currency` (ISO 4217) defaults to CNY.
 * Times are a Date, epoch milliseconds or an ISO string, shown in the process time zone unless
 * `params.timeZone` names another.
 * Text parameters lose control characters (they can reach a printer), have card numbers masked and are
 * capped in length (cleanText). Never throws.
 */
import { maskCardNumbers, safeText } from '../../hal/safe-text';
import { formatCurrency, formatDecimal, shortTime, wallClock } from './local-format';
import type { Locale } from './locale';

export type ParamValue = string | number | Date | null | undefined;
export type Params = Readonly<Record<string, ParamValue>>;

type Kind = 'currency' | 'number' | 'time' | 'text';
const KIND_BY_NAME: Readonly<Record<string, Kind>> = { amount: 'currency', limit: 'currency', remaining: 'currency', time: 'time' };
const MAX_TEXT = 120;
const MISSING = '?';

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_]*)(?::(currency|number|time|text))?\}/g;
const OPTIONAL = /\[\[([\s\S]*?)\]\]/g;

function has(value: ParamValue): boolean {
  return value !== undefined && value !== null && value !== '' && !(typeof value === 'number' && Number.isNaN(value));
}

/** A text parameter as it may be shown or printed: hal/safe-text.ts safeText, capped at MAX_TEXT. */
export function cleanText(text: string): string {
  return safeText(text, { max: MAX_TEXT });
}

function asNumber(value: ParamValue): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return null;
}

function asDate(value: ParamValue): Date | null {
  const d = value instanceof Date ? value : typeof value === 'number' || typeof value === 'string' ? new Date(value) : null;
  return d && !Number.isNaN(d.getTime()) ? d : null;
}

function formatValue(value: ParamValue, kind: Kind, locale: Locale, params: Params): string {
  try {
    if (kind === 'currency') {
      const n = asNumber(value);
      const currency = typeof params.currency === 'string' && /^[A-Z]{3}$/.test(params.currency) ? params.currency : 'CNY';
      if (n !== null) return formatCurrency(n, currency, locale);
    } else if (kind === 'number') {
      const n = asNumber(value);
      if (n !== null) return formatDecimal(n, 0, 3);
    } else if (kind === 'time') {
      const d = asDate(value);
      const tz = typeof params.timeZone === 'string' && params.timeZone.length < 40 ? params.timeZone : undefined;
      if (d) return shortTime(wallClock(d, tz), locale);
    }
  } catch {
    // A bad time zone or currency falls through to plain text; a time as ISO 8601 (an epoch number would
    // be a 13-digit run, which cleanText masks as a card number).
    if (kind === 'time' && asDate(value)) return asDate(value)!.toISOString();
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? MISSING : value.toISOString();
  return cleanText(String(value));
}

function kindFor(name: string, explicit: string | undefined, value: ParamValue): Kind {
  if (explicit) return explicit as Kind;
  const byName = KIND_BY_NAME[name];
  if (byName) return byName;
  return typeof value === 'number' ? 'number' : 'text';
}

function fill(template: string, params: Params, locale: Locale): string {
  return template.replace(PLACEHOLDER, (_m, name: string, explicit: string | undefined) => {
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    return has(value) ? formatValue(value, kindFor(name, explicit, value), locale, params) : MISSING;
  });
}

export function interpolate(template: string, params: Params = {}, locale: Locale = 'en'): string {
  const withOptional = template.replace(OPTIONAL, (_m, inner: string) => {
    for (const name of placeholders(inner)) {
      if (!Object.hasOwn(params, name) || !has(params[name])) return '';
    }
    return inner;
  });
  // Parameters scrubbed one by one can still meet ("{manufacturer} {model}"): the whole text is masked too.
  return maskCardNumbers(fill(withOptional, params, locale));
}

/** The placeholder names a template uses, sorted and unique (tests compare them across locales). */
export function placeholders(template: string): string[] {
  const names = new Set<string>();
  for (const m of template.matchAll(PLACEHOLDER)) names.add(m[1]!);
  return [...names].sort();
}
