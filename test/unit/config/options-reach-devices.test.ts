/**
 * A configured option changes what the device checks do: the factories of DEVICE_CHECKS read the
 * configuration's devices and host, on the in-process binding against the simulators.
 */
import type { OpenOptions } from '@serialport/bindings-interface';
import { systemClock } from '../../../hal/clock';
import type { DevicesConfig, HostConfig } from '../../../hal/config';
import { CheckEnv, DEVICE_CHECKS } from '../../../hal/devices';
import { createNetworkCheck } from '../../../hal/network/check';
import type { LocalSource } from '../../../hal/network/local-source';
import { runChecks } from '../../../hal/selfcheck';
import { SerialLine } from '../../../hal/transport/serial-line';
import { InProcessBinding } from '../../../mocks/in-process-binding';
import { createModemSimulator } from '../../../mocks/modem-sim';
import { Pn532Simulator } from '../../../mocks/pn532-sim';
import { createPrinterSimulator } from '../../../mocks/printer-sim';
import type { DeviceSimulator } from '../../../mocks/simulator';
import { parseBudgetFlag, runBudget } from '../../../src/cli/budget';

/** Runs one device's registered check with `devices` as configured; returns its result and the opens seen. */
async function runConfigured(device: 'modem' | 'reader' | 'printer', path: string, sim: DeviceSimulator, devices: DevicesConfig) {
  const binding = new InProcessBinding();
  binding.connect(path, sim);
  const opens: OpenOptions[] = [];
  const open = binding.open.bind(binding);
  binding.open = (o) => (opens.push(o), open(o));
  const requests = jest.spyOn(SerialLine.prototype, 'request');
  try {
    const [check] = DEVICE_CHECKS[device]({ binding, clock: systemClock, devices } as CheckEnv);
    const result = await runChecks([check], { level: 'internal', totalBudgetMs: 60_000 });
    const timeouts = requests.mock.calls.map(([, o]) => o.timeoutMs);
    return { check, device: result.devices[0], opens, timeouts };
  } finally {
    requests.mockRestore();
    sim.stop();
  }
}

test('modem: probeTries 2 against a silent modem gives 2 tries, each of probeMs', async () => {
  const sim = createModemSimulator('silent');
  const r = await runConfigured('modem', '/dev/ttyMDM', sim, { modem: { path: '/dev/ttyMDM', baudRate: 115200, timeouts: { probeTries: 2, probeMs: 60 } } });
  expect(r.device.findings.find((f) => f.id === 'modem.probe')).toMatchObject({ status: 'fail', value: 2 });
  expect(r.timeouts).toEqual([60, 60]);
});

test('modem: the budget grows with the configured probes', () => {
  const env = { binding: new InProcessBinding(), clock: systemClock } as unknown as CheckEnv;
  const budget = (timeouts: object) => DEVICE_CHECKS.modem!({ ...env, devices: { modem: { path: '/dev/x', baudRate: 115200, timeouts } } })[0].budgetMs;
  expect(budget({})).toBe(25_000);
  expect(budget({ probeTries: 20, probeMs: 3000 })).toBe(67_000);
});

test('modem: line settings from the configuration reach the open', async () => {
  const r = await runConfigured('modem', '/dev/ttyMDM', createModemSimulator('healthy'), {
    modem: { path: '/dev/ttyMDM', baudRate: 115200, rtscts: true, parity: 'even', stopBits: 2, dataBits: 7 },
  });
  expect(r.opens[0]).toMatchObject({ rtscts: true, parity: 'even', stopBits: 2, dataBits: 7, xon: false });
});

test('printer: rtscts and xon/xoff open the line with flow control, and the status timeout is the configured one', async () => {
  const r = await runConfigured('printer', '/dev/ttyPRN', createPrinterSimulator('silent'), {
    printer: { path: '/dev/ttyPRN', baudRate: 115200, paperWidth: 58, rtscts: true, xon: true, xoff: true, timing: { statusTimeoutMs: 40 } },
  });
  expect(r.opens[0]).toMatchObject({ rtscts: true, xon: true, xoff: true });
  expect(r.timeouts.length).toBeGreaterThan(0);
  expect(new Set(r.timeouts)).toEqual(new Set([40]));
  expect(r.device.status).not.toBe('pass');
});

test('printer: without flow control configured the line opens without it', async () => {
  const r = await runConfigured('printer', '/dev/ttyPRN', createPrinterSimulator('healthy'), {
    printer: { path: '/dev/ttyPRN', baudRate: 115200, paperWidth: 58 },
  });
  expect(r.opens[0]).toMatchObject({ rtscts: false, xon: false, xoff: false });
});

test('reader: the interactive window sets the budget, the PN532 command timeout reaches the driver', async () => {
  const r = await runConfigured('reader', '/dev/ttyNFC', new Pn532Simulator('silent'), {
    reader: { kind: 'pn532', path: '/dev/ttyNFC', baudRate: 115200, xon: true, timing: { interactiveMs: 30_000, commandTimeoutMs: 70 } },
  });
  expect(r.check.budgetMs).toBe(38_000);
  expect(r.timeouts[0]).toBe(70);
  expect(r.opens[0]).toMatchObject({ xon: true });
  expect(r.device.findings[0]).toMatchObject({ id: 'reader.comm', status: 'timeout' });
});

test('network: host.timing.tries 2 against a refusing host makes 2 connects', async () => {
  const local: LocalSource = { readText: async () => '', interfaces: () => ({}), littleEndian: true, platform: 'linux' };
  let connects = 0;
  const host: HostConfig = { address: '192.0.2.10', port: 5000, timing: { tries: 2, tryIntervalMs: 0 } };
  const check = createNetworkCheck(
    { binding: new InProcessBinding(), clock: systemClock, config: host },
    {
      local,
      resolver: { resolve: async () => ({ ok: true, addresses: ['192.0.2.10'], ms: 1 }) },
      link: {
        tryConnect: async () => (connects++, { ok: false, failure: 'refused', ms: 1, errno: 'ECONNREFUSED' }),
        exchange: async () => ({ ok: false, stage: 'connect', failure: 'refused', ms: 1 }),
      },
    },
  );
  await runChecks([check], { level: 'internal' });
  expect(connects).toBe(2);
});

test('checks.budgetMs is the run budget unless --budget is given', () => {
  expect(runBudget(undefined, { checks: { budgetMs: 12_000 } })).toBe(12_000);
  expect(runBudget(parseBudgetFlag('5000'), { checks: { budgetMs: 12_000 } })).toBe(5000);
  expect(runBudget(undefined, {})).toBe(30_000);
  expect(() => parseBudgetFlag('50')).toThrow('--budget must be a whole number of ms from 100 to 600000, got "50"');
});
