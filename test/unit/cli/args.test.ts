/**
 * The command-line parser (src/cli/args.ts) against a made-up command that uses every kind of
 * declaration, and the help made from the same declarations (src/cli/help.ts).
 */
import { attachOptionalValues, findCommandWord, parseCommandLine } from '../../../src/cli/args';
import { commandHelp } from '../../../src/cli/help';
import type { CommandSpec } from '../../../src/cli/spec';
import { HalError } from '../../../hal/errors';

const spec: CommandSpec = {
  name: 'probe',
  arguments: [
    { name: 'target', required: true, help: 'what to probe' },
    { name: 'mode', help: 'how', default: 'quick' },
  ],
  options: [
    { name: 'code', value: 'code', required: true, help: 'the code' },
    { name: 'level', value: 'level', choices: ['low', 'high'], default: 'low', help: 'the level' },
    { name: 'no-print', help: 'do not print' },
    { name: 'hash-pin', help: 'a switch with a dash' },
    { name: 'no-auto-feed', help: 'a turning-off switch with a dash' },
  ],
  examples: ['posdiag probe modem --code 96'],
  run: async () => ({ exitCode: 0, json: null, text: '' }),
};

const isSim = (_: string, w: string) => w.includes('=') || w === 'modem';

function parse(argv: string[]) {
  const words = attachOptionalValues(argv, isSim);
  return parseCommandLine(words, findCommandWord(words).index, spec);
}

function usage(argv: string[]): string {
  try {
    parse(argv);
  } catch (err) {
    expect(err).toBeInstanceOf(HalError);
    expect((err as HalError).code).toBe('Usage_Invalid');
    return (err as Error).message;
  }
  throw new Error(`accepted: ${argv.join(' ')}`);
}

test('arguments, defaults, switches and global options wherever they stand', () => {
  const p = parse(['--json', 'probe', 'modem', '--code', '96', '--locale', 'en', '--no-print', '--hash-pin', '--no-auto-feed', '--sim']);
  expect(p.input.args).toEqual({ target: 'modem', mode: 'quick' });
  expect(p.input.opts).toEqual({ code: '96', level: 'low', print: false, hashPin: true, autoFeed: false });
  expect(p.globals).toEqual({ json: true, locale: 'en', sim: '', config: undefined, color: undefined });
});

test.each([
  [['probe', 'x', '--code=A0'], { code: 'A0' }],
  [['probe', 'x', '--code', 'A0', '--level', 'high'], { level: 'high' }],
  [['probe', 'x', '--code', 'A0', '--code', '96'], { code: '96' }], // the last one counts
  [['probe', 'x', '--code', '交易终止'], { code: '交易终止' }],
  [['probe', 'x', '--code', 'A0'], { print: true, hashPin: false, autoFeed: true }],
])('%j -> options %j', (argv, expected) => {
  expect(parse(argv).input.opts).toMatchObject(expected);
});

test.each([
  [['--sim', 'modem=no-signal,printer=paper-out', 'probe', 'x', '--code', '1'], 'modem=no-signal,printer=paper-out'],
  [['probe', 'x', '--code', '1', '--sim', 'modem'], 'modem'],
  [['probe', '--sim', 'x', '--code', '1'], ''], // "x" is not a device list: it stays the argument
  [['probe', 'x', '--code', '1', '--sim'], ''],
  [['probe', 'x', '--code', '1', '--sim=printer=paper-out'], 'printer=paper-out'],
  [['probe', 'x', '--code', '1'], undefined],
  // Given twice, both count: each names its own devices' faults.
  [['--sim', 'modem=no-signal', 'probe', 'x', '--code', '1', '--sim', 'printer=paper-out'], 'modem=no-signal,printer=paper-out'],
])('--sim in %j is %j', (argv, sim) => {
  expect(parse(argv).globals.sim).toBe(sim);
});

test('after -- every word is an argument', () => {
  expect(parse(['probe', '--code', '1', '--', '-odd', 'slow']).input.args).toEqual({ target: '-odd', mode: 'slow' });
});

test.each([
  [['probe', 'x'], /posdiag probe needs --code <code>/],
  [['probe', '--code', '1'], /posdiag probe needs <target>/],
  [['probe', 'x', 'y', 'z', '--code', '1'], /too many arguments for posdiag probe: "z"/],
  [['probe', 'x', '--code', '1', '--bogus'], /unknown option "--bogus"/],
  [['probe', 'x', '--code'], /^--code needs a value: --code <code>$/],
  [['probe', 'x', '--code', '1', '--json=yes'], /--json takes no value/],
  [['probe', 'x', '--code', '1', '--level', 'loud'], /--level must be one of low, high, got "loud"/],
  [['probe', 'x', '--code', '1', '--no-print=1'], /--no-print takes no value/],
  // A value that starts with "-" (an SDK's error code -1001): util.parseArgs reads it as options; say how to pass it.
  [['probe', '-1001', '--code', '1'], /^unknown option "-1001"; an argument that starts with "-" goes after --: -- -1001$/],
  [['probe', 'x', '--code', '-1001'], /^--code needs a value: --code <code> \(a value that starts with "-" is written --code=<code>\)$/],
  [['probe', 'x', '--code', '--json'], /^--code needs a value: --code <code> \(/],
])('%j is bad usage: %s', (argv, message) => {
  expect(usage(argv)).toMatch(message);
});

test('the help shows every argument and option the parser accepts, with defaults, choices and examples', () => {
  const help = commandHelp({ name: 'probe', summary: 'probes a thing', load: () => spec }, spec);
  expect(help).toMatch(/^Usage: posdiag probe \[options\] <target> \[mode\]\n/);
  for (const fragment of [
    'target',
    'mode',
    'how (default: quick)',
    '--code <code>',
    '(required)',
    '--level <level>',
    'one of low, high; default: low',
    '--no-print',
    '--hash-pin',
    '--sim [devices]',
    '-h, --help',
  ]) {
    expect(help).toContain(fragment);
  }
  expect(help).toMatch(/Examples:\n {2}posdiag probe modem --code 96\n$/);
});
