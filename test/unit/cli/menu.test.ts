/**
 * `posdiag menu` in-process: --hash-pin from piped stdin (text and --json, the JSON checked against
 * schemas/menu.json), the refusals (no technician.pinHash, a malformed one, --json without --hash-pin),
 * and the menu itself driven through piped keys on the simulated terminal.
 */
import Ajv from 'ajv';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import schema from '../../../schemas/menu.json';
import { main } from '../../../src/cli/program';
import type { CliIo } from '../../../src/cli/io';
import type { MenuStreams } from '../../../src/cli/commands/menu';
import { verifyPin } from '../../../src/menu/pin';

const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

let home: string;
beforeEach(() => (home = mkdtempSync(join(tmpdir(), 'posdiag-menu-'))));
afterEach(() => rmSync(home, { recursive: true, force: true }));

function io(input: string | PassThrough) {
  const out: string[] = [];
  const err: string[] = [];
  const screen: string[] = [];
  const stdin = typeof input === 'string' ? Object.assign(new PassThrough(), { isTTY: false }) : input;
  if (typeof input === 'string') stdin.end(input);
  const handle: CliIo & MenuStreams = {
    stdout: (s) => void out.push(s),
    stderr: (s) => void err.push(s),
    isTty: false,
    env: { POSDIAG_HOME: home },
    stdin,
    screen: { isTTY: false, write: (s: string) => void screen.push(s) },
  };
  return { handle, out: () => out.join(''), err: () => err.join(''), screen: () => screen.join('') };
}

test('--hash-pin prints a hash that verifies the PIN read from stdin; the PIN is printed nowhere', async () => {
  const t = io('482913\n');
  await expect(main(['menu', '--hash-pin'], t.handle)).resolves.toBe(0);
  const hash = t.out().trim();
  await expect(verifyPin('482913', hash)).resolves.toBe(true);
  expect(t.err()).toContain('technician.pinHash');
  expect(t.out() + t.err()).not.toContain('482913');
});

test('--hash-pin --json is one document valid against schemas/menu.json', async () => {
  const t = io('1234\n');
  await expect(main(['menu', '--hash-pin', '--json'], t.handle)).resolves.toBe(0);
  const doc = JSON.parse(t.out());
  expect(validate(doc)).toBe(true);
  await expect(verifyPin('1234', doc.pinHash)).resolves.toBe(true);
});

test.each([['12\n'], ['12ab56\n'], ['1234567890123\n'], ['']])('--hash-pin refuses %j: exit 2, error document valid against the schema', async (input) => {
  const t = io(input);
  await expect(main(['menu', '--hash-pin', '--json'], t.handle)).resolves.toBe(2);
  const doc = JSON.parse(t.out());
  expect(validate(doc)).toBe(true);
  expect(doc.error.code).toBe('Usage_Invalid');
});

test('--json without --hash-pin is bad usage', async () => {
  const t = io('');
  await expect(main(['menu', '--json'], t.handle)).resolves.toBe(2);
  expect(validate(JSON.parse(t.out()))).toBe(true);
});

function configFile(technician?: object): string {
  const path = join(home, 'posdiag.json');
  writeFileSync(path, JSON.stringify({ terminal: { id: '10000002', merchantId: '898310048990002' }, devices: {}, ...(technician ? { technician } : {}) }));
  return path;
}

test('a real configuration without technician.pinHash: exit 2, naming the field', async () => {
  const t = io('');
  await expect(main(['menu', '--config', configFile()], t.handle)).resolves.toBe(2);
  expect(t.err()).toContain('technician.pinHash');
});

test('a malformed technician.pinHash: exit 2, naming the field', async () => {
  const t = io('');
  await expect(main(['menu', '--config', configFile({ pinHash: 'sha1$abc' })], t.handle)).resolves.toBe(2);
  expect(t.err()).toContain('technician.pinHash');
});

test('keys on a pipe: demo PIN, journal item, exit; the journal holds the menu events', async () => {
  // The simulated terminal over the in-process link: no PTY in a unit test (the menu on real PTYs:
  // test/integration/menu-pty.test.ts).
  process.env.POSDIAG_SIM_LINK = 'in-process';
  // Each key is written once the screen shows the menu ready for it, as a person would.
  const stdin = Object.assign(new PassThrough(), { isTTY: false });
  const t = io(stdin);
  const run = main(['menu', '--sim', '--locale', 'en'], t.handle);
  let settled = false;
  void run.finally(() => (settled = true));
  const waitFor = async (text: string, from: number) => {
    for (let i = 0; i < 400 && !settled && !t.screen().slice(from).includes(text); i++) await new Promise((r) => setTimeout(r, 25));
    // Should the menu end early (its devices would not start), say why, not just that the screen is empty.
    expect({ screen: t.screen().slice(from), stderr: t.err() }).toEqual({ screen: expect.stringContaining(text), stderr: '' });
  };
  await waitFor('Enter technician PIN', 0);
  let mark = t.screen().length;
  stdin.write('1234\r');
  await waitFor('6 Journal', mark);
  mark = t.screen().length;
  stdin.write('6');
  await waitFor('pin-ok', mark);
  mark = t.screen().length;
  stdin.write('\r');
  await waitFor('0 Exit', mark);
  stdin.write('0');
  await expect(run).resolves.toBe(0);
  expect(t.screen()).toContain('Technician menu closed');
  const journal = readFileSync(join(home, 'sim', 'journal.log'), 'utf8');
  expect(journal).toContain('"event":"pin-ok"');
  expect(journal).toContain('"event":"exit"');
  // The PIN reaches no record (the CRC after the tab is left out: hex could hold any digits).
  for (const line of journal.trim().split('\n')) expect(line.split('\t')[0]).not.toContain('1234');
});
