/**
 * `posdiag demo` (what `npm start` runs) on the simulated terminal: the default scenario plays code 96
 * with a weak-signal modem and leaves a printed slip, its text and PNG previews and a journal record; the
 * list has a scenario for every seed article; every --json output validates against schemas/demo.json
 * (and a played scenario's report against schemas/diagnose.json).
 */
import Ajv from 'ajv';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { PNG } from 'pngjs';
import { main } from '../../src/cli/program';
import { capturedIo } from '../helpers/captured-io';
import { requireSystemTool } from '../../mocks/system-tools';

// The simulated terminal on real pseudo-terminals and the slip's PNG: without socat or the font each test
// here fails with the command that installs it.
beforeAll(() => {
  requireSystemTool('socat');
  requireSystemTool('unifont');
});

const ajv = new Ajv({ allErrors: true, strict: false });
const load = (name: string) => JSON.parse(readFileSync(join(__dirname, '../../schemas', name), 'utf8'));
const validateDemo = ajv.compile(load('demo.json'));
const validateDiagnose = ajv.compile(load('diagnose.json'));

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'posdiag-demo-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

async function demo(args: string[]) {
  const io = capturedIo({ POSDIAG_HOME: home });
  const code = await main(['demo', ...args], io.handle);
  return { code, out: io.out(), err: io.err() };
}

function valid(doc: unknown): void {
  if (!validateDemo(doc)) throw new Error(`demo schema: ${JSON.stringify(validateDemo.errors, null, 1)}`);
}

test('the default scenario: code 96 with a weak signal, hint box, slip printed, previews and journal written', async () => {
  const r = await demo([]);
  expect(r.code).toBe(0);
  expect(r.out).toContain('┌');
  expect(r.out).toContain('96 终端信号弱');
  expect(r.out).toMatch(/slip\s+S\d{8}T\d{6}-[0-9a-f]{6}, \d+ bytes, printed/);
  expect(r.err).toContain('modem=weak-signal');
  const txt = /slip text (\S+)/.exec(r.out)![1]!;
  const png = /slip png  (\S+)/.exec(r.out)![1]!;
  expect(readFileSync(txt, 'utf8')).toContain('响应码 96');
  const image = PNG.sync.read(readFileSync(png));
  expect(image.width).toBeGreaterThan(300);
  expect(readFileSync(join(home, 'sim', 'journal.log'), 'utf8')).toContain('"cause":{"id":"signal-weak"');
}, 30_000);

test('--json: the report validates as a diagnosis, the files exist', async () => {
  const r = await demo(['96-bank', '--json', '--locale', 'en']);
  const doc = JSON.parse(r.out);
  valid(doc);
  if (!validateDiagnose(doc.report)) throw new Error(`diagnose schema: ${JSON.stringify(validateDiagnose.errors, null, 1)}`);
  expect(doc.report.cause.id).toBe('host-side');
  expect(existsSync(doc.files.text)).toBe(true);
}, 30_000);

test('--list names a scenario for every seed article, and validates', async () => {
  const r = await demo(['--list', '--json']);
  const doc = JSON.parse(r.out);
  valid(doc);
  const seeds = new Set(doc.scenarios.map((s: { seed: string }) => s.seed));
  for (const seed of ['000', '001', '002', '003', '004']) expect(seeds).toContain(seed);
});

test('the device tour validates too', async () => {
  const r = await demo(['devices', '--json']);
  valid(JSON.parse(r.out));
}, 30_000);

test('an unknown scenario is bad usage', async () => {
  const r = await demo(['lunch-rush']);
  expect(r.code).toBe(2);
  expect(r.err).toContain('posdiag demo --list');
});

test('a demo whose slip waits for paper keeps it in <data dir>/sim: the real terminal never prints or reprints it', async () => {
  const r = await demo(['96-bank', '--sim', 'printer=paper-out', '--json']);
  expect(r.code).toBe(0);
  const doc = JSON.parse(r.out);
  expect(doc.report.slip).toMatchObject({ state: 'queued' });
  const simQueue = JSON.parse(readFileSync(join(home, 'sim', 'print-queue.json'), 'utf8')) as { jobs: Array<{ id: string }> };
  expect(simQueue.jobs.map((j) => j.id)).toEqual([doc.report.slip.id]);
  // The real terminal's directory holds nothing of it: no queued job, no slip for `slip last`, no record.
  expect(readdirSync(home)).toEqual(['sim']);
  const config = join(home, '..', `${basename(home)}.json`);
  writeFileSync(config, JSON.stringify({ terminal: { id: '10000001', merchantId: '898310048990001' } }));
  try {
    expect(await main(['slip', 'last', '--config', config, '--text'], capturedIo({ POSDIAG_HOME: home }).handle)).toBe(1); // "no slip yet"
  } finally {
    rmSync(config, { force: true });
  }
}, 30_000);

test("用户异常 now shows the chip reader's evidence, not a guess from the code", async () => {
  const r = await demo(['user-exception', '--json']);
  expect(r.code).toBe(0);
  const doc = JSON.parse(r.out);
  valid(doc);
  expect(doc.report.cause).toMatchObject({ id: 'card-backwards-or-dirty', device: 'reader' });
  expect(doc.report.cause.evidence[0]).toMatchObject({ finding: 'reader.atr', status: 'fail', value: 'backwards-or-dirty' });
}, 30_000);

test('the simulated terminal lists its two readers, the PN532 and the chip reader, each on its own line', async () => {
  const r = await demo(['96-bank']);
  expect(r.err).toMatch(/^ {2}reader pn532 \/\S+\/host$/m);
  expect(r.err).toMatch(/^ {2}reader ccid \/\S+\/host$/m);
  expect(r.err).not.toContain('undefined');
}, 30_000);

test.each([
  ['invalid-card-chip', 'chip-damaged'],
  ['invalid-card-no-app', 'no-payment-app'],
  ['card-frozen', 'card-blocked'],
  ['54-expired', 'card-expired'],
  ['terminated-expired', 'card-expired'],
  ['chip-reader', 'chip-reader-fault'],
])(
  "the chip scenario %s names %s with the chip reader's finding",
  async (scenario, cause) => {
    const doc = JSON.parse((await demo([scenario, '--json'])).out);
    expect(doc.report.cause.id).toBe(cause);
    expect(doc.report.cause.evidence[0].device).toBe('reader');
  },
  30_000,
);
