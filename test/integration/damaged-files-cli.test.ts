/**
 * Files that would hang posdiag or eat the terminal's memory, through the real command in a child
 * process: a device, a FIFO or a pseudo-terminal as --config, and FIFOs, links to /dev/zero and
 * oversized (sparse) files in the data directory. Each child runs under a timeout and a 3 GB address
 * space limit, so a regression fails the test (killed, or out of memory) instead of hanging it or the
 * machine.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeRecord } from '../../src/journal/record-codec';
import { saveSlip } from '../../src/journal/slip-store';
import type { JournalRecord } from '../../src/journal/types';
import Ajv from 'ajv';
import diagnoseSchema from '../../schemas/diagnose.json';
import journalSchema from '../../schemas/journal.json';
import { cliBundle, type CliBundle } from '../helpers/cli-bundle';
import { freshDir, menuRecord } from '../helpers/journal-fixtures';

jest.setTimeout(120_000);

const ajv = new Ajv({ allErrors: true, strict: false });
const validDiagnose = ajv.compile(diagnoseSchema);
const validJournal = ajv.compile(journalSchema);

let bundle: CliBundle;
beforeAll(() => (bundle = cliBundle()));
afterAll(() => bundle.dispose());

let tmp: ReturnType<typeof freshDir>;
beforeEach(() => (tmp = freshDir('posdiag-damaged-')));
afterEach(() => tmp.remove());

/** Where a run without configuration (the simulated terminal) keeps its data. */
const data = () => join(tmp.dir, 'sim');

interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function posdiag(args: string[], timeoutMs = 20_000, env: NodeJS.ProcessEnv = {}): Run {
  const started = performance.now();
  const r = spawnSync('/bin/sh', ['-c', 'ulimit -v 3000000; exec "$0" "$@"', process.execPath, bundle.cli, ...args], {
    env: { ...process.env, ...bundle.env, POSDIAG_HOME: tmp.dir, POSDIAG_CONFIG: '', NO_COLOR: '1', ...env },
    timeout: timeoutMs,
    encoding: 'utf8',
  });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, ms: Math.round(performance.now() - started) };
}

function mkfifo(path: string): void {
  const r = spawnSync('mkfifo', [path]);
  if (r.status !== 0) throw new Error(`mkfifo ${path}: ${r.stderr}`);
}

function sparse(path: string, bytes: number): void {
  writeFileSync(path, '', { flag: 'a' });
  truncateSync(path, bytes);
}

const line = (seq: number) =>
  encodeRecord({ ...menuRecord('test'), id: `J${String(seq).padStart(8, '0')}`, seq, time: '2024-05-01T10:00:00.000+08:00' } as JournalRecord);
const GiB = 1024 ** 3;

/** A pseudo-terminal held open by a helper process; its slave's path (what a mistyped /dev/ttyS1 would be). */
async function openPty(): Promise<{ path: string; child: ChildProcess }> {
  const child = spawn('python3', ['-c', 'import os,pty,sys,time\nm,s=pty.openpty()\nprint(os.ttyname(s),flush=True)\ntime.sleep(60)']);
  const path = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
    child.on('error', reject);
    child.on('exit', () => reject(new Error('python3 pty helper exited')));
  });
  return { path, child };
}

