/**
 * `posdiag journal`, driven in-process with POSDIAG_HOME on a fresh directory: list, show, export in
 * text and --json, the --json documents validated against schemas/journal.json, bad usage exits 2.
 * Records are written through the journal itself (the same code the diagnose flow and the menu use).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { main } from '../../../src/cli/program';
import { openJournal } from '../../../src/journal/journal';
import schema from '../../../schemas/journal.json';
import { diagnosisRecord, freshDir, menuRecord } from '../../helpers/journal-fixtures';
import { capturedIo } from '../../helpers/captured-io';

const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

let tmp: ReturnType<typeof freshDir>;
beforeEach(() => (tmp = freshDir()));
afterEach(() => tmp.remove());

/** Without --config posdiag runs the simulated terminal, whose data lives in <POSDIAG_HOME>/sim. */
const simData = () => join(tmp.dir, 'sim');

async function run(argv: string[], env: NodeJS.ProcessEnv = { POSDIAG_HOME: tmp.dir }) {
  const io = capturedIo(env);
  const code = await main(argv, io.handle);
  return { code, out: io.out(), err: io.err() };
}

function valid(doc: unknown): void {
  if (!validate(doc)) throw new Error(JSON.stringify(validate.errors, null, 2));
}

async function seed(dir = simData()): Promise<void> {
  const j = openJournal(dir);
  await j.append(diagnosisRecord());
  await j.append(menuRecord('pin-wrong', 'try 1'));
  await j.append({
    kind: 'selftest',
    terminalId: '10000001',
    merchantId: '898310048990001',
    time: '2024-05-01T10:20:00.000+08:00',
    level: 'internal',
    devices: [{ device: 'printer', status: 'warn', findings: [{ id: 'printer.paper', status: 'warn', value: 'near-end' }] }],
  });
  await j.append(
    diagnosisRecord({
      code: '05',
      cause: { id: 'code.card', side: 'card', evidence: [] },
      slip: { id: 'J00000004', bytes: 700, state: 'queued', reason: 'paper-end' },
      pan: undefined,
    }),
  );
}

test('an empty journal: exit 0, "no records", nothing created', async () => {
  const text = await run(['journal', '--locale', 'en']);
  expect(text).toMatchObject({ code: 0, out: 'no records\n' });
  const zh = await run(['journal']);
  expect(zh.out).toContain('没有记录');
  const json = await run(['journal', 'list', '--json']);
  expect(JSON.parse(json.out)).toEqual({ records: [], skipped: 0, setAside: [], damaged: 0 });
  valid(JSON.parse(json.out));
  expect(existsSync(join(simData(), 'journal.log'))).toBe(false);
});

test('list: newest first, one line each with time, id, code, cause and slip state, in the locale', async () => {
  await seed();
  const en = await run(['journal', 'list', '--locale', 'en']);
  expect(en.code).toBe(0);
  const lines = en.out.trimEnd().split('\n');
  expect(lines).toHaveLength(4);
  expect(lines[0]).toMatch(/^2024-05-01 10:15 {2}J00000004 {2}05 {4}code\.card {2}waiting for paper$/);
  expect(lines[1]).toContain('J00000003');
  expect(lines[2]).toMatch(/J00000002 .*wrong PIN try 1/);
  expect(lines[3]).toMatch(/J00000001 {2}96 {4}modem\.no-signal {2}printed$/);
  const zh = await run(['journal']);
  expect(zh.out).toContain('已打印');
  expect(zh.out).toContain('待打印');
  const tw = await run(['journal', '--locale', 'zh-TW']);
  expect(tw.out).toContain('已列印');
});

test('list --json is one schema-valid document; --limit and --kind narrow it', async () => {
  await seed();
  const all = await run(['journal', '--json']);
  const doc = JSON.parse(all.out);
  valid(doc);
  expect(doc.records.map((r: { id: string }) => r.id)).toEqual(['J00000004', 'J00000003', 'J00000002', 'J00000001']);
  expect(doc.skipped).toBe(0);
  const narrowed = JSON.parse((await run(['journal', 'list', '--kind', 'diagnosis', '--limit', '1', '--json'])).out);
  valid(narrowed);
  expect(narrowed.records.map((r: { id: string }) => r.id)).toEqual(['J00000004']);
});

