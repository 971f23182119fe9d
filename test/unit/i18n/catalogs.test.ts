/**
 * Locale completeness of every text posdiag shows, looping over the locale list (src/i18n/locale.ts) and
 * each locale's file (src/i18n/locales/<tag>.json): the cashier's hints, the cause hints and next steps,
 * the self-check finding messages, the menu's, the slip's and the journal's words. An id that a locale
 * lacks, an empty text, different placeholders in different locales, zh written in Latin letters only,
 * or zh-TW written in Simplified characters fails here, named by its id and locale.
 * Titles are measured as rendered (with the code in front) for every catalog entry.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HalErrorCodes } from '../../../hal/errors';
import { ACQUIRERS } from '../../../src/codes/acquirers';
import { explain } from '../../../src/codes/explain';
import { LOCAL_CODES } from '../../../src/codes/local';
import { UNKNOWN_ENTRY } from '../../../src/codes/lookup';
import { placeholders } from '../../../src/i18n/format';
import { renderCauseHint } from '../../../src/i18n/hint';
import { LOCALE_LIST, LOCALES, localeChain } from '../../../src/i18n/locale';
import { displayWidth, TITLE_MAX_COLUMNS } from '../../../src/i18n/width';

const DIR = join(__dirname, '..', '..', '..', 'src', 'i18n', 'locales');
const raw = Object.fromEntries(LOCALES.map((l) => [l, readFileSync(join(DIR, `${l}.json`), 'utf8')]));
const files: Record<string, Record<string, unknown>> = Object.fromEntries(LOCALES.map((l) => [l, JSON.parse(raw[l]) as Record<string, unknown>]));
/** Every id any locale has: each must be in every locale. */
const ids = [...new Set(LOCALES.flatMap((l) => Object.keys(files[l])))].sort();
/** Ids under a prefix, the prefix and suffix cut off (`hint.` … `.title` -> hint keys). */
const under = (prefix: string, suffix = '') => [
  ...new Set(ids.filter((id) => id.startsWith(prefix) && id.endsWith(suffix)).map((id) => id.slice(prefix.length, id.length - suffix.length))),
];
const HINT_KEYS = under('hint.', '.title');
const CAUSE_IDS = under('cause.', '.title');
const CHECK_KEYS = ids.filter((id) => id.startsWith('check.'));

/** Every text: [group, id, locale, text]. */
type TextRow = [string, string, string, unknown];
const rows: TextRow[] = [];
for (const id of ids) for (const locale of LOCALES) rows.push([id.split('.')[0], id, locale, files[locale][id]]);

test.each(LOCALES)('%s is a flat JSON map of ids to texts, no id written twice', (locale) => {
  expect(files[locale]).toEqual(expect.any(Object));
  expect(Array.isArray(files[locale])).toBe(false);
  // JSON.parse keeps the last of two equal keys silently; the file's text shows both.
  const keys = [...raw[locale].matchAll(/^\s*"((?:[^"\\]|\\.)*)"\s*:/gm)].map((m) => m[1]);
  expect(keys.length).toBe(Object.keys(files[locale]).length);
  expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
});

test('every locale in the list falls back, in the end, to en', () => {
  for (const { tag } of LOCALE_LIST) expect(localeChain(tag).at(-1)).toBe('en');
});

test('ids are namespaced by what they name', () => {
  expect(ids.length).toBeGreaterThan(400);
  expect(ids.filter((id) => !/^(hint|cause|step|check|menu|slip|journal)\.[a-z0-9]/i.test(id))).toEqual([]);
});

/** Latin-only zh is allowed for these tokens only (codes, units, brands, device names), and a full stop alone. */
const LATIN_OK = /^(?:[\s\d{}[\]().:;,/%+-]|。|ms|dBm|MAC|PIN|SIM|IC|POS|Wi-?Fi|4G|5G|APN|ICCID|IMEI|UnionPay|[A-Z]\d)*$/;
/**
 * Characters that exist only in Simplified Chinese (their Traditional forms differ): a zh-TW text
 * containing one was most likely pasted from zh-CN. Deliberately conservative (no characters that are
 * also valid Traditional).
 */
const SIMPLIFIED_ONLY = /[请试银络终码错误无过时联号账额认证检设备机纸读连应处门钥网电话单发开关后为这个们会来对签协报录该间确将务启断废变数据线颜态获]/u;

