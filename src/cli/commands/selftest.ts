/** `posdiag selftest [all|modem|reader|printer|network] [--level L] [--profile P]`: runs the device checks. */
import { DEADLINE_PROFILES, PROFILE_DEFAULTS, type DeadlineProfile } from '../../../hal/deadline-profiles';
import { CHECKED_DEVICES, CheckedDevice } from '../../../hal/devices';
import { CHECK_LEVELS, CheckLevel } from '../../../hal/selfcheck';
import { HalError } from '../../../hal/errors';
import { runtimeResult } from '../../../hal/runtime-check';
import { openEnvironment } from '../../runtime';
import { runSelfTest } from '../../services/selftest';
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
      help: 'internal (look only), external (may act: prints a test page), interactive (needs a tap, a swipe or a card inserted)',
      choices: CHECK_LEVELS,
      default: 'internal',
    },
    { name: 'budget', value: 'ms', help: BUDGET_FLAG_HELP },
    {
      name: 'profile',
      value: 'profile',
      help: `the checks' deadlines: thorough (a modem still booting gets its time) or cashier (short probes); default: the configuration's checks.profile, else ${PROFILE_DEFAULTS.selftest}`,
      choices: DEADLINE_PROFILES,
    },
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
      const profile = (opts.profile as DeadlineProfile | undefined) ?? env.config.checks?.profile ?? PROFILE_DEFAULTS.selftest;
      const result = await runSelfTest(wanted, { ...env.checkEnv, profile }, opts.level as CheckLevel, runBudget(flagBudget, env.config), ctx.progress);
      // The whole terminal's test starts with what it runs on (Node, ICU, GB18030).
      if (args.device === 'all') result.devices.unshift(runtimeResult());
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