describe('--config that is not a regular JSON file: exit 2 at once, naming the file and why', () => {
  test.each([
    ['/dev/zero', () => '/dev/zero', 'not a regular file (a character device)'],
    ['/dev/urandom', () => '/dev/urandom', 'not a regular file (a character device)'],
    ['a FIFO', () => (mkfifo(join(tmp.dir, 'config.json')), join(tmp.dir, 'config.json')), 'not a regular file (a FIFO)'],
    [
      'a link to /dev/zero',
      () => (symlinkSync('/dev/zero', join(tmp.dir, 'config.json')), join(tmp.dir, 'config.json')),
      'not a regular file (a character device)',
    ],
    ['a 1 GiB (sparse) file', () => (sparse(join(tmp.dir, 'config.json'), GiB), join(tmp.dir, 'config.json')), 'larger than 256 KiB (1048576 KiB)'],
  ])('%s', (_what, make, why) => {
    const path = make();
    const r = posdiag(['explain', '96', '--config', path], 10_000);
    expect({ status: r.status, signal: r.signal }).toEqual({ status: 2, signal: null });
    expect(r.stderr).toContain(`configuration ${path} is ${why}`);
    expect(r.stdout).toBe('');
    expect(r.ms).toBeLessThan(5000);
  });

  test('a terminal (a pseudo-terminal standing in for a mistyped --config /dev/ttyS1)', async () => {
    const pty = await openPty();
    try {
      const r = posdiag(['explain', '96', '--config', pty.path, '--json'], 10_000);
      expect({ status: r.status, signal: r.signal }).toEqual({ status: 2, signal: null });
      expect(JSON.parse(r.stdout)).toEqual({
        error: { code: 'Config_Invalid', message: `configuration ${pty.path} is not a regular file (a character device)` },
      });
      expect(r.ms).toBeLessThan(5000);
    } finally {
      pty.child.kill();
    }
  });
});

