/**
 * Jobs waiting for paper. A slip that could not print (paper out, cover open, printer gone) stays here
 * and is printed whole once the printer reports ready; the caller always gets an outcome, never an
 * exception. Persistence is a port (`JobStore`): the journal keeps "slips waiting for paper" on disk;
 * without a store the queue lives in memory.
 *
 * The queue is bounded: a job that failed `maxAttempts` times, or has waited longer than `maxAgeMs`, is
 * dropped (outcome `dropped`, with why), so one slip that never prints cannot hold every later slip for
 * ever. A dropped slip is still in the slip store (`posdiag slip ID` reprints it).
 */
import { OptionSpec, resolveOptions } from '../options';
import type { PrintResult } from './driver';

export interface QueuedJob {
  id: string;
  bytes: Uint8Array;
  /** Attempts so far. */
  attempts: number;
  lastReason?: string;
  /** When it was queued, ms since the epoch (a job kept from before this field: when it was loaded). */
  queuedAt?: number;
}

export interface JobStore {
  load(): QueuedJob[] | Promise<QueuedJob[]>;
  save(jobs: readonly QueuedJob[]): void | Promise<void>;
}

export type JobOutcome =
  | { id: string; state: 'printed'; attempts: number; confirmed: boolean }
  | { id: string; state: 'queued'; attempts: number; reason: string; partial: boolean }
  /** Given up on: `why` says which bound it hit; `reason` is the last reason it did not print. */
  | { id: string; state: 'dropped'; attempts: number; reason: string; why: 'attempts' | 'age' };

export interface PrintQueueOptions {
  /** A job that failed this many times is dropped. Default 5, 1 to 1000. */
  maxAttempts?: number;
  /** A job waiting longer than this is dropped before its next try, ms. Default 24 h, 1 s to 30 days. */
  maxAgeMs?: number;
  /** Ms since the epoch (tests). */
  now?: () => number;
}

export const PRINT_QUEUE_OPTIONS: OptionSpec<'maxAttempts' | 'maxAgeMs'> = {
  maxAttempts: { default: 5, min: 1, max: 1000 },
  maxAgeMs: { default: 24 * 3600_000, min: 1000, max: 30 * 24 * 3600_000 },
};

/** What sends a job: PrinterDriver.print, or a stand-in. */
export type PrintFn = (bytes: Uint8Array) => Promise<PrintResult>;

export class PrintQueue {
  #jobs: QueuedJob[] = [];
  #loaded = false;
  #running: Promise<JobOutcome[]> | null = null;

  readonly #maxAttempts: number;
  readonly #maxAgeMs: number;
  readonly #now: () => number;

  constructor(
    private readonly store?: JobStore,
    options: PrintQueueOptions = {},
  ) {
    ({ maxAttempts: this.#maxAttempts, maxAgeMs: this.#maxAgeMs } = resolveOptions(PRINT_QUEUE_OPTIONS, options, 'printQueue.', { integers: true }));
    this.#now = options.now ?? Date.now;
  }

  /** Jobs still waiting, oldest first. */
  async pending(): Promise<readonly QueuedJob[]> {
    await this.#load();
    return this.#jobs;
  }

  /**
   * Queues a job and tries to print everything waiting, in order. The outcome is this job's; a job that
   * waits behind an older one that cannot print stays queued with the same reason.
   */
  async submit(id: string, bytes: Uint8Array, print: PrintFn): Promise<JobOutcome> {
    return (await this.submitReporting(id, bytes, print)).job;
  }

  /** As submit, and what the same run did with the jobs that were waiting before this one. */
  async submitReporting(id: string, bytes: Uint8Array, print: PrintFn): Promise<{ job: JobOutcome; earlier: JobOutcome[] }> {
    await this.#load();
    if (!this.#jobs.some((j) => j.id === id)) this.#jobs.push({ id, bytes, attempts: 0, queuedAt: this.#now() });
    await this.#persist();
    const outcomes = await this.flush(print);
    return { job: outcomes.find((o) => o.id === id) ?? this.#queuedOutcome(id), earlier: outcomes.filter((o) => o.id !== id) };
  }

  /** Prints waiting jobs in order until one does not print. Safe to call from a status listener. */
  flush(print: PrintFn): Promise<JobOutcome[]> {
    if (!this.#running) this.#running = this.#run(print).finally(() => (this.#running = null));
    return this.#running;
  }

  async #run(print: PrintFn): Promise<JobOutcome[]> {
    await this.#load();
    const out: JobOutcome[] = [];
    while (this.#jobs.length) {
      const job = this.#jobs[0];
      if (this.#now() - (job.queuedAt ?? this.#now()) > this.#maxAgeMs) {
        out.push(await this.#drop(job, 'age'));
        continue;
      }
      job.attempts++;
      let result: PrintResult;
      try {
        result = await print(job.bytes);
      } catch {
        // A print function that throws is a printer that did not answer (the reason a person is shown).
        result = { state: 'not-printed', reason: 'no-reply', partial: false };
      }
      if (result.state === 'printed') {
        this.#jobs.shift();
        await this.#persist();
        out.push({ id: job.id, state: 'printed', attempts: job.attempts, confirmed: result.confirmed });
        continue;
      }
      job.lastReason = result.reason;
      // The printer just failed: the jobs behind wait for the next flush either way.
      if (job.attempts >= this.#maxAttempts) out.push(await this.#drop(job, 'attempts'));
      else {
        await this.#persist();
        out.push({ id: job.id, state: 'queued', attempts: job.attempts, reason: result.reason, partial: result.partial });
      }
      for (const rest of this.#jobs.filter((j) => j !== job)) out.push({ id: rest.id, state: 'queued', attempts: rest.attempts, reason: result.reason, partial: false });
      break;
    }
    return out;
  }

  async #drop(job: QueuedJob, why: 'attempts' | 'age'): Promise<JobOutcome> {
    this.#jobs.splice(this.#jobs.indexOf(job), 1);
    await this.#persist();
    return { id: job.id, state: 'dropped', attempts: job.attempts, reason: job.lastReason ?? 'waiting', why };
  }

  #queuedOutcome(id: string): JobOutcome {
    const j = this.#jobs.find((x) => x.id === id);
    return { id, state: 'queued', attempts: j?.attempts ?? 0, reason: j?.lastReason ?? 'waiting', partial: false };
  }

  async #load(): Promise<void> {
    if (this.#loaded) return;
    this.#loaded = true;
    if (!this.store) return;
    const kept = await this.store.load();
    // A job kept without its time starts its age now.
    for (const job of kept) job.queuedAt ??= this.#now();
    this.#jobs = [...kept, ...this.#jobs];
  }

  async #persist(): Promise<void> {
    if (this.store) await this.store.save(this.#jobs);
  }
}
