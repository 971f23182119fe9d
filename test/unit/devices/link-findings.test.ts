/**
 * One transport error, one finding, whatever the device: a port that is missing, busy, forbidden or gone
 * is `<device>.link` with `check.<device>.*` texts (hal/check-step.ts), for every device of the list and
 * every reader kind; no reply and other errors belong to the step that met them.
 */
import { transportFinding } from '../../../hal/check-step';
import { systemClock } from '../../../hal/clock';
import type { DevicesConfig } from '../../../hal/config';
import { DEVICE_CHECKS } from '../../../hal/devices';
import { HalError } from '../../../hal/errors';
import { READER_KIND_IDS } from '../../../hal/reader/kinds';
import { runChecks } from '../../../hal/selfcheck';
import { catalogOf } from '../../../src/i18n/catalog';
import { LOCALES } from '../../../src/i18n/locale';
import { InProcessBinding } from '../../../mocks/in-process-binding';

// The value is the transport's error code; the chip reader alone marks a dead link `reader-fault` in its
// value (hal/reader/ccid/chip-check.ts), which is how the diagnosis tells a dead chip reader from a dead PN532.
const SERIAL_DEVICES: Array<[string, DevicesConfig, string]> = [
  ['modem', { modem: { path: '/dev/nothing', baudRate: 115200 } }, 'Transport_NotFound'],
  ...READER_KIND_IDS.map((kind): [string, DevicesConfig, string] => [
    'reader',
    { readers: [{ kind, path: '/dev/nothing', baudRate: 9600 }] },
    kind === 'ccid' ? 'reader-fault' : 'Transport_NotFound',
  ]),
  ['printer', { printer: { path: '/dev/nothing', baudRate: 115200, paperWidth: 58 } }, 'Transport_NotFound'],
];

test.each(SERIAL_DEVICES)('%s on a port that does not exist: %j is <device>.link, absent', async (device, devices, value) => {
  const checks = DEVICE_CHECKS[device as keyof typeof DEVICE_CHECKS]({ binding: new InProcessBinding(), clock: systemClock, devices });
  expect(checks).toHaveLength(1);
  const run = await runChecks(checks, { level: 'internal' });
  expect(run.devices[0].findings).toEqual([
    expect.objectContaining({
      id: `${device}.link`,
      status: 'absent',
      value,
      message: `check.${device}.not-found`,
      params: { path: '/dev/nothing' },
    }),
  ]);
});

const err = (code: HalError['code']) => new HalError(code, code, { path: '/dev/ttyS9' });

test.each([
  [
    'Transport_NotFound',
    { id: 'printer.link', status: 'absent', value: 'Transport_NotFound', message: 'check.printer.not-found', params: { path: '/dev/ttyS9' } },
  ],
  ['Transport_Busy', { id: 'printer.link', status: 'fail', value: 'Transport_Busy', message: 'check.printer.busy', params: { path: '/dev/ttyS9' } }],
  [
    'Transport_PermissionDenied',
    { id: 'printer.link', status: 'fail', value: 'Transport_PermissionDenied', message: 'check.printer.permission', params: { path: '/dev/ttyS9' } },
  ],
  ['Transport_Disconnected', { id: 'printer.link', status: 'absent', value: 'Transport_Disconnected', message: 'check.printer.unplugged' }],
  ['Transport_Closed', { id: 'printer.link', status: 'absent', value: 'Transport_Disconnected', message: 'check.printer.unplugged' }],
  ['Transport_Timeout', { id: 'printer.status', status: 'timeout', message: 'check.printer.no-reply', params: { step: 'printer.status' } }],
  [
    'Transport_Overflow',
    { id: 'printer.status', status: 'fail', value: 'Transport_Overflow', message: 'check.printer.error', params: { error: 'Transport_Overflow' } },
  ],
] as const)('%s met at a step is the finding %j', (code, finding) => {
  expect(transportFinding('printer', 'printer.status', err(code))).toEqual(finding);
});

test('an unplug carries the parameters the device adds (the modem names its command)', () => {
  expect(transportFinding('modem', 'modem.link', err('Transport_Disconnected'), { params: { command: 'AT+CSQ' } })).toEqual({
    id: 'modem.link',
    status: 'absent',
    value: 'Transport_Disconnected',
    message: 'check.modem.unplugged',
    params: { command: 'AT+CSQ' },
  });
});

test('every serial device has the link texts in every locale', () => {
  for (const locale of LOCALES) {
    for (const device of ['modem', 'reader', 'printer']) {
      for (const text of ['not-found', 'busy', 'permission', 'unplugged', 'error']) {
        expect([locale, `check.${device}.${text}`, typeof catalogOf(locale)[`check.${device}.${text}`]]).toEqual([locale, `check.${device}.${text}`, 'string']);
      }
    }
  }
});
