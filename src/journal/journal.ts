/**
 * The diagnostic journal on disk: append-only lines in `journal.log`, rotated to `journal.1.log`,
 * `journal.2.log`, … when a size cap is reached. Thin I/O around the pure codec and scrubber.
 *
 * Crash safety: a record is written with one append-mode write of the whole line and fsync'd before
 * append() resolves, so a record a caller was told about is on disk. A kill or power cut can leave at
 * most a torn last line; readers skip it (and count it), and the next append starts on a fresh line so
 * the torn tail never swallows a good record. Rotation is a chain of renames, each atomic: a crash
 * between them loses no record.
 *
 * Ids never repeat, whatever the files hold: the next seq is above every seq in every journal file
 * (not just the last line's: a restored older record or lines out of order do not pull numbering back)
 * and above `journal.seq`, the highest seq handed out, written after each append, which keeps counting
 * when a journal file is lost or set aside (a file set aside for its size is read up to its limit for
 * the seqs it still holds).
 *
 * Appends from one process are serialized; appends from several processes (the menu left open while a
 * diagnose runs) take `journal.lock` in turn, and each re-reads where the journal ends under the lock
 * before numbering, so no two records share an id. Readers take no lock.
 *
 * A file that cannot be read (EACCES, EIO) is skipped and counted by the readers; appending goes on.
 * A journal file that is not a regular file (a FIFO, a device, a link, a directory) or is larger than
 * the rotation size plus one record is damage: it is set aside into damaged/ (files/data-file.ts) and
 * the journal goes on with the other files. `get` prefers the newest of two records with one id.
 */
