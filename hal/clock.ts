/**
 * Time as a dependency. I/O code takes a Clock so that deadlines can be tested with a fake one; the
 * default uses the process timers (which jest's fake timers also control).
 */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    return t;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Resolves after `ms` on the given clock, or rejects early when the signal aborts. */
export function delay(clock: Clock, ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clock.clearTimeout(handle);
      reject(signal?.reason);
    };
    const handle = clock.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** A signal that aborts at an absolute point on a clock (see abortAfter). */
export interface ClockDeadline {
  /** Aborted when the time passes, or when the outer signal does. */
  readonly signal: AbortSignal;
  /** Whether it was the time, not the outer signal, that aborted it. */
  passed(): boolean;
  /** The work is over: the timer and the outer listener go. */
  done(): void;
}

/**
 * Aborts its signal `ms` from now on `clock` (never, for a duration that is not finite: a timer of
 * Infinity would fire at once), or as soon as `outer` aborts. Call done() when the work ends.
 */
export function abortAfter(clock: Clock, ms: number, outer?: AbortSignal): ClockDeadline {
  const stop = new AbortController();
  let passed = false;
  const onOuter = () => stop.abort(outer?.reason);
  if (outer?.aborted) stop.abort(outer.reason);
  else outer?.addEventListener('abort', onOuter, { once: true });
  const timer = Number.isFinite(ms)
    ? clock.setTimeout(
        () => {
          passed = true;
          stop.abort(new Error(`deadline of ${ms} ms passed`));
        },
        Math.max(0, ms),
      )
    : null;
  return {
    signal: stop.signal,
    passed: () => passed,
    done: () => {
      if (timer !== null) clock.clearTimeout(timer);
      outer?.removeEventListener('abort', onOuter);
    },
  };
}
