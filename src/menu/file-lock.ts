/**
 * An exclusive lock between processes on one terminal, as a lock file created with 'wx' (exists-or-fail
 * is atomic on every local file system). Several menus may run at once (two consoles, a restart while
 * the old process still exits); the PIN attempt count must be read, raised and written by one of them
 * at a time, or each would count on its own copy and the lockout would stretch to 5 per process.
 *
 * The lock is held for a read and an atomic write of a few bytes, so a lock file older than `staleMs`
 * belongs to a process that died holding it, and is taken over. What remains: two waiters that both
 * judge one dead lock stale could both take it (the window is between a stat and an unlink, and only
 * after a process died inside the lock); a wall clock jumping by more than `staleMs` while a live process
 * holds the lock can also make it look stale. Either costs at worst one attempt counted twice or lost.
 */
import { randomBytes } from 'node:crypto';
import { open, readFile, stat, unlink } from 'node:fs/promises';

export interface FileLockOptions {
  /** Give up waiting after this long. Default 6 000 ms. */
  timeoutMs?: number;
  /** A lock file this old (or this far in the future: the clock was set back) is taken over. Default 4 000 ms. */
  staleMs?: number;
  /** Pause between tries, plus up to as much again at random so waiters do not move in step. Default 10 ms. */
  retryMs?: number;
}

export class FileLockTimeout extends Error {
  constructor(path: string, ms: number) {
    super(`${path} is held by another process (waited ${ms} ms)`);
    this.name = 'FileLockTimeout';
  }
}

/** Runs `work` while holding the lock file `path`; the lock is released on every path out. */
export async function withFileLock<T>(path: string, work: () => Promise<T>, options: FileLockOptions = {}): Promise<T> {
  const token = await acquire(path, options);
  try {
    return await work();
  } finally {
    await release(path, token);
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function acquire(path: string, o: FileLockOptions): Promise<string> {
  const timeoutMs = o.timeoutMs ?? 6000;
  const staleMs = o.staleMs ?? 4000;
  const retryMs = o.retryMs ?? 10;
  const token = `${process.pid} ${randomBytes(8).toString('hex')}\n`;
  // Waiting is measured on the monotonic clock: a wall clock change must not cut it short or stretch it.
  const start = performance.now();
  for (;;) {
    try {
      const fh = await open(path, 'wx', 0o600);
      try {
        await fh.writeFile(token);
      } finally {
        await fh.close();
      }
      return token;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    await takeOverIfStale(path, staleMs);
    if (performance.now() - start > timeoutMs) throw new FileLockTimeout(path, timeoutMs);
    await sleep(retryMs + Math.random() * retryMs);
  }
}

async function takeOverIfStale(path: string, staleMs: number): Promise<void> {
  const seen = await stat(path).catch(() => null);
  if (!seen || Math.abs(Date.now() - seen.mtimeMs) <= staleMs) return;
  // Still the same file? A waiter that took it over a moment ago must not lose it to us.
  const again = await stat(path).catch(() => null);
  if (again && again.ino === seen.ino && again.mtimeMs === seen.mtimeMs) await unlink(path).catch(() => undefined);
}

/** Removes the lock file only while it is still ours (it may have been taken over as stale). */
async function release(path: string, token: string): Promise<void> {
  const held = await readFile(path, 'utf8').catch(() => null);
  if (held === token) await unlink(path).catch(() => undefined);
}
