/**
 * The device timing and line options of the configuration: every bad value is named with its field path
 * and the range or choices the code declares (field-rules.ts), and the ranges are the drivers' own.
 */
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MODEM_TIMEOUTS } from '../../../hal/modem/timeouts';
import { NETWORK_OPTIONS } from '../../../hal/network/options';
import { PRINTER_TIMING } from '../../../hal/printer/driver';
import { READER_TIMING } from '../../../hal/reader/reader-check';
import { RUN_BUDGET } from '../../../hal/selfcheck';
import { validateConfig } from '../../../src/config/load';
import { CONFIG_SCHEMA } from '../../../src/config/schema';

const terminal = { id: '10000001', merchantId: '898310048990001' };
const modem = { path: '/dev/ttyUSB2', baudRate: 115200 };
const pn532 = { kind: 'pn532', path: '/dev/ttyS3', baudRate: 115200 };
const msr605 = { kind: 'msr605', path: '/dev/ttyS4', baudRate: 9600 };
const printer = { path: '/dev/ttyS1', baudRate: 115200, paperWidth: 58 };
const host = { address: 'acq.example.cn', port: 5000 };

/** Every new field set, each to a value inside its range. */
const full = {
  terminal,
  devices: {
    modem: { ...modem, rtscts: true, timeouts: { probeTries: 2, probeMs: 500, attachMs: 120_000 } },
    reader: { ...pn532, parity: 'none', timing: { interactiveMs: 30_000, commandTimeoutMs: 800, checksumRetries: 0 } },
    printer: { ...printer, rtscts: true, xon: true, xoff: true, dataBits: 8, parity: 'even', stopBits: 2, timing: { statusTimeoutMs: 300, chunkBytes: 512 } },
  },
  host: { ...host, echo: true, echoForm: 'cup', header: '603100', batch: 42, timing: { tries: 5, connectTimeoutMs: 3000, echoTimeoutMs: 8000 } },
  checks: { budgetMs: 60_000 },
};

test('a configuration with every device option set is valid, and keeps the values', () => {
  const c = validateConfig(full);
  expect(c.devices.modem?.timeouts?.probeTries).toBe(2);
  expect(c.devices.printer?.rtscts).toBe(true);
  expect(c.checks?.budgetMs).toBe(60_000);
});

test.each([
  [
    'a modem probe count over its range',
    { devices: { modem: { ...modem, timeouts: { probeTries: 25 } } } },
    'devices.modem.timeouts.probeTries: must be a whole number from 1 to 20 (default 6)',
  ],
  [
    'a fraction of a millisecond',
    { devices: { modem: { ...modem, timeouts: { probeMs: 1500.5 } } } },
    'devices.modem.timeouts.probeMs: must be a whole number from 50 to 60000 (default 3000)',
  ],
  [
    'a number as text',
    { devices: { modem: { ...modem, timeouts: { probeMs: '3000' } } } },
    'devices.modem.timeouts.probeMs: must be a whole number from 50 to 60000',
  ],
  ['a misspelt timeout', { devices: { modem: { ...modem, timeouts: { probeTrys: 2 } } } }, 'devices.modem.timeouts.probeTrys: not a known field'],
  ['timeouts that are not an object', { devices: { modem: { ...modem, timeouts: 5 } } }, 'devices.modem.timeouts: must be object'],
  ['timing on the modem', { devices: { modem: { ...modem, timing: {} } } }, 'devices.modem.timing: not a known field'],
  ['a paper width on the modem', { devices: { modem: { ...modem, paperWidth: 58 } } }, 'devices.modem.paperWidth: not a known field'],
  [
    'a short interactive window',
    { devices: { reader: { ...pn532, timing: { interactiveMs: 500 } } } },
    'devices.reader.timing.interactiveMs: must be a whole number from 1000 to 120000 (default 10000)',
  ],
  [
    'a PN532 timing too long',
    { devices: { reader: { ...pn532, timing: { selfTestTimeoutMs: 20_000 } } } },
    'devices.reader.timing.selfTestTimeoutMs: must be a whole number from 100 to 10000 (default 2000)',
  ],
  [
    'an MSR605 timing on a PN532',
    { devices: { reader: { ...pn532, timing: { ramTestTimeoutMs: 3000 } } } },
    'devices.reader.timing.ramTestTimeoutMs: not a known field',
  ],
  [
    'an MSR605 RAM test too short',
    { devices: { reader: { ...msr605, timing: { ramTestTimeoutMs: 50 } } } },
    'devices.reader.timing.ramTestTimeoutMs: must be a whole number from 100 to 10000 (default 3000)',
  ],
  [
    'a printer status timeout too short',
    { devices: { printer: { ...printer, timing: { statusTimeoutMs: 5 } } } },
    'devices.printer.timing.statusTimeoutMs: must be a whole number from 20 to 10000 (default 500)',
  ],
  ['RTS/CTS as text', { devices: { printer: { ...printer, rtscts: 'yes' } } }, 'devices.printer.rtscts: expected one of false, true'],
  ['XON as a number', { devices: { modem: { ...modem, xon: 1 } } }, 'devices.modem.xon: expected one of false, true'],
  ['a parity', { devices: { reader: { ...pn532, parity: 'high' } } }, 'devices.reader.parity: expected one of "none", "even", "odd", "mark", "space"'],
  ['stop bits', { devices: { printer: { ...printer, stopBits: 3 } } }, 'devices.printer.stopBits: expected one of 1, 1.5, 2'],
  ['data bits', { devices: { modem: { ...modem, dataBits: 9 } } }, 'devices.modem.dataBits: expected one of 5, 6, 7, 8'],
  ['no TCP tries', { host: { ...host, timing: { tries: 0 } } }, 'host.timing.tries: must be a whole number from 1 to 20 (default 3)'],
  ['an unknown network option', { host: { ...host, timing: { pingMs: 100 } } }, 'host.timing.pingMs: not a known field'],
  ['an echo form', { host: { ...host, echoForm: 'ansi' } }, 'host.echoForm: expected one of "iso", "cup"'],
  ['a batch number of seven digits', { host: { ...host, batch: 1_000_000 } }, 'host.batch: must be a whole number from 0 to 999999 (default 1)'],
  ['a header that is not hex', { host: { ...host, header: '60G1' } }, 'host.header: must match pattern'],
  ['a budget too small', { checks: { budgetMs: 50 } }, 'checks.budgetMs: must be a whole number from 100 to 600000 (default 30000)'],
  ['an unknown checks field', { checks: { totalMs: 5000 } }, 'checks.totalMs: not a known field'],
])('%s is named with what was expected', (_label, extra, expected) => {
  expect(() => validateConfig({ terminal, ...extra }, 'posdiag.json')).toThrow(expected);
});

