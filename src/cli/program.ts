/**
 * The `posdiag` command line: finds the command word, loads that one command's module, parses the rest
 * against its declaration (args.ts), runs it, and turns what it returns or throws into output and an exit
 * code. Never calls process.exit.
 */
import { HalError, isHalError } from '../../hal/errors';
import { readsAsSimSpec } from '../config/sim-spec';
import { MESSAGE_MAX, safeText } from '../../hal/safe-text';
import { attachOptionalValues, findCommandWord, parseCommandLine, peekGlobals } from './args';
import { COMMANDS } from './commands';
import { contextFrom } from './context';
import { checkSimSpec } from '../simulators';
import { commandHelp, programHelp } from './help';
import { CliIo, emit, EXIT, ExitCode, processIo } from './io';
import type { CommandEntry } from './spec';

/** Parses argv and runs the command; resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<ExitCode> {
  const words = attachOptionalValues(argv, (_option, word) => readsAsSimSpec(word));
  const word = findCommandWord(words);
  // Where an error is printed depends on --json, known before the command is; a malformed line still has an answer.
  const json = peekGlobals(words).json;
  let usageHint = '(posdiag --help lists the commands and options)';
  try {
    if (word.name === undefined) {
      if (word.help) return printHelp(programHelp(COMMANDS), json, io);
      // No command is not a usable call: the help on stderr for a person, the error document for a script.
      if (json) throw new HalError('Usage_Invalid', 'no command given');
      io.stderr(programHelp(COMMANDS));
      return EXIT.usage;
    }
    if (word.name === 'help') {
      // The topic is found like a command word: `help --locale en explain` asks about explain, not "en".
      const topic = findCommandWord(words.slice(word.index + 1)).name;
      const entry = topic === undefined ? undefined : findEntry(topic);
      return printHelp(entry ? commandHelp(entry, await entry.load()) : programHelp(COMMANDS), json, io);
    }
    const entry = findEntry(word.name);
    const spec = await entry.load();
    if (word.help) return printHelp(commandHelp(entry, spec), json, io);
    usageHint = `(posdiag ${entry.name} --help lists its arguments and options)`;
    const { globals, input } = parseCommandLine(words, word.index, spec);
    const ctx = contextFrom(globals, io);
    // Every command, whether it starts the simulators or not: a fault no simulator has is a typo.
    if (ctx.sim?.size) await checkSimSpec(ctx.sim);
    usageHint = '';
    return emit(await spec.run(input, ctx), ctx.json, io);
  } catch (err) {
    return reportError(err, json, usageHint, io);
  }
}

/** The help as text, or under --json as one document (schemas/help.json), so a script never gets text it cannot parse. */
function printHelp(text: string, json: boolean, io: CliIo): ExitCode {
  io.stdout(json ? JSON.stringify({ help: text }, null, 2) + '\n' : text);
  return EXIT.ok;
}

/** The command of that name, or a usage error that lists them. */
function findEntry(name: string): CommandEntry {
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) throw new HalError('Usage_Invalid', `unknown command "${name}"; the commands are ${COMMANDS.map((c) => c.name).join(', ')}`);
  return entry;
}

/** Bad input exits 2, anything else 1, both with one clear line (or the error document with --json). */
function reportError(err: unknown, json: boolean, usageHint: string, io: CliIo): ExitCode {
  const usage = isHalError(err, 'Usage_Invalid') || isHalError(err, 'Config_Invalid');
  // Messages may quote what was typed; a card number typed into the wrong flag must not come back whole
  // (a HalError's message is scrubbed already, anything else is here).
  const message = safeText(err instanceof Error ? err.message : String(err), { max: MESSAGE_MAX, lines: true });
  const code = err instanceof HalError ? err.code : 'Unexpected';
  if (json) io.stdout(JSON.stringify({ error: { code, message } }, null, 2) + '\n');
  else io.stderr(`posdiag: ${message}\n${usage && usageHint ? usageHint + '\n' : ''}`);
  return usage ? EXIT.usage : EXIT.failed;
}
