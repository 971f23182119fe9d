/**
 * An exclusive lock between processes sharing one data directory: journal appends, the menu's count of
 * wrong PINs, the print queue. Whoever creates the lock file holds the lock; the others retry for a
 * bounded time, measured on the monotonic clock.
 *
 * Taking it. The lock file is created with O_EXCL (exactly one contender's create succeeds) and holds a
 * token naming its holder, `v2 <pid> <boot id> <monotonic ms> <random>`. Between the create and the
 * write it is empty for a moment: an empty (or half-written) lock file counts as abandoned only after
 * UNWRITTEN_GRACE_MS, and is known by its inode and change time as well as its text.
 *
 * Taking over. A lock whose holder is gone (its boot is over, or its pid no longer exists) or has held it
 * longer than `staleMs` on the monotonic clock (hung) is taken over. The danger is removing the wrong
 * file: two contenders examine one stale lock; the first removes it and takes the lock anew; the second,
 * a moment late, removes that fresh lock, and both hold it. So a lock file is only ever removed — by a
 * takeover and by its own holder's release alike — by whoever first creates its claim: a file named after
 * the token the lock file held when it was examined (`<path>.<hash of the token>.claim`), created the same
 * exclusive way as a lock. (The claim on a file without a whole token is named after its inode and change
 * time too, and writing the token changes both its text and its change time: such a claim never matches
 * the written file, nor another file that was cut short the same way.)
 *
 * Why that is safe. A token is never used twice, so a claim's name belongs to one lock file, and at most
 * one process holds that claim. While that lock file is at the path, nothing else can be created there,
 * and no one but the claim's holder may remove it. So the claim's holder reads the path again: if it
 * holds the token examined, it is the very file examined, and stays so until the claim's holder unlinks
 * it; if it holds anything else, the examined file is gone for good (its token cannot come back) and
 * nothing is removed. A claim is removed by its holder when done; should the same claim be created again
 * later, it finds its lock file gone and removes nothing.
 *
 * A process killed while holding a claim would leave its lock file unremovable: such a claim (its holder
 * gone or hung, by the same rules) is removed the same way, through a claim of the claim, two levels deep
 * at most. (A claim left by a kill after its lock file was removed names a file that is gone: harmless,
 * a few bytes, and powerless.) What it all rests on: a holder judged gone is gone — a pid that does not
 * exist in this boot runs nothing. A holder judged hung might wake up inside the lock alongside the one that took it over
 * (no lock file can prevent that; staleMs is set far above how long the lock is held); when it then
 * releases, it finds the lock file is no longer its own and leaves it alone.
 */
import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, open, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { bootId, monoNowMs } from './boot';
import { ensureDataDir } from './data-dir';

export interface FileLockOptions {
  /** Give up after waiting this long, ms. Default 5000. */
  timeoutMs?: number;
  /** A lock held longer than this is abandoned whoever holds it, ms. Default 10000 (an append holds it for milliseconds). */
  staleMs?: number;
  /** Pause between tries, ms, plus up to as much again at random so waiters do not move in step. Default 10. */
  retryMs?: number;
}

