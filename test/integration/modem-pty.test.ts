/**
 * The modem self-check over real pseudo-terminals and the native serialport binding, with the
 * simulator pacing bytes at 115200 baud: what a modem on a cable does to posdiag. Every fault, and the
 * three deadline cases of the issue: unplug mid-command, a URC storm, and a silent modem.
 */
import { systemClock } from '../../hal/clock';
import { createModemCheck, ModemCheckOptions } from '../../hal/modem/check';
import { ModemDriver } from '../../hal/modem/driver';
import { isHalError } from '../../hal/errors';
import { Finding, runChecks } from '../../hal/selfcheck';
import { nativeBinding } from '../../hal/transport/native-binding';
import { DEVICE_FAULTS } from '../../mocks/faults';
import { createModemSimulator, ModemSimulator } from '../../mocks/modem-sim';
import { RunningSimulator, startOnPty } from '../../mocks/pty-attach';

const binding = nativeBinding();
let running: RunningSimulator<ModemSimulator> | null = null;

afterEach(async () => {
  await running?.close();
  running = null;
});

const FAST: ModemCheckOptions = { timeouts: { probeMs: 150, probeTries: 3, initMs: 500 } };

async function start(fault: string, options: Parameters<typeof createModemSimulator>[1] = {}) {
  running = await startOnPty(createModemSimulator(fault, { baudRate: 115200, ...options }));
  return running;
}

/** The finding that names each fault (the in-process test checks the full sets). */
const KEY_FINDING: Record<string, [string, string, string | number]> = {
  healthy: ['modem.pdp', 'pass', '10.81.23.45'],
  'no-sim': ['modem.sim', 'fail', 'not-inserted'],
  'sim-pin': ['modem.sim', 'fail', 'pin-required'],
  'no-signal': ['modem.signal', 'fail', -113],
  'weak-signal': ['modem.signal', 'warn', -101],
  denied: ['modem.registration.circuit', 'fail', 'denied'],
  searching: ['modem.registration.circuit', 'fail', 'searching'],
  roaming: ['modem.registration.circuit', 'warn', 'roaming'],
  'not-attached': ['modem.packet', 'fail', 'detached'],
  silent: ['modem.probe', 'fail', 3],
  garbage: ['modem.probe', 'fail', 'garbled'],
  echo: ['modem.echo', 'warn', 'on'],
  'urc-storm': ['modem.urc', 'warn', expect.any(Number) as unknown as number],
  unplug: ['modem.link', 'absent', 'Transport_Disconnected'],
  'no-concat': ['modem.pdp', 'pass', '10.81.23.45'],
};

describe.each(DEVICE_FAULTS.modem.map((f) => [f]))('%s (pty)', (fault) => {
  test(`→ ${KEY_FINDING[fault].slice(0, 2).join(' ')}`, async () => {
    const { hostPath } = await start(fault);
    const check = createModemCheck({ binding, clock: systemClock }, { path: hostPath, baudRate: 115200 }, FAST);
    const run = await runChecks([check], { level: 'internal' });
    const [id, status, value] = KEY_FINDING[fault];
    const findings = run.devices[0].findings;
    expect(findings).toContainEqual(expect.objectContaining({ id, status, value }));
    expect(findings.find((f) => f.id === 'modem.error' || f.id === 'modem.budget')).toBeUndefined();
  });
});

test('unplug mid-command: absent with the disconnected evidence, long before the command deadline', async () => {
  const { hostPath } = await start('unplug');
  const check = createModemCheck(
    { binding, clock: systemClock },
    { path: hostPath, baudRate: 115200 },
    { ...FAST, timeouts: { ...FAST.timeouts, signalMs: 5000 } },
  );
  const t0 = performance.now();
  const run = await runChecks([check], { level: 'internal' });
  const ms = performance.now() - t0;
  expect(run.devices[0].status).toBe('absent');
  expect(run.devices[0].findings).toContainEqual(expect.objectContaining({ id: 'modem.link', value: 'Transport_Disconnected', params: { command: 'AT+CSQ' } }));
  expect(ms).toBeLessThan(2000); // AT+CSQ had 5 s
});

test('a URC storm on a real line does not keep an unanswered command alive past its deadline', async () => {
  const { hostPath, sim } = await start('urc-storm', { urcIntervalMs: 3 });
  sim.override((chunk) => chunk.toString('latin1').includes('AT+COPS?')); // never answered
  const modem = await ModemDriver.open({ binding, path: hostPath, baudRate: 115200, clock: systemClock });
  try {
    await modem.probe();
    const t0 = performance.now();
    const err = await modem.exec('AT+COPS?', { timeoutMs: 400, prefixes: ['+COPS:'] }).catch((e: unknown) => e);
    const ms = performance.now() - t0;
    expect(isHalError(err, 'Transport_Timeout')).toBe(true);
    expect(ms).toBeGreaterThanOrEqual(390);
    expect(ms).toBeLessThan(400 + 250);
    expect(modem.urcCount).toBeGreaterThan(30);
    // …and the line still works after it.
    expect((await modem.exec('AT+CSQ', { timeoutMs: 1000, prefixes: ['+CSQ:'] })).ok).toBe(true);
  } finally {
    await modem.close();
  }
});

test('silent modem: the probe finding arrives within probeTries × probeMs plus settling', async () => {
  const { hostPath } = await start('silent');
  const check = createModemCheck({ binding, clock: systemClock }, { path: hostPath, baudRate: 115200 }, FAST);
  const t0 = performance.now();
  await runChecks([check], { level: 'internal' });
  expect(performance.now() - t0).toBeLessThan(3 * 150 + 3 * 150 + 500);
});

/** Findings as compared across runs: the URC storm's rate and count vary with timing, its verdict does not. */
const comparable = (findings: Finding[]) => findings.map((f) => (f.id === 'modem.urc' ? { id: f.id, status: f.status, message: f.message } : f));

describe('a modem that refuses concatenated lines is diagnosed exactly as one that takes them (pty)', () => {
  const faults = DEVICE_FAULTS.modem.filter((f) => !['no-concat', 'silent', 'garbage'].includes(f));
  test.each(faults.map((f) => [f]))('%s', async (fault) => {
    const findings: Finding[][] = [];
    const lines: number[] = [];
    for (const concatenation of [true, false]) {
      const { hostPath, sim } = await start(fault, { concatenation });
      const check = createModemCheck({ binding, clock: systemClock }, { path: hostPath, baudRate: 115200 }, FAST);
      findings.push(comparable((await runChecks([check], { level: 'internal' })).devices[0].findings));
      lines.push(sim.receivedBytes().toString('latin1').split('\r').length - 1);
      await running?.close();
      running = null;
    }
    expect(findings[1]).toEqual(findings[0]);
    if (fault !== 'unplug') expect(lines[1]).toBeGreaterThan(lines[0] + 10); // the refusing modem really got one command a line
  });
});
