/**
 * The diagnostic journal on disk: append-only lines in `journal.log`, rotated to `journal.1.log`,
 * `journal.2.log`, … when a size cap is reached. Thin I/O around the pure codec and scrubber.
 *
 * Crash safety: a record is written with one append-mode write of the whole line and fsync'd before
 * append() resolves, so a record a caller was told about is on disk. A kill or power cut can leave at
 * most a torn last line; readers skip it (and count it), and the next append starts on a fresh line so
 * the torn tail never swallows a good record. Sequence numbers continue from the last good record on
 * disk. Rotation is a chain of renames, each atomic: a crash between them loses no record.
 *
 * Appends from one process are serialized; appends from several processes (the menu left open while a
 * diagnose runs) take `journal.lock` in turn, and each re-reads where the journal ends under the lock
 * before numbering, so no two records share an id. Readers take no lock.
 *
 * A file that cannot be read (a directory in its place, EACCES, EIO) is skipped and counted by the
 * readers; appending goes on. Should the newest records be in such a file, numbering resumes after the
 * newest record that can be read, and `get` prefers the newest of two records with one id.
 */
import { open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { OptionSpec, resolveOptions } from '../../hal/options';
import { ensureDataDir } from './data-dir';
import { withFileLock, type FileLockOptions } from './lock-file';
import { fsyncDir, readIfExists } from './durable-file';
import { formatId, isoWithOffset } from './ids';
import { decodeLine, decodeText, encodeRecord } from './record-codec';
import { scrubRecord } from './scrub';
import type { JournalKind, JournalRecord, NewJournalRecord } from './types';

export interface JournalOptions {
  /** Size at which journal.log is rotated, bytes. Default 1 MiB, 4 KiB to 64 MiB. */
  maxBytes?: number;
  /** Files kept in all, journal.log included (journal.log, journal.1.log, …). Default 3, 2 to 20. */
  keepFiles?: number;
  /** The clock for a record's time when the caller gives none. */
  now?: () => Date;
  /** How long an append waits for another process's, and when a left-over lock is taken over. */
  lock?: FileLockOptions;
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
  let state: WriterState | null = null;
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
    state = await scanTail(dir);
    return state;
  }

  async function rotate(): Promise<void> {
    // Shift journal.log up to the first free slot; only when every slot is taken is the oldest dropped.
    // A rotation cut short by a crash leaves a gap, which the next rotation fills instead of dropping a file.
    let free = 1;
    while (free < keepFiles && (await exists(join(dir, rotatedName(free))))) free++;
    if (free === keepFiles) {
      free = keepFiles - 1;
      await unlink(join(dir, rotatedName(free))).catch(ignoreMissing);
    }
    for (let n = free - 1; n >= 0; n--) await rename(join(dir, rotatedName(n)), join(dir, rotatedName(n + 1))).catch(ignoreMissing);
    await fsyncDir(dir);
  }

  const appendNow = (input: NewJournalRecord) => withFileLock(join(dir, JOURNAL_LOCK), () => appendLocked(input), opts.lock);

  async function appendLocked(input: NewJournalRecord): Promise<JournalRecord> {
    const s = await writerState();
    const seq = s.lastSeq + 1;
    const record = scrubRecord({ ...input, time: input.time ?? isoWithOffset(now()), id: formatId(seq), seq } as JournalRecord);
    // The journal's own fields are not the caller's to change, and scrubbing must not touch them.
    Object.assign(record, { id: formatId(seq), seq });
    const line = encodeRecord(record);
    const lineBytes = Buffer.byteLength(line);
    if (s.size > 0 && s.size + lineBytes > maxBytes) {
      await rotate();
      s.size = 0;
      s.ino = 0;
      s.needsNewline = false;
    }
    const created = s.size === 0;
    if (created) await ensureDataDir(dir);
    const data = Buffer.from(s.needsNewline ? '\n' + line : line, 'utf8');
    const fh = await open(current, 'a', 0o600);
    try {
      // One write for the whole line; a short write (disk full) is finished with more appends.
      for (let off = 0; off < data.length; ) {
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
      const text = await readOrSkip(join(dir, name));
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

/** Each journal file's name and inode, oldest first: a rotation renames, so it changes which inode has which name. */
async function fileIdentities(dir: string): Promise<Array<{ name: string; ino: number }>> {
  const names = await journalFiles(dir);
  return Promise.all(names.map(async (name) => ({ name, ino: await stat(join(dir, name)).then((st) => st.ino, () => 0) })));
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

/** Where appending resumes: the last good seq in the newest file that has one, the current file's size and tail. */
async function scanTail(dir: string): Promise<WriterState> {
  const { size, ino } = await currentFile(dir);
  let needsNewline = false;
  let lastSeq = 0;
  const files = (await journalFiles(dir)).reverse(); // newest first
  for (const name of files) {
    const text = await readOrSkip(join(dir, name));
    if (!text || text === 'unreadable' || text.length === 0) continue;
    if (name === JOURNAL_FILE) needsNewline = text[text.length - 1] !== 0x0a;
    const lines = text.toString('utf8').split('\n');
    for (let i = lines.length - 1; i >= 0 && lastSeq === 0; i--) {
      const record = lines[i] ? decodeLine(lines[i]) : null;
      if (record) lastSeq = record.seq;
    }
    if (lastSeq > 0) break;
  }
  return { lastSeq, size, ino, needsNewline };
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

/** A journal file's bytes; null when it is gone, 'unreadable' when it is there but cannot be read. */
async function readOrSkip(path: string): Promise<Buffer | null | 'unreadable'> {
  try {
    return await readIfExists(path);
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
