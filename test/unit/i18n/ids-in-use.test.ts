/**
 * Every id the code looks up has a text in every locale of the list. The ids are strings built by the
 * code (`step.${id}`, `slip.${field}` …), so the compiler cannot see a missing one; at run time it would
 * show as the bare id. Texts nothing looks up are named too (orphans).
 */
import type { CheckStatus } from '../../../hal/selfcheck';
import { CATEGORIES, CHECK_NAMES, RETRY_ADVICE } from '../../../src/codes/types';
import { CAUSE_RULES, HINT_STEPS } from '../../../src/diagnosis/causes';
import { codeSteps } from '../../../src/diagnosis/diagnose';
import { catalogOf } from '../../../src/i18n/catalog';
import { LOCALES } from '../../../src/i18n/locale';
import { journalLabels } from '../../../src/journal/render';
import { MENU_TEXT_IDS } from '../../../src/menu/texts';
import { slipLabels } from '../../../src/slip/labels';

/** Every step id a diagnosis can name: the cause rules', the hints', and any a code's category and checks give. */
function stepIds(): string[] {
  const ids = new Set<string>(['support', 'retry-later', 'call-acquirer']);
  for (const rule of CAUSE_RULES) for (const s of rule.steps) ids.add(s);
  for (const steps of Object.values(HINT_STEPS)) for (const s of steps) ids.add(s);
  for (const category of CATEGORIES) for (const retry of RETRY_ADVICE) for (const s of codeSteps({ category, retry, checks: [...CHECK_NAMES] })) ids.add(s);
  return [...ids].sort();
}

const STATUSES: Array<CheckStatus | 'running'> = ['running', 'pass', 'warn', 'fail', 'absent', 'timeout'];
const MENU_DEVICES = ['modem', 'reader', 'printer', 'network'];

/** Every id the code looks up. */
const used = [
  ...stepIds().map((s) => `step.${s}`),
  // Every cause rule has its own hint; host-side is the cause when the terminal checked out.
  ...[...new Set(CAUSE_RULES.map((r) => r.id))].flatMap((id) => [`cause.${id}.title`, `cause.${id}.action`]),
  'cause.host-side.title',
  'cause.host-side.action',
  ...MENU_TEXT_IDS.map((id) => `menu.${id}`),
  ...MENU_DEVICES.map((d) => `menu.device.${d}`),
  ...STATUSES.map((s) => `menu.status.${s}`),
  ...['enter', 'again', 'mismatch', 'paste'].map((p) => `menu.hash-pin.${p}`),
];

test.each(LOCALES)('%s has every id the code looks up', (locale) => {
  const catalog = catalogOf(locale);
  expect(used.filter((id) => !Object.hasOwn(catalog, id))).toEqual([]);
});

test.each(LOCALES)('%s: the slip and the journal get a text for every word they use', (locale) => {
  const flat = (o: object): string[] => Object.values(o).flatMap((v) => (typeof v === 'string' ? [v] : typeof v === 'object' && v ? flat(v) : []));
  const journal = journalLabels(locale);
  const words = [...flat(slipLabels(locale)), ...flat(journal), journal.skipped(1), journal.skipped(2), journal.exported(1, 'f'), journal.exported(2, 'f')];
  expect(words.filter((w) => /^(slip|journal)\.[a-z]/i.test(w))).toEqual([]);
});

test('no step, cause or menu text is an orphan', () => {
  const prefixes = /^(step|cause|menu)\./;
  expect(Object.keys(catalogOf('en')).filter((id) => prefixes.test(id) && !used.includes(id))).toEqual([]);
});
