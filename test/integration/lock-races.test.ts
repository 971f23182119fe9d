/**
 * Processes racing for one data directory's locks, each round starting from a lock left behind by a
 * process that died: the journal's ids, the menu's count of wrong PINs and the print queue's slips must
 * come out exactly once however the processes interleave. Long-lived child processes (test/helpers/
 * race-child.ts, bundled with esbuild) run one step per round, all released at the same instant.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { buildSync } from 'esbuild';
import { slipBytes } from '../helpers/race-child';

let work: string;
let bundle: string;
let deadPid: number;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'posdiag-races-'));
  bundle = join(work, 'race-child.cjs');
  buildSync({
    entryPoints: [join(__dirname, '..', 'helpers', 'race-child.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile: bundle,
    external: ['@serialport/bindings-cpp'],
    logLevel: 'error',
  });
  // The pid of a process that has exited: what a lock left by a killed process names.
  deadPid = spawnSync(process.execPath, ['-e', '']).pid!;
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A lock file as a process killed while holding it leaves it (pid, time, random: the format every version reads). */
function staleLock(path: string): void {
  writeFileSync(path, `${deadPid} ${Date.now()} 5ca1ab1e\n`);
}

interface Racer {
  child: ChildProcessWithoutNullStreams;
  lines: Interface;
  next(): Promise<string>;
}

function racer(mode: string): Racer {
  const child = spawn(process.execPath, [bundle, mode], { stdio: ['pipe', 'pipe', 'pipe'] });
  const lines = createInterface({ input: child.stdout });
  const queued: string[] = [];
  const waiting: Array<(line: string) => void> = [];
  lines.on('line', (line) => (waiting.length ? waiting.shift()!(line) : queued.push(line)));
  let err = '';
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const next = () =>
    new Promise<string>((resolve, reject) => {
      if (queued.length) return resolve(queued.shift()!);
      const timer = setTimeout(() => reject(new Error(`${mode} child gave no answer: ${err}`)), 15_000);
      waiting.push((line) => (clearTimeout(timer), resolve(line)));
    });
  return { child, lines, next };
}

async function withRacers<T>(mode: string, n: number, run: (racers: Racer[]) => Promise<T>): Promise<T> {
  const racers = Array.from({ length: n }, () => racer(mode));
  try {
    for (const r of racers) expect(await r.next()).toBe('ready');
    return await run(racers);
  } finally {
    for (const r of racers) r.child.kill();
  }
}

/** Releases every racer's step at once; one answer each. */
async function round(racers: Racer[], dir: string, tag: (i: number) => string): Promise<string[]> {
  const answers = racers.map((r) => r.next());
  racers.forEach((r, i) => r.child.stdin.write(`go ${dir} ${tag(i)}\n`));
  return Promise.all(answers);
}

test('a stale journal.lock and 10 processes appending at once, 25 rounds: no id twice', async () => {
  const duplicates: string[] = [];
  await withRacers('append', 10, async (racers) => {
    for (let r = 0; r < 25; r++) {
      const dir = join(work, `journal-${r}`);
      mkdirSync(dir);
      staleLock(join(dir, 'journal.lock'));
      const ids = await round(racers, dir, (i) => `p${i}`);
      expect(ids.filter((id) => !/^J\d{8}$/.test(id))).toEqual([]);
      if (new Set(ids).size !== ids.length) duplicates.push(`round ${r}: ${[...ids].sort().join(' ')}`);
    }
  });
  expect(duplicates).toEqual([]);
}, 60_000);

test('a stale menu-lock.json.lock and 4 menus counting a wrong PIN at once, 10 rounds: every one counted', async () => {
  const counted: number[] = [];
  await withRacers('pin', 4, async (racers) => {
    for (let r = 0; r < 10; r++) {
      const dir = join(work, `menu-${r}`);
      mkdirSync(dir);
      staleLock(join(dir, 'menu-lock.json.lock'));
      expect(await round(racers, dir, () => '-')).toEqual(['ok', 'ok', 'ok', 'ok']);
      counted.push((JSON.parse(readFileSync(join(dir, 'menu-lock.json'), 'utf8')) as { failures: number }).failures);
    }
  });
  expect(counted).toEqual(Array(10).fill(4));
}, 60_000);

test('8 diagnoses printing at once with 3 slips waiting for paper, 3 rounds: every slip printed exactly once', async () => {
  const wrong: string[] = [];
  await withRacers('print', 8, async (racers) => {
    for (let r = 0; r < 3; r++) {
      const dir = join(work, `print-${r}`);
      mkdirSync(dir);
      const waiting = [1, 2, 3].map((k) => `r${r}-W${k}`);
      const jobs = waiting.map((id) => ({
        id,
        bytes: Buffer.from(slipBytes(id)).toString('base64'),
        attempts: 1,
        lastReason: 'paper-end',
        queuedAt: Date.now(),
      }));
      writeFileSync(join(dir, 'print-queue.json'), JSON.stringify({ version: 1, jobs }));
      staleLock(join(dir, 'print-queue.json.lock'));
      const own = racers.map((_, i) => `r${r}-D${i}`);
      const answers = await round(racers, dir, (i) => own[i]!);
      const printed = answers.flatMap((a) => a.split(' ').filter(Boolean));
      for (const id of [...own, ...waiting]) {
        const times = printed.filter((p) => p === id).length;
        if (times !== 1) wrong.push(`${id} printed ${times} times`);
      }
    }
  });
  expect(wrong).toEqual([]);
}, 60_000);
