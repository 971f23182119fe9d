/**
 * `posdiag explain CODE [--acquirer A]` (with the global --locale and --json): the catalog's answer for a
 * response code, a terminal-local id (`local.no-communication`, `T01`) or the text a terminal shows
 * ("NO COMMUNICATION", "交易终止"). Catalog only: nothing is opened, no device is touched.
 *
 * An unknown code is an answer (exit 0, generic hint, known: false); an unknown acquirer or a malformed
 * locale is bad usage (exit 2), since those are typos a person can fix.
 * Acquirer: --acquirer, else the configuration's terminal.acquirer (only when --config/POSDIAG_CONFIG is
 * given), else cup. Locale: --locale / POSDIAG_LOCALE, else the configuration's, else zh-CN.
 */
import { ACQUIRERS, DEFAULT_ACQUIRER } from '../../codes/acquirers';
import { explain, type ExplainResult } from '../../codes/explain';
import { acquirerFlag, configOf } from '../context';
import { maskCardNumbers, safeText } from '../../../hal/safe-text';
import { EXIT, paint } from '../io';
import type { CommandSpec } from '../spec';

export const command: CommandSpec = {
  name: 'explain',
  arguments: [{ name: 'code', required: true, help: 'field 39 code (96, A0), terminal-local id (local.no-communication, T01) or the text the terminal shows' }],
  options: [{ name: 'acquirer', value: 'acquirer', help: `acquirer profile: ${Object.keys(ACQUIRERS).join(', ')} (default ${DEFAULT_ACQUIRER})` }],
  examples: ['posdiag explain 96', 'posdiag explain 96 --acquirer lakala --locale zh-TW', 'posdiag explain "NO COMMUNICATION" --json'],
  async run({ args, opts }, ctx) {
    let acquirerName = opts.acquirer as string | undefined;
    let locale = ctx.locale;
    if (acquirerName === undefined || locale === undefined) {
      const terminal = (await configOf(ctx))?.terminal;
      acquirerName ??= terminal?.acquirer;
      locale ??= terminal?.locale;
    }
    const acquirer = acquirerName === undefined ? DEFAULT_ACQUIRER : acquirerFlag(acquirerName);
    const result = explain(args.code!, { acquirer, locale });
    return { exitCode: EXIT.ok, json: result, text: describe(result, ctx.color) };
  },
};

/**
 * The human-readable answer: the hint as the cashier sees it, then the facts a technician wants. An
 * unknown code is quoted as typed, so every line goes through safeText (the catalog's own lines pass unchanged).
 */
export function describe(r: ExplainResult, color: boolean): string {
  const lines = [
    `  ${r.hint.action}`,
    '',
    `  meaning:  ${r.meaning}${r.reserved ? ' (reserved)' : ''}${r.known ? '' : ' — not in the catalog'}`,
    `  category: ${r.category}   retry: ${r.retry}   severity: ${r.severity}   fault side: ${r.side}`,
    `  checks:   ${r.checks.length ? r.checks.join(', ') : '(none: nothing on the terminal can confirm this)'}`,
    `  source:   ${r.id} (acquirer ${r.acquirer})${r.retainCard ? '   retain the card' : ''}`,
  ].map((line) => safeText(line, { max: 1000 }));
  return maskCardNumbers([paint(color, 1, safeText(r.hint.title)), ...lines].join('\n')) + '\n';
}
