/**
 * `posdiag diagnose --code CODE [--pan P] [--amount A] [--acquirer A] [--no-print] [--budget MS]
 * [--profile cashier|thorough] [--events]`: a failed transaction, end to end. Shows the code's own hint at
 * once, runs the checks the code calls for, names the cause with its evidence, shows the cashier's hint,
 * keeps and prints the slip, writes the journal record. `--events` prints each step as a JSON line as it
 * happens (schemas/diagnose-events.json) instead of one document at the end.
 *
 * A diagnosis that finds a fault did its job: exit 0. Exit 2 for bad input (a malformed amount or card
 * number, an unknown acquirer); the card number itself is never repeated in any message.
 */
import { DEADLINE_PROFILES, PROFILE_DEFAULTS, type DeadlineProfile } from '../../../hal/deadline-profiles';
import { HalError } from '../../../hal/errors';
import { SIMULATED_TERMINAL } from '../../config/default';
import { ACQUIRERS } from '../../codes/acquirers';
import { lookup } from '../../codes/lookup';
import { TELEMETRY_OPTIONS } from '../../fleet/options';
import { diagnosisStart, type DiagnosisEvent } from '../../services/diagnosis-events';
import { BUDGET_FLAG_HELP, parseBudgetFlag } from '../budget';
import { acquirerFlag, configOf } from '../context';
import { EXIT } from '../io';
import type { CommandSpec } from '../spec';

interface DiagnoseFlags {
  code: string;
  pan?: string;
  amount?: string;
  acquirer?: string;
  print: boolean;
  budget?: string;
  profile?: DeadlineProfile;
  events?: boolean;
}

export function parseAmount(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const t = text.trim().replace(/^[¥￥]/, '');
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(t)) {
    throw new HalError('Usage_Invalid', `--amount must be an amount in yuan such as 128 or 128.50, got "${text}"`);
  }
  return Number(t);
}

export function checkPan(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const digits = text.replace(/[\s-]/g, '');
  // Say what is wrong without echoing what was typed: it may be a whole card number.
  if (!/^\d{13,19}$/.test(digits)) throw new HalError('Usage_Invalid', '--pan must be a card number of 13 to 19 digits (it is masked to first 6 / last 4)');
  return digits;
}

export const command: CommandSpec = {
  name: 'diagnose',
  options: [
    { name: 'code', value: 'code', required: true, help: 'the response code (96, A0), a terminal-local id (T01) or the text the terminal showed' },
    { name: 'pan', value: 'pan', help: 'the card number (masked to first 6 / last 4 before anything else sees it)' },
    { name: 'amount', value: 'amount', help: 'the amount in yuan, e.g. 128.50' },
    { name: 'acquirer', value: 'acquirer', help: `acquirer profile: ${Object.keys(ACQUIRERS).join(', ')} (default: the configuration's, else cup)` },
    { name: 'no-print', help: 'keep the slip in the store without printing it' },
    { name: 'budget', value: 'ms', help: BUDGET_FLAG_HELP },
    {
      name: 'profile',
      value: 'profile',
      help: `the checks' deadlines: cashier (short probes, stops once the cause is proven) or thorough (the self-test's); default: the configuration's checks.profile, else ${PROFILE_DEFAULTS.diagnose}`,
      choices: DEADLINE_PROFILES,
    },
    { name: 'events', help: "print the run as JSON Lines as it happens: start (the catalog's hint), each device, the cause, the slip, the journal record" },
  ],
  examples: [
    'posdiag diagnose --code 96',
    'posdiag diagnose --code 96 --sim modem=no-signal --json',
    'posdiag diagnose --code "交易终止" --amount 128.50 --pan 6228480402564890018',
    'posdiag diagnose --code A0 --no-print --locale en',
    'posdiag diagnose --code 96 --sim modem=silent --events',
  ],
  async run({ opts }, ctx) {
    const flags = opts as unknown as DiagnoseFlags;
    if (!flags.code.trim())
      throw new HalError('Usage_Invalid', '--code is empty: give the response code or the text the terminal showed (96, A0, "NO COMMUNICATION")');
    const pan = checkPan(flags.pan);
    const amount = parseAmount(flags.amount);
    if (flags.acquirer !== undefined) acquirerFlag(flags.acquirer);
    const budget = parseBudgetFlag(flags.budget); // else the configuration's, in runDiagnosis
    if (flags.events && ctx.json) throw new HalError('Usage_Invalid', '--events and --json are two forms of the output: give one');
    // The code's own hint before the devices are opened: the cashier reads something at once.
    const config = (await configOf(ctx)) ?? SIMULATED_TERMINAL;
    const profile = flags.profile ?? config.checks?.profile ?? PROFILE_DEFAULTS.diagnose;
    const line = (event: DiagnosisEvent) => ctx.io.stdout(JSON.stringify(event) + '\n');
    const start = diagnosisStart(lookup(flags.code, { acquirer: flags.acquirer ?? config.terminal.acquirer }), {
      locale: ctx.locale ?? config.terminal.locale,
      amount,
      profile,
    });
    if (flags.events) line(start);
    else ctx.progress(`${start.hint.title}: ${start.hint.action}\n  checking ${start.checks.join(', ') || 'nothing'} …\n`);
    // What runs the diagnosis is loaded after the hint is out: the first line does not wait for it.
    const [{ openEnvironment }, { runDiagnosis }, { renderDiagnosis }, { flushDetached }] = await Promise.all([
      import('../../runtime'),
      import('../../services/diagnose'),
      import('../render-diagnosis'),
      import('../../fleet/load-telemetry'),
    ]);
    const env = await openEnvironment({ configPath: ctx.configPath, sim: ctx.sim, env: ctx.io.env, say: ctx.io.stderr });
    try {
      const dataDir = env.dataDir;
      const report = await runDiagnosis(env, {
        code: flags.code,
        acquirer: flags.acquirer,
        locale: ctx.locale,
        pan,
        amount,
        print: flags.print,
        dataDir,
        budgetMs: budget,
        progress: ctx.progress,
        holdUnacked: env.config.telemetry && (env.config.telemetry.maxUnackedRecords ?? TELEMETRY_OPTIONS.maxUnackedRecords.default),
        profile,
        announced: true,
        ...(flags.events ? { onEvent: line } : {}),
      });
      if (env.config.telemetry && !env.simulated && ctx.configPath) flushDetached(ctx.configPath);
      // With --events every step has been printed as it came.
      if (flags.events) return { exitCode: EXIT.ok, json: null, text: '' };
      return { exitCode: EXIT.ok, json: report, text: renderDiagnosis(report, ctx.color, dataDir) };
    } finally {
      await env.close();
    }
  },
};
