/**
 * Printing a slip on the terminal's printer, with an outcome instead of an exception: a new slip (the
 * diagnosis) or a kept one again (findSlip, reprintSlip: `posdiag slip ID|last` and the menu's reprint).
 *
 * The printer is asked for its status before anything is queued: a printer that is not configured,
 * cannot be opened or does not answer gets `not-printed` (the slip is in the slip store, and can be
 * reprinted with `posdiag slip last` once the printer is back). A printer that answers goes through the
 * print queue: printed, or `queued` with the reason (paper out, cover open…) when it cannot print now or
 * stops mid-slip. With a data directory the queue is kept in print-queue.json, so a slip waiting for
 * paper survives a reboot. This slip is printed first; only then at most a couple of slips waiting from
 * before (printQueue.catchUp), each whole and by one process only; the others wait for the next print.
 * The port is closed on every path.
 */
import type { CheckEnv } from '../../hal/devices';
import { isHalError } from '../../hal/errors';
import { PrinterDriver, PrinterTiming } from '../../hal/printer/driver';
import { DropReason, JobStore, PrintQueue, PrintQueueOptions } from '../../hal/printer/print-queue';
import { journalJobStore, loadSlip, openJournal, parseId, type StoredSlip } from '../journal';

export interface SlipPrintOutcome {
  state: 'printed' | 'queued' | 'not-printed';
  /**
   * Why it did not print: a printer condition (`paper-end`, `cover-open`, `offline`, `cutter-error`,
   * `overheat`…), or `not-configured`, `not-found`, `busy`, `no-reply`, `disconnected`, `aborted`, `error`.
   */
  reason?: string;
  /** Times this slip was sent to the printer (0 when the printer was never reached). */
  attempts: number;
  /**
   * Slips that were waiting from before and were settled on the way: printed after this one (an extra
   * slip comes out of the printer), or given up (still in the slip store). Absent when none.
   */
  earlier?: EarlierSlip[];
}

export interface EarlierSlip {
  id: string;
  state: 'printed' | 'dropped';
  /** Why a dropped slip never printed (its last printer condition). */
  reason?: string;
  /**
   * Why it was given up: `attempts` (failed too often), `age` (waited too long), `full` (too many
   * waiting: the oldest go), `interrupted` (its print was cut off by a process that died: it may have come out).
   */
  why?: DropReason;
}

export interface PrintSlipOptions {
  /** The slip's id (the journal id); the queue knows the slip by it. */
  id: string;
  /** The data directory: the queue of slips waiting for paper is kept there. */
  dataDir?: string;
  signal?: AbortSignal;
  /** A queue store other than the data directory's (tests, or a caller that keeps its own). */
  store?: JobStore;
  timing?: Partial<PrinterTiming>;
  /** The queue's bounds (tests; the defaults otherwise). */
  queue?: Omit<PrintQueueOptions, 'now'>;
}

/** Prints `bytes` on env's configured printer. Never throws; see SlipPrintOutcome. */
export async function printSlip(env: CheckEnv, bytes: Uint8Array, opts: PrintSlipOptions): Promise<SlipPrintOutcome> {
  const config = env.devices.printer;
  if (!config) return { state: 'not-printed', reason: 'not-configured', attempts: 0 };
  if (opts.signal?.aborted) return { state: 'not-printed', reason: 'aborted', attempts: 0 };
  let driver: PrinterDriver | null = null;
  try {
    driver = await PrinterDriver.open({ binding: env.binding, config, clock: env.clock, timing: opts.timing });
    // Status first: a printer that does not answer is not given the slip to hold.
    await driver.readStatus(opts.signal);
    const store = opts.store ?? (opts.dataDir ? journalJobStore(opts.dataDir) : undefined);
    const queue = new PrintQueue(store, opts.queue);
    const open = driver;
    const { job: outcome, earlier } = await queue.submitReporting(opts.id, bytes, (job) => open.print(job, { signal: opts.signal }));
    const settled: EarlierSlip[] = [];
    for (const e of earlier) {
      if (e.state === 'printed') settled.push({ id: e.id, state: 'printed' });
      if (e.state === 'dropped') settled.push({ id: e.id, state: 'dropped', reason: e.reason, why: e.why });
    }
    const also = settled.length ? { earlier: settled } : {};
    if (outcome.state === 'printed') return { state: 'printed', attempts: outcome.attempts, ...also };
    // Given up on (the queue's bounds): not printed, kept in the slip store for a reprint.
    if (outcome.state === 'dropped') return { state: 'not-printed', reason: outcome.reason, attempts: outcome.attempts, ...also };
    return { state: 'queued', reason: outcome.reason, attempts: outcome.attempts, ...also };
  } catch (err) {
    return { state: 'not-printed', reason: reasonOf(err, opts.signal), attempts: 0 };
  } finally {
    await driver?.close().catch(() => undefined);
  }
}

function reasonOf(err: unknown, signal?: AbortSignal): string {
  if (signal?.aborted) return 'aborted';
  if (isHalError(err, 'Transport_NotFound')) return 'not-found';
  if (isHalError(err, 'Transport_Busy')) return 'busy';
  if (isHalError(err, 'Transport_Timeout')) return 'no-reply';
  if (isHalError(err, 'Transport_Disconnected') || isHalError(err, 'Transport_Closed')) return 'disconnected';
  return 'error';
}

/**
 * A kept slip by its id, `last` for the newest, or the journal id of the diagnosis that made it (slips
 * have their own ids; the record holds its slip's). Null when there is none.
 */
export async function findSlip(dataDir: string, id: string): Promise<StoredSlip | null> {
  const slip = await loadSlip(dataDir, id);
  if (slip || parseId(id) === null) return slip;
  const record = await openJournal(dataDir).get(id);
  return record?.kind === 'diagnosis' && record.slip.id !== id ? loadSlip(dataDir, record.slip.id) : null;
}

/** Prints a kept slip again on env's printer; never throws (SlipPrintOutcome says what happened). */
export function reprintSlip(env: CheckEnv, dataDir: string, slip: StoredSlip, signal?: AbortSignal): Promise<SlipPrintOutcome> {
  return printSlip(env, slip.bytes, { id: slip.id, dataDir, signal });
}
