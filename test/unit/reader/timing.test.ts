/** The drivers' named timing options: defaults as documented, out-of-range values named in a Config_Invalid error. */
import { isHalError } from '../../../hal/errors';
import { PN532_TIMING, resolvePn532Timing } from '../../../hal/reader/pn532-driver';
import { MSR605_TIMING, resolveMsr605Timing } from '../../../hal/reader/msr605-driver';

test('defaults come from the documented tables', () => {
  expect(resolvePn532Timing()).toEqual({ commandTimeoutMs: 1000, selfTestTimeoutMs: 2000, pollTimeoutMs: 1000, pollIntervalMs: 150, checksumRetries: 1 });
  expect(resolveMsr605Timing()).toEqual({ commandTimeoutMs: 1000, ramTestTimeoutMs: 3000, resetSettleMs: 100 });
  expect(PN532_TIMING.commandTimeoutMs.max).toBe(10_000);
  expect(MSR605_TIMING.resetSettleMs.min).toBe(0);
});

test.each([
  ['pn532.commandTimeoutMs', () => resolvePn532Timing({ commandTimeoutMs: 10 })],
  ['pn532.checksumRetries', () => resolvePn532Timing({ checksumRetries: 9 })],
  ['msr605.ramTestTimeoutMs', () => resolveMsr605Timing({ ramTestTimeoutMs: Number.NaN })],
])('%s out of range is Config_Invalid naming the field', (field, fn) => {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(isHalError(caught, 'Config_Invalid')).toBe(true);
  expect((caught as Error).message).toContain(field);
});
