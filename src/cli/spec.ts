/**
 * What a `posdiag` command declares: its arguments, its options, its help, and what it runs. The parser
 * (args.ts) and the help (help.ts) work from these declarations alone, so a command module holds no
 * parsing code, and --help is always what the parser accepts.
 */
import type { CliContext } from './context';
import type { CommandOutcome } from './io';

export interface OptionSpec {
  /** The long name without dashes. A name starting with `no-` is a switch that turns its option off (--no-print). */
  name: string;
  /** The placeholder of the option's value (`code` for --code <code>); none for a switch. */
  value?: string;
  /** The value may be left out (--sim alone); see args.ts for when the next word is taken as the value. */
  optionalValue?: boolean;
  /** Each time given adds to the value, joined with ',' (--sim modem=no-signal --sim printer=paper-out); else the last counts. */
  multiple?: boolean;
  help: string;
  required?: boolean;
  default?: string;
  choices?: readonly string[];
}

export interface ArgumentSpec {
  name: string;
  help: string;
  required?: boolean;
  default?: string;
}

/** What the parser hands a command: arguments by name, options by name (a `no-` switch under its option's name). */
export interface CommandInput {
  args: Readonly<Record<string, string | undefined>>;
  opts: Readonly<Record<string, string | boolean | undefined>>;
}

export interface CommandSpec {
  name: string;
  arguments?: readonly ArgumentSpec[];
  options?: readonly OptionSpec[];
  /** Help text after the options (keys, conventions), before the examples. */
  notes?: string;
  /** Whole command lines, each starting with `posdiag `. */
  examples: readonly string[];
  /** The command's work. A thrown HalError Usage_Invalid or Config_Invalid exits 2, anything else 1. */
  run(input: CommandInput, ctx: CliContext): Promise<CommandOutcome>;
}

/** One line of the command list: enough for `posdiag --help` and for finding the module to load. */
export interface CommandEntry {
  name: string;
  summary: string;
  load(): CommandSpec | Promise<CommandSpec>;
}
