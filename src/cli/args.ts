/**
 * The command line, parsed from the commands' declarations (spec.ts) with Node's util.parseArgs.
 * Pure: argv in, a parsed command line or a HalError Usage_Invalid out.
 *
 *   posdiag [global options] COMMAND [arguments] [options]
 *
 * Global options may stand before or after the command word; a command's own options go after it.
 * What util.parseArgs leaves to us: which word is the command, --sim's optional value, `--no-X`
 * switches, required options, choices, defaults, and the count of arguments.
 */
import { parseArgs } from 'node:util';
import { HalError } from '../../hal/errors';
import { CONFIG_LOCALES } from '../i18n/locale';
import type { GlobalOptions } from './context';
import { READER_KIND_NAMES } from '../../hal/device-lists.generated';
import { SIM_DEVICES } from '../config/sim-spec';
import type { CommandInput, CommandSpec, OptionSpec } from './spec';

export const GLOBAL_OPTIONS: readonly OptionSpec[] = [
  { name: 'config', value: 'file', help: 'configuration file (JSON); default: the simulated terminal' },
  {
    name: 'sim',
    value: 'devices',
    optionalValue: true,
    multiple: true,
    help: `use the simulated terminal: DEVICE=FAULT,… (${SIM_DEVICES.join(', ')}; a second reader: ${READER_KIND_NAMES[0]}-2); alone: all healthy; may be repeated`,
  },
  { name: 'locale', value: 'locale', help: `language of hints and slips (${CONFIG_LOCALES.join(', ')})` },
  { name: 'json', help: 'print one JSON document on stdout and nothing else' },
  { name: 'no-color', help: 'no colour in the output (NO_COLOR is honoured too)' },
];

const HELP_WORDS = new Set(['--help', '-h']);
const END_OF_OPTIONS = '--';

/**
 * An optional value is written into its option (`--sim modem=no-signal` → `--sim=modem=no-signal`,
 * `--sim` alone → `--sim=`), so that util.parseArgs sees an ordinary string option. The next word is
 * the value only when `isValue` says it reads as one: `posdiag --sim selftest` keeps `selftest` as the
 * command, `selftest --sim modem=no-signal` gives --sim its value.
 */
export function attachOptionalValues(argv: readonly string[], isValue: (option: string, word: string) => boolean): string[] {
  const optional = new Set(GLOBAL_OPTIONS.filter((o) => o.optionalValue).map((o) => `--${o.name}`));
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === END_OF_OPTIONS) {
      out.push(...argv.slice(i));
      break;
    }
    if (!optional.has(word)) {
      out.push(word);
      continue;
    }
    const next = argv[i + 1];
    const takesNext = next !== undefined && !next.startsWith('-') && isValue(word.slice(2), next);
    out.push(`${word}=${takesNext ? next : ''}`);
    if (takesNext) i++;
  }
  return out;
}

export interface CommandWord {
  /** The command word, when there is one. */
  name?: string;
  /** Its index in argv (-1 without one). */
  index: number;
  /** -h or --help was given (before any `--`). */
  help: boolean;
}

/** The first word that is neither an option nor the value of a global option (argv after attachOptionalValues). */
export function findCommandWord(argv: readonly string[]): CommandWord {
  const takesValue = new Set(GLOBAL_OPTIONS.filter((o) => o.value && !o.optionalValue).map((o) => `--${o.name}`));
  let help = false;
  let found: { name: string; index: number } | undefined;
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === END_OF_OPTIONS) {
      if (!found && i + 1 < argv.length) found = { name: argv[i + 1]!, index: i + 1 };
      break;
    }
    if (HELP_WORDS.has(word)) help = true;
    else if (found)
      continue; // past the command word only -h/--help matter here
    else if (!word.startsWith('-') || word === '-') found = { name: word, index: i };
    else if (takesValue.has(word)) i++;
  }
  return { ...found, index: found?.index ?? -1, help };
}

/** The global options of argv, read leniently (unknown options ignored): for answering before the command is known. */
export function peekGlobals(argv: readonly string[]): GlobalOptions {
  const { values } = parseArgs({ args: [...argv], options: parseArgsOptions([]), strict: false, allowPositionals: true });
  return globalsFrom(values);
}

export interface ParsedCommandLine {
  globals: GlobalOptions;
  input: CommandInput;
}

/** Parses argv (after attachOptionalValues) for the command at `commandIndex`. */
export function parseCommandLine(argv: readonly string[], commandIndex: number, spec: CommandSpec): ParsedCommandLine {
  const own = spec.options ?? [];
  const rest = argv.filter((_, i) => i !== commandIndex);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: rest, options: parseArgsOptions(own), strict: true, allowPositionals: true });
  } catch (err) {
    throw usageFromParseArgs(err, [...GLOBAL_OPTIONS, ...own], rest);
  }
  const { values, positionals } = parsed;
  checkPathValues(values, [...GLOBAL_OPTIONS, ...own]);
  return { globals: globalsFrom(values), input: { args: argumentsOf(spec, positionals), opts: optionsOf(spec, values) } };
}

