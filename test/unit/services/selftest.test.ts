import { CHECKED_DEVICES, type CheckEnv } from '../../../hal/devices';
import { runChecks, type DeviceCheck } from '../../../hal/selfcheck';
import { FakeClock } from '../../../mocks/fake-clock';
import { abortable, notConfigured, runSelfTest } from '../../../src/services/selftest';

// A terminal with nothing configured: every device's check factory declines, so no port is opened.
const bare = (): CheckEnv =>
  ({ binding: {} as CheckEnv['binding'], clock: new FakeClock(), devices: {}, terminal: { id: 'T1', merchantId: 'M1' } }) as unknown as CheckEnv;

test('a device without configuration shows as absent, in the order asked, with a progress line each', async () => {
  const lines: string[] = [];
  const done: string[] = [];
  const result = await runSelfTest(['printer', 'modem'], bare(), 'internal', 5000, (l) => lines.push(l), { onDeviceDone: (r) => done.push(r.device) });
  expect(result.devices.map((d) => [d.device, d.status, d.findings.map((f) => f.id)])).toEqual([
    ['printer', 'absent', ['printer.configured']],
    ['modem', 'absent', ['modem.configured']],
  ]);
  expect(lines.sort()).toEqual([expect.stringMatching(/^  modem: absent \(\d+ ms\)\n$/), expect.stringMatching(/^  printer: absent \(\d+ ms\)\n$/)]);
  expect(done.sort()).toEqual(['modem', 'printer']);
});

test('every checked device can be asked for', async () => {
  const result = await runSelfTest(CHECKED_DEVICES, bare(), 'internal', 5000);
  expect(result.devices.map((d) => d.device)).toEqual([...CHECKED_DEVICES]);
});

test('notConfigured reports the device by name', async () => {
  const clock = new FakeClock();
  const result = await runChecks([notConfigured('reader')], { level: 'internal', clock });
  expect(result.devices[0].findings).toEqual([{ id: 'reader.configured', status: 'absent', message: 'check.not-configured', params: { device: 'reader' } }]);
});

test('a stop from the caller ends a check without a finding; the run budget still makes one', async () => {
  const clock = new FakeClock();
  let started: () => void = () => undefined;
  const waiting: DeviceCheck = {
    device: 'modem',
    budgetMs: 10_000,
    run: (ctx) =>
      new Promise<void>((_, reject) => {
        ctx.signal.addEventListener('abort', () => reject(new Error('port closed')));
        started();
      }),
  };
  const stop = new AbortController();
  const running = new Promise<void>((r) => (started = r));
  const run = runChecks([abortable(waiting, stop.signal)], { level: 'internal', clock });
  await running;
  stop.abort();
  const stopped = await run;
  expect(stopped.devices[0].findings).toEqual([]);
  expect(abortable(waiting, undefined)).toBe(waiting);

  const timed = runChecks([abortable(waiting, new AbortController().signal)], { level: 'internal', clock, totalBudgetMs: 500 });
  await clock.advance(500);
  expect((await timed).devices[0]).toMatchObject({ status: 'timeout' });
});
