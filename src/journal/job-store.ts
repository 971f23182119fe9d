/**
 * Slips waiting for paper, kept in `print-queue.json` so a slip queued when the paper ran out is still
 * printed after a reboot. Implements the print queue's JobStore port; every save is atomic. A missing
 * or unreadable file is an empty queue: the queue must keep working even if the file was damaged.
 *
 * Every process on the terminal shares the file: each read-change-write holds `print-queue.json.lock`
 * (journal/lock-file.ts), and a slip being printed carries its printer's token (pid, boot), so a slip
 * whose printer was killed is known as such.
 */
import { join } from 'node:path';
import type { JobStore, QueuedJob } from '../../hal/printer/print-queue';
import { ensureDataDir } from './data-dir';
import { readDataBuffer } from '../files/data-file';
import { FILE_LIMITS } from '../files/limits';
import { writeFileAtomic } from './durable-file';
import { newToken, tokenAbandoned, withFileLock } from './lock-file';
import { scrubText } from './scrub';

export const PRINT_QUEUE_FILE = 'print-queue.json';
/** A claim this old is a printer hung for good (a slip takes seconds): given up like a killed one. */
const CLAIM_HUNG_MS = 10 * 60_000;

interface StoredJob {
  id: string;
  /** The printer bytes, base64. */
  bytes: string;
  attempts: number;
  lastReason?: string;
  /** When it was queued, ms since the epoch: the queue drops a job that waited too long. */
  queuedAt?: number;
  /** The token of the process printing it now. */
  claim?: string;
}

export function journalJobStore(dir: string): JobStore {
  const file = join(dir, PRINT_QUEUE_FILE);
  return {
    async load(): Promise<QueuedJob[]> {
      // Bounded, and never a FIFO or a device (set aside as damaged: files/data-file.ts).
      const text = readDataBuffer(file, FILE_LIMITS.printQueue);
      if (!text) return [];
      try {
        const doc = JSON.parse(text.toString('utf8')) as { jobs?: unknown };
        return Array.isArray(doc.jobs) ? doc.jobs.filter(isStoredJob).map(fromStored) : [];
      } catch {
        return [];
      }
    },
    async save(jobs: readonly QueuedJob[]): Promise<void> {
      await ensureDataDir(dir);
      const doc = { version: 1, jobs: jobs.map(toStored) };
      await writeFileAtomic(file, JSON.stringify(doc, null, 2) + '\n');
    },
    // Held for a read and a write of a few KB: a lock older than 4 s belongs to a dead process.
    exclusive: (step) => withFileLock(`${file}.lock`, step, { staleMs: 4000, timeoutMs: 6000 }),
    claimToken: newToken,
    claimGone: (token) => tokenAbandoned(token, 0, CLAIM_HUNG_MS),
  };
}

function toStored(job: QueuedJob): StoredJob {
  // Exact bytes, as in the slip store: a slip printed after a reboot must be the slip that was queued.
  const bytes = job.bytes;
  const out: StoredJob = { id: job.id, bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'), attempts: job.attempts };
  if (job.lastReason !== undefined) out.lastReason = scrubText(job.lastReason);
  if (job.queuedAt !== undefined) out.queuedAt = job.queuedAt;
  if (job.claim !== undefined) out.claim = job.claim;
  return out;
}

function fromStored(job: StoredJob): QueuedJob {
  const bytes = Buffer.from(job.bytes, 'base64');
  const out: QueuedJob = { id: job.id, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), attempts: job.attempts };
  if (job.lastReason !== undefined) out.lastReason = job.lastReason;
  if (job.queuedAt !== undefined) out.queuedAt = job.queuedAt;
  if (job.claim !== undefined) out.claim = job.claim;
  return out;
}

function isStoredJob(value: unknown): value is StoredJob {
  const j = value as StoredJob | null;
  return (
    typeof j === 'object' &&
    j !== null &&
    typeof j.id === 'string' &&
    typeof j.bytes === 'string' &&
    // A job larger than a slip is not one posdiag queued: printing it would hold the printer for minutes.
    Buffer.byteLength(j.bytes, 'base64') <= FILE_LIMITS.slip &&
    typeof j.attempts === 'number' &&
    (j.lastReason === undefined || typeof j.lastReason === 'string') &&
    (j.queuedAt === undefined || (typeof j.queuedAt === 'number' && Number.isFinite(j.queuedAt))) &&
    (j.claim === undefined || (typeof j.claim === 'string' && j.claim.length <= 256))
  );
}