export class LockTimeoutError extends Error {
  readonly code = 'ELOCKED';
  constructor(
    readonly path: string,
    readonly waitedMs: number,
  ) {
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

/** What a lock file (or a claim) held when it was looked at, and which file it was. */
export interface LockSeen {
  text: string;
  dev: bigint;
  ino: bigint;
  ctimeNs: bigint;
  mtimeMs: number;
  /** Not a regular file (a directory, a symbolic link, a device): no lock of ours, and never read. */
  irregular: boolean;
}

/** Claims of claims go this deep at most: each level is needed only after a kill at one precise instant. */
const MAX_CLAIM_DEPTH = 2;
/** A token is one short line; more is not a token. */
const MAX_TOKEN_BYTES = 256;
/** A lock file with no token is being written this instant, or its writer was killed: after this long, the second. */
const UNWRITTEN_GRACE_MS = 500;

async function acquire(path: string, opts: FileLockOptions): Promise<() => Promise<void>> {
  const timeoutMs = opts.timeoutMs ?? 5000;
  const staleMs = opts.staleMs ?? 10_000;
  const retryMs = opts.retryMs ?? 10;
  const started = performance.now();
  for (;;) {
    // A fresh token each try: its monotonic time is when the lock was taken.
    const token = newToken();
    if (await createExclusive(path, token, true)) {
      return async () => {
        // Only our own lock file, and only through its claim: after a takeover the file is someone else's.
        const seen = await examineLock(path).catch(() => null);
        if (seen?.text === token) await removeIfStill(path, seen, staleMs).catch(() => undefined);
      };
    }
    const seen = await examineLock(path).catch(() => null);
    if (seen && abandoned(seen, staleMs) && (await removeIfStill(path, seen, staleMs))) continue;
    const waited = Math.round(performance.now() - started);
    if (waited >= timeoutMs) throw new LockTimeoutError(path, waited);
    await new Promise((r) => setTimeout(r, retryMs + Math.random() * retryMs));
  }
}

/** A token naming this process (pid, boot, monotonic time) and this moment's holder among its others (random). */
export function newToken(): string {
  return `v2 ${process.pid} ${bootId() ?? '-'} ${monoNowMs()} ${randomBytes(8).toString('hex')}\n`;
}

/** Creates `path` holding `token` unless something is there already; true when it did. */
async function createExclusive(path: string, token: string, makeDir = false): Promise<boolean> {
  try {
    await writeFile(path, token, { flag: 'wx', mode: 0o600 });
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (!makeDir || code !== 'ENOENT') throw err;
  }
  await ensureDataDir(dirname(path));
  return createExclusive(path, token);
}

/** Reads a lock file without following a link or blocking on a FIFO; null when there is none (or it changed while read). */
export async function examineLock(path: string): Promise<LockSeen | null> {
  let st;
  try {
    st = await lstat(path, { bigint: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  const id = { dev: st.dev, ino: st.ino, ctimeNs: st.ctimeNs, mtimeMs: Number(st.mtimeMs) };
  if (!st.isFile()) return { text: '', irregular: true, ...id };
  // Not followed, not waited on; should the file have been replaced since lstat, its text and inode disagree,
  // and it matches nothing later (sameFile): a wasted try, never a wrong removal.
  const fh = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK).catch(() => null);
  if (!fh) return null;
  try {
    const buf = Buffer.alloc(MAX_TOKEN_BYTES);
    const { bytesRead } = await fh.read(buf, 0, MAX_TOKEN_BYTES, 0);
    return { text: buf.subarray(0, bytesRead).toString('utf8'), irregular: false, ...id };
  } finally {
    await fh.close().catch(() => undefined);
  }
}

/**
 * Whether the holder a lock file (or claim) names is gone, or with `hung`, has held it longer than
 * staleMs. A token from this boot is timed on the monotonic clock, which nobody can set; the older
 * format (`<pid> <ms> <random>`) and a system without a boot id fall back to the file's age on the wall clock.
 */
export function abandoned(seen: LockSeen, staleMs: number, hung = true): boolean {
  return seen.irregular || tokenAbandoned(seen.text, Date.now() - seen.mtimeMs, staleMs, hung);
}

/** The same judgement on a token alone (`wallAgeMs`: how old its file is on the wall clock, where that is known). */
export function tokenAbandoned(text: string, wallAgeMs: number, staleMs: number, hung = true): boolean {
  const fields = text.trim().split(' ');
  const v2 = fields[0] === 'v2' && fields.length === 5;
  const pid = Number(v2 ? fields[1] : fields[0]);
  if (!Number.isSafeInteger(pid) || pid <= 0) return Math.abs(wallAgeMs) > (hung ? UNWRITTEN_GRACE_MS : staleMs);
  const ours = bootId();
  if (v2 && fields[2] !== '-' && ours !== null) {
    if (fields[2] !== ours) return true;
    if (!processAlive(pid)) return true;
    return hung && monoNowMs() - Number(fields[3]) > staleMs;
  }
  if (!processAlive(pid)) return true;
  return hung && Math.abs(wallAgeMs) > staleMs;
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

/**
 * The claim's name for one examined file: its token; for a file whose token is not whole (empty, or cut
 * short: a prefix need not be unique), also which inode it was and its change time, which the write changes.
 */
export function claimPath(path: string, seen: LockSeen): string {
  const identity = whole(seen) ? seen.text : `${seen.text}|${seen.dev}:${seen.ino}:${seen.ctimeNs}`;
  return `${path}.${createHash('sha256').update(identity).digest('hex').slice(0, 16)}.claim`;
}

const whole = (seen: LockSeen) => seen.text.endsWith('\n');

function sameFile(a: LockSeen, b: LockSeen): boolean {
  return a.text === b.text && a.dev === b.dev && a.ino === b.ino && (whole(a) || a.ctimeNs === b.ctimeNs);
}

/**
 * Removes the file at `path` only if it is still the file `seen` describes (see the top of this file for
 * why that holds); true when it did. False when another process is removing it or it is gone already.
 */
export async function removeIfStill(path: string, seen: LockSeen, staleMs: number, depth = 0): Promise<boolean> {
  const claim = claimPath(path, seen);
  const mine = newToken();
  if (!(await createExclusive(claim, mine))) {
    // Someone is removing it now, or was killed doing so: then their claim is removed in turn.
    if (depth < MAX_CLAIM_DEPTH) {
      const other = await examineLock(claim).catch(() => null);
      if (other && abandoned(other, staleMs)) await removeIfStill(claim, other, staleMs, depth + 1);
    }
    return false;
  }
  try {
    const now = await examineLock(path);
    if (!now || !sameFile(now, seen)) return false;
    await unlink(path);
    return true;
  } finally {
    const left = await examineLock(claim).catch(() => null);
    if (left?.text === mine) await unlink(claim).catch(() => undefined);
  }
}
