/**
 * abortAfter (hal/clock.ts): one absolute deadline as an AbortSignal, on a fake clock; the outer signal
 * ends it too, and done() leaves no timer behind.
 */
import { abortAfter } from '../../../hal/clock';
import { FakeClock } from '../../../mocks/fake-clock';

test.each([
  ['before the time', 99, false],
  ['at the time', 100, true],
])('%s: aborted %s', async (_what, ms, aborted) => {
  const clock = new FakeClock();
  const d = abortAfter(clock, 100);
  await clock.advance(ms);
  expect([d.signal.aborted, d.passed()]).toEqual([aborted, aborted]);
  d.done();
});

test('the outer signal aborts it, and that is not the time passing', () => {
  const outer = new AbortController();
  const d = abortAfter(new FakeClock(), 100, outer.signal);
  outer.abort(new Error('stop'));
  expect([d.signal.aborted, d.passed(), (d.signal.reason as Error).message]).toEqual([true, false, 'stop']);
  d.done();
});

test('a duration that is not finite never fires, and done() clears the timer', async () => {
  const clock = new FakeClock();
  const never = abortAfter(clock, Infinity);
  const cleared = abortAfter(clock, 50);
  cleared.done();
  await clock.advance(1_000_000);
  expect([never.signal.aborted, cleared.signal.aborted]).toEqual([false, false]);
  never.done();
});
