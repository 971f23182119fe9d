/**
 * An exclusive lock between processes sharing one data directory (journal appends, the menu's PIN
 * attempt count): a lock file created with O_EXCL ('wx') holding the owner's pid. Whoever creates it
 * holds the lock; the others retry for a bounded time, measured on the monotonic clock. A lock left
 * behind by a process that died (its pid is gone), older than `staleMs`, or dated further than that in
 * the future (the clock was set back) is taken over: renamed aside (only one contender can rename a
 * given file), then removed.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, stat, unlink } from 'node:fs/promises';
import { readDataBuffer } from '../files/data-file';
import { FILE_LIMITS } from '../files/limits';
import { ensureDataDir } from './data-dir';
import { dirname } from 'node:path';

export interface FileLockOptions {
  /** Give up after waiting this long, ms. Default 5000. */
  timeoutMs?: number;
  /** A lock older than this is abandoned whoever holds it, ms. Default 10000 (an append holds it for milliseconds). */
  staleMs?: number;
  /** Pause between tries, ms, plus up to as much again at random so waiters do not move in step. Default 10. */
  retryMs?: number;
}

export class LockTimeoutError extends Error {
  readonly code = 'ELOCKED';
  constructor(readonly path: string, readonly waitedMs: number) {
    super(`${path} is held by another process (waited ${waitedMs} ms)`);
  }
}

/** Runs `job` holding the lock at `path`; the lock is released however the job ends. */
export async function withFileLock<T>(path: string, job: () => Promise<T>, opts: FileLockOptions = {}): Promise<T> {
  const release = await acquire(path, opts);
  try {
    return await job();
  } finally {
    await release();
  }
}

async function acquire(path: string, opts: FileLockOptions): Promise<() => Promise<void>> {
  const timeoutMs = opts.timeoutMs ?? 5000;
  const staleMs = opts.staleMs ?? 10_000;
  const retryMs = opts.retryMs ?? 10;
  const started = performance.now();
  const token = `${process.pid} ${Date.now()} ${randomBytes(4).toString('hex')}\n`;
  for (let attempt = 0; ; attempt++) {
    try {
      const fh = await open(path, 'wx', 0o600);
      try {
        await fh.writeFile(token);
      } finally {
        await fh.close();
      }
      return async () => {
        // Remove only our own lock: after a takeover the file may be someone else's.
        const now = await readLockText(path).catch(() => null);
        if (now === token) await unlink(path).catch(() => undefined);
      };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && attempt === 0) {
        await ensureDataDir(dirname(path));
        continue;
      }
      if (code !== 'EEXIST') throw err;
    }
    if (await isStale(path, staleMs)) {
      await takeOver(path);
      continue;
    }
    const waited = Math.round(performance.now() - started);
    if (waited >= timeoutMs) throw new LockTimeoutError(path, waited);
    await new Promise((r) => setTimeout(r, retryMs + Math.random() * retryMs));
  }
}

const UNWRITTEN_GRACE_MS = 500;

async function isStale(path: string, staleMs: number): Promise<boolean> {
  let text: string;
  let mtimeMs: number;
  try {
    [text, { mtimeMs }] = await Promise.all([readLockText(path), stat(path)]);
  } catch {
    return false; // gone already (or unreadable): the next try decides
  }
  const age = Date.now() - mtimeMs;
  if (Math.abs(age) > staleMs) return true;
  const pid = Number(text.split(' ')[0]);
  // No pid: either its owner is writing it this instant, or it was killed between creating and writing
  // (the write takes microseconds, so after a moment it is the second).
  if (!Number.isSafeInteger(pid) || pid <= 0) return age > UNWRITTEN_GRACE_MS;
  return !processAlive(pid);
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, it is just not ours.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function takeOver(path: string): Promise<void> {
  const aside = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.stale`;
  try {
    await rename(path, aside);
  } catch {
    return; // another contender moved it first
  }
  await unlink(aside).catch(() => undefined);
}

/** A lock file's text; a FIFO, device, link or oversized file in its place is set aside and reads as gone. */
async function readLockText(path: string): Promise<string> {
  const data = readDataBuffer(path, FILE_LIMITS.lock);
  if (!data) throw Object.assign(new Error(`${path} is gone`), { code: 'ENOENT' });
  return data.toString('utf8');
}
