/**
 * PIN lockout, as a pure state machine over wall-clock milliseconds (times are absolute, so the state
 * can be written to disk and still mean the same after a restart).
 *
 * - `maxAttempts` wrong PINs in a row lock the menu for `baseDelayMs`.
 * - Once a lockout has happened, `attemptsAfterLockout` wrong PINs lock it again, each lockout twice
 *   as long as the one before (`factor`), up to `maxDelayMs`.
 * - A right PIN clears everything.
 *
 * An attempt is counted *before* the PIN is checked (`countAttempt`) and saved, so killing the process
 * while the PIN is being verified still costs the attempt. `settle` then turns a count at the limit
 * into a lockout; it is also run on load, which finishes a lockout interrupted by a kill.
 */
import { optionDefaults, resolveOptions, type OptionSpec } from '../../hal/options';

export interface LockoutOptions {
  /** Wrong PINs before the first lockout. */
  maxAttempts: number;
  /** Wrong PINs before each further lockout. */
  attemptsAfterLockout: number;
  /** First lockout, ms. */
  baseDelayMs: number;
  /** Growth per further lockout. */
  factor: number;
  /** Longest lockout, ms; at least baseDelayMs. */
  maxDelayMs: number;
}

export const LOCKOUT_OPTIONS: OptionSpec<keyof LockoutOptions> = {
  maxAttempts: { default: 5, min: 1, max: 20 },
  attemptsAfterLockout: { default: 1, min: 1, max: 20 },
  baseDelayMs: { default: 30_000, min: 1000, max: 3_600_000 },
  factor: { default: 2, min: 1, max: 10 },
  maxDelayMs: { default: 30 * 60_000, min: 1000, max: 86_400_000 },
};

export const LOCKOUT_DEFAULTS: LockoutOptions = optionDefaults(LOCKOUT_OPTIONS);

export interface LockState {
  /** Wrong (or unfinished) attempts since the last lockout or right PIN. */
  failures: number;
  /** Lockouts since the last right PIN. */
  lockouts: number;
  /** Wall-clock ms until which PIN entry is refused; 0 when not locked. */
  lockedUntil: number;
}

export const UNLOCKED: LockState = Object.freeze({ failures: 0, lockouts: 0, lockedUntil: 0 });

export interface LockView {
  locked: boolean;
  /** Ms left of the lockout (0 when not locked). */
  remainingMs: number;
  /** Wrong PINs left before the next lockout. */
  attemptsLeft: number;
}

/** Fills defaults; a value out of range is a Config_Invalid naming `lockout.<option>`. */
export function resolveLockoutOptions(o: Partial<LockoutOptions> = {}): LockoutOptions {
  const r = resolveOptions(LOCKOUT_OPTIONS, o, 'lockout.');
  // The one range that depends on another option: the longest lockout is no shorter than the first.
  resolveOptions({ maxDelayMs: { ...LOCKOUT_OPTIONS.maxDelayMs, min: r.baseDelayMs } }, { maxDelayMs: r.maxDelayMs }, 'lockout.');
  return r;
}

/** How long the next lockout lasts, given how many came before it. */
export function lockoutDelay(previousLockouts: number, o: LockoutOptions): number {
  const d = o.baseDelayMs * Math.pow(o.factor, Math.max(0, previousLockouts));
  return Math.min(o.maxDelayMs, Math.round(d));
}

function limit(s: LockState, o: LockoutOptions): number {
  return s.lockouts === 0 ? o.maxAttempts : o.attemptsAfterLockout;
}

/**
 * What the PIN screen shows. A lock ending further ahead than the longest lockout (the wall clock was
 * set back) counts as the longest lockout from now, so a clock change cannot lock the menu for days.
 */
export function viewLock(s: LockState, now: number, o: LockoutOptions): LockView {
  const remaining = Math.min(Math.max(0, s.lockedUntil - now), o.maxDelayMs);
  return { locked: remaining > 0, remainingMs: remaining, attemptsLeft: Math.max(0, limit(s, o) - s.failures) };
}

/** Before the PIN is checked: one more attempt, persisted by the caller before verifying. */
export function countAttempt(s: LockState): LockState {
  return { ...s, failures: s.failures + 1 };
}

/** After a right PIN. */
export function clearLock(): LockState {
  return { ...UNLOCKED };
}

/**
 * After a wrong PIN (and on load): at the limit, lock. Returns the lockout when one began now, so the
 * caller can journal it.
 */
export function settle(s: LockState, now: number, o: LockoutOptions): { state: LockState; lockout: { delayMs: number; count: number } | null } {
  const clamped = s.lockedUntil > now + o.maxDelayMs ? { ...s, lockedUntil: now + o.maxDelayMs } : s;
  if (clamped.failures < limit(clamped, o)) return { state: clamped, lockout: null };
  const delayMs = lockoutDelay(clamped.lockouts, o);
  const count = clamped.lockouts + 1;
  return { state: { failures: 0, lockouts: count, lockedUntil: now + delayMs }, lockout: { delayMs, count } };
}

/** A state read from disk, checked field by field; anything else is null (the caller decides). */
export function parseLockState(value: unknown): LockState | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const ok = (x: unknown) => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= Number.MAX_SAFE_INTEGER;
  if (!ok(v.failures) || !ok(v.lockouts) || !ok(v.lockedUntil)) return null;
  return { failures: v.failures as number, lockouts: v.lockouts as number, lockedUntil: v.lockedUntil as number };
}

/**
 * A lock file that exists but cannot be read is treated as one wrong PIN short of a lockout: deleting
 * the file resets the count anyway, but a damaged one must not.
 */
export function damagedLockState(o: LockoutOptions): LockState {
  return { failures: o.maxAttempts - 1, lockouts: 0, lockedUntil: 0 };
}
