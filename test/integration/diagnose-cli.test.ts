/**
 * `posdiag diagnose` end to end on the simulated terminal (real serialport over socat PTYs, the host
 * simulator on TCP): the acceptance rows of the diagnose issue, the JSON schema of its output, the slip
 * and the journal record it leaves, and what must never appear anywhere (the whole card number).
 */
import Ajv from 'ajv';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/program';
import { capturedIo } from '../helpers/captured-io';
import { requireSystemTool } from '../../mocks/system-tools';

// The simulated terminal on real pseudo-terminals: without socat each test here fails with the command that installs it.
beforeAll(() => {
  requireSystemTool('socat');
});

const PAN = '6228480402564890018';

const io = capturedIo;

const schema = JSON.parse(readFileSync(join(__dirname, '../../schemas/diagnose.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'posdiag-diagnose-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

async function diagnoseJson(args: string[]) {
  const t = io({ POSDIAG_HOME: home });
  const code = await main(['diagnose', ...args, '--json'], t.handle);
  const doc = JSON.parse(t.out());
  if (!validate(doc as unknown)) throw new Error(`schema: ${JSON.stringify(validate.errors, null, 1)}`);
  return { code, doc, err: t.err() };
}

test('96 with no signal names the signal cause with dBm evidence', async () => {
  const { code, doc } = await diagnoseJson(['--code', '96', '--sim', 'modem=no-signal']);
  expect(code).toBe(0);
  expect(doc.cause.id).toBe('signal-none');
  expect(doc.cause.evidence[0]).toMatchObject({ finding: 'modem.signal', unit: 'dBm', value: -113 });
  expect(doc.cause.hint.action).toContain('dBm');
  expect(doc.terminalClear).toBe(false);
  // The simulated terminal's two readers: the PN532 and the contact chip reader.
  expect(doc.checks.map((d: { device: string }) => d.device).sort()).toEqual(['modem', 'network', 'printer', 'reader', 'reader']);
}, 30_000);

test('96 with every device healthy clears the terminal and points at the host; the slip says so', async () => {
  const { doc } = await diagnoseJson(['--code', '96', '--sim', '--locale', 'en']);
  expect(doc.cause).toMatchObject({ id: 'host-side', side: 'host', retry: 'later' });
  expect(doc.terminalClear).toBe(true);
  expect(doc.cause.evidence.length).toBeGreaterThan(0);
  expect(doc.slip).toMatchObject({ printed: true, state: 'printed' });
  expect(doc.slip.preview).toContain('Terminal checked OK');
}, 30_000);

test('the card number is masked before anything sees it: output, slip store and journal hold 6+4 only', async () => {
  const { doc } = await diagnoseJson(['--code', '51', '--sim', '--pan', PAN, '--amount', '128.50', '--no-print']);
  expect(doc.pan).toBe('622848*********0018');
  expect(doc.slip.preview).toContain('622848*********0018');
  expect(doc.slip.state).toBe('skipped');
  const everything = [JSON.stringify(doc), ...walk(home).map((f) => readFileSync(f, 'latin1'))].join('\n');
  expect(everything).not.toContain(PAN);
  expect(everything).not.toContain(PAN.slice(6, 15));
  const journal = readFileSync(join(home, 'sim', 'journal.log'), 'utf8');
  expect(journal).toContain('"pan":"622848*********0018"');
  expect(journal).toContain(`"id":"${doc.slip.id}"`);
  // A card code: no device needed checking, the code's own meaning stands.
  expect(doc.checks).toEqual([]);
  expect(doc.cause.id).toBe('code.card');
}, 30_000);

test('a slip that cannot print is kept, and the journal says it is queued', async () => {
  const { doc } = await diagnoseJson(['--code', 'T13', '--sim', 'printer=paper-out']);
  expect(doc.cause.id).toBe('printer-paper');
  expect(doc.slip).toMatchObject({ printed: false, state: 'queued', reason: expect.stringMatching(/paper/) });
  expect(readdirSync(join(home, 'sim', 'slips'))).toContain(`${doc.slip.id}.escpos`);
}, 30_000);

test.each([
  ['a file where the data directory should be', (h: string) => (writeFileSync(join(h, 'f'), ''), join(h, 'f'))],
  ['a directory procfs will not create', () => '/proc/posdiag-no-such/data'],
])(
  'a data directory that cannot be written (%s) loses the record, not the diagnosis',
  async (_name, where) => {
    const dataDir = where(home);
    const t = io({ POSDIAG_HOME: dataDir });
    expect(await main(['diagnose', '--code', '51', '--sim', '--locale', 'en', '--json'], t.handle)).toBe(0);
    const doc = JSON.parse(t.out());
    expect(validate(doc)).toBe(true);
    expect(doc.cause.id).toBe('code.card');
    expect(doc.slip).toMatchObject({ printed: true, state: 'printed' }); // printed without a store
    expect(doc.journalId).toBeNull();
    expect(doc.store).toMatchObject({ ok: false, slipKept: false, journalKept: false, error: expect.stringMatching(/ENOTDIR|ENOENT/) });

    const text = io({ POSDIAG_HOME: dataDir });
    expect(await main(['diagnose', '--code', '51', '--sim', '--locale', 'en', '--no-print'], text.handle)).toBe(0);
    expect(text.out()).toMatch(/journal\s+NOT recorded/);
    expect(text.out()).toMatch(/not kept\s+the slip and the journal record could not be written: .*(ENOTDIR|ENOENT)/);
  },
  30_000,
);

test('two diagnoses at once each keep their own slip, and each record names its own', async () => {
  const runs = await Promise.all([diagnoseJson(['--code', '51', '--sim', '--no-print']), diagnoseJson(['--code', '05', '--sim', '--no-print'])]);
  const [a, b] = runs.map((r) => r.doc);
  expect(a.slip.id).not.toBe(b.slip.id);
  expect(a.journalId).not.toBe(b.journalId);
  for (const doc of [a, b]) {
    const t = io({ POSDIAG_HOME: home });
    // `posdiag slip <journal id>` finds the slip the record names.
    const code = await main(['slip', doc.journalId, '--text', '--json'], t.handle);
    expect(code).toBe(0);
    expect(JSON.parse(t.out())).toMatchObject({ id: doc.slip.id, meta: { code: doc.code } });
  }
}, 30_000);

test('a card code is put on the card only after the reader showed it can read: its antenna test runs too', async () => {
  const { doc } = await diagnoseJson(['--code', '14', '--sim', 'pn532=antenna-fail', '--no-print']);
  expect(doc.cause).toMatchObject({ id: 'reader-fault', side: 'terminal' });
  expect(doc.cause.evidence[0]).toMatchObject({ finding: 'reader.antenna', status: 'fail' });
  expect(doc.terminalClear).toBe(false);
}, 30_000);

test.each([
  [['--code', '  '], '--code'],
  [['--code', '96', '--amount', '12,50'], '--amount'],
  [['--code', '96', '--pan', '1234'], '--pan'],
  [['--code', '96', '--acquirer', 'nobank'], 'nobank'],
  [['--code', '96', '--budget', '5'], '--budget'],
])('bad input %j exits 2 and names the flag, never echoing a card number', async (args, named) => {
  const t = io({ POSDIAG_HOME: home });
  expect(await main(['diagnose', ...args, '--sim'], t.handle)).toBe(2);
  expect(t.err()).toContain(named);
  expect(t.err()).not.toContain('1234');
});

test.each([
  [['diagnose', '--code', '96', '--amount', PAN]],
  [['diagnose', '--code', '96', '--budget', PAN]],
  [['selftest', '--sim', `modem=${PAN}`]],
  [['explain', '96', '--acquirer', PAN]],
])('a card number typed into the wrong place never comes back whole: %j', async (args) => {
  for (const json of [false, true]) {
    const t = io({ POSDIAG_HOME: home });
    expect(await main([...args, ...(json ? ['--json'] : [])], t.handle)).toBe(2);
    expect(t.out() + t.err()).not.toContain(PAN);
    expect(t.out() + t.err()).not.toContain(PAN.slice(6, 15));
  }
});

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

test('a slip that waited for paper comes out with the next diagnosis, and the output says so', async () => {
  const first = await diagnoseJson(['--code', '96', '--sim', 'printer=paper-out', '--locale', 'en']);
  expect(first.doc.slip).toMatchObject({ state: 'queued', reason: 'paper-end' });
  expect(first.doc.slip.earlier).toBeUndefined();
  const second = await diagnoseJson(['--code', '96', '--sim', '--locale', 'en']);
  expect(second.doc.slip).toMatchObject({ state: 'printed', earlier: [{ id: first.doc.slip.id, state: 'printed' }] });
  const t = io({ POSDIAG_HOME: home });
  await expect(main(['diagnose', '--code', '96', '--sim', 'printer=paper-out'], t.handle)).resolves.toBe(0);
  const third = io({ POSDIAG_HOME: home });
  await expect(main(['diagnose', '--code', '96', '--sim'], third.handle)).resolves.toBe(0);
  expect(third.out()).toMatch(/also printed slip S\S+, which was waiting from before/);
}, 60_000);