import { constants } from 'node:fs';
import { open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { OptionSpec, resolveOptions } from '../../hal/options';
import { ensureDataDir } from './data-dir';
import { withFileLock, type FileLockOptions } from './lock-file';
import { readHead } from '../files/bounded-read';
import { readDataFile } from '../files/data-file';
import type { SetAsideFile } from '../files/set-aside';
import { JOURNAL_RECORD_MAX_BYTES, FILE_LIMITS, journalFileLimit } from '../files/limits';
import { fsyncDir, writeFileAtomic } from './durable-file';
import { ackedSeq, makeEpochIfMissing } from './epoch';
import { formatId, isoWithOffset, isSeq, MAX_SEQ } from './ids';
import { decodeText, encodeRecord } from './record-codec';
import { scrubRecord } from './scrub';
import type { JournalKind, JournalRecord, NewJournalRecord } from './types';

export interface JournalOptions {
  /**
   * Size at which journal.log is rotated, bytes. Default 1 MiB, 4 KiB to 64 MiB. A journal file larger
   * than this plus one record is taken for damage and set aside, so every process sharing a data
   * directory must use the same size.
   */
  maxBytes?: number;
  /** Files kept in all, journal.log included (journal.log, journal.1.log, …). Default 3, 2 to 20. */
  keepFiles?: number;
  /** The clock for a record's time when the caller gives none. */
  now?: () => Date;
  /** How long an append waits for another process's, and when a left-over lock is taken over. */
  lock?: FileLockOptions;
  /**
   * Telemetry's rotation guard: rotation keeps files beyond keepFiles while they hold records the
   * fleet has not acknowledged (telemetry.ack), as long as that keeps at most this many such records;
   * past it the oldest go, and the shipper reports them as its status's gap. 0 or absent: no guard.
   */
  holdUnacked?: number;
}

export const JOURNAL_OPTIONS: OptionSpec<'maxBytes' | 'keepFiles'> = {
  maxBytes: { default: 1024 * 1024, min: 4096, max: 64 * 1024 * 1024 },
  keepFiles: { default: 3, min: 2, max: 20 },
};

export interface Journal {
  readonly dir: string;
  /** Scrubs, numbers and writes a record; resolves only after it is fsync'd. */
  append(record: NewJournalRecord): Promise<JournalRecord>;
  /** Newest first, across rotated files. */
  list(opts?: { limit?: number; kind?: JournalKind }): Promise<JournalRecord[]>;
  get(id: string): Promise<JournalRecord | null>;
  /** Oldest first; torn or corrupt lines, and files that cannot be read, are skipped and counted. */
  readAll(): Promise<{ records: JournalRecord[]; skipped: number }>;
  /**
   * The id the next append would get now (after any append already under way in this process). Advisory:
   * another process may append first; the id a record gets is the one append() returns.
   */
  nextId(): Promise<string>;
}

export const JOURNAL_FILE = 'journal.log';
export const JOURNAL_LOCK = 'journal.lock';
/** The highest seq handed out, so that losing a journal file never brings its ids back. */
export const JOURNAL_SEQ = 'journal.seq';
const FILE_NAME = /^journal(?:\.(\d+))?\.log$/;

export function rotatedName(n: number): string {
  return n === 0 ? JOURNAL_FILE : `journal.${n}.log`;
}

interface WriterState {
  lastSeq: number;
  size: number;
  /** journal.log's inode when scanned (0: absent): a rotation by another process gives a new file. */
  ino: number;
  /** The file does not end in a newline (a torn tail): the next line must start with one. */
  needsNewline: boolean;
}

export function openJournal(dir: string, opts: JournalOptions = {}): Journal {
  const { maxBytes, keepFiles } = resolveOptions(JOURNAL_OPTIONS, { maxBytes: opts.maxBytes, keepFiles: opts.keepFiles }, 'journal.', { integers: true });
  const now = opts.now ?? (() => new Date());
  const current = join(dir, JOURNAL_FILE);
  const limit = journalFileLimit(maxBytes);
  let state: WriterState | null = null;
  let epochMade = false;
  // Every write (and nextId) runs after the previous one settled, failed or not.
  let chain: Promise<unknown> = Promise.resolve();

  function serialized<T>(job: () => Promise<T>): Promise<T> {
    const run = chain.then(job, job);
    chain = run.catch(() => undefined);
    return run;
  }

  /** Where the journal ends: cached, but scanned again when journal.log is not the file it was (another writer). */
  async function writerState(): Promise<WriterState> {
    if (state) {
      const now = await currentFile(dir);
      if (now.size === state.size && now.ino === state.ino) return state;
    }
    state = await scanTail(dir, limit);
    return state;
  }

  async function rotate(lastSeq: number): Promise<void> {
    // Shift journal.log up to the first free slot; only when every slot is taken is the oldest dropped.
    // A rotation cut short by a crash leaves a gap, which the next rotation fills instead of dropping a file.
    let free = 1;
    while ((free < keepFiles || opts.holdUnacked) && (await exists(join(dir, rotatedName(free))))) free++;
    const acked = opts.holdUnacked ? ackedSeq(dir) : 0;
    // Oldest first: a file goes unless it holds records the fleet has not acknowledged and keeping it
    // stays within holdUnacked of them.
    for (let n = free - 1; n >= keepFiles - 1; n--) {
      if (opts.holdUnacked) {
        const seqs = fileSeqs(join(dir, rotatedName(n)), limit);
        if (seqs && seqs.last > acked && lastSeq - Math.max(acked, seqs.first - 1) <= opts.holdUnacked) break;
      }
      await unlink(join(dir, rotatedName(n))).catch(ignoreMissing);
      free = n;
    }
    for (let n = free - 1; n >= 0; n--) await rename(join(dir, rotatedName(n)), join(dir, rotatedName(n + 1))).catch(ignoreMissing);
    await fsyncDir(dir);
  }

  const appendNow = (input: NewJournalRecord) => withFileLock(join(dir, JOURNAL_LOCK), () => appendLocked(input), opts.lock);

  async function appendLocked(input: NewJournalRecord): Promise<JournalRecord> {
    const s = await writerState();
    const seq = s.lastSeq + 1;
    if (seq > MAX_SEQ)
      throw new Error(`the journal has used its last id (${formatId(MAX_SEQ)}); move the journal files out of ${JOURNAL_FILE}'s directory to start again`);
    const record = scrubRecord({ ...input, time: input.time ?? isoWithOffset(now()), id: formatId(seq), seq } as JournalRecord);
    // The journal's own fields are not the caller's to change, and scrubbing must not touch them.
    Object.assign(record, { id: formatId(seq), seq });
    const line = encodeRecord(record);
    const lineBytes = Buffer.byteLength(line);
    if (lineBytes > JOURNAL_RECORD_MAX_BYTES) throw new Error(`a journal record of ${lineBytes} bytes is over the ${JOURNAL_RECORD_MAX_BYTES}-byte limit`);
    if (s.size > 0 && s.size + lineBytes > maxBytes) {
      await rotate(s.lastSeq);
      s.size = 0;
      s.ino = 0;
      s.needsNewline = false;
    }
    const created = s.size === 0;
    if (created || !epochMade) await ensureDataDir(dir);
    if (!epochMade) {
      await makeEpochIfMissing(dir, seq);
      epochMade = true;
    }
    const data = Buffer.from(s.needsNewline ? '\n' + line : line, 'utf8');
    // Never through a link, and never blocked by a FIFO put in the file's place (ENXIO instead).
    const fh = await open(current, APPEND_FLAGS, 0o600);
    try {
      if (!(await fh.stat()).isFile()) throw new Error(`${JOURNAL_FILE} is not a regular file`);
      // One write for the whole line; a short write (disk full) is finished with more appends.
      for (let off = 0; off < data.length;) {
        const { bytesWritten } = await fh.write(data, off, data.length - off);
        off += bytesWritten;
      }
      await fh.sync();
    } catch (err) {
      // What reached the file is unknown: find out before the next append.
      state = null;
      throw err;
    } finally {
      await fh.close().catch(() => undefined);
    }
    if (created) {
      await fsyncDir(dir);
      s.ino = (await currentFile(dir)).ino;
    }
    s.size += data.length;
    s.needsNewline = false;
    s.lastSeq = seq;
    // The record is safe on disk already; a mark that could not be written only weakens the guard.
    await writeFileAtomic(join(dir, JOURNAL_SEQ), `${seq}\n`).catch(() => undefined);
    return record;
  }

  // Reads wait for a write under way in this process. Another process may rotate the files while they
  // are read (each file then holds what its neighbour held): a read whose files changed identity on the
  // way is read again, so a reader sees one consistent picture without taking the writers' lock (and
  // without creating anything, which reading rarely needs to).
  const readAll = () => serialized(readConsistent);

  async function readConsistent(): Promise<{ records: JournalRecord[]; skipped: number }> {
    let read: { records: JournalRecord[]; skipped: number } | undefined;
    for (let attempt = 1; attempt <= READ_ATTEMPTS; attempt++) {
      const before = await fileIdentities(dir);
      read = await readFiles(before.map((f) => f.name));
      if (sameFiles(before, await fileIdentities(dir))) return read;
    }
    // Overtaken by rotation after rotation (a busy writer): read once more between two appends, under the
    // writers' lock. Where the lock cannot be taken (a read-only directory), nothing is rotating it either.
    return withFileLock(join(dir, JOURNAL_LOCK), async () => readFiles(await journalFiles(dir)), opts.lock).catch(() => read!);
  }

  async function readFiles(names: readonly string[]): Promise<{ records: JournalRecord[]; skipped: number }> {
    const records: JournalRecord[] = [];
    let skipped = 0;
    for (const name of names) {
      const text = readOrSkip(join(dir, name), limit);
      if (text === 'unreadable') skipped++;
      if (!text || text === 'unreadable') continue;
      const part = decodeText(text.toString('utf8'));
      records.push(...part.records);
      skipped += part.skipped;
    }
    return { records, skipped };
  }

  return {
    dir,
    append: (record) => serialized(() => appendNow(record)),
    readAll,
    async list(o = {}) {
      const { records } = await readAll();
      const picked = records.filter((r) => o.kind === undefined || r.kind === o.kind).reverse();
      return o.limit === undefined ? picked : picked.slice(0, Math.max(0, o.limit));
    },
    async get(id) {
      const { records } = await readAll();
      // The newest wins should an id ever appear twice (a journal restored from a backup).
      for (let i = records.length - 1; i >= 0; i--) if (records[i].id === id) return records[i];
      return null;
    },
    nextId: () => serialized(async () => formatId((await writerState()).lastSeq + 1)),
  };
}

const READ_ATTEMPTS = 5;
const APPEND_FLAGS = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW | constants.O_NONBLOCK;

/** Each journal file's name and inode, oldest first: a rotation renames, so it changes which inode has which name. */
async function fileIdentities(dir: string): Promise<Array<{ name: string; ino: number }>> {
  const names = await journalFiles(dir);
  return Promise.all(
    names.map(async (name) => ({
      name,
      ino: await stat(join(dir, name)).then(
        (st) => st.ino,
        () => 0,
      ),
    })),
  );
}

function sameFiles(a: ReadonlyArray<{ name: string; ino: number }>, b: ReadonlyArray<{ name: string; ino: number }>): boolean {
  return a.length === b.length && a.every((f, i) => f.name === b[i]!.name && f.ino === b[i]!.ino);
}

/** The journal's files, oldest first (journal.N.log … journal.1.log, journal.log), whatever keepFiles was. */
export async function journalFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  return names
    .map((name) => ({ name, m: FILE_NAME.exec(name) }))
    .filter((x): x is { name: string; m: RegExpExecArray } => x.m !== null)
    .map(({ name, m }) => ({ name, n: m[1] === undefined ? 0 : Number(m[1]) }))
    .sort((a, b) => b.n - a.n)
    .map((x) => x.name);
}

