/**
 * The `posdiag` command line, on commander. Global options come before or after the command name.
 */
import { Command, CommanderError, Option } from 'commander';
import { COMMANDS } from './commands';
import { CliIo, EXIT, ExitCode, processIo } from './io';

const EXAMPLES = `
Examples:
  posdiag demo                                   the whole flow on the simulated terminal
  posdiag selftest --sim                         check every simulated device
  posdiag selftest modem --sim modem=no-signal   one device, with a fault
  posdiag selftest all --json                    one JSON document on stdout
  posdiag sim modem --link /tmp/ttyMDM           a simulated modem on a pseudo-terminal

Exit status: 0 the command did its job (a check that found a fault did its job), 1 it could not, 2 bad usage or input.
Environment: POSDIAG_CONFIG (configuration file), POSDIAG_LOCALE, POSDIAG_HOME (data directory), NO_COLOR.`;

/** The program with the global options and no commands yet. */
function baseProgram(io: CliIo): Command {
  return new Command('posdiag')
    .description('Diagnostics for smart POS terminals: device self-checks, response-code hints and a diagnostic slip.')
    .option('--config <file>', 'configuration file (JSON); default: the simulated terminal')
    .option('--sim [devices]', 'use the simulated terminal: DEVICE=FAULT,… (modem, pn532, msr605, printer, host); alone: all healthy')
    .addOption(new Option('--locale <locale>', 'language of hints and slips (zh-CN, zh-TW, zh-HK, en)'))
    .option('--json', 'print one JSON document on stdout and nothing else')
    .option('--no-color', 'no colour in the output (NO_COLOR is honoured too)')
    .showHelpAfterError('(posdiag --help lists the commands and options)')
    .addHelpText('after', EXAMPLES)
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) })
    .exitOverride();
}

/**
 * The program with its commands: every one, or (`argv` given) only the one argv names when that is a
 * known command, so a run loads one command module. Help, a missing or an unknown command get them all.
 */
export function buildProgram(io: CliIo, done: (code: ExitCode) => void, argv?: string[]): Command {
  const program = baseProgram(io);
  const wanted = argv ? commandNameIn(argv, io) : undefined;
  const only = wanted === undefined ? undefined : COMMANDS.find((c) => 'name' in c && c.name === wanted);
  for (const command of only ? [only] : COMMANDS) ('load' in command ? command.load() : command).register(program, io, done);
  return program;
}

/** The command word of argv, found as commander itself finds it (global options and their values skipped). */
function commandNameIn(argv: string[], io: CliIo): string | undefined {
  try {
    return baseProgram(io).parseOptions(argv).operands[0];
  } catch {
    return undefined; // let the full program report the problem
  }
}

/** Parses argv and runs the command; resolves to the exit code. Never calls process.exit. */
export async function main(argv: string[], io: CliIo = processIo): Promise<ExitCode> {
  return new Promise<ExitCode>((resolve) => {
    const program = buildProgram(io, resolve, argv);
    if (argv.length === 0) {
      // No command: say how to use posdiag, and that this was not a usable call.
      io.stderr(program.helpInformation());
      return resolve(EXIT.usage);
    }
    program.parseAsync(argv, { from: 'user' }).then(
      () => undefined, // the command's action resolves through `done`
      (err: unknown) => {
        if (err instanceof CommanderError) {
          const helpShown = err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help';
          resolve(helpShown ? EXIT.ok : EXIT.usage);
        } else {
          io.stderr(`posdiag: ${err instanceof Error ? err.message : String(err)}\n`);
          resolve(EXIT.failed);
        }
      },
    );
  });
}
