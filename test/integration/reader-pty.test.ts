/**
 * The reader self-check against every simulated reader fault over real pseudo-terminals and the native
 * serialport binding (what a reader on a cable does to posdiag), with the deadlines of the case table.
 * The simulators pace bytes at the reader's baud rate (PN532 115200, MSR605 9600), so timings are physical.
 */
import { systemClock } from '../../hal/clock';
import { createReaderCheck, ReaderCheckOptions } from '../../hal/reader/reader-check';
import { runChecks } from '../../hal/selfcheck';
import { Msr605Fault, Msr605Simulator } from '../../mocks/msr605-sim';
import { Pn532Fault, Pn532Simulator } from '../../mocks/pn532-sim';
import { RunningSimulator, startOnPty } from '../../mocks/pty-attach';
import { nativeBinding } from '../../hal/transport/native-binding';
import { runCheckCase } from '../helpers/check-case';
import { readerCases, ReaderCase } from '../helpers/reader-cases';

const binding = nativeBinding();
let running: RunningSimulator | null = null;

afterEach(async () => {
  await running?.close();
  running = null;
});

const FAST: ReaderCheckOptions = {
  interactiveMs: 1500,
  pn532: { commandTimeoutMs: 400, selfTestTimeoutMs: 500, pollTimeoutMs: 400, pollIntervalMs: 50 },
  msr605: { commandTimeoutMs: 400, ramTestTimeoutMs: 500, resetSettleMs: 20 },
};

describe.each(readerCases())('$kind $fault at $level (pty)', (c: ReaderCase) => {
  test(`→ ${c.expect.map((e) => `${e.id}:${e.status}`).join(', ')}`, async () => {
    const sim =
      c.kind === 'pn532'
        ? new Pn532Simulator(c.fault as Pn532Fault, { baudRate: 115200 })
        : new Msr605Simulator(c.fault as Msr605Fault, { baudRate: 9600, swipeAfterMs: 200 });
    running = await startOnPty(sim);
    const check = createReaderCheck(
      { binding, clock: systemClock, config: { kind: c.kind, path: running.hostPath, baudRate: c.kind === 'pn532' ? 115200 : 9600 } },
      FAST,
    )!;
    const { ms } = await runCheckCase(check, c);
    expect(ms).toBeLessThan(c.withinMs(FAST) + 1500);
  });
});

test('the swipe test resets the MSR605 at its deadline, so no read is left armed', async () => {
  const sim = new Msr605Simulator('healthy', { baudRate: 9600 });
  running = await startOnPty(sim);
  const check = createReaderCheck(
    { binding, clock: systemClock, config: { kind: 'msr605', path: running.hostPath, baudRate: 9600 } },
    { interactiveMs: 1000 },
  )!;
  const t0 = performance.now();
  // Default command timeouts here (FAST's 400 ms can expire on a loaded machine before the read is armed):
  // only the swipe window is under test.
  const result = await runChecks([check], { level: 'interactive' });
  const ms = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 50));
  const read = sim.commands.lastIndexOf(0x72);
  expect({ read: read > 0, findings: result.devices[0]!.findings.filter((f) => f.status !== 'pass') }).toMatchObject({ read: true });
  expect(sim.commands.slice(read + 1)).toContain(0x61); // ESC a after the read
  expect(ms).toBeGreaterThan(1000 - 50); // the window was honoured …
  expect(ms).toBeLessThan(1000 + 1500); // … and not overrun
});

test('the tap test aborts the poll in progress with an ACK at its deadline', async () => {
  const sim = new Pn532Simulator('healthy', { baudRate: 115200 });
  // A chip whose InListPassiveTarget never comes back (MaxRetries infinite on a real PN532).
  sim.override((chunk) => chunk.includes(Buffer.from([0xd4, 0x4a])));
  running = await startOnPty(sim);
  const check = createReaderCheck(
    { binding, clock: systemClock, config: { kind: 'pn532', path: running.hostPath, baudRate: 115200 } },
    { ...FAST, interactiveMs: 1000 },
  )!;
  const run = await runChecks([check], { level: 'interactive' });
  expect(run.devices[0].findings).toContainEqual(expect.objectContaining({ id: 'reader.tap', status: 'timeout' }));
  await new Promise((r) => setTimeout(r, 50));
  const bytes = sim.receivedBytes();
  const poll = bytes.lastIndexOf(Buffer.from([0xd4, 0x4a]));
  expect(bytes.subarray(poll).includes(Buffer.from([0x00, 0x00, 0xff, 0x00, 0xff, 0x00]))).toBe(true);
});
