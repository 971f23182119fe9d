/**
 * The self-test's terminal finding: Node's version, its ICU level and where GB18030 comes from, on each
 * kind of Node build (ICU and TextDecoder taken away here as on small-ICU and no-Intl builds).
 */
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { icuLevel, runtimeResult } from '../../../hal/runtime-check';
import { translate } from '../../../src/i18n/translate';
import { loadWithoutGb18030 } from '../../helpers/without-gb18030';

type RuntimeCheck = typeof import('../../../hal/runtime-check');
const load = () => require('../../../hal/runtime-check') as RuntimeCheck;

test('full ICU with its TextDecoder: pass', () => {
  expect(runtimeResult()).toMatchObject({
    device: 'terminal',
    status: 'pass',
    findings: [
      {
        id: 'terminal.runtime',
        status: 'pass',
        value: process.version,
        message: 'check.terminal.runtime',
        params: { node: process.version, icu: 'full', gb18030: 'TextDecoder' },
      },
    ],
  });
  const [finding] = runtimeResult().findings;
  expect(translate(finding!.message, finding!.params, 'en')).toBe(`Node.js ${process.version}, ICU: full, GB18030 from TextDecoder`);
});

describe('ICU level', () => {
  const saved = globalThis.Intl;
  afterEach(() => {
    globalThis.Intl = saved;
  });

  test('no Intl at all: none', () => {
    delete (globalThis as { Intl?: typeof Intl }).Intl;
    expect(icuLevel()).toBe('none');
  });

  test('English only (small ICU): small', () => {
    globalThis.Intl = { ...saved, DateTimeFormat: Object.assign(function () {}, { supportedLocalesOf: () => [] }) } as unknown as typeof Intl;
    expect(icuLevel()).toBe('small');
  });
});

test('no GB18030 in TextDecoder: from the table file, still pass', () => {
  const { module, restore } = loadWithoutGb18030(load, { table: true });
  try {
    expect(module.runtimeResult()).toMatchObject({ status: 'pass', findings: [{ params: { gb18030: 'table file' } }] });
  } finally {
    restore();
  }
});

test('neither: a warning that Chinese slips cannot print', () => {
  const { module, restore } = loadWithoutGb18030(load, { table: false });
  try {
    const result = module.runtimeResult();
    expect(result).toMatchObject({
      status: 'warn',
      findings: [{ status: 'warn', message: 'check.terminal.runtime.no-gb18030', params: { gb18030: 'unavailable' } }],
    });
    expect(translate(result.findings[0]!.message, result.findings[0]!.params, 'zh-CN')).toMatch(/中文单据无法打印/);
  } finally {
    restore();
  }
});

test('schemas/selftest.json describes the finding: a wrong ICU level or a missing param does not validate', () => {
  const schema = JSON.parse(readFileSync(join(__dirname, '../../../schemas/selftest.json'), 'utf8'));
  const validate = new Ajv({ strict: false }).compile(schema);
  const result = runtimeResult();
  expect(validate({ devices: [result], ms: 0 })).toBe(true);
  const finding = result.findings[0]!;
  for (const params of [
    { ...finding.params, icu: 'some' },
    { node: process.version, icu: 'full' },
  ]) {
    expect(validate({ devices: [{ ...result, findings: [{ ...finding, params }] }], ms: 0 })).toBe(false);
  }
});
