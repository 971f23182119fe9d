/**
 * The terminal's status as the fleet sees it, and when to publish it again. Pure.
 *
 * A state change goes out at once; the same state again is held back for `holdBackMs` (a printer out of
 * paper, diagnosed ten times in an hour, is one message, not ten); the heartbeat sends a snapshot
 * whatever it holds.
 */
import type { JournalRecord } from '../journal/types';
import type { DeviceState, StatusPayload } from './wire';

/** The device states of the newest diagnosis or selftest record: status, the modem's dBm, the paper. */
export function deviceStates(record: JournalRecord | null): Record<string, DeviceState> | undefined {
  if (!record || record.kind === 'menu') return undefined;
  const out: Record<string, DeviceState> = {};
  for (const d of record.devices.slice(0, 16)) {
    if (!/^[a-z][a-z0-9-]{0,31}$/.test(d.device)) continue;
    const state: DeviceState = { status: String(d.status).slice(0, 40) };
    for (const f of d.findings) {
      if (f.id === 'modem.signal' && f.unit === 'dBm' && Number.isInteger(f.value) && (f.value as number) <= 0 && (f.value as number) >= -200)
        state.dBm = f.value as number;
      if (f.id === 'printer.paper') state.paper = f.status === 'pass' ? 'ok' : typeof f.value === 'string' ? f.value.slice(0, 40) : f.status;
    }
    out[d.device] = state;
  }
  return out;
}

/** What a state change is: the status without its time and counters (which move with every record). */
export function stateKey(s: StatusPayload): string {
  return JSON.stringify({ online: s.online, epoch: s.epoch, gap: s.gap ?? 0, gaps: s.gaps ?? [], devices: s.devices ?? null });
}

export interface Published {
  key: string;
  atMs: number;
}

/** Whether a status goes out now: a heartbeat always; a change at once; the same state only after holdBackMs. */
export function shouldPublish(next: StatusPayload, last: Published | null, nowMs: number, holdBackMs: number, heartbeat: boolean): boolean {
  if (heartbeat || !last) return true;
  return stateKey(next) !== last.key || nowMs - last.atMs >= holdBackMs;
}

/** The next reconnect delay: doubling from min to max, jittered to between half and all of it (terminals after a broker restart do not come back in step). */
export function backoffMs(attempt: number, minMs: number, maxMs: number, random: () => number): number {
  const full = Math.min(maxMs, minMs * 2 ** Math.min(attempt, 30));
  return Math.round(full / 2 + (random() * full) / 2);
}
