/**
 * Deadline profiles reach the checks through the one place that applies them (hal/devices.ts with
 * hal/deadline-profiles.ts): a profile's values replace the defaults, the configuration's own values stay,
 * and `thorough` (or no profile) is every default as before.
 */
import { systemClock } from '../../../hal/clock';
import { DEADLINE_PROFILES, PROFILE_DEFAULTS, STOPS_EARLY } from '../../../hal/deadline-profiles';
import { CheckEnv, DEVICE_CHECKS, DEVICE_MODULES, moduleOf, withProfile } from '../../../hal/devices';
import { MODEM_CASHIER_TIMEOUTS, MODEM_TIMEOUTS } from '../../../hal/modem/timeouts';
import { budgetFor, NETWORK_CASHIER_OPTIONS, NETWORK_OPTIONS, resolveNetworkOptions } from '../../../hal/network/options';
import { optionDefaults } from '../../../hal/options';
import { runChecks } from '../../../hal/selfcheck';
import { SerialLine } from '../../../hal/transport/serial-line';
import { InProcessBinding } from '../../../mocks/in-process-binding';
import { createModemSimulator } from '../../../mocks/modem-sim';
import { validateConfig } from '../../../src/config/load';

const modem = moduleOf('modem')!;

test('the defaults: a diagnosis answers the cashier, the self-test and the menu take their time', () => {
  expect(DEADLINE_PROFILES).toEqual(['cashier', 'thorough']);
  expect(PROFILE_DEFAULTS).toEqual({ diagnose: 'cashier', selftest: 'thorough', menu: 'thorough' });
  // Only the cashier's diagnosis cuts checks short once the cause is proven.
  expect(STOPS_EARLY).toEqual({ cashier: true, thorough: false });
});

test('cashier fills the option groups; what the configuration sets stays; thorough and none change nothing', () => {
  const config = { path: '/dev/ttyUSB2', baudRate: 115200, timeouts: { simMs: 15_000 } };
  expect(withProfile(modem, config, 'cashier')).toEqual({ ...config, timeouts: { ...MODEM_CASHIER_TIMEOUTS, simMs: 15_000 } });
  expect(withProfile(modem, config, 'thorough')).toBe(config);
  expect(withProfile(modem, config, undefined)).toBe(config);
  // The network's options sit under host.timing; no host, nothing to fill.
  const network = moduleOf('network')!;
  expect(withProfile(network, { address: 'h', port: 1 }, 'cashier')).toEqual({ address: 'h', port: 1, timing: NETWORK_CASHIER_OPTIONS });
  expect(withProfile(network, undefined, 'cashier')).toBeUndefined();
});

test("every profile value is within its option's range, and shorter than or equal to the default", () => {
  for (const m of DEVICE_MODULES) {
    for (const g of m.optionGroups) {
      const spec = g.spec({});
      for (const [key, value] of Object.entries(g.profiles?.cashier?.({}) ?? {})) {
        expect([m.id, key, value >= spec[key].min && value <= spec[key].max]).toEqual([m.id, key, true]);
        expect([m.id, key, value <= spec[key].default]).toEqual([m.id, key, true]);
      }
    }
  }
  expect(optionDefaults(MODEM_TIMEOUTS).probeTries).toBe(6);
  // The network check asks the runner for less time under cashier.
  expect(budgetFor(resolveNetworkOptions(NETWORK_CASHIER_OPTIONS), true)).toBeLessThan(budgetFor(resolveNetworkOptions(), true) / 2);
  expect(NETWORK_OPTIONS.tries.default).toBe(3);
});

test.each([
  ['cashier', 2],
  ['thorough', 6],
  [undefined, 6],
] as const)('a silent modem under %s is probed %i times (the configured probeMs stays)', async (profile, tries) => {
  const binding = new InProcessBinding();
  const sim = createModemSimulator('silent');
  binding.connect('/dev/ttyMDM', sim);
  const requests = jest.spyOn(SerialLine.prototype, 'request');
  try {
    const devices = { modem: { path: '/dev/ttyMDM', baudRate: 115200, timeouts: { probeMs: 50 } } };
    const [check] = DEVICE_CHECKS.modem({ binding, clock: systemClock, devices, profile } as CheckEnv);
    const result = await runChecks([check], { level: 'internal' });
    expect(result.devices[0].findings[0]).toMatchObject({ id: 'modem.probe', status: 'fail', value: tries });
    expect(requests.mock.calls.map(([, o]) => o.timeoutMs)).toEqual(Array(tries).fill(50));
  } finally {
    requests.mockRestore();
    sim.stop();
  }
});

test('checks.profile in the configuration: one of the profiles, else the field is named', () => {
  const base = { terminal: { id: '10000001', merchantId: '898310048990001' } };
  expect(() => validateConfig({ ...base, checks: { profile: 'cashier', budgetMs: 5000 } })).not.toThrow();
  expect(() => validateConfig({ ...base, checks: { profile: 'quick' } })).toThrow(/checks\.profile: expected one of "cashier", "thorough"/);
});
