/**
 * The configuration is checked by code generated from src/config/schema.ts (no ajv compiler in the bundle).
 * This fails when the committed validator no longer matches the schema: run `node build.mjs`, which rewrites it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configValidatorSource, GENERATED_VALIDATOR_PATH } from '../../../src/config/validator-codegen';
import { validateConfig } from '../../../src/config/load';

const root = join(__dirname, '../../..');

test('validate-config.generated.ts is what the schema generates today (else: node build.mjs)', () => {
  expect(readFileSync(join(root, GENERATED_VALIDATOR_PATH), 'utf8')).toBe(configValidatorSource());
});

test('a field with a description in the schema carries it in the error', () => {
  expect(() => validateConfig({ terminal: { id: '1', merchantId: '898310048990001' } }, 'posdiag.json')).toThrow(
    'terminal.id: must match pattern "^[0-9A-Za-z]{8}$" (terminal id, ISO 8583 field 41 (8 characters))',
  );
});

test.each([
  ['a string too long in code points, not UTF-16 units', { merchantName: '𠀀'.repeat(41) }, 'terminal.merchantName: must NOT have more than 40 characters'],
  ['40 astral characters fit', { merchantName: '𠀀'.repeat(40) }, null],
])('%s', (_label, extra, expected) => {
  const config = { terminal: { id: '10000001', merchantId: '898310048990001', ...extra } };
  if (expected) expect(() => validateConfig(config)).toThrow(expected);
  else expect(validateConfig(config).terminal.merchantName).toHaveLength(80);
});
