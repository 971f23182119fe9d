/**
 * The reader self-check against every simulated reader fault, through the in-process binding (fast):
 * each fault must give its finding, within the deadline the driver's timeouts promise. The same table
 * runs over real pseudo-terminals in test/integration/reader-pty.test.ts.
 */
import { systemClock } from '../../../hal/clock';
import type { ReaderConfig } from '../../../hal/config';
import { createReaderCheck, ReaderCheckOptions } from '../../../hal/reader/reader-check';
import { CheckLevel, DeviceResult, runChecks } from '../../../hal/selfcheck';
import { InProcessBinding } from '../../../mocks/in-process-binding';
import { Msr605Fault, Msr605Simulator } from '../../../mocks/msr605-sim';
import { Pn532Fault, Pn532Simulator } from '../../../mocks/pn532-sim';
import { DEVICE_CHECKS } from '../../../hal/devices';
import { readerCases, ReaderCase } from '../../helpers/reader-cases';

/** Short timeouts so that silent devices cost a fraction of a second. */
const FAST: ReaderCheckOptions = {
  interactiveMs: 1000,
  pn532: { commandTimeoutMs: 300, selfTestTimeoutMs: 400, pollTimeoutMs: 300, pollIntervalMs: 50 },
  msr605: { commandTimeoutMs: 300, ramTestTimeoutMs: 400, resetSettleMs: 10 },
};

async function runInProcess(kind: ReaderConfig['kind'], fault: string, level: CheckLevel): Promise<{ result: DeviceResult; ms: number }> {
  const binding = new InProcessBinding();
  const sim = kind === 'pn532' ? new Pn532Simulator(fault as Pn532Fault) : new Msr605Simulator(fault as Msr605Fault, { swipeAfterMs: 100 });
  binding.connect('/dev/ttyREADER', sim);
  const check = createReaderCheck({ binding, clock: systemClock, config: { kind, path: '/dev/ttyREADER', baudRate: kind === 'pn532' ? 115200 : 9600 } }, FAST)!;
  const t0 = performance.now();
  const run = await runChecks([check], { level });
  sim.stop();
  return { result: run.devices[0], ms: performance.now() - t0 };
}

describe.each(readerCases())('$kind $fault at $level', (c: ReaderCase) => {
  test(`→ ${c.expect.map((e) => `${e.id}:${e.status}`).join(', ')}`, async () => {
    const { result, ms } = await runInProcess(c.kind, c.fault, c.level);
    for (const e of c.expect) {
      expect(result.findings).toContainEqual(expect.objectContaining(e));
    }
    expect(result.status).toBe(c.status);
    for (const id of c.absent ?? []) expect(result.findings.map((f) => f.id)).not.toContain(id);
    // Deadline (with tolerance for a loaded machine): what the case's timeouts add up to.
    expect(ms).toBeLessThan(c.withinMs(FAST) + 1500);
  });
});

test('no finding carries the card number or track data, only the masked form', async () => {
  const { result } = await runInProcess('msr605', 'swipe', 'interactive');
  const text = JSON.stringify(result);
  expect(text).toContain('476173******0010');
  expect(text).not.toContain('4761739001010010');
  expect(text).not.toMatch(/=2912|POSDIAG\/TEST/);
});

test('the registry builds the reader check from devices.reader, and none without one', () => {
  const binding = new InProcessBinding();
  const factory = DEVICE_CHECKS.reader!;
  expect(factory({ binding, clock: systemClock, devices: {} })).toEqual([]);
  expect(factory({ binding, clock: systemClock, devices: { reader: { kind: 'msr605', path: '/x', baudRate: 9600 } } })[0]?.device).toBe('reader');
});

test('a reader that is not there is reported absent, not thrown', async () => {
  const check = createReaderCheck(
    { binding: new InProcessBinding(), clock: systemClock, config: { kind: 'pn532', path: '/dev/nothing', baudRate: 115200 } },
    FAST,
  )!;
  const run = await runChecks([check], { level: 'internal' });
  expect(run.devices[0].findings).toEqual([expect.objectContaining({ id: 'reader.link', status: 'absent', message: 'check.reader.not-found' })]);
});

test('a bad checksum is asked for again with a NACK before it fails', async () => {
  const binding = new InProcessBinding();
  const sim = new Pn532Simulator('bad-checksum');
  binding.connect('/dev/ttyREADER', sim);
  const check = createReaderCheck({ binding, clock: systemClock, config: { kind: 'pn532', path: '/dev/ttyREADER', baudRate: 115200 } }, FAST)!;
  const run = await runChecks([check], { level: 'internal' });
  expect(run.devices[0].findings).toEqual([expect.objectContaining({ id: 'reader.comm', status: 'fail', message: 'check.reader.checksum', value: 2 })]);
  // The wake-up frame, then one NACK (checksumRetries = 1).
  expect(sim.receivedBytes().subarray(-6)).toEqual(Buffer.from([0x00, 0x00, 0xff, 0xff, 0x00, 0x00]));
});

test('a tap arriving during the window is read, and the poll stops there', async () => {
  const binding = new InProcessBinding();
  const sim = new Pn532Simulator('healthy');
  binding.connect('/dev/ttyREADER', sim);
  const check = createReaderCheck(
    { binding, clock: systemClock, config: { kind: 'pn532', path: '/dev/ttyREADER', baudRate: 115200 } },
    { ...FAST, interactiveMs: 3000 },
  )!;
  const timer = setTimeout(() => sim.setCardPresent(true), 400);
  const t0 = performance.now();
  const run = await runChecks([check], { level: 'interactive' });
  clearTimeout(timer);
  expect(run.devices[0].findings).toContainEqual(
    expect.objectContaining({ id: 'reader.tap', status: 'pass', params: expect.objectContaining({ uid: 'DE****EF' }) }),
  );
  expect(performance.now() - t0).toBeLessThan(2500);
});
