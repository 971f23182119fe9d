/**
 * The journal's epoch: a random id made once with the data directory, in `journal.epoch` beside the
 * journal (`<32 hex digits> <first seq>`). Sequence numbers start again at 1 when a data directory is
 * wiped or replaced; the epoch does not repeat, so (terminal id, epoch, seq) names one record for ever
 * and the fleet's database can drop duplicates by that key without dropping new records.
 *
 * `telemetry.ack` beside it is the fleet's acknowledgement as the shipper last saved it
 * (`{"seq":N,"epoch":"…"}`): every record up to N is in the fleet's database. The shipper keeps it in
 * step with the epoch (src/fleet/outbox.ts, which also deals with a damaged journal.epoch); the journal
 * only makes a missing epoch and reads the cursor for its rotation guard. Small on purpose: this is in
 * the terminal's bundle.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './durable-file';

export const JOURNAL_EPOCH = 'journal.epoch';
export const TELEMETRY_ACK = 'telemetry.ack';

/**
 * Makes journal.epoch when there is none; `nextSeq` is the seq the next record gets. Run under the
 * journal's lock. A directory without a cursor never shipped anything: all its records are the new
 * epoch's (first seq 1). With a cursor, the old epoch was lost: the new one begins at the next record.
 */
export async function makeEpochIfMissing(dir: string, nextSeq: number): Promise<void> {
  if (existsSync(join(dir, JOURNAL_EPOCH))) return;
  await writeFileAtomic(join(dir, JOURNAL_EPOCH), `${randomBytes(16).toString('hex')} ${existsSync(join(dir, TELEMETRY_ACK)) ? nextSeq : 1}\n`);
}

/** The seq in telemetry.ack: the last record the fleet acknowledged (0: none, or no readable cursor). */
export function ackedSeq(dir: string): number {
  try {
    const m = /^\{"seq":(\d{1,8}),/.exec(readFileSync(join(dir, TELEMETRY_ACK), 'latin1').slice(0, 256));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}
