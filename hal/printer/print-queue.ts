/**
 * Slips waiting for paper. A slip that could not print (paper out, cover open, printer gone) waits here
 * and is printed whole later; the caller always gets an outcome, never an exception. Persistence is a
 * port (`JobStore`): the journal keeps "slips waiting for paper" on disk, shared by every process on the
 * terminal; without a store the queue lives in memory.
 *
 * In front of the cashier: a print sends its own slip first, and only then at most `catchUp` waiting
 * slips, oldest first; the rest wait for the next print (or a reprint). The queue is bounded: at most
 * `maxWaiting` slips wait (queuing one more drops the oldest), none longer than `maxAgeMs`, and a slip
 * that failed `maxAttempts` times is given up. A dropped slip is still in the slip store
 * (`posdiag slip ID` reprints it), and the print that dropped it says so.
 *
 * One printer per slip, however many processes print at once: every change to the queue is one
 * read-change-write under the store's lock (`exclusive`). A process takes waiting slips by writing its
 * claim into them under the lock, prints them with the lock released, and removes each one printed under
 * the lock again; nobody else sends a claimed slip. Should a process die while printing, its claims stay
 * behind, and whether the slip came out is unknown: the next print finds the claim's holder gone and gives
 * the slip up as `interrupted` — never printed twice by the queue, never lost (it stays in the slip store
 * and the print that gave it up names it).
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
  /** Being printed by the process this names (its store's claim token); absent while it waits. */
  claim?: string;
}

export interface JobStore {
  load(): QueuedJob[] | Promise<QueuedJob[]>;
  save(jobs: readonly QueuedJob[]): void | Promise<void>;
  /** Runs one load-change-save with every other process sharing the store kept out. Absent: this process is the only one. */
  exclusive?<T>(step: () => Promise<T>): Promise<T>;
  /** A new token naming this process in the slips it claims. */
  claimToken?(): string;
  /** Whether the process a claim names is gone (killed mid-print); absent: never. */
  claimGone?(token: string): boolean;
}

/** Why a slip left the queue unprinted. */
export type DropReason = 'attempts' | 'age' | 'full' | 'interrupted';

export type JobOutcome =
  | { id: string; state: 'printed'; attempts: number; confirmed: boolean }
  | { id: string; state: 'queued'; attempts: number; reason: string; partial: boolean }
  /** Given up on: `why` says which bound it hit; `reason` is the last reason it did not print. */
  | { id: string; state: 'dropped'; attempts: number; reason: string; why: DropReason };

export interface PrintQueueOptions {
  /** A job that failed this many times is dropped. Default 5, 1 to 1000. */
  maxAttempts?: number;
  /** A job waiting longer than this is dropped, ms. Default 24 h, 1 s to 30 days. */
  maxAgeMs?: number;
  /** Slips kept waiting at most; queuing one more drops the oldest. Default 10, 1 to 100. */
  maxWaiting?: number;
  /** Waiting slips a print sends after its own, oldest first. Default 2, 0 to 10. */
  catchUp?: number;
  /** Ms since the epoch (tests). */
  now?: () => number;
}

export const PRINT_QUEUE_OPTIONS: OptionSpec<'maxAttempts' | 'maxAgeMs' | 'maxWaiting' | 'catchUp'> = {
  maxAttempts: { default: 5, min: 1, max: 1000 },
  maxAgeMs: { default: 24 * 3600_000, min: 1000, max: 30 * 24 * 3600_000 },
  maxWaiting: { default: 10, min: 1, max: 100 },
  catchUp: { default: 2, min: 0, max: 10 },
};

/** What sends a job: PrinterDriver.print, or a stand-in. */
export type PrintFn = (bytes: Uint8Array) => Promise<PrintResult>;

/** What one print did: its own slip's outcome, and the waiting slips it settled. */
export interface SubmitReport {
  job: JobOutcome;
  earlier: JobOutcome[];
}

type Change<T> = (jobs: QueuedJob[]) => { jobs?: QueuedJob[]; result: T };

let memoryTokens = 0;

export class PrintQueue {
  #memory: QueuedJob[] = [];
  #chain: Promise<unknown> = Promise.resolve();
  readonly #token: string;
  readonly #o: Record<keyof typeof PRINT_QUEUE_OPTIONS, number>;
  readonly #now: () => number;

  constructor(
    private readonly store?: JobStore,
    options: PrintQueueOptions = {},
  ) {
    const { now, ...bounds } = options;
    this.#o = resolveOptions(PRINT_QUEUE_OPTIONS, bounds, 'printQueue.', { integers: true });
    this.#now = now ?? Date.now;
    this.#token = store?.claimToken?.() ?? `memory-${++memoryTokens}`;
  }

  /** Jobs in the queue, oldest first (those being printed included, with their claim). */
  pending(): Promise<readonly QueuedJob[]> {
    return this.#step((jobs) => ({ result: jobs }));
  }

  async submit(id: string, bytes: Uint8Array, print: PrintFn): Promise<JobOutcome> {
    return (await this.submitReporting(id, bytes, print)).job;
  }

