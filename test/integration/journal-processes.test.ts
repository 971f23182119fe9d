/**
 * Several processes appending to one journal at once (a diagnose while the menu is open): the lock file
 * makes them take turns, and each numbers after what is on disk, so every id is used once, the seqs are
 * contiguous, and no line is torn, across rotations too.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openJournal } from '../../src/journal/journal';
import { bundleJournal } from '../helpers/journal-fixtures';

const CHILD = join(__dirname, '..', 'helpers', 'journal-append-child.js');
const PROCESSES = 3;
const EACH = 40;

let work: string;
let bundle: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'posdiag-procs-'));
  bundle = bundleJournal(work);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

function appender(dir: string): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, bundle, dir, '4096', '20', String(EACH)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out.trim().split('\n').map(Number)) : reject(new Error(`appender exited ${code}: ${err}`))));
  });
}

test(`${PROCESSES} processes appending ${EACH} records each at once: every seq once, contiguous, nothing torn`, async () => {
  const dir = join(work, 'data');
  const reported = (await Promise.all(Array.from({ length: PROCESSES }, () => appender(dir)))).flat();
  const total = PROCESSES * EACH;
  expect(new Set(reported).size).toBe(total);
  const { records, skipped } = await openJournal(dir, { keepFiles: 20 }).readAll();
  expect(skipped).toBe(0);
  expect(records.map((r) => r.seq)).toEqual(Array.from({ length: total }, (_, k) => k + 1));
  expect(readdirSync(dir)).not.toContain('journal.lock');
}, 30_000);