test('damaged lines are skipped and said', async () => {
  await seed();
  writeFileSync(join(simData(), 'journal.log'), readFileSync(join(simData(), 'journal.log'), 'utf8') + '{"torn":');
  const text = await run(['journal', '--locale', 'en']);
  expect(text.out).toContain('1 damaged line skipped');
  const doc = JSON.parse((await run(['journal', '--json'])).out);
  expect(doc.skipped).toBe(1);
  valid(doc);
});

test('show ID: the record in full; J00000001, j1 and 1 name the same record', async () => {
  await seed();
  const shown = await run(['journal', 'show', 'J00000001', '--locale', 'en']);
  expect(shown.code).toBe(0);
  for (const part of ['J00000001', 'diagnosis', '96 (cup)', 'modem.no-signal', 'modem.signal fail -113 dBm', '622588******1234', '932 bytes'])
    expect(shown.out).toContain(part);
  for (const id of ['1', 'j1']) expect((await run(['journal', 'show', id, '--locale', 'en'])).out).toBe(shown.out);
  for (const id of ['J00000001', 'J00000002', 'J00000003']) {
    const doc = JSON.parse((await run(['journal', 'show', id, '--json'])).out);
    valid(doc);
    expect(doc.record.id).toBe(id);
  }
});

test.each([
  [['journal', 'show', 'J00000099'], 'no journal record "J00000099"'],
  [['journal', 'show', '../etc'], 'no journal record'],
  [['journal', 'show'], 'needs a record id'],
  [['journal', 'frob'], 'unknown action "frob"'],
  [['journal', 'list', '--limit', '0'], '--limit'],
  [['journal', 'list', '--kind', 'x'], '--kind'],
  [['journal', 'export', 'J1'], 'takes no id'],
])('bad usage %j exits 2 with a clear line', async (argv, message) => {
  await seed();
  const r = await run(argv);
  expect(r.code).toBe(2);
  expect(r.err).toContain(message);
  const json = await run([...argv, '--json']);
  expect(json.code).toBe(2);
  const doc = JSON.parse(json.out);
  valid(doc);
  expect(doc.error.message).toContain(message);
});

test('export: JSON Lines of every record, oldest first, on stdout or into --out', async () => {
  await seed();
  const r = await run(['journal', 'export']);
  expect(r.code).toBe(0);
  const lines = r.out
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l));
  expect(lines.map((x) => x.id)).toEqual(['J00000001', 'J00000002', 'J00000003', 'J00000004']);
  const file = join(tmp.dir, 'export.jsonl');
  const toFile = await run(['journal', 'export', '--out', file, '--locale', 'en']);
  expect(toFile.out).toBe(`exported 4 records to ${file}\n`);
  expect(readFileSync(file, 'utf8')).toBe(r.out);
  const json = JSON.parse((await run(['journal', 'export', '--json'])).out);
  valid(json);
  expect(json.records).toHaveLength(4);
});

test('export of an empty journal: stdout stays empty, "no records" on stderr', async () => {
  const r = await run(['journal', 'export', '--locale', 'en']);
  expect(r).toEqual({ code: 0, out: '', err: 'no records\n' });
});

test('the data directory comes from the configuration before POSDIAG_HOME', async () => {
  await seed(tmp.dir); // a configuration without --sim: the real terminal's directory itself
  const config = join(tmp.dir, 'posdiag.json');
  writeFileSync(config, JSON.stringify({ terminal: { id: '10000001', merchantId: '898310048990001', locale: 'en' }, journal: { dir: tmp.dir } }));
  const r = await run(['journal', '--config', config], { POSDIAG_HOME: join(tmp.dir, 'elsewhere') });
  expect(r.code).toBe(0);
  expect(r.out).toContain('waiting for paper'); // and the configured locale
});

test('the simulated terminal has its own journal: <data dir>/sim, never the real one', async () => {
  await seed(tmp.dir); // the real terminal's records
  const config = join(tmp.dir, 'posdiag.json');
  writeFileSync(config, JSON.stringify({ terminal: { id: '10000001', merchantId: '898310048990001', locale: 'en' }, journal: { dir: tmp.dir } }));
  const sim = await run(['journal', '--config', config, '--sim', '--json']);
  expect(JSON.parse(sim.out)).toEqual({ records: [], skipped: 0, setAside: [], damaged: 0 });
  const real = await run(['journal', '--config', config, '--json']);
  expect(JSON.parse(real.out).records).toHaveLength(4);
});
