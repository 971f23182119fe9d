/**
 * The configuration is checked by code generated from src/config/schema.ts (no ajv compiler in the bundle).
 * This fails when the committed validator no longer matches the schema: run `node build.mjs`, which rewrites it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configValidatorSource, GENERATED_VALIDATOR_PATH } from '../../../src/config/validator-codegen';
import Ajv from 'ajv';
import { validateConfig } from '../../../src/config/load';
import { configSchema } from '../../../src/config/schema';
import { validate } from '../../../src/config/validate-config.generated';

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

// The generated code reports errors through one helper instead of ajv's inline statements: it must report
// exactly what ajv's own compiled validator reports, in the same order, for every kind of keyword it checks.
test.each([
  ['not an object', 'posdiag'],
  ['empty', {}],
  ['unknown top-level field and wrong types', { terminal: 5, devices: [], host: 'x', journal: null, technician: 1, extra: true }],
  ['every terminal field wrong', { terminal: { id: 'x', merchantId: 7, merchantName: 'n'.repeat(41), location: 1, acquirer: 'A', locale: 'fr', more: 1 } }],
  [
    'devices: serial definition and device fields wrong',
    {
      terminal: { id: '10000001', merchantId: '898310048990001' },
      devices: { modem: { baudRate: 1234.5, path: '' }, reader: { kind: 'x', unknown: 1 }, printer: { path: 2, paperWidth: 57, profile: 3 }, fax: {} },
    },
  ],
  [
    'host: every field wrong',
    { terminal: { id: '10000001', merchantId: '898310048990001' }, host: { address: '', port: 70000.5, echo: 'yes', tpdu: 'ABC', header: 'zz', other: 1 } },
  ],
  ['journal and technician', { terminal: { id: '10000001', merchantId: '898310048990001' }, journal: { dir: '', x: 1 }, technician: { pinHash: '', y: 2 } }],
  ['valid', { terminal: { id: '10000001', merchantId: '898310048990001' }, devices: { modem: { path: '/dev/ttyUSB0', baudRate: 115200 } } }],
])('the generated validator reports what ajv reports: %s', (_label, config) => {
  const ajv = new Ajv({ allErrors: true, strict: false, inlineRefs: false, messages: false });
  const reference = ajv.compile(configSchema('generated'));
  const generated = validate as ((value: unknown) => boolean) & { errors?: unknown };
  expect(generated(config)).toBe(reference(config));
  expect(generated.errors).toEqual(reference.errors);
});
