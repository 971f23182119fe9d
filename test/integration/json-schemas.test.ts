/**
 * Every `--json` output validates against its schema in schemas/ (diagnose, demo, journal, slip and menu
 * are validated by their own command tests). Here: explain for every kind of input, selftest on the
 * simulated terminal (healthy and with faults), the sim announcement of a real `posdiag sim` process,
 * and the error document of bad usage.
 */
import Ajv from 'ajv';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { main } from '../../src/cli/program';
import { cliBundle, type CliBundle } from '../helpers/cli-bundle';
import { capturedIo } from '../helpers/captured-io';
import { requireSystemTool } from '../../mocks/system-tools';

const SCHEMAS = join(__dirname, '../../schemas');
const ajv = new Ajv({ allErrors: true, strict: false });
const compiled = new Map<string, ReturnType<typeof ajv.compile>>();
function schema(name: string) {
  if (!compiled.has(name)) compiled.set(name, ajv.compile(JSON.parse(readFileSync(join(SCHEMAS, `${name}.json`), 'utf8'))));
  return compiled.get(name)!;
}

function check(name: string, doc: unknown): void {
  const validate = schema(name);
  if (!validate(doc)) throw new Error(`${name}: ${JSON.stringify(validate.errors, null, 1)}\n${JSON.stringify(doc).slice(0, 500)}`);
}

async function run(argv: string[]): Promise<{ code: number; doc: unknown }> {
  const io = capturedIo();
  const code = await main([...argv, '--json'], io.handle);
  return { code, doc: JSON.parse(io.out()) };
}

test('every command with --json has a schema, and every schema is valid draft-07', () => {
  const names = readdirSync(SCHEMAS)
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
  expect(names).toEqual(['demo', 'diagnose', 'diagnose-events', 'explain', 'fleet', 'help', 'journal', 'menu', 'selftest', 'sim', 'slip']);
  for (const n of names) expect(() => schema(n)).not.toThrow();
});

test.each([['96'], ['A0'], ['00'], [' 96 '], ['NO COMMUNICATION'], ['交易终止'], ['T13'], ['ZZ'], ['']])('explain %j', async (code) => {
  const r = await run(['explain', code, '--acquirer', 'lakala']);
  check('explain', r.doc);
});

test.each([[['--help']], [['slip', '-h']], [['help', 'explain']], [['help']]])('help %j', async (argv) => {
  const r = await run(argv);
  expect(r.code).toBe(0);
  check('help', r.doc);
});

test('explain with a bad acquirer: the error document', async () => {
  const r = await run(['explain', '96', '--acquirer', 'nobank']);
  expect(r.code).toBe(2);
  check('explain', r.doc);
});

test.each([[''], ['modem=no-signal,printer=paper-out'], ['pn532=ram-fail,host=refuse'], ['ccid=expired']])(
  'selftest --sim %s',
  async (faults) => {
    requireSystemTool('socat');
    const r = await run(['selftest', '--sim', ...(faults ? [faults] : []), '--budget', '20000']);
    expect(r.code).toBe(0);
    check('selftest', r.doc);
  },
  30_000,
);

test('diagnose --events: every line is an event of its schema, in order; the definitions it shares with diagnose.json are the same', async () => {
  requireSystemTool('socat');
  const events = JSON.parse(readFileSync(join(SCHEMAS, 'diagnose-events.json'), 'utf8'));
  const diagnose = JSON.parse(readFileSync(join(SCHEMAS, 'diagnose.json'), 'utf8'));
  for (const name of ['device', 'finding', 'status', 'cause', 'evidence', 'hint', 'side', 'checkName'])
    expect([name, events.definitions[name]]).toEqual([name, diagnose.definitions[name]]);
  const home = mkdtempSync(join(tmpdir(), 'posdiag-events-'));
  const io = capturedIo({ POSDIAG_HOME: home });
  try {
    expect(await main(['diagnose', '--code', '96', '--sim', 'printer=paper-out', '--events'], io.handle)).toBe(0);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
  const lines = io
    .out()
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l));
  for (const line of lines) check('diagnose-events', line);
  // network, modem, printer and the simulated terminal's two readers (the PN532 and the chip reader)
  expect(lines.map((l) => l.event)).toEqual(['start', 'device', 'device', 'device', 'device', 'device', 'cause', 'slip', 'journal']);
}, 30_000);

describe('sim announcement of a real process', () => {
  let bundle: CliBundle;
  beforeAll(() => {
    bundle = cliBundle();
  }, 60_000);
  afterAll(() => bundle.dispose());

  test.each([
    ['host', 'decline-96'],
    ['printer', 'paper-out'],
    ['ccid', 'mute'],
  ])(
    '%s %s',
    async (device, fault) => {
      // A serial simulator is put on a pseudo-terminal; the host is on TCP.
      if (device !== 'host') requireSystemTool('socat');
      const child = spawn(process.execPath, [bundle.cli, 'sim', device, '--fault', fault, '--json'], {
        env: { ...process.env, ...bundle.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      try {
        const line = await new Promise<string>((resolve, reject) => {
          createInterface({ input: child.stdout! }).once('line', resolve);
          child.once('exit', (c) => reject(new Error(`sim exited ${c}`)));
        });
        const doc = JSON.parse(line);
        check('sim', doc);
        expect(doc).toMatchObject({ device, fault });
      } finally {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
    },
    60_000,
  );
});
