/** Template filling with Intl, the locale fallback chain, hint rendering and translate(). */
import { interpolate, placeholders } from '../../../src/i18n/format';
import { renderHint } from '../../../src/i18n/hint';
import { isLocaleTag, localeChain, pick, resolveLocale } from '../../../src/i18n/locale';
import { translate } from '../../../src/i18n/translate';
import { displayWidth } from '../../../src/i18n/width';

test.each([
  ['zh-HK', 'zh-TW', ['zh-TW', 'zh-CN', 'en']],
  ['zh_HK', 'zh-TW', ['zh-TW', 'zh-CN', 'en']],
  ['zh-MO', 'zh-TW', ['zh-TW', 'zh-CN', 'en']],
  ['zh-Hant-HK', 'zh-TW', ['zh-TW', 'zh-CN', 'en']],
  ['zh-TW', 'zh-TW', ['zh-TW', 'zh-CN', 'en']],
  ['zh-CN', 'zh-CN', ['zh-CN', 'en']],
  ['zh', 'zh-CN', ['zh-CN', 'en']],
  ['zh-Hans-SG', 'zh-CN', ['zh-CN', 'en']],
  ['en-US', 'en', ['en']],
  ['fr', 'en', ['en']],
  [undefined, 'zh-CN', ['zh-CN', 'en']],
  ['', 'zh-CN', ['zh-CN', 'en']],
])('locale %j writes %s, falling back along %j', (tag, locale, chain) => {
  expect(resolveLocale(tag)).toBe(locale);
  expect(localeChain(tag)).toEqual(chain);
});

test('pick walks the chain: zh-HK with no zh-TW text gets zh-CN, with neither gets en', () => {
  expect(pick({ 'zh-TW': '繁', 'zh-CN': '简', en: 'en' }, 'zh-HK')).toEqual({ locale: 'zh-TW', value: '繁' });
  expect(pick({ 'zh-CN': '简', en: 'en' }, 'zh-HK')).toEqual({ locale: 'zh-CN', value: '简' });
  expect(pick({ en: 'en' }, 'zh-HK')).toEqual({ locale: 'en', value: 'en' });
  expect(pick({ 'zh-TW': '', en: 'en' }, 'zh-TW')).toEqual({ locale: 'en', value: 'en' });
  expect(pick({}, 'en')).toBeUndefined();
});

test('locale tags: well-formed ones pass, typos do not', () => {
  for (const ok of ['zh-CN', 'zh_HK', 'en', 'zh-Hant-TW']) expect(isLocaleTag(ok)).toBe(true);
  for (const bad of ['', 'z', 'zh CN', '中文', 'en--US', '1234']) expect(isLocaleTag(bad)).toBe(false);
});

test('amounts and limits are currency for the locale (CNY by default), counts are numbers', () => {
  expect(interpolate('{amount}', { amount: 1234.5 }, 'zh-CN')).toBe('¥1,234.50');
  expect(interpolate('{amount}', { amount: 1234.5 }, 'en')).toBe('CN¥1,234.50');
  expect(interpolate('{limit}', { limit: '500', currency: 'TWD' }, 'zh-TW')).toBe('$500.00');
  expect(interpolate('{n}', { n: 12345 }, 'en')).toBe('12,345');
  expect(interpolate('{id:text}', { id: 89860012345 }, 'en')).toBe('89860012345');
  expect(interpolate('{budgetMs:number}', { budgetMs: 10000 }, 'zh-CN')).toBe('10,000');
});

test('times are formatted for the locale in the given time zone', () => {
  const t = Date.UTC(2025, 0, 2, 3, 4);
  expect(interpolate('{time}', { time: t, timeZone: 'Asia/Shanghai' }, 'zh-CN')).toBe('01/02 11:04');
  expect(interpolate('{time}', { time: new Date(t), timeZone: 'UTC' }, 'en')).toBe('01/02, 03:04');
  expect(interpolate('{time}', { time: 'not a date' }, 'en')).toBe('not a date');
  expect(interpolate('{time}', { time: t, timeZone: 'Mars/Olympus' }, 'en')).toBe(new Date(t).toISOString());
});

test('optional parts are kept only when every parameter inside has a value', () => {
  const tpl = '[[金额{amount}超过限额{limit}；]]可分笔支付';
  expect(interpolate(tpl, { amount: 10, limit: 5 }, 'zh-CN')).toBe('金额¥10.00超过限额¥5.00；可分笔支付');
  expect(interpolate(tpl, { amount: 10 }, 'zh-CN')).toBe('可分笔支付');
  expect(interpolate(tpl, {}, 'zh-CN')).toBe('可分笔支付');
  expect(interpolate(tpl, { amount: 10, limit: NaN }, 'zh-CN')).toBe('可分笔支付');
  expect(placeholders(tpl)).toEqual(['amount', 'limit']);
});

test('text parameters lose control bytes and are capped; a missing required one shows "?"', () => {
  expect(interpolate('{error}', { error: 'bad\u001b@\r\nthing' }, 'en')).toBe('bad@ thing');
  expect(interpolate('{error}', { error: 'x'.repeat(500) }, 'en')).toHaveLength(120);
  expect(interpolate('a {missing} b', {}, 'en')).toBe('a ? b');
});

test('renderHint puts the code in front of the title and fills {code} in the action', () => {
  expect(renderHint('system-malfunction', '96', 'en')).toEqual({
    locale: 'en',
    title: '96 Payment system fault',
    action: 'Not the card. Retry shortly; if it persists, call support with code 96 and the time.',
  });
  expect(renderHint('no-such-key', 'ZZ', 'zh-HK').title).toBe('ZZ 交易未完成');
  expect(renderHint('no-such-key', 'ZZ', 'zh-HK').locale).toBe('zh-TW');
});

test('translate: finding messages by key, with fallback for unknown error codes and unknown keys', () => {
  expect(translate('check.budget-spent', { budgetMs: 5000 }, 'zh-CN')).toBe('检测超时（限时5,000毫秒）');
  expect(translate('check.budget-spent', { budgetMs: 5000 }, 'zh-HK')).toBe('檢測逾時（限時5,000毫秒）');
  expect(translate('check.error.Transport_Timeout', { error: 'no answer in 500 ms' }, 'en')).toBe('Device did not answer: no answer in 500 ms');
  expect(translate('check.error.Not_A_Code', { error: 'boom' }, 'en')).toBe('Check failed: boom');
  expect(translate('check.nobody.wrote.this', {}, 'en')).toBe('check.nobody.wrote.this');
  expect(translate('check.budget-spent', { budgetMs: 5000 })).toBe('检测超时（限时5,000毫秒）');
});

test('display width counts Hanzi and full-width forms as two columns', () => {
  expect(displayWidth('96 支付系统暂时故障')).toBe(3 + 16);
  expect(displayWidth('Payment system fault')).toBe(20);
  expect(displayWidth('（）')).toBe(4);
});