/**
 * An option that names a file or path, given empty, would read as not given at all (`slip last --png ''`
 * would reprint on paper, `--config ''` run the simulated terminal): bad usage, for every such option.
 */
function checkPathValues(values: Values, options: readonly OptionSpec[]): void {
  for (const o of options) {
    if ((o.value === 'file' || o.value === 'path') && [values[o.name]].flat().includes('')) {
      throw new HalError('Usage_Invalid', `--${o.name} needs a ${o.value} name, got an empty value`);
    }
  }
}

type ParseArgsOptions = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

function parseArgsOptions(own: readonly OptionSpec[]): ParseArgsOptions {
  const options: ParseArgsOptions = { help: { type: 'boolean', short: 'h' } };
  for (const o of [...GLOBAL_OPTIONS, ...own]) options[o.name] = { type: o.value ? 'string' : 'boolean', multiple: o.multiple === true };
  return options;
}

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

function globalsFrom(values: Values): GlobalOptions {
  const text = (name: string) => {
    const v = values[name];
    return Array.isArray(v) ? v.join(',') : typeof v === 'string' ? v : undefined;
  };
  return {
    config: text('config'),
    sim: text('sim'),
    locale: text('locale'),
    json: values.json === true,
    color: values['no-color'] === true ? false : undefined,
  };
}

function argumentsOf(spec: CommandSpec, positionals: readonly string[]): Record<string, string | undefined> {
  const declared = spec.arguments ?? [];
  if (positionals.length > declared.length) {
    const extra = positionals
      .slice(declared.length)
      .map((p) => `"${p}"`)
      .join(' ');
    throw new HalError('Usage_Invalid', `too many arguments for posdiag ${spec.name}: ${extra}`);
  }
  const args: Record<string, string | undefined> = {};
  declared.forEach((a, i) => {
    const value = positionals[i] ?? a.default;
    if (value === undefined && a.required) throw new HalError('Usage_Invalid', `posdiag ${spec.name} needs <${a.name}>: ${a.help}`);
    args[a.name] = value;
  });
  return args;
}

function optionsOf(spec: CommandSpec, values: Values): Record<string, string | boolean | undefined> {
  const opts: Record<string, string | boolean | undefined> = {};
  for (const o of spec.options ?? []) {
    const given = values[o.name] as string | boolean | undefined;
    if (!o.value) {
      // `--no-print` is the option `print`, true unless switched off.
      if (o.name.startsWith('no-')) opts[camel(o.name.slice(3))] = given !== true;
      else opts[camel(o.name)] = given === true;
      continue;
    }
    const value = (given as string | undefined) ?? o.default;
    if (value === undefined && o.required) throw new HalError('Usage_Invalid', `posdiag ${spec.name} needs --${o.name} <${o.value}>: ${o.help}`);
    if (value !== undefined && o.choices && !o.choices.includes(value)) {
      throw new HalError('Usage_Invalid', `--${o.name} must be one of ${o.choices.join(', ')}, got "${value}"`);
    }
    opts[camel(o.name)] = value;
  }
  return opts;
}

/**
 * A numeric option's value: plain decimal digits only, in range. Number() alone would take "0x100", "1e3",
 * " 500" and "" (as 0), none of which a person means as a count of ms or a port.
 */
export function wholeNumber(text: string, min: number, max: number): number | null {
  if (!/^[0-9]{1,15}$/.test(text)) return null;
  const n = Number(text);
  return n >= min && n <= max ? n : null;
}

/** hash-pin → hashPin: how a command reads its option. */
function camel(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** util.parseArgs's errors, said in posdiag's words. */
function usageFromParseArgs(err: unknown, options: readonly OptionSpec[], argv: readonly string[]): HalError {
  const message = err instanceof Error ? err.message : String(err);
  const code = (err as { code?: string }).code;
  // Anything but util.parseArgs's own verdict on the words is a fault of posdiag, not of the user.
  if (!code?.startsWith('ERR_PARSE_ARGS_')) throw err;
  const word = /'(-[^'\s]*)/.exec(message)?.[1] ?? '';
  const option = options.find((o) => word === `--${o.name}` || word.startsWith(`--${o.name}=`));
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    // -h is the only short option, so `-1001` is a value (an SDK's error code), which util.parseArgs names by its first letter.
    const value = word.startsWith('--') ? undefined : argv.find((w) => w.startsWith(word) && w !== '--');
    return new HalError(
      'Usage_Invalid',
      value ? `unknown option "${value}"; an argument that starts with "-" goes after --: -- ${value}` : `unknown option "${word}"`,
    );
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    if (!option.value) return new HalError('Usage_Invalid', `--${option.name} takes no value`);
    const needs = `--${option.name} needs a value: --${option.name} <${option.value}>`;
    // "Ambiguous": the next word starts with "-" (--code -1001), a value util.parseArgs takes only in the = form.
    return new HalError(
      'Usage_Invalid',
      message.includes('ambiguous') ? `${needs} (a value that starts with "-" is written --${option.name}=<${option.value}>)` : needs,
    );
  }
  return new HalError('Usage_Invalid', message.split('\n')[0]!);
}
