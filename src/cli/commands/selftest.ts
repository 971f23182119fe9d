/** `posdiag selftest [all|modem|reader|printer|network] [--level L]`: runs the device checks. */
import { CHECKED_DEVICES, CheckedDevice, CheckEnv, DEVICE_CHECKS } from '../../../hal/devices';
import { CHECK_LEVELS, CheckLevel, DeviceCheck, runChecks, RunOptions, SelfTestResult } from '../../../hal/selfcheck';
import { HalError } from '../../../hal/errors';
import { openEnvironment } from '../../runtime';
import { BUDGET_FLAG_HELP, parseBudgetFlag, runBudget } from '../budget';
import { EXIT } from '../io';
import type { CommandSpec } from '../spec';
import { renderSelfTest } from '../render-selftest';

export const command: CommandSpec = {
  name: 'selftest',
  arguments: [{ name: 'device', help: `all, or one of: ${CHECKED_DEVICES.join(', ')}`, default: 'all' }],
  options: [
    {
      name: 'level',
      value: 'level',
      help: 'internal (look only), external (may act: prints a test page), interactive (needs a tap or swipe)',
      choices: CHECK_LEVELS,
      default: 'internal',
    },
    { name: 'budget', value: 'ms', help: BUDGET_FLAG_HELP },
  ],
  examples: [
    'posdiag selftest',
    'posdiag selftest modem --sim modem=weak-signal',
    'posdiag selftest printer --level external --json',
    'posdiag selftest --config /data/posdiag/config.json --budget 10000',
  ],
  async run({ args, opts }, ctx) {
    const wanted = selectDevices(args.device!);
    const flagBudget = parseBudgetFlag(opts.budget as string | undefined);
    const env = await openEnvironment({ configPath: ctx.configPath, sim: ctx.sim, say: ctx.io.stderr });
    try {
      const result = await runSelfTest(wanted, env.checkEnv, opts.level as CheckLevel, runBudget(flagBudget, env.config), ctx.progress);
      return { exitCode: EXIT.ok, json: result, text: renderSelfTest(result, ctx.color, ctx.locale) };
    } finally {
      await env.close();
    }
  },
};

export function selectDevices(device: string): CheckedDevice[] {
  if (device === 'all') return [...CHECKED_DEVICES];
  if ((CHECKED_DEVICES as readonly string[]).includes(device)) return [device as CheckedDevice];
  throw new HalError('Usage_Invalid', `unknown device "${device}"; expected all, ${CHECKED_DEVICES.join(', ')}`);
}

/** Structured progress for a caller that draws its own screen (the technician menu), and a way to stop. */
export interface SelfTestHooks {
  onFinding?: RunOptions['onFinding'];
  onDeviceDone?: RunOptions['onDeviceDone'];
  /** Stops the run: each check sees its signal abort, closes its port and returns with what it found. */
  signal?: AbortSignal;
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
    onFinding: hooks.onFinding,
    onDeviceDone: (r) => {
      progress?.(`  ${r.name ? `${r.device} ${r.name}` : r.device}: ${r.status} (${r.ms} ms)\n`);
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
    run: async (ctx) =>
      ctx.report({ id: `${device}.configured`, status: 'absent', message: 'check.not-configured', params: { device } }),
  };
}
