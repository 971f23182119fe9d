/**
 * Stale simulator directories: the next run removes those whose owner process is gone, and never one
 * whose owner still runs or that carries no owner mark.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OWNER_FILE, ownerAlive, sweepStaleDirs } from '../../../mocks/owned-temp-dir';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'posdiag-owned-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function marked(name: string, mark: string | null): string {
  const dir = join(root, name);
  mkdirSync(dir);
  if (mark !== null) writeFileSync(join(dir, OWNER_FILE), mark);
  writeFileSync(join(dir, 'host'), '');
  return dir;
}

/** A pid that existed a moment ago and has ended (and been reaped). */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid;
}

test('only directories whose owner is gone are removed', () => {
  const mine = marked('posdiag-pty-mine', `${process.pid} -\n`);
  const dead = marked('posdiag-pty-dead', `${deadPid()} -\n`);
  const reused = marked('posdiag-pty-reused', `${process.pid} 1\n`); // our pid, but a process that started at another time
  const unmarked = marked('posdiag-pty-unmarked', null);
  const garbage = marked('posdiag-pty-garbage', 'not a pid');
  const other = marked('something-else', `${deadPid()} -\n`);
  const removed = sweepStaleDirs('posdiag-pty-', root).sort();
  expect(removed).toEqual([dead, garbage, reused].sort());
  for (const d of [mine, unmarked, other]) expect(existsSync(d)).toBe(true);
});

test('a mark written by this process is alive with its start time', () => {
  const stat = readFileSync('/proc/self/stat', 'latin1');
  const start = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  expect(ownerAlive(`${process.pid} ${start}`)).toBe(true);
  expect(ownerAlive(`${deadPid()} ${start}`)).toBe(false);
});