/**
 * Where appending resumes: after the highest seq in any journal file and in journal.seq; journal.log's
 * size and whether its tail lacks a newline. Read before journal.log is looked at: reading may set a
 * damaged journal.log aside.
 */
async function scanTail(dir: string, limit: number): Promise<WriterState> {
  let needsNewline = false;
  let lastSeq = readSeqMark(dir);
  for (const name of await journalFiles(dir)) {
    const text = readOrSkip(join(dir, name), limit, (f) => (lastSeq = Math.max(lastSeq, salvagedSeq(dir, f, limit))));
    if (!text || text === 'unreadable' || text.length === 0) continue;
    if (name === JOURNAL_FILE) needsNewline = text[text.length - 1] !== 0x0a;
    for (const record of decodeText(text.toString('utf8')).records) lastSeq = Math.max(lastSeq, record.seq);
  }
  const { size, ino } = await currentFile(dir);
  return { lastSeq, size, ino, needsNewline };
}

/** The first and last seq a journal file holds; null when it holds none or cannot be read. */
function fileSeqs(path: string, limit: number): { first: number; last: number } | null {
  const text = readOrSkip(path, limit);
  if (!text || text === 'unreadable') return null;
  const { records } = decodeText(text.toString('utf8'));
  return records.length ? { first: records[0]!.seq, last: records[records.length - 1]!.seq } : null;
}

