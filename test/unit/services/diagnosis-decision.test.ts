/**
 * The diagnosis's decision without any I/O: the code looked up once, the screen's and the slip's
 * languages rendered from it, the slip laid out for the printer profile given.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PRINTER_PROFILES } from '../../../hal/printer/profiles';
import type { DeviceResult } from '../../../hal/selfcheck';
import { lookup } from '../../../src/codes/lookup';
import { decideDiagnosis } from '../../../src/services/diagnosis-decision';
import type { SlipContext } from '../../../src/slip/from-diagnosis';
import { previewText } from '../../../src/slip/preview';

const state = (name: string): DeviceResult[] => JSON.parse(readFileSync(join(__dirname, '../../fixtures/findings', `${name}.json`), 'utf8')).devices;

const context = (over: Partial<SlipContext> = {}): SlipContext => ({
  locale: 'zh-CN',
  terminal: { id: 'T0000001', merchantId: '123456789012345' },
  time: new Date('2024-05-01T10:00:00Z'),
  ...over,
});
const resolved = (code: string) => lookup(code, { acquirer: 'cup' });

test.each([
  // [code, fixture, screen locale, profile, slip locale, paper width, cause]
  ['51', 'healthy', 'zh-CN', 'basic-58', 'en', 58, 'code.card'],
  ['51', 'healthy', 'zh-TW', 'generic-58', 'zh-TW', 58, 'code.card'],
  ['96', 'modem-no-signal', 'en', 'generic-80', 'en', 80, 'signal-none'],
  ['T13', 'printer-paper-out', 'zh-CN', 'generic-80', 'zh-CN', 80, 'printer-paper'],
])('%s with %s, %s screen on %s: slip in %s on %i mm, cause %s', (code, fixture, locale, profile, slipLocale, paperWidth, cause) => {
  const d = decideDiagnosis(resolved(code), state(fixture), PRINTER_PROFILES[profile]!, context({ locale: locale as SlipContext['locale'] }));
  expect(d.entry.hint.locale).toBe(locale);
  expect(d.diagnosis.cause.id).toBe(cause);
  expect(d.diagnosis.cause.hint.locale).toBe(locale);
  expect(d.slip).toMatchObject({ locale: slipLocale, paperWidth });
  expect(previewText(d.slip.bytes, d.slip.paperWidth)).toContain(code);
});

test('the amount reaches the hint, and the decision is the same given the same input', () => {
  const a = decideDiagnosis(resolved('61'), [], PRINTER_PROFILES['generic-58']!, context({ amount: 1234.5, locale: 'en' }));
  const b = decideDiagnosis(resolved('61'), [], PRINTER_PROFILES['generic-58']!, context({ amount: 1234.5, locale: 'en' }));
  expect(JSON.stringify(a.entry.hint)).toContain('1,234.50');
  expect(Buffer.from(a.slip.bytes).equals(Buffer.from(b.slip.bytes))).toBe(true);
});
