/**
 * The texts are read per locale, on first use, along the active locale's fallback chain only; a missing
 * or damaged locale file falls back along the chain, and with none left the cashier still gets the
 * generic hint with the code. The files are stood in for through the loader's injection point.
 */
import { catalogOf, loadedLocales, setLocaleSource } from '../../../src/i18n/catalog';
import { renderCauseHint, renderHint, renderStep } from '../../../src/i18n/hint';
import { readLocaleFile, type LocaleSource } from '../../../src/i18n/locale-files';
import { translate } from '../../../src/i18n/translate';
import { journalLabels } from '../../../src/journal/render';
import { renderScreen } from '../../../src/menu/render';
import { slipLabels } from '../../../src/slip/labels';

/** The real files, less the locales named (as if their file were missing). */
const without =
  (...missing: string[]): LocaleSource =>
  (tag) => {
    if (missing.includes(tag)) throw new Error(`ENOENT ${tag}.json`);
    return readLocaleFile(tag);
  };

afterEach(() => setLocaleSource());

test.each([
  ['zh-CN', ['zh-CN']],
  ['zh-HK', ['zh-TW']],
  ['en-GB', ['en']],
  [undefined, ['zh-CN']],
])('a hint in %s reads the files %j and no other', (tag, files) => {
  setLocaleSource();
  renderHint('system-malfunction', '96', tag);
  translate('check.modem.signal.weak', { dbm: -101 }, tag);
  expect(loadedLocales()).toEqual(files);
});

test('a text a locale lacks comes from the next locale of its chain, and only then is that file read', () => {
  setLocaleSource((tag) => (tag === 'zh-TW' ? { 'hint.unknown.title': '交易未完成' } : readLocaleFile(tag)));
  const hint = renderHint('system-malfunction', '96', 'zh-HK');
  expect(hint).toEqual({ locale: 'zh-CN', title: '96 支付系统暂时故障', action: expect.stringContaining('非卡片问题') });
  expect(loadedLocales()).toEqual(['zh-TW', 'zh-CN']);
});

test('a missing zh-TW file: zh-HK reads zh-CN; missing zh-CN too: en', () => {
  setLocaleSource(without('zh-TW'));
  expect(renderHint('system-malfunction', '96', 'zh-HK')).toMatchObject({ locale: 'zh-CN', title: '96 支付系统暂时故障' });
  setLocaleSource(without('zh-TW', 'zh-CN'));
  expect(renderHint('system-malfunction', '96', 'zh-HK')).toMatchObject({ locale: 'en', title: '96 Payment system fault' });
  expect(translate('check.printer.paper.out', {}, 'zh-HK')).toBe('Printer is out of paper; load a new roll and the slip will print');
});

test.each([
  ['not JSON (the parse throws)', () => JSON.parse('{"hint.unknown.title": ')],
  ['an array', () => ['交易未完成']],
  ['a string', () => 'hint.unknown.title'],
  ['null', () => null],
  ['texts of the wrong type or empty', () => ({ 'hint.system-malfunction.title': 42, 'hint.system-malfunction.action': '  ' })],
])('a damaged zh-CN file (%s) counts as empty: the texts come from en', (_label, damaged) => {
  setLocaleSource((tag) => (tag === 'zh-CN' ? damaged() : readLocaleFile(tag)));
  expect(renderHint('system-malfunction', '96', 'zh-CN')).toMatchObject({ locale: 'en', title: '96 Payment system fault' });
  expect(catalogOf('zh-CN')['hint.system-malfunction.title']).toBeUndefined();
});

test('with every file of the chain gone the cashier still reads the code and what to do', () => {
  setLocaleSource(() => {
    throw new Error('ENOENT');
  });
  expect(renderHint('system-malfunction', '96', 'zh-HK', { time: Date.UTC(2026, 0, 2, 3, 4) })).toEqual({
    locale: 'en',
    title: '96 Transaction not completed',
    action: expect.stringMatching(/^Note code 96 and the time \(.+\), retry once later; if it fails, call support\.$/),
  });
  // Everything else shows its id: traceable, never empty, never a throw.
  expect(translate('check.modem.signal.weak', {}, 'zh-CN')).toBe('check.modem.signal.weak');
  expect(renderStep('restart', 'zh-CN')).toBe('restart');
  expect(renderCauseHint('signal-weak', '96', 'zh-CN')).toBeNull();
  expect(slipLabels('zh-CN').heading).toBe('slip.heading');
  expect(journalLabels('en').skipped(2)).toBe('journal.skipped.other');
  expect(renderScreen({ kind: 'main' }, { locale: 'en' })[0]).toBe('menu.title');
});

test('the journal says one and many in each language', () => {
  expect(journalLabels('en').skipped(1)).toBe('1 damaged line skipped');
  expect(journalLabels('en').skipped(3)).toBe('3 damaged lines skipped');
  expect(journalLabels('en').exported(1, '/tmp/x.jsonl')).toBe('exported 1 record to /tmp/x.jsonl');
  expect(journalLabels('zh-CN').exported(2, 'a.jsonl')).toBe('已导出 2 条记录到 a.jsonl');
  expect(journalLabels('zh-TW').skipped(1)).toBe('有 1 行損壞，已略過');
});
