/**
 * The chip check powers a card off on its way out. When the budget is spent with the card powered and the
 * reader has fallen silent, that power-off must not hold the port for a whole command timeout after the
 * runner has given up: the port is closed within the budget and the runner's cleanup grace.
 */
import { Ccid } from '../../../hal/reader/ccid/ccid-driver';
import { createChipReaderCheck } from '../../../hal/reader/ccid/chip-check';
import { runChecks } from '../../../hal/selfcheck';
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
  const closedIn = await Promise.race([portClosed.then(() => Date.now() - t0), new Promise<string>((r) => setTimeout(() => r('still open'), COMMAND_TIMEOUT + 1_000).unref())]);
  // Budget plus the runner's 250 ms grace, with room for a loaded machine; a command timeout is 2 s.
  expect(closedIn).toBeLessThan(BUDGET + 250 + 500);
});
