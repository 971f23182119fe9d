/**
 * Numbers, amounts and times as posdiag shows them, without Intl: a Node built with small ICU formats
 * every locale as English (`CN¥128.50`, `11/22/2026, 10:30:15`), and one built without Intl (nodejs-mobile's
 * Android libnode) has no Intl at all. The output is what full ICU gives for posdiag's locales (the unit
 * test compares them), except in times: the hour after midnight is 00, never ICU's `24` of `hour12: false`,
 * and zh-TW's date and time are parted by a space, not ICU's thin space (a GBK printer font has none).
 */
import type { Locale } from './locale';

/**
 * `n` with `,` grouping and `minFrac`–`maxFrac` decimals, rounded half away from zero on its shortest
 * decimal form, as Intl.NumberFormat does (1.0005 → 1.001, where toFixed gives 1.000). -0 keeps its sign.
 */
export function formatDecimal(n: number, minFrac: number, maxFrac: number): string {
  const [mantissa, exp] = Math.abs(n).toExponential().split('e') as [string, string];
  let digits = mantissa.replace('.', '');
  let point = Number(exp) + 1; // digits before the decimal point
  if (point <= 0) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  }
  digits = digits.padEnd(point + maxFrac + 1, '0');
  const kept = digits.slice(0, point + maxFrac);
  const rounded = (BigInt(kept) + (digits[point + maxFrac]! >= '5' ? 1n : 0n)).toString().padStart(kept.length, '0');
  const whole = rounded.slice(0, rounded.length - maxFrac).replace(/^0+(?=\d)/, '');
  let frac = rounded.slice(rounded.length - maxFrac);
  while (frac.length > minFrac && frac.endsWith('0')) frac = frac.slice(0, -1);
  return `${n < 0 || Object.is(n, -0) ? '-' : ''}${whole.replace(/\B(?=(\d{3})+$)/g, ',')}${frac ? `.${frac}` : ''}`;
}

/** Currency symbols as ICU's CLDR data writes them in zh-CN, zh-TW, en; the third field: 0 decimals. */
const CURRENCIES: Readonly<Record<string, readonly [string, string, string, 0?]>> = {
  CNY: ['¥', 'CN¥', 'CN¥'],
  HKD: ['HK$', 'HK$', 'HK$'],
  TWD: ['NT$', '$', 'NT$'],
  USD: ['US$', 'US$', '$'],
  EUR: ['€', '€', '€'],
  JPY: ['JP¥', '¥', '¥', 0],
};
const LOCALE_INDEX: Readonly<Record<Locale, 0 | 1 | 2>> = { 'zh-CN': 0, 'zh-TW': 1, en: 2 };

/**
 * An amount in major units: `¥128.50` (zh-CN), `CN¥128.50` (en). A currency posdiag has no symbol for
 * is left to Intl where there is one, else written as its code (`MOP 128.50`, what ICU does for many).
 */
export function formatCurrency(n: number, currency: string, locale: Locale): string {
  const known = CURRENCIES[currency];
  if (!known && typeof Intl === 'object') return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(n);
  const symbol = known ? known[LOCALE_INDEX[locale]] : `${currency}\u00a0`;
  const digits = known?.[3] ?? 2;
  const text = formatDecimal(n, digits, digits);
  return text.startsWith('-') ? `-${symbol}${text.slice(1)}` : symbol + text;
}

const FIELDS = ['year', 'month', 'day', 'hour', 'minute', 'second'] as const;
const GETTERS = ['FullYear', 'Month', 'Date', 'Hours', 'Minutes', 'Seconds'] as const;

/** The calendar fields of a moment on a wall clock; month 1–12, hour 0–23. */
export type WallClock = Record<(typeof FIELDS)[number], number>;

/**
 * `time` on the clock of `timeZone` (an IANA name), or of the process when none is given. A named zone
 * needs Intl's time zone data; without Intl only UTC is known and any other zone reads as the process's
 * own. An unknown zone throws a RangeError, as Intl does.
 */
export function wallClock(time: Date, timeZone?: string): WallClock {
  if (timeZone !== undefined && typeof Intl === 'object') {
    // en-US and numeric fields: what small ICU has too.
    const options = { timeZone, hourCycle: 'h23', ...Object.fromEntries(FIELDS.map((f) => [f, 'numeric'])) } as Intl.DateTimeFormatOptions;
    const parts = new Intl.DateTimeFormat('en-US', options).formatToParts(time);
    return Object.fromEntries(FIELDS.map((f) => [f, Number(parts.find((p) => p.type === f)!.value)])) as WallClock;
  }
  const utc = timeZone !== undefined && /^(Etc\/)?(UTC|GMT|UCT|Zulu)$/i.test(timeZone) ? 'UTC' : '';
  return Object.fromEntries(FIELDS.map((f, i) => [f, time[`get${utc}${GETTERS[i]!}`]() + (i === 1 ? 1 : 0)])) as WallClock;
}

const two = (n: number) => String(n).padStart(2, '0');

/** "11/22 10:30" (zh), "11/22, 10:30" (en): when something happened today, in a hint. */
export function shortTime(c: WallClock, locale: Locale): string {
  return `${two(c.month)}/${two(c.day)}${locale === 'en' ? ',' : ''} ${two(c.hour)}:${two(c.minute)}`;
}

/** "2026-11-22 10:30:15": what a person reads off a slip and says on the phone, in any language. */
export function fullTime(c: WallClock): string {
  return `${String(c.year).padStart(4, '0')}-${two(c.month)}-${two(c.day)} ${two(c.hour)}:${two(c.minute)}:${two(c.second)}`;
}
