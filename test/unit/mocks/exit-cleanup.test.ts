/**
 * The registry behind the signal handling of simulated runs (the real signals are sent to a real
 * process in test/integration/sim-signals.test.ts): handlers exist only while something is registered,
 * and each cleanup runs once, a failing one not stopping the others.
 */
import { onExitCleanup, runExitCleanups } from '../../../mocks/exit-cleanup';

const counts = () => ['SIGINT', 'SIGTERM', 'SIGHUP', 'exit'].map((s) => process.listenerCount(s));

test('signal and exit handlers are there only while a cleanup is registered', () => {
  const before = counts();
  const forgetA = onExitCleanup(() => undefined);
  const forgetB = onExitCleanup(() => undefined);
  expect(counts()).toEqual(before.map((n) => n + 1));
  forgetA();
  expect(counts()).toEqual(before.map((n) => n + 1));
  forgetB();
  expect(counts()).toEqual(before);
});

test('each cleanup runs once, and one that throws does not stop the others', () => {
  const ran: string[] = [];
  const forget = [
    onExitCleanup(() => ran.push('a')),
    onExitCleanup(() => {
      ran.push('b');
      throw new Error('already gone');
    }),
    onExitCleanup(() => ran.push('c')),
  ];
  runExitCleanups();
  runExitCleanups();
  expect(ran).toEqual(['a', 'b', 'c']);
  for (const f of forget) f();
});
