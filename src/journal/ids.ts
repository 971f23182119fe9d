/**
 * Journal ids: `J` + the record's sequence number, zero-padded to 8 digits, so ids sort as text in the
 * order they were written (past 99 999 999 they grow a digit; compare seq numbers to be exact). Pure.
 */
const ID = /^J(\d{8,})$/;

export function formatId(seq: number): string {
  return `J${String(seq).padStart(8, '0')}`;
}

/** The sequence number in an id, or null for anything that is not a journal id. */
export function parseId(id: string): number | null {
  const m = ID.exec(id);
  if (!m) return null;
  const seq = Number(m[1]);
  return Number.isSafeInteger(seq) && seq > 0 ? seq : null;
}

/** A time as ISO 8601 with the local UTC offset (2024-05-01T10:15:00.000+08:00): what a person at the terminal saw. */
export function isoWithOffset(date: Date): string {
  const offsetMin = -date.getTimezoneOffset();
  const local = new Date(date.getTime() + offsetMin * 60_000).toISOString().slice(0, -1);
  const sign = offsetMin >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMin);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
