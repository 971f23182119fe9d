/**
 * The whole run's budget for selftest and diagnose: --budget, else the configuration's checks.budgetMs,
 * else RUN_BUDGET's default. The range is RUN_BUDGET's, the same the configuration is checked against.
 */
import { HalError } from '../../hal/errors';
import { RUN_BUDGET } from '../../hal/selfcheck';
import { wholeNumber } from './args';

export const BUDGET_FLAG_HELP = `total time for the run, in ms (default: the configuration's checks.budgetMs, else ${RUN_BUDGET.budgetMs.default})`;

/** The flag's value, undefined when not given; a bad one is a usage error with the range. */
export function parseBudgetFlag(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const { min, max } = RUN_BUDGET.budgetMs;
  const budget = wholeNumber(text, min, max);
  if (budget === null) throw new HalError('Usage_Invalid', `--budget must be a whole number of ms from ${min} to ${max}, got "${text}"`);
  return budget;
}

export function runBudget(flag: number | undefined, config: { checks?: { budgetMs?: number } }): number {
  return flag ?? config.checks?.budgetMs ?? RUN_BUDGET.budgetMs.default;
}
