/**
 * The fleet's ingest: MQTT messages in, rows committed, each terminal's retained ack out after the commit.
 *
 * - Records are taken only as their topic's terminal: the broker authenticates the terminal by its
 *   certificate and its ACL lets it write only under its own id (`pattern write posdiag/v1/+/%u/#`), so
 *   the topic's terminalId is the authenticated identity; a record whose own terminalId differs is
 *   refused here, so no terminal can file records under another's key.
 * - Messages are batched (one transaction per batch); the broker's PUBACK does not wait for the commit.
 *   Nothing is lost by that: the ack a terminal moves its cursor on is published only after the commit,
 *   and whatever was never acknowledged is sent again.
 * - The ack is the highest seq up to which every record of the epoch is stored (the store's cursor), at
 *   most one publish per terminal per `ackIntervalMs`, the latest value at the end of the interval.
 * - Commits run one at a time; a failed commit is retried after a pause with the same rows (nothing was
 *   acknowledged), so a database that is down delays acks and loses nothing.
 */
import { systemClock, type Clock } from '../../hal/clock';
import { MESSAGE_MAX, safeText } from '../../hal/safe-text';
import { recordRow, statusRow, type RecordRow, type StatusRow } from './rows';
import type { AckCursor, FleetStore } from './store';
import { DEFAULT_TOPIC_PREFIX, encodeAck, parseRecord, parseStatus, parseTopic, topicFor } from './wire';

export interface AckPublisher {
  publish(topic: string, payload: string, opts: { qos: 1; retain: true }, callback: (err?: Error) => void): unknown;
}

export interface IngestOptions {
  store: FleetStore;
  publisher: AckPublisher;
  prefix?: string;
  /** At most one ack per terminal this often (ms). */
  ackIntervalMs?: number;
  /** How long a batch gathers before its commit (ms), unless it fills first. */
  batchMs?: number;
  maxBatch?: number;
  /** Pause before a failed commit is tried again (ms). */
  retryMs?: number;
  /** Batching and the ack interval. */
  clock?: Clock;
  /** When a message arrived (ms since 1970): the rows' t_received. */
  wallNow?: () => number;
  /** One line for the operator (refused records, failed commits); never a payload. */
  log?: (line: string) => void;
}

export type RefusalReason = 'topic' | 'payload' | 'identity' | 'kind';

export interface IngestStats {
  received: number;
  inserted: number;
  duplicates: number;
  statuses: number;
  refused: Record<RefusalReason, number>;
  acksPublished: number;
  commits: number;
  failedCommits: number;
}

interface PendingAck {
  cursor: AckCursor;
  lastMs: number;
  timer: unknown;
  dirty: boolean;
}

export class Ingest {
  readonly stats: IngestStats = {
    received: 0,
    inserted: 0,
    duplicates: 0,
    statuses: 0,
    refused: { topic: 0, payload: 0, identity: 0, kind: 0 },
    acksPublished: 0,
    commits: 0,
    failedCommits: 0,
  };
  private records: RecordRow[] = [];
  private statuses: StatusRow[] = [];
  private batchTimer: unknown = null;
  /** Set while a failed commit waits for its retry (`committing` stays set meanwhile: no other commit starts). */
  private retryTimer: unknown = null;
  private committing: Promise<void> | null = null;
  private readonly acks = new Map<string, PendingAck>();
  private readonly prefix: string;
  private readonly clock: Clock;
  private readonly ackIntervalMs: number;
  private readonly batchMs: number;
  private readonly maxBatch: number;
  private readonly retryMs: number;
  private closed = false;
  /** Listeners for tests and the bench: called after each commit with its cursors. */
  onCommit: ((cursors: readonly AckCursor[]) => void) | null = null;

  constructor(private readonly opts: IngestOptions) {
    this.prefix = opts.prefix ?? DEFAULT_TOPIC_PREFIX;
    this.clock = opts.clock ?? systemClock;
    this.ackIntervalMs = opts.ackIntervalMs ?? 200;
    this.batchMs = opts.batchMs ?? 20;
    this.maxBatch = opts.maxBatch ?? 500;
    this.retryMs = opts.retryMs ?? 1000;
  }

  /** One MQTT message. */
  handle(topic: string, payload: Uint8Array): void {
    if (this.closed) return;
    this.stats.received++;
    const parts = parseTopic(topic, this.prefix);
    if (!parts) return this.refuse('topic', topic);
    if (parts.channel === 'ack') return; // ingest's own acks, seen through the wildcard subscription
    const now = (this.opts.wallNow ?? Date.now)();
    if (parts.channel === 'status') {
      // An empty retained payload clears a status: nothing to store.
      if (payload.byteLength === 0) return;
      const status = parseStatus(payload);
      if (!status) return this.refuse('payload', topic);
      this.statuses.push(statusRow(parts.terminalId, parts.acquirer, status, now));
    } else {
      const record = parseRecord(payload);
      if (!record) return this.refuse('payload', topic);
      if (record.terminalId !== parts.terminalId) return this.refuse('identity', topic);
      if (record.kind !== parts.channel) return this.refuse('kind', topic);
      this.records.push(recordRow(record, parts.acquirer, now));
    }
    this.schedule();
  }

