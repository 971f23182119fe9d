/** The reader kind is looked up in one table; a kind not in it is refused by name, never taken for another. */
import { systemClock } from '../../../hal/clock';
import { DEVICE_CHECKS } from '../../../hal/devices';
import { HalError } from '../../../hal/errors';
import { READER_KIND_IDS, READER_KINDS, readerKind } from '../../../hal/reader/kinds';
import { createReaderCheck, READER_TIMING } from '../../../hal/reader/reader-check';
import { READER_MODULE } from '../../../hal/reader/module';
import { configuredReaders } from '../../../hal/reader/readers';
import { InProcessBinding } from '../../../mocks/in-process-binding';
import { SERIAL_SIMULATORS } from '../../../mocks/registry';
import { validateConfig } from '../../../src/config/load';

const terminal = { id: '10000001', merchantId: '898310048990001' };

test.each([['acr122'], [''], [undefined], ['toString']])('kind %p is a Config_Invalid naming the field', (kind) => {
  let err: unknown;
  try {
    readerKind(kind, 'devices.readers.2.kind');
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(HalError);
  expect(err).toMatchObject({ code: 'Config_Invalid', context: { field: 'devices.readers.2.kind' } });
  expect((err as Error).message).toContain('expected one of pn532, msr605');
});

test('a reader check of an unknown kind is refused when it is built, not run as a PN532', () => {
  const env = { binding: new InProcessBinding(), clock: systemClock, config: { kind: 'acr122', path: '/dev/x', baudRate: 9600 } };
  expect(() => createReaderCheck(env)).toThrow(/reader.kind: unknown reader kind "acr122"/);
});

test('every kind has its timing spec and a simulator of the same name', () => {
  expect(Object.keys(READER_TIMING)).toEqual(READER_KIND_IDS);
  for (const kind of READER_KIND_IDS) {
    expect(SERIAL_SIMULATORS[kind]).toMatchObject({ slot: 'reader', baudRate: READER_KINDS[kind].baudRate });
    expect(READER_TIMING[kind].interactiveMs).toBeDefined();
  }
});

test('the configuration refuses an unknown kind in the list by its place', () => {
  const config = {
    terminal,
    devices: {
      readers: [
        { kind: 'msr605', path: '/dev/a' },
        { kind: 'acr122', path: '/dev/b' },
      ],
    },
  };
  expect(() => validateConfig(config)).toThrow('devices.readers.1.kind: expected one of "pn532", "msr605"');
});

describe('several readers', () => {
  const three = [
    { kind: 'msr605', path: '/dev/ttyS1', baudRate: 9600 },
    { kind: 'pn532', path: '/dev/ttyS2', baudRate: 115200 },
    { kind: 'pn532', path: '/dev/ttyS3', baudRate: 115200 },
  ];

  test('are named from their kind and place, a given name kept', () => {
    expect(configuredReaders({ readers: three }).map((r) => r.name)).toEqual(['msr605', 'pn532-1', 'pn532-2']);
    expect(configuredReaders({ readers: [three[0], { ...three[1], name: 'door' }] }).map((r) => r.name)).toEqual(['msr605', 'door']);
  });

  test('a single reader keeps its reports as they were: no name unless given', () => {
    expect(configuredReaders({ reader: three[1] })).toEqual([three[1]]);
    expect(configuredReaders({ readers: [three[1]] })).toEqual([three[1]]);
  });

  test('each has its own check under its name', () => {
    const checks = DEVICE_CHECKS.reader({ binding: new InProcessBinding(), clock: systemClock, devices: { readers: three } });
    expect(checks.map((c) => [c.device, c.name])).toEqual([
      ['reader', 'msr605'],
      ['reader', 'pn532-1'],
      ['reader', 'pn532-2'],
    ]);
  });

  test('load: a list is valid, two readers of one name and both forms at once are refused', () => {
    expect(validateConfig({ terminal, devices: { readers: three } }).devices.readers).toHaveLength(3);
    expect(() => validateConfig({ terminal, devices: { readers: [three[1], { ...three[2], name: 'pn532-1' }] } })).toThrow('two readers are named "pn532-1"');
    expect(() => validateConfig({ terminal, devices: { reader: three[0], readers: [three[1]] } })).toThrow('not both');
    expect(() => validateConfig({ terminal, devices: { readers: [{ ...three[0], name: 'has space' }] } })).toThrow('devices.readers.0.name');
    expect(() => validateConfig({ terminal, devices: { readers: [{ ...three[1], timing: { ramTestTimeoutMs: 3000 } }] } })).toThrow(
      'devices.readers.0.timing.ramTestTimeoutMs: not a known field',
    );
  });
});

describe('the chip reader (kind ccid)', () => {
  const chip = { kind: 'ccid', path: '/dev/ttyHS5', baudRate: 115200 };

  test('is a reader of the contact kind with its AID list, the expiry switch and its timing', () => {
    const config = validateConfig({
      terminal,
      devices: {
        readers: [
          chip,
          {
            ...chip,
            path: '/dev/ttyS4',
            aids: ['A000000333010101', 'a0000000031010'],
            readExpiry: true,
            timing: { powerOnTimeoutMs: 800, pollIntervalMs: 200, interactiveMs: 5000 },
          },
        ],
      },
    });
    expect(config.devices.readers?.[1]).toMatchObject({ aids: ['A000000333010101', 'a0000000031010'], readExpiry: true });
    expect(READER_KINDS.ccid).toMatchObject({ reads: 'contact', baudRate: 115200 });
    // The card goes in and comes out: two interactive windows on top of the worst case of its steps.
    const check = createReaderCheck({ binding: new InProcessBinding(), clock: systemClock, config: { ...chip, timing: { interactiveMs: 5000 } } });
    expect(check.budgetMs).toBe(20_000 + 2 * 5000);
  });

  test.each([
    [{ aids: ['A000000333010101', 'A0000003'] }, 'devices.readers.0.aids.1: must be a text matching'],
    [{ aids: ['A00000033301010G'] }, 'devices.readers.0.aids.0: must be a text matching'],
    [{ aids: [] }, 'devices.readers.0.aids: must be a list of 1 to 16'],
    [{ aids: 'A000000333010101' }, 'devices.readers.0.aids: must be a list of 1 to 16'],
    [{ aids: Array(17).fill('A000000333010101') }, 'devices.readers.0.aids: must be a list of 1 to 16'],
    [{ readExpiry: 'yes' }, 'devices.readers.0.readExpiry: expected one of false, true'],
    [{ timing: { powerOnTimeoutMs: 50 } }, 'devices.readers.0.timing.powerOnTimeoutMs: must be a whole number from 100 to 60000 (default 5000)'],
    [{ timing: { pollIntervalMs: 10_000 } }, 'devices.readers.0.timing.pollIntervalMs: must be a whole number from 50 to 5000 (default 400)'],
    [{ timing: { antennaTimeoutMs: 100 } }, 'devices.readers.0.timing.antennaTimeoutMs: not a known field'],
  ])('a bad field %j is named', (extra, message) => {
    expect(() => validateConfig({ terminal, devices: { readers: [{ ...chip, ...extra }] } })).toThrow(message);
  });

  test("a chip reader field on another device is refused as such, not also held to the chip reader's rules", () => {
    const message = (devices: object) => {
      try {
        validateConfig({ terminal, devices });
      } catch (err) {
        return (err as Error).message;
      }
      return '';
    };
    for (const [devices, at] of [
      [{ reader: { kind: 'pn532', path: '/dev/ttyS2', aids: ['A0'], readExpiry: 'yes' } }, 'devices.reader'],
      [{ modem: { path: '/dev/ttyUSB2', baudRate: 115200, aids: ['A0'], readExpiry: 'yes' } }, 'devices.modem'],
    ] as const) {
      const said = message(devices);
      expect(said).toContain(`${at}.aids: not a known field`);
      expect(said).toContain(`${at}.readExpiry: not a known field`);
      expect(said).not.toContain(`${at}.aids.0`);
      expect(said).not.toContain(`${at}.readExpiry: expected`);
    }
  });

  test("the chip reader's fields are refused on the other kinds", () => {
    expect(() => validateConfig({ terminal, devices: { reader: { kind: 'pn532', path: '/dev/ttyS2', aids: ['A000000333010101'] } } })).toThrow(
      'devices.reader.aids: not a known field',
    );
    expect(() => validateConfig({ terminal, devices: { readers: [{ kind: 'msr605', path: '/dev/ttyS1', readExpiry: true }] } })).toThrow(
      'devices.readers.0.readExpiry: not a known field',
    );
  });
});

test('the reader module lets through exactly the fields of its kinds', () => {
  const own = new Set(Object.values(READER_KINDS).flatMap((k) => k.fields ?? []));
  expect(READER_MODULE.ownFields.slice(3).sort()).toEqual([...own].sort());
  expect(READER_MODULE.fieldsOf?.({ kind: 'toString' })).toEqual(['kind', 'name', 'timing']);
});