  /**
   * Prints this slip first; if it printed, then up to `catchUp` waiting slips. If it did not, it waits
   * in the queue (the oldest waiting slip dropped should the queue be full). A queue store that fails
   * costs the queue, not the print: the slip is still sent.
   */
  async submitReporting(id: string, bytes: Uint8Array, print: PrintFn): Promise<SubmitReport> {
    const earlier: JobOutcome[] = [];
    // A reprint of a slip that is waiting: claimed, so that no one else sends it meanwhile.
    const prior = await this.#step((jobs) => {
      jobs = this.#settle(jobs, earlier);
      const mine = jobs.find((j) => j.id === id && !j.claim);
      if (mine) mine.claim = this.#token;
      return { jobs, result: mine };
    }).catch(() => undefined);
    const attempts = (prior?.attempts ?? 0) + 1;
    const result = await send(print, bytes);
    if (result.state === 'printed') {
      const rest = await this.#catchUp(print, this.#o.catchUp, id).catch(() => []);
      return { job: { id, state: 'printed', attempts, confirmed: result.confirmed }, earlier: [...earlier, ...rest] };
    }
    const own: QueuedJob = { id, bytes, attempts, lastReason: result.reason, queuedAt: prior?.queuedAt ?? this.#now() };
    return this.#step((jobs) => {
      let job: JobOutcome = { id, state: 'queued', attempts, reason: result.reason, partial: result.partial };
      const at = jobs.findIndex((j) => j.id === id && j.claim === this.#token);
      if (attempts >= this.#o.maxAttempts) {
        job = gaveUp(own, 'attempts');
        if (at >= 0) jobs.splice(at, 1);
      } else if (at >= 0) jobs[at] = own;
      else jobs.push(own);
      // Full: the oldest waiting slips go (never one being printed), this one last of all.
      for (let k; jobs.length > this.#o.maxWaiting && (k = jobs.findIndex((j) => !j.claim && j !== own)) >= 0;)
        earlier.push(gaveUp(jobs.splice(k, 1)[0]!, 'full'));
      if (jobs.length > this.#o.maxWaiting && jobs.includes(own)) job = gaveUp(jobs.splice(jobs.indexOf(own), 1)[0]!, 'full');
      return { jobs, result: { job, earlier } };
    });
  }

  /** Prints up to `limit` waiting slips (default `catchUp`), oldest first, until one does not print. */
  flush(print: PrintFn, limit = this.#o.catchUp): Promise<JobOutcome[]> {
    return this.#catchUp(print, limit);
  }

  async #catchUp(print: PrintFn, limit: number, own?: string): Promise<JobOutcome[]> {
    const out: JobOutcome[] = [];
    const picked = await this.#step((jobs) => {
      // The own slip, printed: out of the queue should it have waited there.
      jobs = this.#settle(jobs, out).filter((j) => !(j.id === own && j.claim === this.#token));
      const take = jobs.filter((j) => !j.claim).slice(0, limit);
      for (const j of take) j.claim = this.#token;
      return { jobs, result: take };
    });
    const settled = new Map<string, JobOutcome>();
    for (const job of picked) {
      const result = await send(print, job.bytes);
      const attempts = job.attempts + 1;
      if (result.state === 'printed') {
        settled.set(job.id, { id: job.id, state: 'printed', attempts, confirmed: result.confirmed });
        continue;
      }
      // The printer just failed: this slip and the ones after it go back to waiting.
      const failed = { ...job, attempts, lastReason: result.reason };
      settled.set(
        job.id,
        attempts >= this.#o.maxAttempts
          ? gaveUp(failed, 'attempts')
          : { id: job.id, state: 'queued', attempts, reason: result.reason, partial: result.partial },
      );
      break;
    }
    // Those printed (or given up) leave the queue; the others are released. A process killed before
    // this step leaves its claims: the next print gives those slips up as interrupted.
    await this.#step((jobs) => ({
      jobs: jobs.flatMap((j) => {
        const done = j.claim === this.#token ? settled.get(j.id) : undefined;
        if (j.claim !== this.#token) return [j];
        if (done && done.state !== 'queued') return [];
        const { claim: _mine, ...rest } = j;
        return [done ? { ...rest, attempts: done.attempts, lastReason: done.reason } : rest];
      }),
      result: null,
    }));
    return [...out, ...settled.values()];
  }

  /** Drops what waited too long, and what a process that is gone was printing (it may have come out: never sent again). */
  #settle(jobs: QueuedJob[], out: JobOutcome[]): QueuedJob[] {
    const now = this.#now();
    return jobs.filter((job) => {
      if (job.claim !== undefined) {
        if (job.claim === this.#token || !this.store?.claimGone?.(job.claim)) return true;
        out.push(gaveUp(job, 'interrupted'));
        return false;
      }
      if (now - job.queuedAt! <= this.#o.maxAgeMs) return true;
      out.push(gaveUp(job, 'age'));
      return false;
    });
  }

  /** One read-change-write of the queue, alone against this process's other steps and, through the store, every other process's. */
  #step<T>(change: Change<T>): Promise<T> {
    const run = async (): Promise<T> => {
      const loaded = this.store ? [...(await this.store.load())] : this.#memory.map((j) => ({ ...j }));
      // A job kept without its time starts its age now.
      for (const job of loaded) job.queuedAt ??= this.#now();
      const had = loaded.length;
      const { jobs, result } = change(loaded);
      // Written whenever there is a queue: nothing to write is the common case (no slip waiting).
      if (jobs && (had || jobs.length)) {
        if (this.store) await this.store.save(jobs);
        else this.#memory = jobs;
      }
      return result;
    };
    const exclusive = () => (this.store?.exclusive ? this.store.exclusive(run) : run());
    const next = this.#chain.then(exclusive, exclusive);
    this.#chain = next.catch(() => undefined);
    return next;
  }
}

function gaveUp(job: QueuedJob, why: DropReason): JobOutcome {
  return { id: job.id, state: 'dropped', attempts: job.attempts, reason: job.lastReason ?? why, why };
}

async function send(print: PrintFn, bytes: Uint8Array): Promise<PrintResult> {
  try {
    return await print(bytes);
  } catch {
    // A print function that throws is a printer that did not answer (the reason a person is shown).
    return { state: 'not-printed', reason: 'no-reply', partial: false };
  }
}
