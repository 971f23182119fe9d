/** The lock file between processes (journal appends, menu PIN count): exclusive, released on every path, a dead holder's lock taken over, a live one waited for. */
import { existsSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LockTimeoutError, withFileLock } from '../../../src/journal/lock-file';

let dir: string;
let lock: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'posdiag-flock-'));
  lock = join(dir, 'x.lock');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('holders take turns: never two inside at once; the lock is gone after, also when the work throws', async () => {
  let inside = 0;
  let most = 0;
  const work = async () => {
    most = Math.max(most, ++inside);
    await new Promise((r) => setTimeout(r, 2));
    inside--;
  };
  await Promise.all(Array.from({ length: 8 }, () => withFileLock(lock, work)));
  expect(most).toBe(1);
  await expect(withFileLock(lock, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  expect(existsSync(lock)).toBe(false);
});

test('a lock left by a dead process (older than staleMs) is taken over', async () => {
  writeFileSync(lock, '99999 dead\n');
  const old = (Date.now() - 10_000) / 1000;
  utimesSync(lock, old, old);
  await expect(withFileLock(lock, async () => 'in', { staleMs: 1000, timeoutMs: 500 })).resolves.toBe('in');
  expect(existsSync(lock)).toBe(false);
});

test('a lock dated far in the future (clock set back) counts as stale too', async () => {
  writeFileSync(lock, '99999 dead\n');
  const ahead = (Date.now() + 3_600_000) / 1000;
  utimesSync(lock, ahead, ahead);
  await expect(withFileLock(lock, async () => 'in', { staleMs: 1000, timeoutMs: 500 })).resolves.toBe('in');
});

test('a fresh lock held by another is waited for, then the wait gives up; the other lock is left alone', async () => {
  // Held by a process that is alive (this one's parent).
  writeFileSync(lock, `${process.ppid} alive\n`);
  await expect(withFileLock(lock, async () => 'in', { staleMs: 60_000, timeoutMs: 50 })).rejects.toBeInstanceOf(LockTimeoutError);
  expect(existsSync(lock)).toBe(true);
});
