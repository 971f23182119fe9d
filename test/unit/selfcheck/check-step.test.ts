/**
 * The one step/stop helper every device check uses (hal/check-step.ts): a failed step reports its finding
 * once and stops the run; a stop from a step nested in another passes through without a second finding.
 */
import { step, Stop, transportFinding, untilStopped } from '../../../hal/check-step';
import { systemClock } from '../../../hal/clock';
import { HalError } from '../../../hal/errors';
import type { CheckContext, Finding } from '../../../hal/selfcheck';

function context(): { ctx: CheckContext; findings: Finding[] } {
  const findings: Finding[] = [];
  const ctx: CheckContext = {
    level: 'internal',
    signal: new AbortController().signal,
    deadline: Infinity,
    clock: systemClock,
    report: (f) => findings.push(f),
  };
  return { ctx, findings };
}

const asPrinter = (id: string) => (err: unknown) => transportFinding('printer', id, err);

test('a failed step reports its finding and stops the run', async () => {
  const { ctx, findings } = context();
  let after = false;
  await untilStopped(async () => {
    await step(ctx, asPrinter('printer.status'), () => Promise.reject(new HalError('Transport_Timeout', 'no reply')));
    after = true;
  });
  expect(findings).toEqual([{ id: 'printer.status', status: 'timeout', message: 'check.printer.no-reply', params: { step: 'printer.status' } }]);
  expect(after).toBe(false);
});

test('a step inside a step: the inner finding alone, and the stop reaches the run', async () => {
  const { ctx, findings } = context();
  const run = untilStopped(() =>
    step(ctx, asPrinter('printer.outer'), () => step(ctx, asPrinter('printer.inner'), () => Promise.reject(new HalError('Transport_Disconnected', 'gone')))),
  );
  await expect(run).resolves.toBeUndefined();
  expect(findings.map((f) => f.id)).toEqual(['printer.link']);
});

test('anything but a stop goes on to the runner', async () => {
  await expect(untilStopped(() => Promise.reject(new Error('bug')))).rejects.toThrow('bug');
  await expect(untilStopped(() => Promise.reject(new Stop('said')))).resolves.toBeUndefined();
});
