/**
 * Temp directories marked with the process that owns them, so that one left behind by a run that was
 * killed (SIGKILL, a power cut) can be told from one in use by a run going on now: the next run removes
 * those whose owner is gone, and only those.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The mark's file name inside an owned directory: "<pid> <start time>". */
export const OWNER_FILE = 'owner';

const swept = new Set<string>();

/** A fresh directory `<tmpdir>/<prefix>XXXXXX` marked as ours; stale ones with the prefix are removed first (once per process). */
export function ownedTempDir(prefix: string): string {
  if (!swept.has(prefix)) {
    swept.add(prefix);
    sweepStaleDirs(prefix);
  }
  const dir = mkdtempSync(join(tmpdir(), prefix));
  writeFileSync(join(dir, OWNER_FILE), ownerMark(process.pid));
  return dir;
}

/** Removes `<tmpdir>/<prefix>*` directories whose owner process is gone; returns what it removed. Unmarked ones are left alone. */
export function sweepStaleDirs(prefix: string, root = tmpdir()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(root).filter((n) => n.startsWith(prefix));
  } catch {
    return removed;
  }
  for (const name of names) {
    const dir = join(root, name);
    let mark: string;
    try {
      mark = readFileSync(join(dir, OWNER_FILE), 'utf8');
    } catch {
      continue; // not ours to judge: another version's, or one whose owner is writing its mark right now
    }
    if (ownerAlive(mark)) continue;
    try {
      rmSync(dir, { recursive: true, force: true });
      removed.push(dir);
    } catch {
      // Another sweeper got there first, or we may not: either way not this run's business.
    }
  }
  return removed;
}

function ownerMark(pid: number): string {
  return `${pid} ${procStat(pid)?.start ?? '-'}\n`;
}

/** True while the process that wrote `mark` runs: same pid and, where /proc tells, the same start time (pids are reused). */
export function ownerAlive(mark: string): boolean {
  const [pidText, started] = mark.trim().split(' ');
  const pid = Number(pidText);
  if (!/^[1-9][0-9]{0,9}$/.test(pidText ?? '')) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false; // ESRCH: gone
  }
  const now = procStat(pid);
  if (!now) return true; // no /proc: the pid is all there is to go by
  // A zombie has ended, only its exit status is waiting for its parent.
  return now.state !== 'Z' && (!started || started === '-' || now.start === started);
}

/** State and start time (clock ticks since boot) of a process from /proc/PID/stat, or null where there is no /proc. */
function procStat(pid: number): { state: string; start: string } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    // The command name (field 2) may hold spaces and parentheses: count fields after its closing one.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '', start: fields[19] ?? '' };
  } catch {
    return null;
  }
}
