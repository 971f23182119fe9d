/** The lockout state machine: thresholds, growing delays with a cap, clock set back, damaged files. */
import {
  countAttempt,
  LOCKOUT_DEFAULTS,
  lockoutDelay,
  parseLockState,
  resolveLockoutOptions,
  settle,
  UNLOCKED,
  viewLock,
  LockState,
} from '../../../src/menu/lockout';

const o = resolveLockoutOptions();

function wrong(s: LockState, now: number) {
  return settle(countAttempt(s), now, o);
}

test('five wrong PINs lock for 30 s; the fourth does not', () => {
  let s = UNLOCKED;
  for (let i = 1; i <= 4; i++) {
    const r = wrong(s, 1000);
    expect(r.lockout).toBeNull();
    s = r.state;
    expect(viewLock(s, 1000, o)).toEqual({ locked: false, remainingMs: 0, attemptsLeft: 5 - i });
  }
  const fifth = wrong(s, 1000);
  expect(fifth.lockout).toEqual({ delayMs: 30_000, count: 1 });
  expect(viewLock(fifth.state, 1000, o)).toMatchObject({ locked: true, remainingMs: 30_000 });
  expect(viewLock(fifth.state, 30_999, o).locked).toBe(true);
  expect(viewLock(fifth.state, 31_000, o).locked).toBe(false);
});

test.each([
  [0, 30_000],
  [1, 60_000],
  [2, 120_000],
  [5, 960_000],
  [6, 1_800_000], // capped at maxDelayMs
  [40, 1_800_000],
])('after %i lockouts the next lasts %i ms', (previous, ms) => {
  expect(lockoutDelay(previous, o)).toBe(ms);
});

test('after a lockout, each further wrong PIN locks again, longer', () => {
  let s = { failures: 0, lockouts: 1, lockedUntil: 0 };
  const r = wrong(s, 50_000);
  expect(r.lockout).toEqual({ delayMs: 60_000, count: 2 });
  s = r.state;
  expect(s.lockedUntil).toBe(110_000);
});

test('a wall clock set back cannot stretch a lockout past the longest one', () => {
  const s = { failures: 0, lockouts: 3, lockedUntil: 10_000_000_000 };
  expect(viewLock(s, 1000, o).remainingMs).toBe(LOCKOUT_DEFAULTS.maxDelayMs);
  expect(settle(s, 1000, o).state.lockedUntil).toBe(1000 + LOCKOUT_DEFAULTS.maxDelayMs);
});

test('an attempt counted but never settled (process killed mid-check) still locks on load', () => {
  const killed = { failures: 5, lockouts: 0, lockedUntil: 0 };
  expect(settle(killed, 0, o).lockout).toEqual({ delayMs: 30_000, count: 1 });
});

test.each([
  [
    { failures: 2, lockouts: 1, lockedUntil: 99 },
    { failures: 2, lockouts: 1, lockedUntil: 99 },
  ],
  [{ failures: -1, lockouts: 0, lockedUntil: 0 }, null],
  [{ failures: 1.5, lockouts: 0, lockedUntil: 0 }, null],
  [{ failures: '1', lockouts: 0, lockedUntil: 0 }, null],
  [null, null],
  [[], null],
])('parseLockState(%j)', (value, expected) => {
  expect(parseLockState(value)).toEqual(expected);
});

test.each([
  [{ maxAttempts: 0 }, 'lockout.maxAttempts'],
  [{ baseDelayMs: 10 }, 'lockout.baseDelayMs'],
  [{ maxDelayMs: 1000 }, 'lockout.maxDelayMs'], // below baseDelayMs
  [{ factor: Number.NaN }, 'lockout.factor'],
])('resolveLockoutOptions rejects %j, naming %s', (bad, field) => {
  expect(() => resolveLockoutOptions(bad)).toThrow(expect.objectContaining({ code: 'Config_Invalid', context: { field } }));
});
