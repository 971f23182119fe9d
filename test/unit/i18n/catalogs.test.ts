/**
 * Locale completeness of every text posdiag shows: the cashier's hints (src/i18n/hints.ts) and the
 * self-check finding messages of every device (src/i18n/checks/*). A key that lacks a locale, has an
 * empty text, uses different placeholders in different locales, writes zh in Latin letters only, or
 * writes zh-TW in Simplified characters fails here, named by its key and source file.
 * Titles are measured as rendered (with the code in front) for every catalog entry.
 */
import { HalErrorCodes } from '../../../hal/errors';
import { ACQUIRERS } from '../../../src/codes/acquirers';
import { explain } from '../../../src/codes/explain';
import { LOCAL_CODES } from '../../../src/codes/local';
import { UNKNOWN_ENTRY } from '../../../src/codes/lookup';
import { CHECK_MESSAGE_SOURCES, CHECK_MESSAGES } from '../../../src/i18n/checks';
import { placeholders } from '../../../src/i18n/format';
import { CAUSE_HINTS, STEP_TEXTS } from '../../../src/i18n/causes';
import { renderCauseHint } from '../../../src/i18n/hint';
import { HINTS } from '../../../src/i18n/hints';
import { LOCALES } from '../../../src/i18n/locale';
import { displayWidth, TITLE_MAX_COLUMNS } from '../../../src/i18n/width';

/** Every text: [where, key, field, locale, text]. */
type TextRow = [string, string, string, string, unknown];
const rows: TextRow[] = [];
for (const [key, record] of Object.entries(HINTS)) {
  for (const locale of LOCALES) {
    const t = (record as Record<string, { title?: unknown; action?: unknown } | undefined>)[locale];
    rows.push(['hints', key, 'title', locale, t?.title]);
    rows.push(['hints', key, 'action', locale, t?.action]);
  }
}
for (const [source, messages] of Object.entries(CHECK_MESSAGE_SOURCES)) {
  for (const [key, record] of Object.entries(messages)) {
    for (const locale of LOCALES) rows.push([`checks/${source}`, key, 'text', locale, (record as Record<string, unknown>)[locale]]);
  }
}
for (const [key, record] of Object.entries(CAUSE_HINTS)) {
  for (const locale of LOCALES) {
    rows.push(['causes', key, 'title', locale, record[locale]?.title]);
    rows.push(['causes', key, 'action', locale, record[locale]?.action]);
  }
}
for (const [key, record] of Object.entries(STEP_TEXTS)) for (const locale of LOCALES) rows.push(['steps', key, 'text', locale, record[locale]]);

/** Latin-only zh is allowed for these tokens only (codes, units, brands, device names). */
const LATIN_OK = /^(?:[\s\d{}[\]().:;,/%+-]|ms|dBm|MAC|PIN|SIM|IC|POS|Wi-?Fi|4G|5G|APN|ICCID|IMEI|UnionPay|[A-Z]\d)*$/;
/**
 * Characters that exist only in Simplified Chinese (their Traditional forms differ): a zh-TW text
 * containing one was most likely pasted from zh-CN. Deliberately conservative (no characters that are
 * also valid Traditional).
 */
const SIMPLIFIED_ONLY = /[请试银络终码错误无过时联号账额认证检设备机纸读连应处门钥网电话单发开关后为这个们会来对签协报录该间确将务启断废变数据线颜态获]/u;

function simplifiedChars(text: string): string[] {
  return [...text].filter((ch) => SIMPLIFIED_ONLY.test(ch));
}

test.each(rows)('%s %s.%s [%s] is non-empty text', (_where, _key, _field, _locale, text) => {
  expect(typeof text).toBe('string');
  expect((text as string).trim()).not.toBe('');
});

test.each(rows.filter((r) => r[3] !== 'en' && typeof r[4] === 'string'))('%s %s.%s [%s] is written in Han characters', (_w, _k, _f, _l, text) => {
  const s = (text as string).replace(/\{[^}]*\}/g, '');
  if (!/\p{Script=Han}/u.test(s)) expect(s).toMatch(LATIN_OK);
});

test.each(rows.filter((r) => r[3] === 'zh-TW' && typeof r[4] === 'string'))('%s %s.%s [zh-TW] uses Traditional characters', (_w, _k, _f, _l, text) => {
  expect(simplifiedChars(text as string)).toEqual([]);
});

describe('same placeholders in every locale', () => {
  const keys: Array<[string, string, string, Record<string, string>]> = [];
  for (const [key, record] of Object.entries(HINTS)) {
    keys.push(['hints', key, 'title', Object.fromEntries(LOCALES.map((l) => [l, record[l]?.title ?? '']))]);
    keys.push(['hints', key, 'action', Object.fromEntries(LOCALES.map((l) => [l, record[l]?.action ?? '']))]);
  }
  for (const [source, messages] of Object.entries(CHECK_MESSAGE_SOURCES)) {
    for (const [key, record] of Object.entries(messages)) keys.push([`checks/${source}`, key, 'text', Object.fromEntries(LOCALES.map((l) => [l, record[l] ?? '']))]);
  }
  for (const [key, record] of Object.entries(CAUSE_HINTS)) {
    keys.push(['causes', key, 'title', Object.fromEntries(LOCALES.map((l) => [l, record[l]?.title ?? '']))]);
    keys.push(['causes', key, 'action', Object.fromEntries(LOCALES.map((l) => [l, record[l]?.action ?? '']))]);
  }
  for (const [key, record] of Object.entries(STEP_TEXTS)) keys.push(['steps', key, 'text', Object.fromEntries(LOCALES.map((l) => [l, record[l] ?? '']))]);
  test.each(keys)('%s %s.%s', (_w, _k, _f, byLocale) => {
    const en = placeholders(byLocale.en ?? '');
    for (const locale of LOCALES) expect({ locale, names: placeholders(byLocale[locale] ?? '') }).toEqual({ locale, names: en });
    // Optional segments must pair up too, or a locale drops text the others keep.
    const count = (s: string) => (s.match(/\[\[/g) ?? []).length + ':' + (s.match(/\]\]/g) ?? []).length;
    for (const locale of LOCALES) expect({ locale, brackets: count(byLocale[locale] ?? '') }).toEqual({ locale, brackets: count(byLocale.en ?? '') });
  });
});