test('bad options are all named together, with the schema errors', () => {
  const bad = { terminal: { ...terminal, id: 'x' }, devices: { modem: { ...modem, timeouts: { probeTries: 0 } }, printer: { ...printer, rtscts: 'on' } } };
  let message = '';
  try {
    validateConfig(bad);
  } catch (err) {
    message = (err as Error).message;
  }
  for (const field of ['terminal.id', 'devices.modem.timeouts.probeTries', 'devices.printer.rtscts']) expect(message).toContain(field);
});

/** Where each spec sits, so that the edges of every range are tried from the code's own declaration. */
const GROUPS: [string, Record<string, { min: number; max: number; default: number }>, (group: object) => object][] = [
  ['devices.modem.timeouts', MODEM_TIMEOUTS, (g) => ({ devices: { modem: { ...modem, timeouts: g } } })],
  ['devices.reader.timing (pn532)', READER_TIMING.pn532, (g) => ({ devices: { reader: { ...pn532, timing: g } } })],
  ['devices.reader.timing (msr605)', READER_TIMING.msr605, (g) => ({ devices: { reader: { ...msr605, timing: g } } })],
  ['devices.printer.timing', PRINTER_TIMING, (g) => ({ devices: { printer: { ...printer, timing: g } } })],
  ['host.timing', NETWORK_OPTIONS, (g) => ({ host: { ...host, timing: g } })],
  ['checks', RUN_BUDGET, (g) => ({ checks: g })],
];
const documented = new Ajv({ allErrors: true, strict: false }).compile(CONFIG_SCHEMA);

describe.each(GROUPS)("%s: the range is the code's", (_where, spec, place) => {
  const rows = Object.entries(spec).flatMap(
    ([key, r]) =>
      [
        [key, r.min, true],
        [key, r.max, true],
        [key, r.default, true],
        [key, r.min - 1, false],
        [key, r.max + 1, false],
      ] as [string, number, boolean][],
  );
  test.each(rows)('%s = %d valid: %s (in the loader and in the documented schema)', (key, value, ok) => {
    const config = { terminal, ...place({ [key]: value }) };
    const loads = (() => {
      try {
        validateConfig(config);
        return true;
      } catch {
        return false;
      }
    })();
    expect(loads).toBe(ok);
    expect(documented(config)).toBe(ok);
  });
});

test('the documented schema refuses what the loader refuses among the choices', () => {
  for (const extra of [
    { devices: { printer: { ...printer, rtscts: 'yes' } } },
    { host: { ...host, echoForm: 'ansi' } },
    { devices: { reader: { ...pn532, timing: { ramTestTimeoutMs: 3000 } } } },
  ]) {
    expect(documented({ terminal, ...extra })).toBe(false);
  }
  expect(documented(full)).toBe(true);
});

test("README's configuration example is valid", () => {
  const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
  const example = /```json\n(\{ "terminal"[\s\S]*?)```/.exec(readme);
  expect(example).not.toBeNull();
  expect(validateConfig(JSON.parse(example![1])).devices.printer?.rtscts).toBe(true);
});
