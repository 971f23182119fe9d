/**
 * How the driver runs a batch of read-only queries on combined command lines (at-batch.ts splits the
 * replies). The driver lends its I/O: one command alone, one raw command line, the URC sink and the
 * memory of a modem that refuses concatenation. In the bundle this file is dist/modem-batch.js, loaded
 * on the first batch (batch-bundle.ts), which keeps dist/cli.js small.
 */
import { isHalError } from '../errors';
import { type BatchItem, CombinedReplyCollector, CommandOutcome, joinCommandLine, planCommandLines } from './at-batch';
import type { AtClassification, AtResult } from './at-reply';

export { readAhead } from './read-ahead';

/** One command of a batch: what it expects back and its own deadline. */
export type { BatchItem } from './at-batch';

/** What a batch learnt about one command: its result, or what was thrown while it was in flight. */
export type BatchEntry = { result: AtResult } | { thrown: unknown };

/**
 * The longest command line a batch writes, CR included. V.250 promises 40 characters; modems take far
 * more (Telit and u-blox manuals 256, SIM800 556). A modem with less answers ERROR and gets one a line.
 */
export const MAX_COMMAND_LINE = 256;

export interface BatchIo {
  signal?: AbortSignal;
  /** One command alone, as ModemDriver.exec. */
  exec(item: BatchItem): Promise<AtResult>;
  /** Writes a command line and feeds its reply to `done` until that gives a value; deadline as exec's. */
  line(text: string, timeoutMs: number, done: (frame: string) => AtClassification | null): Promise<AtClassification>;
  onUrc(line: string): void;
  refused(): boolean;
  refuse(): void;
}

/**
 * Runs `items` (commands without side effects: they may be asked twice) on as few command lines as fit
 * and the modem takes, and returns what was learnt of each, in order. Never throws: a command whose
 * line timed out carries the timeout and the rest go one a line (as one at a time would have done);
 * a disconnect, an abort or Modem_Gone is carried by the command in flight and every one after it.
 * The deadline of a combined line is the longest of its commands'.
 */
export async function runBatch(items: readonly BatchItem[], io: BatchIo): Promise<BatchEntry[]> {
  const out: BatchEntry[] = [];
  let pending = items.map((_, i) => i);
  let oneALine = false;
  /** Ends the batch: `thrown` for every command not yet known. */
  const abandon = (thrown: unknown, rest: number[]) => {
    for (const i of rest) out[i] = { thrown };
    pending = [];
  };
  /** Asks one command alone; false when what it threw ends the batch. */
  const alone = async (i: number): Promise<boolean> => {
    try {
      out[i] = { result: await io.exec(items[i]) };
      return true;
    } catch (err) {
      out[i] = { thrown: err };
      return isHalError(err, 'Transport_Timeout') && !io.signal?.aborted;
    }
  };
  while (pending.length > 0) {
    if (oneALine || io.refused() || pending.length === 1) {
      const i = pending.shift()!;
      if (!(await alone(i))) abandon((out[i] as { thrown: unknown }).thrown, pending);
      continue;
    }
    const line = planCommandLines(
      pending.map((i) => items[i].command),
      MAX_COMMAND_LINE,
    )[0];
    const indices = pending.splice(0, line.length);
    const batch = indices.map((i) => items[i]);
    const reply = new CombinedReplyCollector(batch, io.onUrc);
    let final: AtClassification | null = null;
    let thrown: unknown = null;
    try {
      final = await io.line(joinCommandLine(line), Math.max(...batch.map((b) => b.timeoutMs)), (frame) => {
        const r = reply.push(frame);
        return r.kind === 'incomplete' ? null : r;
      });
    } catch (err) {
      thrown = err;
    }
    const outcomes = reply.outcomes();
    const unknown: number[] = [];
    outcomes.forEach((o, k) => {
      if (o.kind === 'unknown') unknown.push(indices[k]);
      else out[indices[k]] = { result: asResult(o, reply.echoes > 0) };
    });
    pending = [...unknown, ...pending];
    if (thrown !== null) {
      if (!isHalError(thrown, 'Transport_Timeout') || io.signal?.aborted || unknown.length === 0) abandon(thrown, pending);
      else {
        // The line timed out: the first command not answered takes the timeout, the rest go one a line.
        out[pending.shift()!] = { thrown };
        oneALine = true;
      }
    } else if (final?.kind === 'error' && unknown.length > 0) {
      // Which command failed is not known: the first one not known runs alone, which tells.
      const first = pending.shift()!;
      if (!(await alone(first))) abandon((out[first] as { thrown: unknown }).thrown, pending);
      // Nothing on the line ran, yet its first command answers alone: the modem refuses combined lines.
      else if (
        unknown.length === indices.length &&
        (out[first] as { result: AtResult }).result.ok &&
        (out[first] as { result: AtResult }).result.lines.length > 0
      )
        io.refuse();
    } else {
      // OK, but a split that was not clear (a two-line free-form answer): those are asked alone.
      for (const i of unknown) {
        pending.shift();
        if (!(await alone(i))) {
          abandon((out[i] as { thrown: unknown }).thrown, pending);
          break;
        }
      }
    }
  }
  return out;
}

function asResult(o: Exclude<CommandOutcome, { kind: 'unknown' }>, echoed: boolean): AtResult {
  return o.kind === 'ok' ? { ok: true, lines: o.lines, echoed } : { ok: false, error: o.error, lines: o.lines, echoed };
}
