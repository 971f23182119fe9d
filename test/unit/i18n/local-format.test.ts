/**
 * Amounts, numbers and times come out the same on every Node build: src/i18n/local-format.ts against
 * full ICU's Intl (what posdiag printed before it stopped needing Intl), then the same calls with Intl
 * taken away, as on a Node built without it.
 */
import { interpolate } from '../../../src/i18n/format';
import { formatCurrency, formatDecimal, fullTime, shortTime, wallClock } from '../../../src/i18n/local-format';
import { LOCALES } from '../../../src/i18n/locale';
import { slipTime } from '../../../src/slip/from-diagnosis';

const NUMBERS = [
  0,
  -0,
  1,
  5,
  12,
  128,
  128.5,
  1234.5,
  1.0005,
  2.0005,
  0.0005,
  -0.0005,
  0.0004,
  1.9995,
  9.9995,
  999.9995,
  0.1 + 0.2,
  1e21,
  1.5e-7,
  123456789.123,
  -1234567.125,
  30000,
  99999.995,
  0.005,
  0.015,
  1.005,
  2.675,
  1e-10,
  4.35,
  1.45,
];
// A fixed pseudo-random spread of amounts with up to four decimals.
let seed = 96;
const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) / 0x1000000;
for (let i = 0; i < 300; i++) NUMBERS.push(Math.round((rnd() - 0.2) * 10 ** (1 + Math.floor(rnd() * 7)) * 1e4) / 1e4);

describe('the same text as full ICU', () => {
  test('numbers: grouping, up to three decimals, half away from zero on the shortest decimal form', () => {
    for (const locale of LOCALES) {
      const intl = new Intl.NumberFormat(locale);
      expect(NUMBERS.map((n) => formatDecimal(n, 0, 3))).toEqual(NUMBERS.map((n) => intl.format(n)));
    }
  });

  test.each(['CNY', 'HKD', 'MOP', 'TWD', 'USD', 'EUR', 'JPY'])('amounts in %s, every locale', (currency) => {
    for (const locale of LOCALES) {
      const intl = new Intl.NumberFormat(locale, { style: 'currency', currency });
      expect(NUMBERS.map((n) => formatCurrency(n, currency, locale))).toEqual(NUMBERS.map((n) => intl.format(n)));
    }
  });

  test('times: the hint\'s "11/22 10:30" and the slip\'s "2026-11-22 10:30:15", every hour of a year, in named zones', () => {
    const slip = (timeZone?: string) =>
      new Intl.DateTimeFormat('sv-SE', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hour12: false,
      });
    // Two deliberate differences: hourCycle h23, since ICU's `hour12: false` writes the hour after midnight
    // as 24 in en and zh-TW; and a plain space where ICU's zh-TW has a thin one (U+2009), which a GBK
    // printer font does not have (it printed as "?").
    const hint = (locale: string, timeZone?: string) =>
      new Intl.DateTimeFormat(locale, { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
    for (const timeZone of [undefined, 'Asia/Shanghai', 'UTC', 'America/New_York']) {
      const slipFormat = slip(timeZone);
      const hintFormats = LOCALES.map((locale) => [locale, hint(locale, timeZone)] as const);
      const ours: string[] = [];
      const theirs: string[] = [];
      // Every hour of the day across a year, at a minute and second that move on each step.
      for (let t = Date.UTC(2026, 0, 1, 0, 7, 9); t < Date.UTC(2027, 0, 1); t += 5 * 3_600_000 + 61_000) {
        const d = new Date(t);
        const clock = wallClock(d, timeZone);
        ours.push(fullTime(clock), ...hintFormats.map(([locale]) => shortTime(clock, locale)));
        theirs.push(slipFormat.format(d), ...hintFormats.map(([, f]) => f.format(d).replace('\u2009', ' ')));
      }
      expect([timeZone, ours]).toEqual([timeZone, theirs]);
    }
  });

  test('an unknown time zone is a RangeError, as in Intl (the hint then shows the raw value)', () => {
    expect(() => wallClock(new Date(0), 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('without Intl (a Node built without it)', () => {
  const saved = globalThis.Intl;
  beforeEach(() => {
    delete (globalThis as { Intl?: typeof Intl }).Intl;
  });
  afterEach(() => {
    globalThis.Intl = saved;
  });

  test('amounts, numbers and times as with full ICU', () => {
    expect(interpolate('{amount}', { amount: 128.5 }, 'zh-CN')).toBe('¥128.50');
    expect(interpolate('{amount}', { amount: 128.5 }, 'en')).toBe('CN¥128.50');
    expect(interpolate('{amount}', { amount: 1234.5, currency: 'HKD' }, 'zh-TW')).toBe('HK$1,234.50');
    expect(interpolate('{n:number}', { n: 30000 }, 'en')).toBe('30,000');
    expect(interpolate('{time}', { time: Date.UTC(2026, 10, 22, 2, 30), timeZone: 'UTC' }, 'en')).toBe('11/22, 02:30');
    expect(slipTime(new Date(2026, 10, 22, 10, 30, 15))).toBe('2026-11-22 10:30:15');
  });

  test('a currency without a symbol here is written with its code, as ICU writes many', () => {
    expect(formatCurrency(128.5, 'SGD', 'zh-CN')).toBe('SGD\u00a0128.50');
    expect(formatCurrency(-1234.5, 'MOP', 'en')).toBe('-MOP\u00a01,234.50');
  });

  test("a named zone other than UTC reads as the process's own clock", () => {
    const d = new Date(2026, 10, 22, 10, 30, 15);
    expect(slipTime(d, 'Asia/Shanghai')).toBe('2026-11-22 10:30:15');
    expect(slipTime(d, 'Etc/UTC')).toBe(fullTime(wallClock(d, 'UTC')));
  });
});
