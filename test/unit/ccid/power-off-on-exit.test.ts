/**
 * The chip check powers a card off on its way out. When the budget is spent with the card powered and the
 * reader has fallen silent, that power-off must not hold the port for a whole command timeout after the
 * runner has given up: the port is closed within the budget and the runner's cleanup grace.
 */
import { Ccid } from '../../../hal/reader/ccid/ccid-driver';
import { PcToRdr } from '../../../hal/reader/ccid/ccid-codec';
import { CcidFramer } from '../../../hal/reader/ccid/ccid-framer';
import { createChipReaderCheck, runChipReader } from '../../../hal/reader/ccid/chip-check';
import { systemClock } from '../../../hal/clock';
import { runChecks, type CheckContext, type Finding } from '../../../hal/selfcheck';
import { CcidSimulator } from '../../../mocks/ccid-sim';
import { InProcessBinding } from '../../../mocks/in-process-binding';

afterEach(() => jest.restoreAllMocks());

test('a reader silent after the ATR: the budget spent, the port is closed within the grace, not a command timeout later', async () => {
  const binding = new InProcessBinding();
  const sim = new CcidSimulator('healthy');
  binding.connect('/dev/ttyCCID', sim);
  const powerOn = Ccid.prototype.powerOnSequence;
  jest.spyOn(Ccid.prototype, 'powerOnSequence').mockImplementation(async function (this: Ccid, signal) {
    const tries = await powerOn.call(this, signal);
    sim.faults.silent = true; // the card is powered; nothing answers from here on
    return tries;
  });
  const close = Ccid.prototype.close;
  let closed!: () => void;
  const portClosed = new Promise<void>((r) => (closed = r));
  jest.spyOn(Ccid.prototype, 'close').mockImplementation(async function (this: Ccid) {
    await close.call(this);
    closed();
  });
  const BUDGET = 300;
  const COMMAND_TIMEOUT = 2_000;
  const t0 = Date.now();
  const check = createChipReaderCheck({ binding }, { path: '/dev/ttyCCID' }, { timing: { commandTimeoutMs: COMMAND_TIMEOUT, apduTimeoutMs: 5_000 } });
  const result = await runChecks([check], { level: 'external', totalBudgetMs: BUDGET });
  expect(result.devices[0].findings.map((f) => f.id)).toContain('reader.budget');
  const closedIn = await Promise.race([
    portClosed.then(() => Date.now() - t0),
    new Promise<string>((r) => setTimeout(() => r('still open'), COMMAND_TIMEOUT + 1_000).unref()),
  ]);
  // Budget plus the runner's 250 ms grace, with room for a loaded machine; a command timeout is 2 s.
  expect(closedIn).toBeLessThan(BUDGET + 250 + 500);
});

test('a run with no deadline (Infinity) still powers the card off on its way out', async () => {
  const binding = new InProcessBinding();
  const sim = new CcidSimulator('no-app'); // powered, then stopped at the application: the power-off is the way out's
  binding.connect('/dev/ttyCCID', sim);
  const findings: Finding[] = [];
  const ctx: CheckContext = {
    level: 'external',
    signal: new AbortController().signal,
    deadline: Infinity,
    clock: systemClock,
    report: (f) => findings.push(f),
  };
  await runChipReader({ binding }, { path: '/dev/ttyCCID' }, { interactiveMs: 1_000, pollIntervalMs: 400 }, ctx);
  expect(findings.find((f) => f.id === 'reader.application')).toMatchObject({ value: 'no-payment-app' });
  // The last command the reader got: IccPowerOff (type 0x63), and it was answered.
  const framer = new CcidFramer();
  const commands = framer.push(sim.receivedBytes()).flatMap((f) => (f.kind === 'message' ? [f.message.type] : []));
  expect(commands[commands.length - 1]).toBe(PcToRdr.IccPowerOff);
  expect((await statusAfter(binding)).icc).toBe('inactive');
});

/** The slot's state as a fresh open sees it. */
async function statusAfter(binding: InProcessBinding) {
  const r = await Ccid.open({ binding, path: '/dev/ttyCCID', proc: '/nonexistent' });
  try {
    return await r.slotStatus();
  } finally {
    await r.close();
  }
}
