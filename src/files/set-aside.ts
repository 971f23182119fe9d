/**
 * A damaged file in the data directory (a FIFO, a device or a link where posdiag keeps a file, a file
 * far larger than posdiag ever writes) is moved out of the way, into `damaged/` in the data directory,
 * so that the rest keeps working and the file is still there for a person to look at. Nothing is deleted.
 *
 * What this process set aside is remembered, so the command that came across it can say so
 * (`setAsideSince`); how many files wait in `damaged/` is `countDamaged`.
 */
import { randomBytes } from 'node:crypto';
import { linkSync, lstatSync, mkdirSync, readdirSync, renameSync, unlinkSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

export const DAMAGED_DIR = 'damaged';

export interface SetAsideFile {
  /** The file, relative to the data directory: journal.log, slips/S20261122T042329-4d4229.escpos. */
  file: string;
  /** Why, for a person: "not a regular file (a FIFO)", "larger than 1.1 MiB (1.0 GiB)", "a symbolic link". */
  reason: string;
  /** Where it went, relative to the data directory; null when it could not be moved (it is left unread all the same). */
  movedTo: string | null;
}

interface Logged extends SetAsideFile {
  serial: number;
  dataDir: string;
}

/** The newest entries only: a long-running process must not grow with every damaged file it ever met. */
const LOG_KEEP = 256;
const log: Logged[] = [];
let nextSerial = 0;

/**
 * Moves `path` (which was looked at as `examined`) to `damaged/` under `dataDir`. 'changed' when the
 * file at `path` was not the one examined by the time it moved (another process replaced it): it is
 * put back and the caller looks again.
 */
export function setAside(dataDir: string, path: string, reason: string, examined: { dev: number; ino: number }): SetAsideFile | 'changed' {
  const file = relative(dataDir, path).split(sep).join('/');
  const name = `${file.replace(/\//g, '_')}.${stamp(new Date())}-${randomBytes(2).toString('hex')}`;
  const target = join(dataDir, DAMAGED_DIR, name);
  let movedTo: string | null = null;
  try {
    mkdirSync(join(dataDir, DAMAGED_DIR), { mode: 0o700 });
  } catch {
    // there already, or cannot be made: the rename below says which
  }
  try {
    renameSync(path, target);
    const moved = lstatSync(target);
    if (moved.dev !== examined.dev || moved.ino !== examined.ino) {
      // link() fails rather than replace whatever took the name meanwhile.
      try {
        linkSync(target, path);
        unlinkSync(target);
      } catch {
        // leave it in damaged/: it is not lost
      }
      return 'changed';
    }
    movedTo = `${DAMAGED_DIR}/${name}`;
  } catch {
    // A read-only data directory: the file stays where it is and is skipped.
  }
  const entry: Logged = { serial: nextSerial++, dataDir: resolve(dataDir), file, reason, movedTo };
  log.push(entry);
  if (log.length > LOG_KEEP) log.shift();
  return { file, reason, movedTo };
}

/** A mark in the record of files this process set aside: pass it to setAsideSince. */
export function setAsideMark(): number {
  return nextSerial;
}

/** The files set aside since `mark` (in `dataDir` only, when given), oldest first. */
export function setAsideSince(mark: number, dataDir?: string): SetAsideFile[] {
  const dir = dataDir === undefined ? undefined : resolve(dataDir);
  return log.filter((e) => e.serial >= mark && (dir === undefined || e.dataDir === dir)).map(({ file, reason, movedTo }) => ({ file, reason, movedTo }));
}

/** One line for a person: what was set aside, why, and where it went. */
export function setAsideLine(f: SetAsideFile): string {
  return `${f.file}: ${f.reason}; ${f.movedTo ? `set aside as ${f.movedTo}` : 'left in place, unread'}`;
}

/** How many files wait in the data directory's damaged/ folder. */
export function countDamaged(dataDir: string): number {
  try {
    return readdirSync(join(dataDir, DAMAGED_DIR)).length;
  } catch {
    return 0;
  }
}

/** 2026-12-05T23:45:01.123Z -> 20261205T234501Z: sorts by time, safe in a file name. */
function stamp(time: Date): string {
  return time.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
}
