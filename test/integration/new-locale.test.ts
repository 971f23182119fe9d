/**
 * A new language is one file plus one entry in the locale list. In a copy of the sources, a throwaway
 * locale (fr: one file with a few texts, one line in LOCALE_LIST) is built with build.mjs and picked up
 * by the bundle and the configuration: a French hint for fr-FR, English for what the file lacks (its
 * chain), the other locales as before. The same copy's dist/ then shows what a terminal does with a missing or damaged
 * locale file: the next locale of the chain, and with none the generic hint in English.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
let copy: string;

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'posdiag-new-locale-'));
  for (const entry of ['build.mjs', 'bundles.cjs', 'package.json', 'tsconfig.json', 'src', 'hal', 'mocks', 'schemas', 'scripts']) {
    if (existsSync(join(ROOT, entry))) cpSync(join(ROOT, entry), join(copy, entry), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');

  // The entry in the locale list …
  const list = join(copy, 'src', 'i18n', 'locale.ts');
  const source = readFileSync(list, 'utf8');
  const entry = "  { tag: 'en', fallback: null, serves: ['en'], config: ['en'] },\n";
  expect(source).toContain(entry);
  writeFileSync(list, source.replace(entry, `${entry}  { tag: 'fr', fallback: 'en', serves: ['fr'], config: ['fr'] },\n`));
  // … and the file (a start: what it lacks comes from en).
  writeFileSync(
    join(copy, 'src', 'i18n', 'locales', 'fr.json'),
    JSON.stringify({
      'hint.system-malfunction.title': 'Panne du système de paiement',
      'hint.system-malfunction.action': 'Pas la carte. Réessayez ; sinon appelez le support avec le code {code}.',
    }),
  );

  const build = spawnSync(process.execPath, ['build.mjs'], { cwd: copy, encoding: 'utf8' });
  expect(build.stderr).toBe('');
  expect(build.status).toBe(0);
  expect(build.stdout).toContain('dist/locales/fr.json');
}, 120_000);
afterAll(() => rmSync(copy, { recursive: true, force: true }));

function explain(code: string, locale: string, ...more: string[]): { locale: string; title: string; action: string } {
  const args = [join(copy, 'dist', 'cli.js'), 'explain', code, ...(locale ? ['--locale', locale] : []), ...more, '--json'];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, POSDIAG_HOME: copy } });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout).hint;
}

test('the new locale is picked up for its tags, and falls back to en for a text it lacks', () => {
  expect(explain('96', 'fr-FR')).toEqual({
    locale: 'fr',
    title: '96 Panne du système de paiement',
    action: 'Pas la carte. Réessayez ; sinon appelez le support avec le code 96.',
  });
  expect(explain('51', 'fr')).toEqual({ locale: 'en', title: '51 Not enough funds', action: 'Use another card or payment method, or a smaller amount.' });
  expect(explain('96', 'de')).toMatchObject({ locale: 'en', title: '96 Payment system fault' });
  expect(explain('96', 'zh-HK')).toMatchObject({ locale: 'zh-TW', title: '96 支付系統暫時故障' });
});

test('a configuration may name the new locale (terminal.locale)', () => {
  const config = join(copy, 'config.json');
  writeFileSync(config, JSON.stringify({ terminal: { id: '12345678', merchantId: '123456789012345', locale: 'fr' } }));
  expect(explain('96', '', '--config', config)).toMatchObject({ locale: 'fr', title: '96 Panne du système de paiement' });
});

test('the bundle carries no texts: they are in dist/locales/, one file per locale', () => {
  const cli = readFileSync(join(copy, 'dist', 'cli.js'), 'utf8');
  for (const text of ['支付系统暂时故障', '支付系統暫時故障', 'Payment system fault', 'Panne du système']) expect(cli).not.toContain(text);
  for (const tag of ['zh-CN', 'zh-TW', 'en', 'fr']) expect(existsSync(join(copy, 'dist', 'locales', `${tag}.json`))).toBe(true);
});

describe('a terminal with a locale file missing or damaged', () => {
  const file = (tag: string) => join(copy, 'dist', 'locales', `${tag}.json`);
  test('a damaged zh-TW file: zh-HK reads zh-CN', () => {
    writeFileSync(file('zh-TW'), '{"hint.system-malfunction.title": "支付系統');
    expect(explain('96', 'zh-HK')).toMatchObject({ locale: 'zh-CN', title: '96 支付系统暂时故障' });
  });
  test('no locale file at all: the generic hint in English, with the code', () => {
    for (const tag of ['zh-CN', 'zh-TW', 'en', 'fr']) if (existsSync(file(tag))) unlinkSync(file(tag));
    expect(explain('96', 'zh-CN')).toEqual({
      locale: 'en',
      title: '96 Transaction not completed',
      action: 'Note code 96 and the time, retry once later; if it fails, call support.',
    });
  });
});
