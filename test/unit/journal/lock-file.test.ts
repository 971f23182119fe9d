/** The lock file between processes (journal appends, menu PIN count, print queue): exclusive, released on every path, a dead holder's lock taken over, a live one waited for. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bootId, monoNowMs } from '../../../src/journal/boot';
import { abandoned, claimPath, examineLock, LockTimeoutError, removeIfStill, withFileLock } from '../../../src/journal/lock-file';

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

describe('taking over only the lock that was examined', () => {
  const deadToken = () => `${deadPid()} ${Date.now()} dead\n`;
  let dead = 0;
  /** A pid that has exited (of a child this test started and waited for). */
  function deadPid(): number {
    dead ||= spawnSync(process.execPath, ['-e', '']).pid!;
    return dead;
  }

  test('a rival replaced the stale lock with a fresh one in between: the late taker removes nothing', async () => {
    writeFileSync(lock, deadToken());
    const seen = (await examineLock(lock))!;
    expect(abandoned(seen, 10_000)).toBe(true);
    // The rival's takeover and its own fresh lock, between this taker's look and its removal.
    unlinkSync(lock);
    writeFileSync(lock, `${process.ppid} ${Date.now()} alive\n`);
    expect(await removeIfStill(lock, seen, 10_000)).toBe(false);
    expect(readFileSync(lock, 'utf8')).toMatch(/ alive\n$/); // untouched
    expect(readdirSync(dir)).toEqual(['x.lock']); // and no claim left behind
  });

  test('a claim left by a taker killed mid-takeover is itself removed, and the stale lock after it', async () => {
    writeFileSync(lock, deadToken());
    const seen = (await examineLock(lock))!;
    writeFileSync(claimPath(lock, seen), deadToken());
    await expect(withFileLock(lock, async () => 'in', { timeoutMs: 2000 })).resolves.toBe('in');
    expect(readdirSync(dir)).toEqual([]);
  });

  test('release leaves alone a lock file that is no longer its own (taken over while it was held)', async () => {
    await withFileLock(lock, async () => {
      unlinkSync(lock);
      writeFileSync(lock, `${process.ppid} ${Date.now()} other\n`);
    });
    expect(readFileSync(lock, 'utf8')).toMatch(/ other\n$/);
  });

  test('a live holder is timed on the monotonic clock: a wall clock moved on does not make its lock stale, a hung one is', async () => {
    const boot = bootId();
    if (boot === null) return expect(boot).toBeNull(); // no boot id here: the wall-clock rules above apply
    const token = (monoMs: number) => `v2 ${process.ppid} ${boot} ${monoMs} 00112233\n`;
    writeFileSync(lock, token(monoNowMs()));
    const longAgo = (Date.now() - 3_600_000) / 1000;
    utimesSync(lock, longAgo, longAgo);
    expect(abandoned((await examineLock(lock))!, 1000)).toBe(false);
    await expect(withFileLock(lock, async () => 'in', { staleMs: 1000, timeoutMs: 50 })).rejects.toBeInstanceOf(LockTimeoutError);
    writeFileSync(lock, token(monoNowMs() - 5000));
    expect(abandoned((await examineLock(lock))!, 1000)).toBe(true);
    writeFileSync(lock, `v2 ${process.ppid} another-boot ${monoNowMs()} 00112233\n`);
    expect(abandoned((await examineLock(lock))!, 60_000)).toBe(true);
  });

  test('a symbolic link or a FIFO at the lock path is never read or followed: it is removed as no lock of ours', async () => {
    symlinkSync('/dev/zero', lock);
    await expect(withFileLock(lock, async () => 'in', { timeoutMs: 1000 })).resolves.toBe('in');
    execFileSync('mkfifo', [lock]);
    await expect(withFileLock(lock, async () => 'in', { timeoutMs: 1000 })).resolves.toBe('in');
    expect(readdirSync(dir)).toEqual([]);
  });

  test('an empty lock file: being written now (left alone), or left by a writer killed before it wrote (taken over after a moment)', async () => {
    writeFileSync(lock, '');
    expect(abandoned((await examineLock(lock))!, 10_000)).toBe(false);
    const moment = (Date.now() - 2000) / 1000;
    utimesSync(lock, moment, moment);
    const seen = (await examineLock(lock))!;
    expect(abandoned(seen, 10_000)).toBe(true);
    // Known by its inode and change time: once its token is written, a claim on the empty file matches nothing.
    writeFileSync(lock, `${process.ppid} ${Date.now()} written\n`);
    expect(await removeIfStill(lock, seen, 10_000)).toBe(false);
    expect(readFileSync(lock, 'utf8')).toMatch(/ written\n$/);
    writeFileSync(lock, '');
    utimesSync(lock, moment, moment);
    await expect(withFileLock(lock, async () => 'in', { timeoutMs: 1000 })).resolves.toBe('in');
  });
});
