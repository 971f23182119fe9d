import { systemClock } from '../../../hal/clock';
import { DEVICE_CHECKS } from '../../../hal/devices';
import { createModemCheck, ModemCheckOptions } from '../../../hal/modem/check';
import { CheckLevel, DeviceResult, Finding, runChecks } from '../../../hal/selfcheck';
import { DEVICE_FAULTS } from '../../../mocks/faults';
import { InProcessBinding } from '../../../mocks/in-process-binding';
import { createModemSimulator, ModemSimulator } from '../../../mocks/modem-sim';
import { catalogOf } from '../../../src/i18n/catalog';

/** The finding messages that have a text (every locale has the same ids: test/unit/i18n/catalogs.test.ts). */
const MODEM_MESSAGES = catalogOf('en');

const PATH = '/dev/ttyMDM';
// Short deadlines so that silent and garbled lines cost a fraction of a second; the logic is the same.
const FAST: ModemCheckOptions = { timeouts: { probeMs: 80, probeTries: 3, initMs: 200 }, lineTiming: { lateReplyQuietMs: 10, lateReplyDrainMs: 50 } };

async function run(sim: ModemSimulator, level: CheckLevel = 'internal', options: ModemCheckOptions = FAST): Promise<DeviceResult & { took: number }> {
  const binding = new InProcessBinding();
  binding.connect(PATH, sim);
  const check = createModemCheck({ binding, clock: systemClock }, { path: PATH, baudRate: 115200 }, options);
  const t0 = performance.now();
  try {
    const r = await runChecks([check], { level });
    return { ...r.devices[0], took: performance.now() - t0 };
  } finally {
    sim.stop();
  }
}

const byId = (findings: Finding[]) => Object.fromEntries(findings.map((f) => [f.id, f]));

/** What each fault must show: the finding that names the fault, and the device's overall status. */
const EXPECTED: Record<(typeof DEVICE_FAULTS.modem)[number], { status: string; findings: Record<string, Partial<Finding>> }> = {
  healthy: {
    status: 'pass',
    findings: {
      'modem.probe': { status: 'pass', value: 1 },
      'modem.identity': { status: 'pass', value: 'SIMCOM_Ltd SIMCOM_SIM800L' },
      'modem.sim': { status: 'pass', value: 'ready' },
      'modem.iccid': { status: 'pass', value: '89860012345678901234' },
      'modem.signal': { status: 'pass', value: -71, unit: 'dBm', message: 'check.modem.signal.excellent' },
      'modem.registration.circuit': { status: 'pass', value: 'home' },
      'modem.registration.packet': { status: 'pass', value: 'home' },
      'modem.operator': { status: 'pass', value: 'CHINA MOBILE', params: { operator: 'CHINA MOBILE', mccmnc: '46000', mcc: '460', mnc: '00' } },
      'modem.packet': { status: 'pass', value: 'attached' },
      'modem.pdp': { status: 'pass', value: '10.81.23.45', params: { cid: 1, apn: 'CMNET', ip: '10.81.23.45' } },
    },
  },
  'no-sim': { status: 'fail', findings: { 'modem.sim': { status: 'fail', value: 'not-inserted', message: 'check.modem.sim.not-inserted' } } },
  'sim-pin': { status: 'fail', findings: { 'modem.sim': { status: 'fail', value: 'pin-required', params: { code: 'SIM PIN' } } } },
  'no-signal': { status: 'fail', findings: { 'modem.signal': { status: 'fail', value: -113, unit: 'dBm', message: 'check.modem.signal.none' } } },
  'weak-signal': { status: 'warn', findings: { 'modem.signal': { status: 'warn', value: -101, unit: 'dBm', message: 'check.modem.signal.weak' } } },
  denied: {
    status: 'fail',
    findings: { 'modem.registration.circuit': { status: 'fail', value: 'denied' }, 'modem.registration.packet': { status: 'fail', value: 'denied' } },
  },
  searching: { status: 'fail', findings: { 'modem.registration.circuit': { status: 'fail', value: 'searching' } } },
  roaming: {
    status: 'warn',
    findings: {
      'modem.registration.circuit': { status: 'warn', value: 'roaming' },
      'modem.operator': { value: 'Chunghwa Telecom', params: { operator: 'Chunghwa Telecom', mccmnc: '46692', mcc: '466', mnc: '92' } },
    },
  },
  'not-attached': {
    status: 'fail',
    findings: {
      'modem.registration.circuit': { status: 'pass' },
      'modem.packet': { status: 'fail', value: 'detached', message: 'check.modem.packet.detached' },
    },
  },
  silent: { status: 'fail', findings: { 'modem.probe': { status: 'fail', message: 'check.modem.probe.no-reply', value: 3 } } },
  garbage: { status: 'fail', findings: { 'modem.probe': { status: 'fail', message: 'check.modem.probe.garbled' } } },
  echo: { status: 'warn', findings: { 'modem.echo': { status: 'warn', message: 'check.modem.echo.stuck' }, 'modem.signal': { status: 'pass', value: -71 } } },
  'urc-storm': {
    status: 'warn',
    findings: {
      'modem.urc': { status: 'warn', unit: '/s', message: 'check.modem.urc.storm' },
      'modem.registration.circuit': { status: 'pass', value: 'home' },
    },
  },
  'no-concat': {
    status: 'pass',
    findings: { 'modem.identity': { status: 'pass', value: 'SIMCOM_Ltd SIMCOM_SIM800L' }, 'modem.pdp': { status: 'pass', value: '10.81.23.45' } },
  },
  unplug: {
    status: 'absent',
    findings: { 'modem.link': { status: 'absent', value: 'Transport_Disconnected', message: 'check.modem.unplugged', params: { command: 'AT+CSQ' } } },
  },
};