  /**
   * Commits what is pending and publishes the due acks at once (shutdown). A database that fails now is
   * not waited for: what could not be stored was never acknowledged, and the terminals send it again.
   */
  async drain(): Promise<void> {
    this.clearBatchTimer();
    this.cancelRetry();
    const failed = this.stats.failedCommits;
    while (this.stats.failedCommits === failed && (this.committing || this.records.length || this.statuses.length)) {
      if (this.committing) await this.committing;
      else await this.flush();
    }
    if (this.cancelRetry()) this.say(`${this.records.length} records not stored at shutdown (never acknowledged: the terminals send them again)`);
    for (const [tid, a] of this.acks) {
      if (a.timer !== null) this.clock.clearTimeout(a.timer);
      a.timer = null;
      if (a.dirty) this.publishAck(tid, a);
    }
  }

  private cancelRetry(): boolean {
    if (this.retryTimer === null) return false;
    this.clock.clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.committing = null;
    return true;
  }

  async close(): Promise<void> {
    await this.drain();
    this.closed = true;
  }

  /** One line for the operator: what came from outside in it (a topic, a database's message) without control bytes. */
  private say(line: string): void {
    this.opts.log?.(safeText(line, { max: MESSAGE_MAX }));
  }

  private refuse(reason: RefusalReason, topic: string): void {
    this.stats.refused[reason]++;
    this.say(`refused (${reason}): a message on ${topic.slice(0, 200)}`);
  }

  private schedule(): void {
    if (this.committing) return; // the running commit picks the rest up when it ends
    if (this.records.length + this.statuses.length >= this.maxBatch) {
      this.clearBatchTimer();
      void this.flush();
    } else if (this.batchTimer === null) {
      this.batchTimer = this.clock.setTimeout(() => {
        this.batchTimer = null;
        void this.flush();
      }, this.batchMs);
    }
  }

  private clearBatchTimer(): void {
    if (this.batchTimer !== null) this.clock.clearTimeout(this.batchTimer);
    this.batchTimer = null;
  }

  private flush(): Promise<void> {
    if (this.committing) return this.committing;
    const records = this.records.splice(0, this.maxBatch);
    const statuses = this.statuses.splice(0, Math.max(0, this.maxBatch - records.length));
    if (!records.length && !statuses.length) return Promise.resolve();
    this.committing = this.opts.store.commit(records, statuses).then(
      (result) => {
        this.stats.commits++;
        this.stats.inserted += result.inserted;
        this.stats.duplicates += result.duplicates;
        this.stats.statuses += statuses.length;
        for (const c of result.cursors) this.ackAfterCommit(c);
        this.onCommit?.(result.cursors);
        this.committing = null;
        if (this.records.length || this.statuses.length) this.schedule();
      },
      (err: Error) => {
        this.stats.failedCommits++;
        this.say(`commit failed (${records.length} records kept, tried again in ${this.retryMs} ms): ${String(err.message).slice(0, 200)}`);
        // Back in front, in order: nothing of them was acknowledged.
        this.records.unshift(...records);
        this.statuses.unshift(...statuses);
        this.retryTimer = this.clock.setTimeout(() => {
          this.retryTimer = null;
          this.committing = null;
          void this.flush();
        }, this.retryMs);
      },
    );
    return this.committing;
  }

  private ackAfterCommit(cursor: AckCursor): void {
    const prev = this.acks.get(cursor.terminalId);
    if (!prev) {
      const a: PendingAck = { cursor, lastMs: -Infinity, timer: null, dirty: true };
      this.acks.set(cursor.terminalId, a);
      return this.publishAck(cursor.terminalId, a);
    }
    prev.cursor = cursor;
    prev.dirty = true;
    const wait = prev.lastMs + this.ackIntervalMs - this.clock.now();
    if (wait <= 0 && prev.timer === null) return this.publishAck(cursor.terminalId, prev);
    if (prev.timer === null) {
      prev.timer = this.clock.setTimeout(() => {
        prev.timer = null;
        if (prev.dirty) this.publishAck(cursor.terminalId, prev);
      }, wait);
    }
  }

  private publishAck(terminalId: string, a: PendingAck): void {
    a.dirty = false;
    a.lastMs = this.clock.now();
    const { acquirer, epoch, seq } = a.cursor;
    const topic = topicFor({ acquirer, terminalId, channel: 'ack' }, this.prefix);
    if (!topic) return;
    this.stats.acksPublished++;
    this.opts.publisher.publish(topic, encodeAck({ seq, epoch }), { qos: 1, retain: true }, (err) => {
      // A lost ack only delays the terminal: it sends again and the next commit acks again.
      if (err) this.say(`ack for ${terminalId} not published: ${err.message}`);
    });
  }
}