describe('a damaged data directory: set aside, reported, and the rest keeps working', () => {
  test.each([
    ['a FIFO', (p: string) => mkfifo(p), 'not a regular file (a FIFO)'],
    ['a link to /dev/zero', (p: string) => symlinkSync('/dev/zero', p), 'a symbolic link'],
  ])('%s as journal.log: diagnose keeps its record, journal list says what was set aside', (_what, make, why) => {
    mkdirSync(data());
    make(join(data(), 'journal.log'));
    const d = posdiag(['diagnose', '--code', '05', '--no-print', '--json']);
    expect({ status: d.status, signal: d.signal }).toEqual({ status: 0, signal: null });
    const report = JSON.parse(d.stdout);
    expect(report.journalId).toBe('J00000001');
    expect(report.setAside).toEqual([{ file: 'journal.log', reason: why, movedTo: expect.stringMatching(/^damaged\/journal\.log\./) }]);
    expect(validDiagnose(report)).toBe(true);
    const list = posdiag(['journal', 'list']);
    expect(list.status).toBe(0);
    expect(list.stdout).toContain('J00000001');
    expect(list.stdout).toContain('1 damaged file(s) set aside in damaged/ of the data directory');
  });

  test('a 1 GiB (sparse) journal.log: the next diagnosis keeps its record, with the next id, and journal list/show/export work', () => {
    for (let i = 0; i < 2; i++) expect(posdiag(['diagnose', '--code', '05', '--no-print']).status).toBe(0);
    truncateSync(join(data(), 'journal.log'), GiB); // its two records, then zeros
    const d = posdiag(['diagnose', '--code', '05', '--no-print', '--json']);
    expect(d.status).toBe(0);
    expect(JSON.parse(d.stdout)).toMatchObject({
      journalId: 'J00000003',
      store: { ok: true },
      setAside: [{ file: 'journal.log', reason: 'larger than 1088 KiB (1048576 KiB)' }],
    });
    const list = posdiag(['journal', 'list', '--json']);
    expect(list.status).toBe(0);
    expect(JSON.parse(list.stdout)).toMatchObject({ records: [{ id: 'J00000003' }], skipped: 0, setAside: [], damaged: 1 });
    expect(posdiag(['journal', 'show', 'J00000003']).status).toBe(0);
    expect(posdiag(['journal', 'export']).stdout.trim().split('\n')).toHaveLength(1);
  });

  test("a 1 GiB journal.2.log does not hide journal.log's records", () => {
    mkdirSync(data());
    writeFileSync(join(data(), 'journal.log'), line(1) + line(2));
    sparse(join(data(), 'journal.2.log'), GiB);
    const list = posdiag(['journal', 'list', '--json']);
    expect(list.status).toBe(0);
    const doc = JSON.parse(list.stdout);
    expect(doc.records.map((r: { id: string }) => r.id)).toEqual(['J00000002', 'J00000001']);
    expect(doc.setAside).toEqual([{ file: 'journal.2.log', reason: 'larger than 1088 KiB (1048576 KiB)', movedTo: expect.stringMatching(/^damaged\//) }]);
    expect(validJournal(doc)).toBe(true);
  });

  test.each([
    ['a FIFO', (p: string) => mkfifo(p)],
    ['a link to /dev/zero', (p: string) => symlinkSync('/dev/zero', p)],
  ])('%s as print-queue.json: a reprint prints, and the queue file is set aside', async (_what, make) => {
    await saveSlip(data(), 'S20240501T101500-000001', Uint8Array.of(0x1b, 0x40, 0x41, 0x0a), {
      paperWidth: 58,
      locale: 'en',
      code: '96',
      time: '2024-05-01T10:15:00+08:00',
    });
    make(join(data(), 'print-queue.json'));
    const r = posdiag(['slip', 'last', '--sim', '--json'], 60_000);
    expect({ status: r.status, signal: r.signal }).toEqual({ status: 0, signal: null });
    expect(JSON.parse(r.stdout)).toMatchObject({ printed: { state: 'printed' } });
    expect(readdirSync(join(data(), 'damaged'))).toEqual([expect.stringMatching(/^print-queue\.json\./)]);
  });

  test.each([
    ['a FIFO', (p: string) => mkfifo(p), 'not a regular file (a FIFO)'],
    ['a link to /dev/zero', (p: string) => symlinkSync('/dev/zero', p), 'a symbolic link'],
    ['20 MB (sparse)', (p: string) => sparse(p, 20 * 1024 * 1024), 'larger than 16 KiB (20480 KiB)'],
  ])('%s as a stored slip: slip last says it is damaged (exit 1) at once', async (_what, make, why) => {
    await saveSlip(data(), 'S1', Uint8Array.of(0x1b, 0x40), { paperWidth: 58, locale: 'en', code: '96', time: '2024-05-01T10:15:00+08:00' });
    const path = join(data(), 'slips', 'S1.escpos');
    spawnSync('rm', [path]);
    make(path);
    const r = posdiag(['slip', 'last', '--text']);
    expect({ status: r.status, signal: r.signal }).toEqual({ status: 1, signal: null });
    expect(r.stderr).toMatch(
      new RegExp(`^posdiag: slip last is damaged: slips/S1\\.escpos: ${why.replace(/[()]/g, '\\$&')}; set aside as damaged/slips_S1\\.escpos\\.`),
    );
    expect(r.ms).toBeLessThan(5000);
  });

  test('a huge slip waiting in print-queue.json cannot hold the printer: it is not loaded, and the reprint is done in seconds', async () => {
    await saveSlip(data(), 'S2', Uint8Array.of(0x1b, 0x40, 0x41, 0x0a), { paperWidth: 58, locale: 'en', code: '96', time: '2024-05-01T10:15:00+08:00' });
    // 1 MiB of text: about 90 s on a real printer at 115200 baud, with a print deadline stretched to match.
    const huge = Buffer.alloc(1024 * 1024, 0x41).toString('base64');
    writeFileSync(join(data(), 'print-queue.json'), JSON.stringify({ version: 1, jobs: [{ id: 'S1', bytes: huge, attempts: 0, queuedAt: Date.now() }] }));
    const r = posdiag(['slip', 'last', '--sim', '--json'], 40_000);
    expect({ status: r.status, signal: r.signal }).toEqual({ status: 0, signal: null });
    const doc = JSON.parse(r.stdout);
    expect(doc.printed).toEqual({ state: 'printed', attempts: 1 });
    expect(r.ms).toBeLessThan(20_000);
  });

  test('a font path naming /dev/zero (POSDIAG_UNIFONT): slip --png fails at once, saying why', async () => {
    await saveSlip(data(), 'S1', Uint8Array.of(0x1b, 0x40, 0x41, 0x0a), { paperWidth: 58, locale: 'en', code: '96', time: '2024-05-01T10:15:00+08:00' });
    const r = posdiag(['slip', 'last', '--png', join(tmp.dir, 'slip.png')], 10_000, { POSDIAG_UNIFONT: '/dev/zero' });
    expect({ status: r.status, signal: r.signal }).toEqual({ status: 1, signal: null });
    expect(r.stderr).toContain('cannot use /dev/zero as GNU Unifont: not a regular file (a character device)');
    expect(r.ms).toBeLessThan(5000);
  });
});
