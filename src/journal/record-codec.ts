/**
 * One journal record per line: `<record as JSON>\t<CRC-32 of that JSON, 8 hex digits>\n`. Pure.
 *
 * Why a trailing checksum rather than a checksum field inside the JSON: the sum covers the exact
 * characters on disk, so checking it needs no re-serialization (key order, number spelling and escapes
 * cannot make a good record look bad). JSON.stringify escapes tab and newline inside strings, so the
 * tab before the sum and the newline after it can never occur inside the record. A line cut short by
 * a power loss, or with a flipped byte, fails the sum and is skipped, never half-read.
 */
import { crc32Hex } from './crc32';
import { formatId, isSeq } from './ids';
import { JOURNAL_KINDS, type JournalRecord } from './types';

/** The line for a record, newline included. */
export function encodeRecord(record: JournalRecord): string {
  const json = JSON.stringify(record);
  return `${json}\t${crc32Hex(json)}\n`;
}

/**
 * The record on a line (with or without its newline, `\n` or `\r\n`: a file copied through a system
 * that changed its line ends still reads), or null when the line is torn, corrupt or not a record. Never throws.
 */
export function decodeLine(line: string): JournalRecord | null {
  const text = line.replace(/\r?\n?$/, '');
  const tab = text.lastIndexOf('\t');
  if (tab < 0 || text.length - tab !== 9) return null;
  const json = text.slice(0, tab);
  const sum = text.slice(tab + 1);
  if (!/^[0-9a-f]{8}$/.test(sum) || crc32Hex(json) !== sum) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  return isRecord(value) ? value : null;
}

/** Splits a file's text into lines and decodes them; bad lines are counted, not thrown. Blank lines are not records and not counted. */
export function decodeText(text: string): { records: JournalRecord[]; skipped: number } {
  const records: JournalRecord[] = [];
  let skipped = 0;
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const record = decodeLine(line);
    if (record) records.push(record);
    else skipped++;
  }
  return { records, skipped };
}

function isRecord(value: unknown): value is JournalRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const r = value as Record<string, unknown>;
  return (
    typeof r.id === 'string' &&
    // A seq outside the id space, or an id that is not its seq's, would break numbering: damage.
    isSeq(r.seq) &&
    r.id === formatId(r.seq) &&
    typeof r.time === 'string' &&
    typeof r.kind === 'string' &&
    (JOURNAL_KINDS as readonly string[]).includes(r.kind)
  );
}
