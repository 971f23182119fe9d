/**
 * How large each file posdiag reads may be. A file beyond its limit is never read: the configuration
 * is refused (Config_Invalid), a data-directory file is set aside as damaged (files/set-aside.ts). Each
 * limit is far above anything posdiag itself writes, and low enough that reading it costs no more
 * than milliseconds and a few MiB of memory on a terminal.
 */

export const KiB = 1024;
export const MiB = 1024 * KiB;

/** The longest journal line posdiag writes (one record, JSON plus its checksum); a longer record is refused. */
export const JOURNAL_RECORD_MAX_BYTES = 64 * KiB;

export const FILE_LIMITS = {
  /** --config: a configuration setting every option is about 3 KiB. */
  config: 256 * KiB,
  /**
   * A stored slip's printer bytes (`slips/<id>.escpos`, and each slip waiting in print-queue.json). A
   * diagnosis slip is about 1 KiB; one with 40 device lines and the QR code as an image about 10 KiB.
   * 16 KiB take 17 s to send at 9600 baud, 1.4 s at 115200: a slip cannot hold the printer for longer.
   */
  slip: 16 * KiB,
  /** `slips/<id>.json`, what a slip was about: a few short fields. */
  slipMeta: 4 * KiB,
  /** `slips/last`: one slip id. */
  slipLast: 256,
  /** print-queue.json: the waiting slips in base64 with their state; room for 190 slips of the largest size. */
  printQueue: 4 * MiB,
  /** A lock file (journal.lock, menu-lock.json.lock): a pid, a time and a token. */
  lock: 256,
  /** menu-lock.json: the PIN lockout's counters and times. */
  menuLock: 4 * KiB,
  /** journal.seq: the highest journal sequence number handed out. */
  journalSeq: 64,
} as const;

/**
 * A journal file's limit: posdiag rotates before a file passes `maxBytes` (the journal's rotation size),
 * so a file can exceed it by at most one record.
 */
export function journalFileLimit(maxBytes: number): number {
  return maxBytes + JOURNAL_RECORD_MAX_BYTES;
}

/** A size for a person, in KiB: 256 KiB, 1048576 KiB. */
export function formatSize(bytes: number): string {
  return `${Math.ceil(bytes / KiB)} KiB`;
}