function simplifiedChars(text: string): string[] {
  return [...text].filter((ch) => SIMPLIFIED_ONLY.test(ch));
}

test.each(rows)('%s %s [%s] is non-empty text', (_group, _id, _locale, text) => {
  expect(typeof text).toBe('string');
  expect((text as string).trim()).not.toBe('');
});

test.each(rows.filter((r) => r[2].startsWith('zh') && typeof r[3] === 'string'))('%s %s [%s] is written in Han characters', (_g, _id, _l, text) => {
  const s = (text as string).replace(/\{[^}]*\}/g, '');
  if (!/\p{Script=Han}/u.test(s)) expect(s).toMatch(LATIN_OK);
});

// Written in Traditional characters: zh-TW and every locale that falls back to it first.
const TRADITIONAL: readonly string[] = LOCALES.filter((l) => localeChain(l).slice(0, 2).includes('zh-TW'));
test.each(rows.filter((r) => TRADITIONAL.includes(r[2]) && typeof r[3] === 'string'))('%s %s [%s] uses Traditional characters', (_g, _id, _l, text) => {
  expect(simplifiedChars(text as string)).toEqual([]);
});

describe('same placeholders in every locale', () => {
  const keys: Array<[string, Record<string, string>]> = ids.map((id) => [
    id,
    Object.fromEntries(LOCALES.map((l) => [l, typeof files[l][id] === 'string' ? (files[l][id] as string) : ''])),
  ]);
  test.each(keys)('%s', (_id, byLocale) => {
    const en = placeholders(byLocale.en ?? '');
    for (const locale of LOCALES) expect({ locale, names: placeholders(byLocale[locale] ?? '') }).toEqual({ locale, names: en });
    // Optional segments must pair up too, or a locale drops text the others keep.
    const count = (s: string) => (s.match(/\[\[/g) ?? []).length + ':' + (s.match(/\]\]/g) ?? []).length;
    for (const locale of LOCALES) expect({ locale, brackets: count(byLocale[locale] ?? '') }).toEqual({ locale, brackets: count(byLocale.en ?? '') });
  });
});

test("the runner's own keys exist: budget, unexpected error, and one per HalError code", () => {
  for (const locale of LOCALES) {
    expect(files[locale]['check.budget-spent']).toBeDefined();
    expect(files[locale]['check.error.unexpected']).toBeDefined();
    const missing = HalErrorCodes.filter((code) => !files[locale][`check.error.${code}`]);
    expect({ locale, missing }).toEqual({ locale, missing: [] });
  }
});

test('finding message keys are namespaced under check.', () => {
  expect(CHECK_KEYS.length).toBeGreaterThan(50);
  expect(CHECK_KEYS.filter((k) => !/^check\.[a-z0-9]/i.test(k))).toEqual([]);
});

test('every hint key is used by some catalog entry (no orphan texts)', () => {
  const used = new Set<string>([UNKNOWN_ENTRY.hint, ...LOCAL_CODES.map((e) => e.hint)]);
  for (const p of Object.values(ACQUIRERS)) for (const e of Object.values(p.table)) used.add(e.hint);
  expect(HINT_KEYS.filter((k) => !used.has(k))).toEqual([]);
  // and every hint key an entry names has its texts
  expect([...used].filter((k) => !HINT_KEYS.includes(k))).toEqual([]);
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

test("hints never blame the cardholder where the fault is the terminal's, the host's or the bank's system", () => {
  const blame = {
    'zh-CN': /持卡人(的)?(错|问题|原因)|卡片(有问题|问题)(?!。)/,
    'zh-TW': /持卡人(的)?(錯|問題|原因)/,
    en: /cardholder'?s? (fault|mistake|error)|(bad|faulty) card/i,
  };
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
    for (const key of CAUSE_IDS) {
      const hint = renderCauseHint(key, 'ZZZZ', locale, params)!;
      if (displayWidth(hint.title) > TITLE_MAX_COLUMNS) bad.push(`${key}: "${hint.title}" too wide`);
      if (displayWidth(hint.action) > 120) bad.push(`${key}: action too long (${displayWidth(hint.action)})`);
      if (/持卡人|cardholder/i.test(hint.title + hint.action)) bad.push(`${key}: speaks of the cardholder`);
    }
    expect(bad).toEqual([]);
  });
});
