/** What the journal keeps of findings: ids, statuses, values, units — never messages or their parameters. */
import type { DeviceResult } from '../../../hal/selfcheck';
import { journalDevices } from '../../../src/journal/from-results';

test.each<[string, DeviceResult, unknown]>([
  [
    'a level with its unit (modem signal)',
    {
      device: 'modem',
      status: 'warn',
      ms: 80,
      findings: [{ id: 'modem.signal', status: 'warn', value: -101, unit: 'dBm', message: 'check.modem.signal.weak', params: { dbm: -101 } }],
    },
    { device: 'modem', status: 'warn', findings: [{ id: 'modem.signal', status: 'warn', value: -101, unit: 'dBm' }] },
  ],
  [
    'a value without a unit, and parameters that are not kept (operator text from the network)',
    {
      device: 'modem',
      status: 'pass',
      ms: 80,
      findings: [{ id: 'modem.operator', status: 'pass', value: 'CHINA MOBILE', message: 'check.modem.operator.ok', params: { name: 'CHINA MOBILE' } }],
    },
    { device: 'modem', status: 'pass', findings: [{ id: 'modem.operator', status: 'pass', value: 'CHINA MOBILE' }] },
  ],
  [
    'no value at all: no empty keys',
    { device: 'printer', status: 'pass', ms: 40, findings: [{ id: 'printer.cover', status: 'pass', message: 'check.printer.cover.closed' }] },
    { device: 'printer', status: 'pass', findings: [{ id: 'printer.cover', status: 'pass' }] },
  ],
])('%s', (_what, device, kept) => {
  const [out] = journalDevices([device]);
  expect(out).toStrictEqual(kept);
});
