/**
 * Which other processes have a serial device open, by name. pcscd opens its readers' ttys without flock
 * or TIOCEXCL, so node-serialport's lock does not see it: two programs would then drive one reader and
 * corrupt each other's frames. Linux only (reads /proc); elsewhere, or when /proc cannot be read, the
 * answer is "none known".
 */
import { readdirSync, readFileSync, readlinkSync, realpathSync } from 'node:fs';
import { join } from 'node:path';

export interface TtyHolder {
  pid: number;
  /** The process's command name (/proc/PID/comm), control bytes removed. */
  name: string;
}

/** Processes other than this one holding `path` (after symlinks) open, optionally only those named in `names`. */
export function ttyHolders(path: string, names?: readonly string[], proc = '/proc'): TtyHolder[] {
  let target: string;
  try {
    target = realpathSync(path);
  } catch {
    return [];
  }
  let pids: string[];
  try {
    pids = readdirSync(proc).filter((d) => /^\d+$/.test(d) && Number(d) !== process.pid);
  } catch {
    return [];
  }
  const out: TtyHolder[] = [];
  for (const pid of pids) {
    let name: string;
    try {
      name = readFileSync(join(proc, pid, 'comm'), 'latin1').replace(/[\x00-\x1f\x7f]/g, '');
    } catch {
      continue; // exited meanwhile
    }
    if (names && !names.includes(name)) continue;
    let fds: string[];
    try {
      fds = readdirSync(join(proc, pid, 'fd'));
    } catch {
      continue; // not ours to look at
    }
    for (const fd of fds) {
      try {
        if (readlinkSync(join(proc, pid, 'fd', fd)) === target) {
          out.push({ pid: Number(pid), name });
          break;
        }
      } catch {
        // fd closed meanwhile
      }
    }
  }
  return out;
}
