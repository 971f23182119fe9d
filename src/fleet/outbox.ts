/**
 * The shipper's view of the journal as an outbox: the epoch, the fleet's acknowledgement as last saved
 * (telemetry.ack), the records after it, and the gap (records the fleet never acknowledged that the
 * terminal no longer holds: removed by rotation past telemetry.maxUnackedRecords, or lost with a
 * damaged file). Thin I/O over the journal; the shipper's bundle only.
 */
import { randomBytes } from 'node:crypto';
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { readDataFile } from '../files/data-file';
import { setAside } from '../files/set-aside';
import { writeFileAtomic } from '../journal/durable-file';
import { JOURNAL_EPOCH, TELEMETRY_ACK } from '../journal/epoch';
import { isSeq } from '../journal/ids';
import { JOURNAL_LOCK, openJournal, type Journal } from '../journal/journal';
import { withFileLock } from '../journal/lock-file';
import type { JournalRecord } from '../journal/types';
import { encodeAck, MAX_GAP_RANGES, parseAck, type AckPayload, type GapRange } from './wire';

export interface Epoch {
  epoch: string;
  firstSeq: number;
}

const EPOCH_LINE = /^([0-9a-f]{32}) (\d{1,8})\n$/;

/**
 * The data directory's epoch. A damaged journal.epoch is set aside and a new epoch begins at the next
 * seq: records before it that the fleet had not acknowledged are never sent (under a new key the fleet
 * would count them twice); they are in the gap, and the fleet sees the epoch change. A missing one is
 * made as the journal makes it. Under the journal's lock: never two epochs.
 */
export async function loadEpoch(dir: string, journal: Journal): Promise<Epoch> {
  const now = readEpochFile(dir);
  if (typeof now !== 'string') return now;
  return withFileLock(join(dir, JOURNAL_LOCK), async () => {
    const again = readEpochFile(dir);
    if (typeof again !== 'string') return again;
    const next = Number((await journal.nextId()).slice(1));
    // The first look may have set the damaged one aside already: then it reads as missing here.
    const damaged = now === 'damaged' || again === 'damaged';
    const fresh = { epoch: randomBytes(16).toString('hex'), firstSeq: !damaged && !readCursorFile(dir) ? 1 : next };
    await writeFileAtomic(join(dir, JOURNAL_EPOCH), `${fresh.epoch} ${fresh.firstSeq}\n`);
    // The old epoch's records will not be sent: the journal's rotation guard must not hold them.
    if (fresh.firstSeq > 1) await saveCursor(dir, fresh, fresh.firstSeq - 1);
    return fresh;
  });
}

function readEpochFile(dir: string): Epoch | 'missing' | 'damaged' {
  const path = join(dir, JOURNAL_EPOCH);
  const read = readDataFile(path, 256, dir);
  if (read.state !== 'ok') return read.state;
  const m = EPOCH_LINE.exec(read.data.toString('latin1'));
  if (m && isSeq(Number(m[2]))) return { epoch: m[1]!, firstSeq: Number(m[2]) };
  try {
    setAside(dir, path, 'not an epoch line', lstatSync(path));
  } catch {
    // gone meanwhile
  }
  return 'damaged';
}

function readCursorFile(dir: string): AckPayload | null {
  try {
    const read = readDataFile(join(dir, TELEMETRY_ACK), 256, dir);
    return read.state === 'ok' ? parseAck(read.data) : null;
  } catch {
    return null;
  }
}

/** The fleet's acknowledgement in this epoch (firstSeq - 1 when it acknowledged nothing of it yet). */
export function readCursor(dir: string, epoch: Epoch): number {
  const c = readCursorFile(dir);
  return c && c.epoch === epoch.epoch ? Math.max(c.seq, epoch.firstSeq - 1) : epoch.firstSeq - 1;
}

/** Saves the fleet's acknowledgement: written whole and fsync'd, or not at all. */
export function saveCursor(dir: string, epoch: Epoch, seq: number): Promise<void> {
  return writeFileAtomic(join(dir, TELEMETRY_ACK), encodeAck({ seq, epoch: epoch.epoch }));
}

export interface Outbox {
  /** Records of this epoch after the cursor, oldest first. */
  pending: JournalRecord[];
  /** The highest seq the journal holds (or handed out). */
  lastSeq: number;
  /** Seqs after the cursor that the journal no longer holds. */
  gap: number;
  /** Those seqs as ranges, lowest first, at most MAX_GAP_RANGES: what the status announces. */
  gaps: GapRange[];
  /** The newest diagnosis or selftest record: the device states the status shows. */
  latestDevices: JournalRecord | null;
}

export async function readOutbox(dir: string, epoch: Epoch, cursor: number, journal: Journal = openJournal(dir)): Promise<Outbox> {
  const { records } = await journal.readAll();
  const seen = new Set<number>();
  const pending: JournalRecord[] = [];
  let lastSeq = Math.max(cursor, Number((await journal.nextId()).slice(1)) - 1);
  let latestDevices: JournalRecord | null = null;
  for (const r of records) {
    if (r.kind !== 'menu' && (!latestDevices || r.seq > latestDevices.seq)) latestDevices = r;
    if (r.seq <= cursor || r.seq < epoch.firstSeq || seen.has(r.seq)) continue;
    seen.add(r.seq);
    pending.push(r);
    lastSeq = Math.max(lastSeq, r.seq);
  }
  pending.sort((a, b) => a.seq - b.seq);
  return { pending, lastSeq, gap: lastSeq - cursor - pending.length, gaps: missingRanges(pending, cursor, lastSeq), latestDevices };
}

/** The seqs in (cursor, lastSeq] that `pending` (ascending) lacks, as ranges. Pure. */
export function missingRanges(pending: readonly { seq: number }[], cursor: number, lastSeq: number): GapRange[] {
  const out: GapRange[] = [];
  let expect = cursor + 1;
  for (const r of [...pending, { seq: lastSeq + 1 }]) {
    if (r.seq > expect && out.length < MAX_GAP_RANGES) out.push([expect, r.seq - 1]);
    expect = Math.max(expect, r.seq + 1);
  }
  return out;
}

/**
 * The outbox read again under the journal's lock, when the first read found a gap. A gap announced to
 * the fleet is final (its acknowledgement steps over it and the cursor follows), so it must not come
 * from a read that raced an append or a rotation (a file renamed between listing and reading looks
 * like missing records): under the lock no append or rotation runs. Held only for this read, and only
 * when there is a gap to confirm.
 */
export async function confirmGaps(dir: string, epoch: Epoch, cursor: number, journal: Journal): Promise<Outbox> {
  return withFileLock(join(dir, JOURNAL_LOCK), () => readOutbox(dir, epoch, cursor, journal));
}