/**
 * The highest seq in the first `limit` bytes of a journal file set aside for its size: a file grown past
 * its limit (zeros appended, say) still holds its records there, and their ids must not come back.
 */
function salvagedSeq(dir: string, f: SetAsideFile, limit: number): number {
  const head = readHead(join(dir, f.movedTo ?? f.file), limit);
  return head ? decodeText(head.toString('utf8')).records.reduce((max, r) => Math.max(max, r.seq), 0) : 0;
}

/** The seq in journal.seq; 0 when it is absent or holds no seq (it is written again on the next append). */
function readSeqMark(dir: string): number {
  const text = readOrSkip(join(dir, JOURNAL_SEQ), FILE_LIMITS.journalSeq);
  if (!text || text === 'unreadable' || !/^\d+\s*$/.test(text.toString('latin1'))) return 0;
  const seq = Number(text.toString('latin1'));
  return isSeq(seq) ? seq : 0;
}

/** journal.log's size and inode; zeros when it is absent. */
async function currentFile(dir: string): Promise<{ size: number; ino: number }> {
  try {
    const st = await stat(join(dir, JOURNAL_FILE));
    return { size: st.size, ino: st.ino };
  } catch (err) {
    ignoreMissing(err);
    return { size: 0, ino: 0 };
  }
}

/**
 * A journal file's bytes; null when it is gone or was damaged (set aside, see files/data-file.ts),
 * 'unreadable' when it is there but cannot be read now.
 */
function readOrSkip(path: string, limit: number, damaged?: (f: SetAsideFile) => void): Buffer | null | 'unreadable' {
  try {
    const read = readDataFile(path, limit);
    if (read.state === 'damaged') damaged?.(read.setAside);
    return read.state === 'ok' ? read.data : null;
  } catch {
    return 'unreadable';
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (err) {
    ignoreMissing(err);
    return false;
  }
}

function ignoreMissing(err: unknown): void {
  if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
}
