/**
 * Which boot this is and the time on its monotonic clock: what a lock or a lockout needs to tell a
 * process of this boot from one of an earlier boot, and to measure an age nobody can set. On Linux and
 * Android Node's hrtime is CLOCK_MONOTONIC (time since boot, the same in every process), and the kernel
 * names each boot in /proc/sys/kernel/random/boot_id.
 */
import { readFileSync } from 'node:fs';

let cached: string | null | undefined;

/** This boot's id; null where the system does not say. */
export function bootId(): string | null {
  if (cached === undefined) {
    try {
      cached = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || null;
    } catch {
      cached = null;
    }
  }
  return cached;
}

/** Ms on the system's monotonic clock. */
export function monoNowMs(): number {
  return Number(process.hrtime.bigint() / 1_000_000n);
}
