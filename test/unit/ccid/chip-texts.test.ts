/**
 * Every message the chip reader's check can report has a text in every locale: the keys it names
 * literally, one per card problem (`check.reader.chip.<problem>`), one per protocol fault. The keys are
 * built by the code, so the compiler cannot see a missing one; on screen it would show as the bare id.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHIP_CARD_PROBLEMS } from '../../../hal/reader/ccid/chip-check';
import { catalogOf } from '../../../src/i18n/catalog';
import { LOCALES } from '../../../src/i18n/locale';

const ROOT = join(__dirname, '../../..');
const source = ['hal/reader/ccid/chip-check.ts', 'hal/reader/kinds.ts'].map((f) => readFileSync(join(ROOT, f), 'utf8')).join('\n');
const literal = [...source.matchAll(/'(check\.reader\.[a-z0-9.-]+)'/g)].map((m) => m[1]).filter((k) => !k.endsWith('.')); // a prefix is not a key
const built = [
  ...CHIP_CARD_PROBLEMS.map((p) => `check.reader.chip.${p}`),
  // errorFinding's protocol faults (hal/reader/ccid/chip-check.ts)
  ...['no-echo', 'echo', 'sequence', 'type'].map((p) => `check.reader.chip.protocol.${p}`),
];
const keys = [...new Set([...literal, ...built])].sort();

test('the chip check names at least its steps and problems', () => {
  expect(literal.length).toBeGreaterThan(20);
  expect(keys).toContain('check.reader.chip.not-installed');
});

test.each(LOCALES)('%s has a text for every chip reader message', (locale) => {
  const catalog = catalogOf(locale);
  expect(keys.filter((k) => !Object.hasOwn(catalog, k))).toEqual([]);
});
