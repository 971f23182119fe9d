/**
 * Journal ids: `J` + the record's sequence number, zero-padded to 8 digits, so ids sort as text in the
 * order they were written. Sequence numbers run from 1 to MAX_SEQ, so an id is always J + 8 digits; a
 * record claiming any other seq is damage, not a record. Pure.
 */
const ID = /^J(\d{8})$/;

/**
 * The last sequence number: J99999999. At one record a minute that is 190 years; a journal that gets
 * there refuses new records (the diagnosis still runs, unrecorded) rather than hand out an id twice.
 */
export const MAX_SEQ = 99_999_999;

/** Whether `seq` is a sequence number a record can have. */
export function isSeq(seq: unknown): seq is number {
  return Number.isSafeInteger(seq) && (seq as number) > 0 && (seq as number) <= MAX_SEQ;
}

export function formatId(seq: number): string {
  return `J${String(seq).padStart(8, '0')}`;
}

/** The sequence number in an id, or null for anything that is not a journal id. */
export function parseId(id: string): number | null {
  const m = ID.exec(id);
  if (!m) return null;
  const seq = Number(m[1]);
  return isSeq(seq) ? seq : null;
}

/** A time as ISO 8601 with the local UTC offset (2024-05-01T10:15:00.000+08:00): what a person at the terminal saw. */
export function isoWithOffset(date: Date): string {
  const offsetMin = -date.getTimezoneOffset();
  const local = new Date(date.getTime() + offsetMin * 60_000).toISOString().slice(0, -1);
  const sign = offsetMin >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMin);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
