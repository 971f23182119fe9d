import { validateConfig } from '../../../src/config/load';
import { parseSimSpec, readsAsSimSpec, SIM_DEVICES } from '../../../src/config/sim-spec';
import { checkSimFaults, DEVICE_FAULTS } from '../../../mocks/faults';
import { PRINTER_PROFILES, resolveProfile } from '../../../hal/printer/profiles';

const good = {
  terminal: { id: '10000001', merchantId: '898310048990001', merchantName: '南山便利店', acquirer: 'cup', locale: 'zh-CN' },
  devices: {
    modem: { path: '/dev/ttyUSB2', baudRate: 115200 },
    reader: { kind: 'pn532', path: '/dev/ttyS3', baudRate: 115200 },
    printer: { path: '/dev/ttyS1', baudRate: 115200, paperWidth: 58 },
  },
  host: { address: 'acq.example.cn', port: 5000 },
  journal: { dir: '/data/posdiag' },
};

test('the sample configuration of DESIGN.md is valid', () => {
  expect(validateConfig(good).devices.reader?.kind).toBe('pn532');
});

test.each([
  ['terminal.id', { ...good, terminal: { ...good.terminal, id: '123' } }, 'terminal.id'],
  ['a missing merchant id', { ...good, terminal: { id: '10000001' } }, 'terminal.merchantId: required'],
  [
    'a reader kind',
    { ...good, devices: { ...good.devices, reader: { kind: 'acr122', path: '/dev/ttyS3' } } },
    'devices.reader.kind: expected one of "pn532", "msr605"',
  ],
  ['a baud rate', { ...good, devices: { modem: { path: '/dev/ttyUSB2', baudRate: 115201 } } }, 'devices.modem.baudRate'],
  ['a host port', { ...good, host: { address: 'acq.example.cn', port: 70000 } }, 'host.port'],
  ['an unknown field', { ...good, hots: {} }, 'hots: not a known field'],
])('a bad %s is named in the error', (_label, config, expected) => {
  expect(() => validateConfig(config, 'posdiag.json')).toThrow(expected);
});

test('every bad field is named, not just the first', () => {
  const bad = { terminal: { id: 'x', merchantId: 'y' }, host: { address: '', port: 0 } };
  let message = '';
  try {
    validateConfig(bad);
  } catch (err) {
    message = (err as Error).message;
  }
  for (const field of ['terminal.id', 'terminal.merchantId', 'host.address', 'host.port']) expect(message).toContain(field);
});

test.each([
  [true, {}],
  ['', {}],
  ['modem=no-signal', { modem: 'no-signal' }],
  ['modem=no-signal, printer=paper-out', { modem: 'no-signal', printer: 'paper-out' }],
  ['msr605', { msr605: 'healthy' }],
])('--sim %j', (value, expected) => {
  expect(Object.fromEntries(parseSimSpec(value)!)).toEqual(expected);
});

test('no --sim is no simulation', () => {
  expect(parseSimSpec(undefined)).toBeNull();
});

test('--sim names exactly the devices that have simulators', () => {
  expect([...SIM_DEVICES].sort()).toEqual(Object.keys(DEVICE_FAULTS).sort());
});

test.each([
  ['fax=healthy', 'unknown device "fax"'],
  ['modem=on-fire', 'modem has no fault "on-fire"'],
])('--sim %s is refused with what was expected', (value, message) => {
  expect(() => checkSimFaults(parseSimSpec(value)!, DEVICE_FAULTS)).toThrow(message);
});

test.each([
  ['modem=no-signal', true],
  ['modem=no-signal,printer=paper-out', true],
  ['modem', true],
  ['pn532,printer', true],
  ['', true], // `--sim "$FAULTS"` with none set
  ['modem,', true],
  ['selftest', false], // the command after a bare --sim
  ['explain', false],
  ['modem,selftest', false],
])('%j reads as a --sim value: %s', (word, expected) => {
  expect(readsAsSimSpec(word)).toBe(expected);
});

describe('a printer profile is one of the list, looked up as its own name only', () => {
  const withProfile = (profile: string) => ({ ...good, devices: { ...good.devices, printer: { ...good.devices.printer, profile } } });
  test.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'no-such-printer'])(
    '"%s" is refused when the file is read, and by the slip',
    (name) => {
      expect(() => validateConfig(withProfile(name), 'posdiag.json')).toThrow('devices.printer.profile: expected one of');
      expect(() => resolveProfile({ paperWidth: 58, profile: name })).toThrow(expect.objectContaining({ code: 'Config_Invalid' }));
    },
  );
  test.each(Object.keys(PRINTER_PROFILES))('"%s" is accepted', (name) => {
    expect(validateConfig(withProfile(name)).devices.printer?.profile).toBe(name);
    expect(resolveProfile({ paperWidth: 58, profile: name })).toBe(PRINTER_PROFILES[name]);
  });
});
