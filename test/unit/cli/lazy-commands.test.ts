/**
 * Commands are loaded lazily (src/cli/commands/index.ts): a run loads only the command argv names, so
 * each entry's name must be the name its module declares, and the command word must be found past the
 * global options and their values.
 */
import { COMMANDS } from '../../../src/cli/commands';
import { attachOptionalValues, findCommandWord } from '../../../src/cli/args';

test.each(COMMANDS.map((c) => [c.name, c] as const))('entry %s loads the command of that name', async (name, entry) => {
  expect((await entry.load()).name).toBe(name);
});

test('names are unique and every command has a summary', () => {
  expect(new Set(COMMANDS.map((c) => c.name)).size).toBe(COMMANDS.length);
  for (const c of COMMANDS) expect(c.summary.length).toBeGreaterThan(10);
});

const simValue = (_: string, w: string) => w.includes('=') || ['modem', 'printer'].includes(w);

test.each([
  // argv -> the command word (and whether help was asked)
  [['explain', '96'], 'explain', false],
  [['explain', '96', '--json', '--acquirer', 'lakala'], 'explain', false],
  [['--locale', 'en', '--json', 'explain', '96'], 'explain', false],
  [['--config', 'explain', 'selftest'], 'selftest', false], // "explain" is the value of --config here
  [['--config=explain', 'selftest'], 'selftest', false],
  [['--sim', 'modem=no-signal', 'selftest', 'modem'], 'selftest', false],
  [['--sim', 'selftest', 'modem'], 'selftest', false], // --sim alone: "selftest" does not read as a device list
  [['--sim', 'modem', 'selftest'], 'selftest', false],
  [['--help'], undefined, true],
  [['-h', 'explain'], 'explain', true],
  [['help', 'explain'], 'help', false],
  [[], undefined, false],
  [['--json'], undefined, false],
  [['--', 'explain'], 'explain', false],
  [['no-such-command'], 'no-such-command', false],
])('%j -> %s (help %s)', (argv, name, help) => {
  const word = findCommandWord(attachOptionalValues(argv, simValue));
  expect(word.name).toBe(name);
  expect(word.help).toBe(help);
});
