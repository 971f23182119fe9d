/** The CLI skeleton: help, exit codes and --json, driven in-process. */
import { main } from '../../../src/cli/program';
import { capturedIo } from '../../helpers/captured-io';

const io = capturedIo;

test('--help lists the commands with examples and exits 0', async () => {
  const t = io();
  await expect(main(['--help'], t.handle)).resolves.toBe(0);
  expect(t.out()).toContain('selftest');
  expect(t.out()).toContain('Examples:');
  expect(t.out()).toContain('Exit status');
});

test.each([[['bogus']], [['selftest', 'toaster']], [['selftest', '--level', 'loud']], [['selftest', '--sim', 'modem=on-fire']], [[]]])(
  'bad usage %j exits 2',
  async (argv) => {
    const t = io();
    await expect(main(argv, t.handle)).resolves.toBe(2);
  },
);

test('bad usage with --json still prints one JSON document', async () => {
  const t = io();
  await expect(main(['selftest', 'toaster', '--json'], t.handle)).resolves.toBe(2);
  expect(JSON.parse(t.out())).toEqual({ error: { code: 'Usage_Invalid', message: expect.stringContaining('toaster') } });
});

test('a configuration file that does not exist is bad input, exit 2, with its path', async () => {
  const t = io();
  await expect(main(['selftest', '--config', '/nonexistent/posdiag.json'], t.handle)).resolves.toBe(2);
  expect(t.err()).toContain('/nonexistent/posdiag.json');
});

test('demo --list --json is one JSON document', async () => {
  const t = io();
  await expect(main(['demo', '--list', '--json'], t.handle)).resolves.toBe(0);
  expect(JSON.parse(t.out()).scenarios.length).toBeGreaterThan(0);
});

test("demo --list: every scenario's name, seed and title in the same columns", async () => {
  const t = io();
  await expect(main(['demo', '--list', '--no-color'], t.handle)).resolves.toBe(0);
  const [header, ...lines] = t.out().trimEnd().split('\n');
  const scenarios = (
    JSON.parse(
      await (async () => {
        const j = io();
        await main(['demo', '--list', '--json'], j.handle);
        return j.out();
      })(),
    ) as { scenarios: Array<{ id: string; title: string }> }
  ).scenarios;
  expect(lines).toHaveLength(scenarios.length);
  // The title starts at one column on every line, however long the scenario's name.
  const starts = scenarios.map((s, i) => lines[i]!.indexOf(s.title));
  expect(new Set(starts).size).toBe(1);
  // The header's seed over the seeds.
  expect(header!.indexOf('seed')).toBe(starts[0]! - 4);
});

test.each(['explain', 'selftest', 'diagnose', 'demo', 'menu', 'sim', 'journal', 'slip'])('%s --help has examples', async (command) => {
  const t = io();
  await expect(main([command, '--help'], t.handle)).resolves.toBe(0);
  expect(t.out()).toMatch(/Examples:\n {2}posdiag /);
});

test("help COMMAND and COMMAND -h print that command's help, exit 0", async () => {
  for (const argv of [
    ['help', 'explain'],
    ['explain', '-h'],
    ['--locale', 'en', 'explain', '--help'],
    ['help', '--locale', 'en', 'explain'],
    ['help', '--config', '/x.json', 'explain'],
  ]) {
    const t = io();
    await expect(main(argv, t.handle)).resolves.toBe(0);
    expect(t.out()).toMatch(/^Usage: posdiag explain \[options\] <code>/);
  }
});

test('a malformed command line under --json is still one JSON document, exit 2', async () => {
  for (const argv of [
    ['explain', '96', '--bogus', '--json'],
    ['--json', 'nosuch'],
    ['diagnose', '--json'],
  ]) {
    const t = io();
    await expect(main(argv, t.handle)).resolves.toBe(2);
    expect(JSON.parse(t.out())).toEqual({ error: { code: 'Usage_Invalid', message: expect.any(String) } });
    expect(t.err()).toBe('');
  }
});

test('without --json a usage error names the problem and where the help is', async () => {
  const t = io();
  await expect(main(['explain', '96', '--bogus'], t.handle)).resolves.toBe(2);
  expect(t.err()).toBe('posdiag: unknown option "--bogus"\n(posdiag explain --help lists its arguments and options)\n');
  expect(t.out()).toBe('');
});

test('a malformed --locale or POSDIAG_LOCALE is bad usage for every command, named by where it came from', async () => {
  const t = io();
  await expect(main(['selftest', '--locale', 'zh CN!'], t.handle)).resolves.toBe(2);
  expect(t.err()).toContain('--locale: "zh CN!" is not a locale tag');
  const e = io({ POSDIAG_LOCALE: '12' });
  await expect(main(['journal', 'list'], e.handle)).resolves.toBe(2);
  expect(e.err()).toContain('POSDIAG_LOCALE: "12" is not a locale tag');
  const empty = io({ POSDIAG_LOCALE: '', POSDIAG_HOME: '/nonexistent/posdiag-home' });
  await expect(main(['journal', 'list'], empty.handle)).resolves.toBe(0); // empty is unset
});

test('no command under --json is the usage error document, not the help on stderr', async () => {
  for (const argv of [['--json'], ['--json', '--locale', 'en'], ['--sim', '--json']]) {
    const t = io();
    await expect(main(argv, t.handle)).resolves.toBe(2);
    expect(JSON.parse(t.out())).toEqual({ error: { code: 'Usage_Invalid', message: expect.stringContaining('no command') } });
    expect(t.err()).toBe('');
  }
});

test('an empty --sim value is --sim alone (a script passing --sim "$FAULTS" with none set)', async () => {
  for (const argv of [
    ['explain', '96', '--sim', ''],
    ['--sim', '', 'explain', '96'],
    ['explain', '96', '--sim', 'modem,'],
  ]) {
    const t = io();
    await expect(main(argv, t.handle)).resolves.toBe(0);
    expect(t.err()).toBe('');
  }
});

test('a card number with a mistyped digit (checksum wrong) typed into the wrong flag is not echoed whole', async () => {
  for (const argv of [
    ['explain', '96', '--acquirer', '6228480402564890019'],
    ['diagnose', '--code', '96', '--amount', '6228 4804 0256 4890 019'],
  ]) {
    const t = io();
    await expect(main(argv, t.handle)).resolves.toBe(2);
    expect(t.err()).toMatch(/\*\*\*/);
    expect(t.err().replace(/[ -]/g, '')).not.toContain('6228480402564890019'.slice(6, 15));
  }
});
