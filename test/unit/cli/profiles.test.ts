/**
 * Which deadline profile each command runs its checks with when nobody chose: selftest and the
 * technician menu keep the thorough deadlines, diagnose answers the cashier; --profile chooses.
 * The checks themselves are stood in for: what is pinned is the profile they are handed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { CheckEnv } from '../../../hal/devices';
import { capturedIo } from '../../helpers/captured-io';

// Mocked before anything loads them (this transform does not hoist jest.mock), so the commands get the stand-ins.

jest.mock('../../../src/services/selftest', () => ({
  ...jest.requireActual('../../../src/services/selftest'),
  runSelfTest: jest.fn(async () => ({ devices: [], ms: 0 })),
}));
jest.mock('../../../src/menu/device-services', () => ({
  ...jest.requireActual('../../../src/menu/device-services'),
  deviceServices: jest.fn(() => {
    throw new (jest.requireActual('../../../hal/errors').HalError)('Usage_Invalid', 'stood in');
  }),
}));
const { main } = require('../../../src/cli/program') as typeof import('../../../src/cli/program');
const { runSelfTest } = require('../../../src/services/selftest') as typeof import('../../../src/services/selftest');
const { deviceServices } = require('../../../src/menu/device-services') as typeof import('../../../src/menu/device-services');

let home: string;
beforeAll(() => {
  // The simulated terminal over the in-process link: no PTY in a unit test.
  process.env.POSDIAG_SIM_LINK = 'in-process';
});
beforeEach(() => (home = mkdtempSync(join(tmpdir(), 'posdiag-profiles-'))));
afterEach(() => {
  jest.clearAllMocks();
  rmSync(home, { recursive: true, force: true });
});

test.each([
  [[], 'thorough'],
  [['--profile', 'cashier'], 'cashier'],
  [['--profile', 'thorough'], 'thorough'],
])('selftest %j runs the checks with the %s profile', async (flags, profile) => {
  const run = jest.mocked(runSelfTest);
  const io = capturedIo({ POSDIAG_HOME: home });
  expect(await main(['selftest', 'modem', '--sim', ...flags, '--json'], io.handle)).toBe(0);
  expect((run.mock.calls[0][1] as CheckEnv).profile).toBe(profile);
});

test('selftest --profile quick is bad usage, naming the choices', async () => {
  const io = capturedIo({ POSDIAG_HOME: home });
  expect(await main(['selftest', '--profile', 'quick', '--json'], io.handle)).toBe(2);
  expect(io.out()).toMatch(/cashier.*thorough/);
});

test('the technician menu hands its services the thorough profile', async () => {
  const services = jest.mocked(deviceServices);
  const stdin = Object.assign(new PassThrough(), { isTTY: false });
  const io = { ...capturedIo({ POSDIAG_HOME: home }).handle, stdin, screen: { isTTY: false, write: () => undefined } };
  expect(await main(['menu', '--sim'], io)).toBe(2);
  expect(services.mock.calls[0][0].checkEnv.profile).toBe('thorough');
});
