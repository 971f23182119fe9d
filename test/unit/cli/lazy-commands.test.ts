/**
 * Commands are loaded lazily (src/cli/commands/index.ts): a run registers only the command argv names, so
 * each entry's name must be the name its module registers, and the command word must be found as
 * commander finds it, past the global options.
 */
import { Command } from 'commander';
import { COMMANDS } from '../../../src/cli/commands';
import { buildProgram } from '../../../src/cli/program';
import type { CliIo } from '../../../src/cli/io';

const io = { stdout: () => undefined, stderr: () => undefined, env: {}, isTTY: false } as unknown as CliIo;
const names = (program: Command) => program.commands.map((c) => c.name());

test.each(COMMANDS.map((c) => ['name' in c ? c.name : '(eager)', c] as const))('entry %s registers the command of that name', (name, entry) => {
  const program = new Command('posdiag');
  ('load' in entry ? entry.load() : entry).register(program, io, () => undefined);
  if (name !== '(eager)') expect(names(program)).toEqual([name]);
  else expect(program.commands).toHaveLength(1);
});

const all = names(buildProgram(io, () => undefined));

test.each([
  // argv -> the commands registered
  [['explain', '96'], ['explain']],
  [['explain', '96', '--json', '--acquirer', 'lakala'], ['explain']],
  [['--locale', 'en', '--json', 'explain', '96'], ['explain']],
  [['--config', 'explain', 'selftest'], ['selftest']], // "explain" is the value of --config here
  [['--sim', 'modem=no-signal', 'selftest', 'modem'], ['selftest']],
  [['--help'], all],
  [['help', 'explain'], all],
  [[], all],
  [['no-such-command'], all],
])('%j registers %j', (argv, expected) => {
  expect(names(buildProgram(io, () => undefined, argv))).toEqual(expected);
});

test('without argv every command is registered (the full --help)', () => {
  expect(all).toHaveLength(COMMANDS.length);
  expect(new Set(all).size).toBe(all.length);
});
