/**
 * `posdiag --help` and `posdiag COMMAND --help`, made from the same declarations the parser reads.
 * Pure: text out.
 */
import { GLOBAL_OPTIONS } from './args';
import type { CommandEntry, CommandSpec, OptionSpec } from './spec';

const DESCRIPTION = 'Diagnostics for smart POS terminals: device self-checks, response-code hints and a diagnostic slip.';

const EXAMPLES = [
  'posdiag demo                                   the whole flow on the simulated terminal',
  'posdiag selftest --sim                         check every simulated device',
  'posdiag selftest modem --sim modem=no-signal   one device, with a fault',
  "posdiag diagnose --code 14 --sim ccid=mute     a card code, with the chip reader's proof",
  'posdiag selftest all --json                    one JSON document on stdout',
  'posdiag sim modem --link /tmp/ttyMDM           a simulated modem on a pseudo-terminal',
];

const FOOTER = `Exit status: 0 the command did its job (a check that found a fault did its job), 1 it could not, 2 bad usage or input.
Environment: POSDIAG_CONFIG (configuration file), POSDIAG_LOCALE, POSDIAG_HOME (data directory), NO_COLOR.`;

const HELP_ROW: [string, string] = ['-h, --help', 'this help (with --json: {"help": …}); posdiag COMMAND --help for a command'];

export function programHelp(commands: readonly CommandEntry[]): string {
  return [
    'Usage: posdiag [options] COMMAND [arguments] [options]',
    '',
    DESCRIPTION,
    '',
    'Commands:',
    ...table([...commands.map((c): [string, string] => [c.name, c.summary]), ['help [command]', 'the help of a command']]),
    '',
    'Options (with every command):',
    ...table([...GLOBAL_OPTIONS.map(optionRow), HELP_ROW]),
    '',
    examples(EXAMPLES),
    '',
    FOOTER,
    '',
  ].join('\n');
}

export function commandHelp(entry: CommandEntry, spec: CommandSpec): string {
  const args = (spec.arguments ?? []).map((a) => (a.required ? `<${a.name}>` : `[${a.name}]`));
  const lines = [`Usage: posdiag ${[spec.name, '[options]', ...args].join(' ')}`, '', entry.summary];
  if (spec.arguments?.length) {
    lines.push('', 'Arguments:', ...table(spec.arguments.map((a) => [a.name, a.help + (a.default !== undefined ? ` (default: ${a.default})` : '')])));
  }
  lines.push('', 'Options:', ...table([...(spec.options ?? []).map(optionRow), HELP_ROW]));
  lines.push('', `Options of every command: ${GLOBAL_OPTIONS.map(optionName).join(', ')} (posdiag --help)`);
  if (spec.notes) lines.push('', spec.notes);
  lines.push('', examples(spec.examples), '');
  return lines.join('\n');
}

function optionName(o: OptionSpec): string {
  if (!o.value) return `--${o.name}`;
  return o.optionalValue ? `--${o.name} [${o.value}]` : `--${o.name} <${o.value}>`;
}

function optionRow(o: OptionSpec): [string, string] {
  const notes = [
    o.required ? 'required' : '',
    o.choices ? `one of ${o.choices.join(', ')}` : '',
    o.default !== undefined ? `default: ${o.default}` : '',
  ].filter(Boolean);
  return [optionName(o), notes.length ? `${o.help} (${notes.join('; ')})` : o.help];
}

function table(rows: ReadonlyArray<[string, string]>): string[] {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`);
}

function examples(lines: readonly string[]): string {
  return ['Examples:', ...lines.map((l) => `  ${l}`)].join('\n');
}