describe('every modem fault yields its finding (in-process line)', () => {
  test.each(DEVICE_FAULTS.modem.map((f) => [f]))('%s', async (fault) => {
    // In process the whole check takes some 15 ms (four command lines): the storm must rage faster than
    // its default 5 ms for the check to see a few of its URCs at all.
    const r = await run(createModemSimulator(fault, fault === 'urc-storm' ? { urcIntervalMs: 1 } : {}));
    const want = EXPECTED[fault];
    expect(r.status).toBe(want.status);
    const got = byId(r.findings);
    for (const [id, partial] of Object.entries(want.findings)) expect(got[id]).toMatchObject(partial);
    // Nothing escaped: no error finding from the runner, no budget spent.
    expect(r.findings.find((f) => f.id === 'modem.error' || f.id === 'modem.budget')).toBeUndefined();
    // Every message key has its texts.
    for (const f of r.findings) expect(MODEM_MESSAGES[f.message]).toBeDefined();
  });
});

test('silent modem: the finding comes within probeTries × probeMs (+ line settling), not the budget', async () => {
  const r = await run(createModemSimulator('silent'));
  expect(r.took).toBeLessThan(3 * 80 + 3 * 60 + 300);
});

test('unplug mid-command is reported promptly', async () => {
  const r = await run(createModemSimulator('unplug'), 'internal', { ...FAST, timeouts: { ...FAST.timeouts, signalMs: 3000 } });
  expect(byId(r.findings)['modem.link']).toBeDefined();
  expect(r.took).toBeLessThan(1000); // far inside the 3 s deadline of AT+CSQ
});

test('no such port is absent, not an exception', async () => {
  const binding = new InProcessBinding();
  const check = createModemCheck({ binding, clock: systemClock }, { path: '/dev/nothing', baudRate: 115200 });
  const r = await runChecks([check], { level: 'internal' });
  expect(r.devices[0].findings).toEqual([
    expect.objectContaining({ id: 'modem.link', status: 'absent', value: 'Transport_NotFound', message: 'check.modem.not-found' }),
  ]);
});

test('a budget smaller than the probe: the runner reports the budget and the port is closed', async () => {
  const binding = new InProcessBinding();
  const sim = createModemSimulator('silent');
  binding.connect(PATH, sim);
  const check = createModemCheck({ binding, clock: systemClock }, { path: PATH, baudRate: 115200 }, { budgetMs: 150 });
  const r = await runChecks([check], { level: 'internal' });
  expect(r.devices[0].findings.map((f) => f.id)).toEqual(['modem.budget']);
  // The port was released: it opens again.
  const again = await runChecks([createModemCheck({ binding, clock: systemClock }, { path: PATH, baudRate: 115200 }, { budgetMs: 150 })], {
    level: 'internal',
  });
  expect(again.devices[0].findings.map((f) => f.id)).toEqual(['modem.budget']);
  sim.stop();
});

describe('external level', () => {
  test('asks for the cell (AT+CREG=2) and puts the URC setting back', async () => {
    const sim = createModemSimulator('healthy');
    const r = await run(sim, 'external');
    expect(byId(r.findings)['modem.registration.circuit']).toMatchObject({ status: 'pass', params: { lac: '1A2B', ci: '01C3D4E5' } });
    expect(sim.state.regN.CREG).toBe(0);
  });

  test('not-attached: tries AT+CGATT=1 and reports the refusal with its CME code', async () => {
    const r = await run(createModemSimulator('not-attached'), 'external');
    expect(byId(r.findings)['modem.packet']).toMatchObject({ status: 'fail', message: 'check.modem.packet.attach-refused', params: { cme: 148 } });
  });

  test('a modem that attaches when asked is a warning, and gets its address', async () => {
    const sim = createModemSimulator('not-attached');
    sim.state.attachError = null;
    const r = await run(sim, 'external');
    expect(byId(r.findings)['modem.packet']).toMatchObject({ status: 'warn', value: 'attached-by-check' });
    expect(byId(r.findings)['modem.pdp']).toMatchObject({ status: 'pass', value: '10.81.23.45' });
  });
});

test('registered in DEVICE_CHECKS; none without a configured modem', () => {
  const factory = DEVICE_CHECKS.modem!;
  const binding = new InProcessBinding();
  expect(factory({ binding, clock: systemClock, devices: {} })).toEqual([]);
  expect(factory({ binding, clock: systemClock, devices: { modem: { path: PATH, baudRate: 115200 } } })).toMatchObject([{ device: 'modem', budgetMs: 25_000 }]);
});

test('a modem streaming without line ends: an overflow finding with the command, not an exception', async () => {
  const sim = createModemSimulator('healthy');
  sim.override((chunk, s) => {
    if (!chunk.toString('latin1').includes('+CSQ')) return false;
    s.reply(Buffer.alloc(6000, 0x41));
    return true;
  });
  const r = await run(sim);
  expect(byId(r.findings)['modem.connection']).toMatchObject({
    status: 'fail',
    value: 'Transport_Overflow',
    message: 'check.modem.line-error',
    params: { command: 'AT+CGMI' },
  });
  expect(MODEM_MESSAGES['check.modem.line-error']).toBeDefined();
});
