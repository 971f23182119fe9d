/**
 * The fleet database behind one interface, on SQLite (embedded, one machine) or PostgreSQL (a fleet
 * beyond one machine). Both get the same tables and the same SQL: each driver only says how a statement
 * runs (placeholders are written `?` and numbered for PostgreSQL by its driver).
 *
 *   records          one row per journal record, primary key (terminal_id, epoch, seq): a record sent
 *                    again is dropped by the key, never stored twice
 *   ack_cursor       per terminal and epoch, the highest seq up to which every record is stored: what the
 *                    terminal's retained ack says, advanced in the same transaction as the rows
 *   terminal_status  the newest status a terminal (or its last will) reported, and when it was last seen
 *   record_gap       ranges of seqs a terminal announced it will never send (its journal lost them before
 *                    the fleet acknowledged them): the ack cursor steps over them, the report lists them
 */
import type { RecordRow, StatusRow } from './rows';
import { RECORD_COLUMNS } from './rows';

export interface SqlRunner {
  /** Rows changed by an INSERT/UPDATE. */
  run(sql: string, params: readonly unknown[]): Promise<number>;
  all<T>(sql: string, params: readonly unknown[]): Promise<T[]>;
}

export interface SqlDriver extends SqlRunner {
  readonly kind: 'sqlite' | 'postgres';
  exec(sql: string): Promise<void>;
  /** Runs fn in one transaction: all of it is committed, or none. */
  transaction<T>(fn: (q: SqlRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface AckCursor {
  terminalId: string;
  acquirer: string;
  epoch: string;
  seq: number;
}

export interface CommitResult {
  inserted: number;
  duplicates: number;
  /** The cursor of every (terminal, epoch) the batch touched, after the commit. */
  cursors: AckCursor[];
}

/** Integers wide enough for ms since 1970 on both (SQLite's INTEGER is 64-bit). */
const DDL = [
  `create table if not exists records (
    terminal_id text not null, epoch text not null, seq bigint not null,
    kind text not null, acquirer text not null, merchant_id text not null, region text not null,
    t_terminal text not null, t_terminal_ms bigint not null, t_received_ms bigint not null,
    code text, category text, cause text, side text, signal_dbm integer, paper text, reader text,
    raw text not null,
    primary key (terminal_id, epoch, seq))`,
  `create index if not exists records_time on records (t_terminal_ms)`,
  `create table if not exists ack_cursor (
    terminal_id text not null, epoch text not null, seq bigint not null, primary key (terminal_id, epoch))`,
  `create table if not exists record_gap (
    terminal_id text not null, epoch text not null, from_seq bigint not null, to_seq bigint not null, announced_ms bigint not null,
    primary key (terminal_id, epoch, from_seq))`,
  `create table if not exists terminal_status (
    terminal_id text primary key, acquirer text not null, online integer, at_ms bigint,
    last_seen_ms bigint not null, app_version text, epoch text, last_seq bigint, ack bigint, gap bigint, devices text)`,
];

const INSERT_RECORD = `insert into records (${RECORD_COLUMNS.join(', ')}) values (${RECORD_COLUMNS.map(() => '?').join(', ')}) on conflict do nothing`;

/** How far the contiguous walk reads per query; a gap stops it anyway. */
const WALK_PAGE = 1000;

export class FleetStore {
  constructor(private readonly db: SqlDriver) {}

  get kind(): 'sqlite' | 'postgres' {
    return this.db.kind;
  }

  async migrate(): Promise<void> {
    for (const stmt of DDL) await this.db.exec(stmt);
  }

  /**
   * Stores a batch in one transaction: new records inserted, known ones dropped by the key, statuses
   * kept only when newer than the stored one, and the ack cursors of the touched terminals advanced
   * over the rows now stored. Only what this returns may be acknowledged, and only after it returned.
   */
  async commit(records: readonly RecordRow[], statuses: readonly StatusRow[]): Promise<CommitResult> {
    return this.db.transaction(async (q) => {
      let inserted = 0;
      const touched = new Map<string, { terminalId: string; epoch: string; acquirer: string; seenMs: number }>();
      // Gaps first: the cursors below step over them in this same transaction.
      for (const st of statuses) {
        if (!st.epoch || !st.gaps.length) continue;
        for (const [from, to] of st.gaps) await q.run(INSERT_GAP, [st.terminal_id, st.epoch, from, to, st.received_ms]);
        const k = `${st.terminal_id}\u0000${st.epoch}`;
        touched.set(k, { terminalId: st.terminal_id, epoch: st.epoch, acquirer: st.acquirer, seenMs: Math.max(touched.get(k)?.seenMs ?? 0, st.received_ms) });
      }
      for (const row of records) {
        inserted += await q.run(
          INSERT_RECORD,
          RECORD_COLUMNS.map((c) => row[c]),
        );
        const k = `${row.terminal_id}\u0000${row.epoch}`;
        const t = touched.get(k);
        touched.set(k, { terminalId: row.terminal_id, epoch: row.epoch, acquirer: row.acquirer, seenMs: Math.max(t?.seenMs ?? 0, row.t_received_ms) });
      }
      const cursors: AckCursor[] = [];
      for (const t of touched.values()) {
        cursors.push({ terminalId: t.terminalId, acquirer: t.acquirer, epoch: t.epoch, seq: await advanceCursor(q, t.terminalId, t.epoch) });
        await seen(q, t.terminalId, t.acquirer, t.seenMs);
      }
      for (const s of statuses) await putStatus(q, s);
      return { inserted, duplicates: records.length - inserted, cursors };
    });
  }

  /** The stored cursor of one terminal's epoch (0: nothing contiguous from seq 1 yet). */
  async cursor(terminalId: string, epoch: string): Promise<number> {
    const rows = await this.db.all<{ seq: number | string }>('select seq from ack_cursor where terminal_id = ? and epoch = ?', [terminalId, epoch]);
    return rows.length ? Number(rows[0]!.seq) : 0;
  }

  query<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return this.db.all<T>(sql, params);
  }

  close(): Promise<void> {
    return this.db.close();
  }
}

/** A range announced again (or grown by more rotation) keeps its widest end. */
const INSERT_GAP = `insert into record_gap (terminal_id, epoch, from_seq, to_seq, announced_ms) values (?, ?, ?, ?, ?)
  on conflict (terminal_id, epoch, from_seq) do update set to_seq = case when excluded.to_seq > record_gap.to_seq then excluded.to_seq else record_gap.to_seq end`;

/** The cursor walks over stored records and over announced gaps, whichever comes next, until neither does. */
async function advanceCursor(q: SqlRunner, terminalId: string, epoch: string): Promise<number> {
  const stored = await q.all<{ seq: number | string }>('select seq from ack_cursor where terminal_id = ? and epoch = ?', [terminalId, epoch]);
  const from = stored.length ? Number(stored[0]!.seq) : 0;
  let cur = from;
  for (;;) {
    const [gap] = await q.all<{ to_seq: number | string | null }>(
      'select max(to_seq) as to_seq from record_gap where terminal_id = ? and epoch = ? and from_seq <= ? and to_seq > ?',
      [terminalId, epoch, cur + 1, cur],
    );
    if (gap?.to_seq !== null && gap?.to_seq !== undefined) {
      cur = Number(gap.to_seq);
      continue;
    }
    const next = await q.all<{ seq: number | string }>(
      `select seq from records where terminal_id = ? and epoch = ? and seq > ? order by seq limit ${WALK_PAGE}`,
      [terminalId, epoch, cur],
    );
    let i = 0;
    while (i < next.length && Number(next[i]!.seq) === cur + 1) {
      cur++;
      i++;
    }
    // Stopped at a hole (or the end): go on only if an announced gap begins right there.
    if (i === 0) break;
  }
  if (cur !== from || !stored.length) {
    await q.run('insert into ack_cursor (terminal_id, epoch, seq) values (?, ?, ?) on conflict (terminal_id, epoch) do update set seq = excluded.seq', [
      terminalId,
      epoch,
      cur,
    ]);
  }
  return cur;
}

async function seen(q: SqlRunner, terminalId: string, acquirer: string, atMs: number): Promise<void> {
  await q.run(
    `insert into terminal_status (terminal_id, acquirer, last_seen_ms) values (?, ?, ?)
     on conflict (terminal_id) do update set last_seen_ms = case when excluded.last_seen_ms > terminal_status.last_seen_ms then excluded.last_seen_ms else terminal_status.last_seen_ms end`,
    [terminalId, acquirer, atMs],
  );
}

/** A status older than the stored one is dropped: a will from a taken-over session can arrive after a newer online status. */
async function putStatus(q: SqlRunner, s: StatusRow): Promise<void> {
  await q.run(
    `insert into terminal_status (terminal_id, acquirer, online, at_ms, last_seen_ms, app_version, epoch, last_seq, ack, gap, devices)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (terminal_id) do update set
       last_seen_ms = case when excluded.last_seen_ms > terminal_status.last_seen_ms then excluded.last_seen_ms else terminal_status.last_seen_ms end,
       acquirer = excluded.acquirer, online = case when terminal_status.at_ms is null or excluded.at_ms >= terminal_status.at_ms then excluded.online else terminal_status.online end,
       app_version = case when terminal_status.at_ms is null or excluded.at_ms >= terminal_status.at_ms then coalesce(excluded.app_version, terminal_status.app_version) else terminal_status.app_version end,
       epoch = case when terminal_status.at_ms is null or excluded.at_ms >= terminal_status.at_ms then coalesce(excluded.epoch, terminal_status.epoch) else terminal_status.epoch end,
       last_seq = case when terminal_status.at_ms is null or excluded.at_ms >= terminal_status.at_ms then coalesce(excluded.last_seq, terminal_status.last_seq) else terminal_status.last_seq end,
       ack = case when terminal_status.at_ms is null or excluded.at_ms >= terminal_status.at_ms then coalesce(excluded.ack, terminal_status.ack) else terminal_status.ack end,
       gap = case when terminal_status.at_ms is null or excluded.at_ms >= terminal_status.at_ms then coalesce(excluded.gap, terminal_status.gap) else terminal_status.gap end,
       devices = case when terminal_status.at_ms is null or excluded.at_ms >= terminal_status.at_ms then coalesce(excluded.devices, terminal_status.devices) else terminal_status.devices end,
       at_ms = case when terminal_status.at_ms is null or excluded.at_ms >= terminal_status.at_ms then excluded.at_ms else terminal_status.at_ms end`,
    [s.terminal_id, s.acquirer, s.online ? 1 : 0, s.at_ms, s.received_ms, s.app_version, s.epoch, s.last_seq, s.ack, s.gap, s.devices],
  );
}
