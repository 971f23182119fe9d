/**
 * Jobs waiting for paper. A slip that could not print (paper out, cover open, printer gone) stays here
 * and is printed whole once the printer reports ready; the caller always gets an outcome, never an
 * exception. Persistence is a port (`JobStore`): the journal keeps "slips waiting for paper" on disk;
 * without a store the queue lives in memory.
 */
import type { PrintResult } from './driver';

export interface QueuedJob {
  id: string;
  bytes: Uint8Array;
  /** Attempts so far. */
  attempts: number;
  lastReason?: string;
}

export interface JobStore {
  load(): QueuedJob[] | Promise<QueuedJob[]>;
  save(jobs: readonly QueuedJob[]): void | Promise<void>;
}

export type JobOutcome =
  | { id: string; state: 'printed'; attempts: number; confirmed: boolean }
  | { id: string; state: 'queued'; attempts: number; reason: string; partial: boolean };

/** What sends a job: PrinterDriver.print, or a stand-in. */
export type PrintFn = (bytes: Uint8Array) => Promise<PrintResult>;

export class PrintQueue {
  private jobs: QueuedJob[] = [];
  private loaded = false;
  private running: Promise<JobOutcome[]> | null = null;

  constructor(private readonly store?: JobStore) {}

  /** Jobs still waiting, oldest first. */
  async pending(): Promise<readonly QueuedJob[]> {
    await this.load();
    return this.jobs;
  }

  /**
   * Queues a job and tries to print everything waiting, in order. The outcome is this job's; a job that
   * waits behind an older one that cannot print stays queued with the same reason.
   */
  async submit(id: string, bytes: Uint8Array, print: PrintFn): Promise<JobOutcome> {
    await this.load();
    if (!this.jobs.some((j) => j.id === id)) this.jobs.push({ id, bytes, attempts: 0 });
    await this.persist();
    const outcomes = await this.flush(print);
    return outcomes.find((o) => o.id === id) ?? this.queuedOutcome(id);
  }

  /** Prints waiting jobs in order until one does not print. Safe to call from a status listener. */
  flush(print: PrintFn): Promise<JobOutcome[]> {
    if (!this.running) this.running = this.run(print).finally(() => (this.running = null));
    return this.running;
  }

  private async run(print: PrintFn): Promise<JobOutcome[]> {
    await this.load();
    const out: JobOutcome[] = [];
    while (this.jobs.length) {
      const job = this.jobs[0];
      job.attempts++;
      let result: PrintResult;
      try {
        result = await print(job.bytes);
      } catch (err) {
        result = { state: 'not-printed', reason: 'no-reply', partial: false };
        job.lastReason = err instanceof Error ? err.message : String(err);
      }
      if (result.state === 'printed') {
        this.jobs.shift();
        await this.persist();
        out.push({ id: job.id, state: 'printed', attempts: job.attempts, confirmed: result.confirmed });
        continue;
      }
      job.lastReason = result.reason;
      await this.persist();
      out.push({ id: job.id, state: 'queued', attempts: job.attempts, reason: result.reason, partial: result.partial });
      for (const rest of this.jobs.slice(1)) out.push({ id: rest.id, state: 'queued', attempts: rest.attempts, reason: result.reason, partial: false });
      break;
    }
    return out;
  }

  private queuedOutcome(id: string): JobOutcome {
    const j = this.jobs.find((x) => x.id === id);
    return { id, state: 'queued', attempts: j?.attempts ?? 0, reason: j?.lastReason ?? 'waiting', partial: false };
  }

  private async load(): Promise<void> {
    if (this.loaded) return;
    this.loaded = true;
    if (this.store) this.jobs = [...(await this.store.load()), ...this.jobs];
  }

  private async persist(): Promise<void> {
    if (this.store) await this.store.save(this.jobs);
  }
}
