/**
 * The self-test as a service: the device checks of the wanted devices at one level, within one budget.
 * `posdiag selftest`, the diagnosis, the technician menu and the public API all run the checks here.
 */
import { CheckedDevice, CheckEnv, DEVICE_CHECKS } from '../../hal/devices';
import { CheckLevel, DeviceCheck, runChecks, RunOptions, SelfTestResult, wasCutShort } from '../../hal/selfcheck';

/** Structured progress for a caller that draws its own screen (the technician menu), and a way to stop. */
export interface SelfTestHooks {
  onFinding?: RunOptions['onFinding'];
  onDeviceDone?: RunOptions['onDeviceDone'];
  /** Stops the run: each check sees its signal abort, closes its port and returns with what it found. */
  signal?: AbortSignal;
  /** Cuts the checks still running short, each saying so in its findings (RunOptions.stop). */
  stop?: AbortSignal;
}

/** Runs the checks of the wanted devices; a device with no check or no configuration shows as absent. */
export async function runSelfTest(
  wanted: readonly CheckedDevice[],
  env: CheckEnv,
  level: CheckLevel,
  totalBudgetMs: number,
  progress?: (line: string) => void,
  hooks: SelfTestHooks = {},
): Promise<SelfTestResult> {
  // One check per configured instance (a terminal may have several readers).
  const checks: DeviceCheck[] = wanted.flatMap((device) => {
    const found = DEVICE_CHECKS[device](env);
    return (found.length ? found : [notConfigured(device)]).map((check) => abortable(check, hooks.signal));
  });
  return runChecks(checks, {
    level,
    totalBudgetMs,
    stop: hooks.stop,
    onFinding: hooks.onFinding,
    onDeviceDone: (r) => {
      progress?.(`  ${r.name ? `${r.device} ${r.name}` : r.device}: ${wasCutShort(r) ? 'cut short' : r.status} (${r.ms} ms)\n`);
      hooks.onDeviceDone?.(r);
    },
  });
}

/**
 * A check that also stops when `signal` aborts. Stopping this way is not a fault of the device, so the
 * abort is not turned into a finding; the run's own budgets still work as before.
 */
export function abortable(check: DeviceCheck, signal: AbortSignal | undefined): DeviceCheck {
  if (!signal) return check;
  return {
    ...check,
    run: async (ctx) => {
      try {
        await check.run({ ...ctx, signal: AbortSignal.any([ctx.signal, signal]) });
      } catch (err) {
        if (!signal.aborted || ctx.signal.aborted) throw err;
      }
    },
  };
}

export function notConfigured(device: string): DeviceCheck {
  return {
    device,
    budgetMs: 1000,
    run: async (ctx) => ctx.report({ id: `${device}.configured`, status: 'absent', message: 'check.not-configured', params: { device } }),
  };
}
