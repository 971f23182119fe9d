import { runChecks, worstStatus, DeviceCheck, Finding } from '../../../hal/selfcheck';
import { HalError } from '../../../hal/errors';
import { FakeClock } from '../../../mocks/fake-clock';

const pass = (id: string): Finding => ({ id, status: 'pass', message: 'x' });

function hanging(device: string, budgetMs: number, onAbort?: () => void): DeviceCheck {
  return {
    device,
    budgetMs,
    run: (ctx) =>
      new Promise<void>((resolve) => {
        ctx.report(pass(`${device}.started`));
        ctx.signal.addEventListener('abort', () => {
          onAbort?.();
          resolve();
        });
      }),
  };
}

test('a hanging device costs its budget and no more; the others finish on their own time', async () => {
  const clock = new FakeClock();
  let aborted = false;
  const quick: DeviceCheck = { device: 'printer', budgetMs: 5000, run: async (ctx) => ctx.report(pass('printer.status')) };
  const run = runChecks([hanging('modem', 2000, () => (aborted = true)), quick], { level: 'internal', clock, totalBudgetMs: 30_000 });
  await clock.advance(1999);
  expect(aborted).toBe(false);
  await clock.advance(1);
  const result = await run;
  expect(aborted).toBe(true);
  const modem = result.devices.find((d) => d.device === 'modem')!;
  expect(modem.status).toBe('timeout');
  expect(modem.ms).toBe(2000);
  expect(modem.findings.map((f) => f.id)).toEqual(['modem.started', 'modem.budget']);
  expect(result.devices.find((d) => d.device === 'printer')).toMatchObject({ status: 'pass', ms: 0 });
  expect(result.ms).toBe(2000);
  expect(clock.pending()).toBe(0);
});

test('the total budget caps every device', async () => {
  const clock = new FakeClock();
  const run = runChecks([hanging('modem', 60_000), hanging('reader', 60_000)], { level: 'internal', clock, totalBudgetMs: 500 });
  await clock.advance(500);
  const result = await run;
  expect(result.devices.map((d) => [d.device, d.status, d.ms])).toEqual([
    ['modem', 'timeout', 500],
    ['reader', 'timeout', 500],
  ]);
});

test('devices run concurrently, not one after another', async () => {
  const clock = new FakeClock();
  const slow = (device: string, ms: number): DeviceCheck => ({
    device,
    budgetMs: 10_000,
    run: (ctx) => new Promise<void>((resolve) => ctx.clock.setTimeout(() => (ctx.report(pass(device)), resolve()), ms)),
  });
  const run = runChecks([slow('modem', 300), slow('reader', 200), slow('printer', 100)], { level: 'internal', clock });
  await clock.advance(300);
  const result = await run;
  expect(result.ms).toBe(300);
  expect(result.devices.map((d) => d.ms)).toEqual([300, 200, 100]);
});

test.each([
  ['a HalError for a missing device', new HalError('Transport_NotFound', 'no such serial device: /dev/ttyS3'), 'absent', 'Transport_NotFound'],
  ['a HalError for a timeout', new HalError('Transport_Timeout', 'AT: no reply'), 'fail', 'Transport_Timeout'],
  ['a plain Error', new Error('boom'), 'fail', undefined],
  ['a thrown string', 'weird', 'fail', undefined],
])('a check that throws %s becomes a finding, not an exception', async (_label, thrown, status, value) => {
  const clock = new FakeClock();
  const check: DeviceCheck = {
    device: 'modem',
    budgetMs: 1000,
    run: async (ctx) => {
      ctx.report(pass('modem.open'));
      throw thrown;
    },
  };
  const result = await runChecks([check], { level: 'internal', clock });
  const modem = result.devices[0];
  expect(modem.status).toBe(status);
  expect(modem.findings[1]).toMatchObject({ id: 'modem.error', status });
  expect(modem.findings[1].value).toBe(value);
});

test('findings reported after the budget are not listened to', async () => {
  const clock = new FakeClock();
  let late: ((f: Finding) => void) | null = null;
  const check: DeviceCheck = {
    device: 'reader',
    budgetMs: 100,
    run: (ctx) => {
      late = ctx.report;
      return new Promise(() => undefined); // ignores the signal entirely
    },
  };
  const run = runChecks([check], { level: 'internal', clock, cleanupGraceMs: 50 });
  await clock.advance(150);
  const result = await run;
  late!(pass('reader.late'));
  expect(result.devices[0].findings.map((f) => f.id)).toEqual(['reader.budget']);
});

test.each([
  [[], 'pass'],
  [['pass', 'warn'], 'warn'],
  [['warn', 'timeout'], 'timeout'],
  [['timeout', 'fail'], 'fail'],
  [['fail', 'absent', 'pass'], 'absent'],
] as const)('worstStatus(%j) = %s', (statuses, expected) => {
  expect(worstStatus(statuses.map((status, i) => ({ id: String(i), status, message: 'x' })))).toBe(expected);
});

test('stop cuts the checks still running short: each says so, closes on its signal, and no timer is left', async () => {
  const clock = new FakeClock();
  const stop = new AbortController();
  let hostAborted = false;
  const dead: DeviceCheck = {
    device: 'modem',
    budgetMs: 10_000,
    run: (ctx) =>
      new Promise<void>((resolve) => ctx.clock.setTimeout(() => (ctx.report({ id: 'modem.probe', status: 'fail', message: 'x' }), resolve()), 1000)),
  };
  const run = runChecks([dead, hanging('network', 8000, () => (hostAborted = true))], {
    level: 'internal',
    clock,
    stop: stop.signal,
    onDeviceDone: (r) => {
      if (r.device === 'modem') stop.abort();
    },
  });
  await clock.advance(1000);
  const result = await run;
  expect(hostAborted).toBe(true);
  const network = result.devices.find((d) => d.device === 'network')!;
  expect(network.ms).toBe(1000);
  expect(network.findings.map((f) => [f.id, f.status, f.message])).toEqual([
    ['network.started', 'pass', 'x'],
    ['network.cut-short', 'warn', 'check.cut-short'],
  ]);
  expect(result.devices.find((d) => d.device === 'modem')!.findings.map((f) => f.id)).toEqual(['modem.probe']);
  expect(result.ms).toBe(1000);
  expect(clock.pending()).toBe(0);
});

test('a check that finishes before the stop is not marked cut short', async () => {
  const clock = new FakeClock();
  const stop = new AbortController();
  const quick: DeviceCheck = { device: 'printer', budgetMs: 5000, run: async (ctx) => ctx.report(pass('printer.status')) };
  const result = await runChecks([quick], { level: 'internal', clock, stop: stop.signal });
  stop.abort();
  expect(result.devices[0].findings.map((f) => f.id)).toEqual(['printer.status']);
});