test('no finding message key is defined by two source files', () => {
  const owner = new Map<string, string>();
  const clashes: string[] = [];
  for (const [source, messages] of Object.entries(CHECK_MESSAGE_SOURCES)) {
    for (const key of Object.keys(messages)) {
      if (owner.has(key)) clashes.push(`${key}: ${owner.get(key)} and ${source}`);
      owner.set(key, source);
    }
  }
  expect(clashes).toEqual([]);
});

test('the runner\'s own keys exist: budget, unexpected error, and one per HalError code', () => {
  expect(CHECK_MESSAGES['check.budget-spent']).toBeDefined();
  expect(CHECK_MESSAGES['check.error.unexpected']).toBeDefined();
  const missing = HalErrorCodes.filter((code) => !CHECK_MESSAGES[`check.error.${code}`]);
  expect(missing).toEqual([]);
});

test('finding message keys are namespaced under check.', () => {
  expect(Object.keys(CHECK_MESSAGES).filter((k) => !/^check\.[a-z0-9]/i.test(k))).toEqual([]);
});

test('every hint key is used by some catalog entry (no orphan texts)', () => {
  const used = new Set<string>([UNKNOWN_ENTRY.hint, ...LOCAL_CODES.map((e) => e.hint)]);
  for (const p of Object.values(ACQUIRERS)) for (const e of Object.values(p.table)) used.add(e.hint);
  expect(Object.keys(HINTS).filter((k) => !used.has(k))).toEqual([]);
});

describe('rendered titles fit the two-line display, actions stay short', () => {
  // Every (profile, code) and local entry, plus an unknown code with the longest display (4 characters).
  const inputs: Array<[string, string | undefined]> = [];
  for (const p of Object.values(ACQUIRERS)) for (const code of Object.keys(p.table)) inputs.push([code, p.id]);
  for (const e of LOCAL_CODES) inputs.push([e.id, undefined]);
  inputs.push(['ZZZZ', undefined]);
  // The longest parameters a hint is likely to get: a six-figure amount and limit, a time.
  const params = { amount: 999999.99, limit: 100000, time: Date.UTC(2025, 11, 31, 23, 59) };

  test.each(LOCALES)('%s', (locale) => {
    const tooWide: string[] = [];
    const tooLong: string[] = [];
    for (const [code, acquirer] of inputs) {
      const hint = explain(code, { acquirer, locale, params }).hint;
      if (displayWidth(hint.title) > TITLE_MAX_COLUMNS) tooWide.push(`${acquirer ?? ''}:${code} "${hint.title}" (${displayWidth(hint.title)})`);
      // Two 40-column lines (or 40 Hanzi) at most: a cashier reads it at a glance.
      if (displayWidth(hint.action) > 120) tooLong.push(`${acquirer ?? ''}:${code} "${hint.action}" (${displayWidth(hint.action)})`);
      if (!hint.title.startsWith(explain(code, { acquirer }).code + ' ')) tooWide.push(`${code}: title does not start with the code`);
    }
    expect(tooWide).toEqual([]);
    expect(tooLong).toEqual([]);
  });
});

test('hints never blame the cardholder where the fault is the terminal\'s, the host\'s or the bank\'s system', () => {
  const blame = { 'zh-CN': /持卡人(的)?(错|问题|原因)|卡片(有问题|问题)(?!。)/, 'zh-TW': /持卡人(的)?(錯|問題|原因)/, en: /cardholder'?s? (fault|mistake|error)|(bad|faulty) card/i };
  const offenders: string[] = [];
  for (const p of Object.values(ACQUIRERS)) {
    for (const [code, e] of Object.entries(p.table)) {
      if (!['terminal', 'host', 'bank'].includes(e.side)) continue;
      for (const locale of LOCALES) {
        const h = explain(code, { acquirer: p.id, locale }).hint;
        const text = `${h.title} ${h.action}`.replace(/非持卡人问题|非持卡人問題|Not the cardholder's fault|非卡片问题|非卡片問題|Not the card/g, '');
        if (blame[locale].test(text)) offenders.push(`${p.id}:${code} [${locale}] ${text}`);
      }
    }
  }
  expect(offenders).toEqual([]);
});

describe('cause hints fit the display with the longest code in front and never blame the cardholder', () => {
  const params = { dbm: -113, ms: 99999 };
  test.each(LOCALES)('%s', (locale) => {
    const bad: string[] = [];
    for (const key of Object.keys(CAUSE_HINTS)) {
      const hint = renderCauseHint(key, 'ZZZZ', locale, params)!;
      if (displayWidth(hint.title) > TITLE_MAX_COLUMNS) bad.push(`${key}: "${hint.title}" too wide`);
      if (displayWidth(hint.action) > 120) bad.push(`${key}: action too long (${displayWidth(hint.action)})`);
      if (/持卡人|cardholder/i.test(hint.title + hint.action)) bad.push(`${key}: speaks of the cardholder`);
    }
    expect(bad).toEqual([]);
  });
});
