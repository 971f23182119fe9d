/**
 * Reading a file without letting the file decide what happens: every file posdiag reads (the
 * configuration, the journal, the slip store, the print queue, lock files) comes through here.
 *
 * - Only a regular file is read. A FIFO would block the read (or the open) for ever, a device such as
 *   /dev/zero never ends, and opening a serial port raises its modem lines: so the path is looked at
 *   first and anything else is refused without being opened.
 * - The open itself cannot block or adopt a terminal (O_NONBLOCK, O_NOCTTY), and the opened descriptor
 *   is looked at again (fstat), so a file swapped for a FIFO between the look and the open is refused too.
 * - At most `maxBytes` are read, whatever the file's size says (files in /proc say 0); one byte more
 *   means the file is too large.
 * - Symbolic links are followed only when asked: a configuration a person names may be a link to a
 *   regular file; a link among posdiag's own data files is damage (O_NOFOLLOW).
 *
 * Synchronous on purpose: the configuration is read before anything else runs, and a data file is at
 * most a few MiB, read in milliseconds.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { formatSize } from './limits';

export type Refusal = 'not-regular' | 'symlink' | 'too-large';

export type BoundedRead =
  | { state: 'ok'; data: Buffer }
  | { state: 'missing' }
  /** `detail` says why for a person ("not a regular file (a FIFO)"); dev and ino name what was looked at. */
  | { state: 'refused'; why: Refusal; detail: string; dev: number; ino: number };

export interface BoundedReadOptions {
  maxBytes: number;
  /** Read through a symbolic link (true) or refuse it (false). */
  followLinks: boolean;
}

const { O_RDONLY, O_NONBLOCK, O_NOCTTY, O_NOFOLLOW } = constants;

/** The file's bytes, or why not. Throws only for what the file system says (EACCES, EIO, ENOTDIR…). */
export function readBounded(path: string, opts: BoundedReadOptions): BoundedRead {
  let st: Stats;
  try {
    st = opts.followLinks ? statSync(path) : lstatSync(path);
  } catch (err) {
    if (isMissing(err)) return { state: 'missing' };
    throw err;
  }
  const refused = refusal(st, opts.maxBytes);
  if (refused) return refused;
  let fd: number;
  try {
    fd = openSync(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | (opts.followLinks ? 0 : O_NOFOLLOW));
  } catch (err) {
    if (isMissing(err)) return { state: 'missing' };
    // Replaced by a link since it was looked at.
    if ((err as NodeJS.ErrnoException).code === 'ELOOP') return readBounded(path, opts);
    throw err;
  }
  try {
    const opened = fstatSync(fd);
    return refusal(opened, opts.maxBytes) ?? readUpTo(fd, opts.maxBytes, opened);
  } finally {
    closeSync(fd);
  }
}

/**
 * The first `maxBytes` of a regular file however large it is: what can still be used of a file set aside
 * for its size. Null for anything but a regular file (looked at before it is opened, as above).
 */
export function readHead(path: string, maxBytes: number): Buffer | null {
  let fd: number | undefined;
  try {
    if (!lstatSync(path).isFile()) return null;
    fd = openSync(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_NOFOLLOW);
    if (!fstatSync(fd).isFile()) return null;
    const buf = Buffer.allocUnsafe(maxBytes);
    let length = 0;
    while (length < maxBytes) {
      const n = readSync(fd, buf, length, maxBytes - length, null);
      if (n === 0) break;
      length += n;
    }
    return buf.subarray(0, length);
  } catch {
    return null;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function refusal(st: Stats, maxBytes: number): Extract<BoundedRead, { state: 'refused' }> | null {
  const at = { dev: st.dev, ino: st.ino };
  if (st.isSymbolicLink()) return { state: 'refused', why: 'symlink', detail: 'a symbolic link', ...at };
  if (!st.isFile()) return { state: 'refused', why: 'not-regular', detail: `not a regular file (${kindOf(st)})`, ...at };
  if (st.size > maxBytes) return tooLarge(st, maxBytes, st.size);
  return null;
}

function tooLarge(st: Stats, maxBytes: number, size: number): Extract<BoundedRead, { state: 'refused' }> {
  return { state: 'refused', why: 'too-large', detail: `larger than ${formatSize(maxBytes)} (${formatSize(size)})`, dev: st.dev, ino: st.ino };
}

function readUpTo(fd: number, maxBytes: number, st: Stats): BoundedRead {
  // One byte beyond the limit tells a file that grew (or under-reports its size) from one that fits.
  let buf = Buffer.allocUnsafe(Math.min(st.size, maxBytes) + 1);
  let length = 0;
  for (;;) {
    if (length === buf.length) {
      if (length > maxBytes) return tooLarge(st, maxBytes, Math.max(st.size, length));
      const grown = Buffer.allocUnsafe(Math.min(buf.length * 2, maxBytes + 1));
      buf.copy(grown, 0, 0, length);
      buf = grown;
    }
    const n = readSync(fd, buf, length, buf.length - length, null);
    if (n === 0) break;
    length += n;
  }
  if (length > maxBytes) return tooLarge(st, maxBytes, Math.max(st.size, length));
  return { state: 'ok', data: buf.subarray(0, length) };
}

/** The file type bits of st_mode (S_IFMT >> 12) as a person says them. */
const KINDS: Record<number, string> = { 1: 'a FIFO', 2: 'a character device', 4: 'a directory', 6: 'a block device', 12: 'a socket' };

function kindOf(st: Stats): string {
  return KINDS[(st.mode >> 12) & 15] ?? 'not a file';
}

function isMissing(err: unknown): boolean {
  return (err as NodeJS.ErrnoException).code === 'ENOENT';
}
