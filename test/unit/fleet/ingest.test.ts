/**
 * The ingest against an in-memory SQLite store, a recording publisher and a fake clock: rows exactly
 * once, the ack published only after the commit and only as far as the records are contiguous, at most
 * one ack per terminal per interval, and records refused when their terminal is not the topic's.
 */
import type { Clock } from '../../../hal/clock';
import { Ingest, type AckPublisher } from '../../../src/fleet/ingest';
import { openSqlite } from '../../../src/fleet/sqlite-driver';
import { FleetStore, type SqlDriver } from '../../../src/fleet/store';
import { EPOCH_A, EPOCH_B, wirePayload } from '../../helpers/fleet-records';

const topic = (tid: string, channel = 'diagnosis') => `posdiag/v1/cup/${tid}/${channel}`;

class FakeClock implements Clock {
  t = 1_000_000;
  private timers: Array<{ at: number; fn: () => void; id: number }> = [];
  private next = 1;
  now = () => this.t;
  setTimeout = (fn: () => void, ms: number) => {
    const id = this.next++;
    this.timers.push({ at: this.t + ms, fn, id });
    return id;
  };
  clearTimeout = (id: unknown) => {
    this.timers = this.timers.filter((x) => x.id !== id);
  };
  /** Moves time on, running due timers and letting their commits settle. */
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    for (;;) {
      await settle();
      const due = this.timers.filter((x) => x.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((x) => x !== due);
      this.t = due.at;
      due.fn();
    }
    this.t = end;
    await settle();
  }
}

const settle = () => new Promise<void>((r) => setImmediate(r));

interface Published {
  topic: string;
  payload: string;
  retain: boolean;
  /** Rows in the database when the ack was published. */
  rowsThen: number;
}

let driver: SqlDriver;
let store: FleetStore;
let clock: FakeClock;
let published: Published[];
let ingest: Ingest;

beforeEach(async () => {
  driver = openSqlite(':memory:');
  store = new FleetStore(driver);
  await store.migrate();
  clock = new FakeClock();
  published = [];
  const publisher: AckPublisher = {
    publish(t, payload, opts, cb) {
      void store.query<{ n: number }>('select count(*) as n from records').then(([r]) => {
        published.push({ topic: t, payload, retain: opts.retain, rowsThen: r!.n });
        cb();
      });
    },
  };
  ingest = new Ingest({ store, publisher, clock, wallNow: () => clock.t, ackIntervalMs: 200, batchMs: 20 });
});
afterEach(() => store.close());

const rows = async () =>
  (await store.query<{ terminal_id: string; epoch: string; seq: number }>('select terminal_id, epoch, seq from records order by terminal_id, epoch, seq')).map(
    (r) => `${r.terminal_id}/${r.epoch.slice(0, 4)}/${r.seq}`,
  );

test('each record once; duplicates dropped; the ack after the commit, retained, as far as contiguous', async () => {
  for (const seq of [1, 2, 2, 3, 5, 1]) ingest.handle(topic('10000001'), wirePayload({ terminalId: '10000001', seq }));
  expect(published).toEqual([]); // nothing acknowledged before the batch is committed
  await clock.advance(20);
  expect(await rows()).toEqual(['10000001/0123/1', '10000001/0123/2', '10000001/0123/3', '10000001/0123/5']);
  expect(ingest.stats).toMatchObject({ inserted: 4, duplicates: 2 });
  expect(published).toEqual([{ topic: topic('10000001', 'ack'), payload: JSON.stringify({ seq: 3, epoch: EPOCH_A }), retain: true, rowsThen: 4 }]);
  // seq 4 fills the gap: the ack jumps to 5, but not before the interval since the last ack.
  ingest.handle(topic('10000001'), wirePayload({ terminalId: '10000001', seq: 4 }));
  await clock.advance(20);
  expect(published).toHaveLength(1);
  await clock.advance(180);
  expect(published.map((p) => p.payload)).toEqual([JSON.stringify({ seq: 3, epoch: EPOCH_A }), JSON.stringify({ seq: 5, epoch: EPOCH_A })]);
});

test('a wiped terminal (new epoch) starts again at seq 1 and is not taken for a duplicate', async () => {
  ingest.handle(topic('10000001'), wirePayload({ terminalId: '10000001', seq: 1, epoch: EPOCH_A }));
  ingest.handle(topic('10000001'), wirePayload({ terminalId: '10000001', seq: 1, epoch: EPOCH_B }));
  await clock.advance(20);
  expect(await rows()).toEqual(['10000001/0123/1', '10000001/fedc/1']);
  expect(ingest.stats.duplicates).toBe(0);
});

test('many acks in one interval are one publish with the latest value', async () => {
  for (let seq = 1; seq <= 10; seq++) {
    ingest.handle(topic('10000001'), wirePayload({ terminalId: '10000001', seq }));
    await clock.advance(25); // a commit every 25 ms
  }
  await clock.advance(400);
  const acks = published.map((p) => JSON.parse(p.payload).seq as number);
  expect(acks[acks.length - 1]).toBe(10);
  // 10 commits over 250 ms, at most one ack per 200 ms: the first at once, then one per interval.
  expect(acks.length).toBeLessThanOrEqual(3);
  for (const p of published) expect(p.rowsThen).toBeGreaterThanOrEqual(JSON.parse(p.payload).seq);
});

test('a record naming another terminal than its topic is refused; a bad topic or payload too', async () => {
  ingest.handle(topic('10000002'), wirePayload({ terminalId: '10000001', seq: 1 }));
  ingest.handle('posdiag/v1/cup/10000002/diagnosis/extra', wirePayload({ terminalId: '10000002', seq: 1 }));
  ingest.handle(topic('10000002'), Buffer.from('{"not":"a record"}'));
  ingest.handle(topic('10000002', 'selftest'), wirePayload({ terminalId: '10000002', seq: 1 }));
  await clock.advance(100);
  expect(await rows()).toEqual([]);
  expect(ingest.stats.refused).toEqual({ identity: 1, topic: 1, payload: 1, kind: 1 });
  expect(published).toEqual([]);
});

test('a failed commit keeps the rows, acknowledges nothing, and succeeds on the retry', async () => {
  const real = store.commit.bind(store);
  let fail = true;
  store.commit = (r, s) => (fail ? Promise.reject(new Error('disk I/O error')) : real(r, s));
  ingest.handle(topic('10000001'), wirePayload({ terminalId: '10000001', seq: 1 }));
  await clock.advance(20);
  expect(ingest.stats.failedCommits).toBe(1);
  expect(published).toEqual([]);
  fail = false;
  await clock.advance(1000);
  expect(await rows()).toEqual(['10000001/0123/1']);
  expect(published.map((p) => p.payload)).toEqual([JSON.stringify({ seq: 1, epoch: EPOCH_A })]);
});

test('statuses: the newest wins, a will without a time counts from its arrival, records update last seen', async () => {
  const status = (s: object) => Buffer.from(JSON.stringify(s));
  ingest.handle(topic('10000001', 'status'), status({ online: true, at: new Date(clock.t).toISOString(), lastSeq: 4, ack: 3, gap: 2 }));
  ingest.handle(topic('10000001', 'status'), status({ online: false, at: new Date(clock.t - 60_000).toISOString() })); // older: dropped
  await clock.advance(20);
  let [s] = await store.query<{ online: number; gap: number; last_seq: number }>('select online, gap, last_seq from terminal_status');
  expect(s).toEqual({ online: 1, gap: 2, last_seq: 4 });
  await clock.advance(5000);
  ingest.handle(topic('10000001', 'status'), status({ online: false })); // the broker's will
  await clock.advance(20);
  [s] = await store.query('select online, gap, last_seq from terminal_status');
  expect(s).toEqual({ online: 0, gap: 2, last_seq: 4 });
});

test('an announced gap: the ack steps over it (also when the records after it came first), the gap is kept for the report', async () => {
  const status = (s: object) => Buffer.from(JSON.stringify(s));
  for (const seq of [1, 2, 8, 9]) ingest.handle(topic('10000001'), wirePayload({ terminalId: '10000001', seq }));
  await clock.advance(20);
  expect(published.map((p) => JSON.parse(p.payload).seq)).toEqual([2]);
  // Seqs 3 to 7 were rotated away on the terminal before the fleet acknowledged them: it says so.
  ingest.handle(
    topic('10000001', 'status'),
    status({ online: true, at: new Date(clock.t).toISOString(), epoch: EPOCH_A, lastSeq: 9, ack: 2, gap: 5, gaps: [[3, 7]] }),
  );
  await clock.advance(400);
  expect(published.map((p) => JSON.parse(p.payload))).toEqual([
    { seq: 2, epoch: EPOCH_A },
    { seq: 9, epoch: EPOCH_A },
  ]);
  expect(await store.query('select terminal_id, epoch, from_seq, to_seq from record_gap')).toEqual([
    { terminal_id: '10000001', epoch: EPOCH_A, from_seq: 3, to_seq: 7 },
  ]);
  // The same gap announced again, grown: one range, its widest end; the records after it follow at once.
  ingest.handle(topic('10000001', 'status'), status({ online: true, at: new Date(clock.t).toISOString(), epoch: EPOCH_A, gaps: [[10, 12]] }));
  ingest.handle(topic('10000001'), wirePayload({ terminalId: '10000001', seq: 13 }));
  await clock.advance(400);
  expect(JSON.parse(published[published.length - 1]!.payload)).toEqual({ seq: 13, epoch: EPOCH_A });
  // Another epoch's gap moves nothing of this one.
  expect(await store.cursor('10000001', EPOCH_B)).toBe(0);
});

test('shutting down while the database fails ends at once, acknowledging nothing (the terminals send those records again)', async () => {
  store.commit = () => Promise.reject(new Error('database is down'));
  ingest.handle(topic('10000001'), wirePayload({ terminalId: '10000001', seq: 1 }));
  await clock.advance(20); // the first commit failed; its retry waits
  const closed = ingest.close().then(() => 'closed');
  const timeout = new Promise((r) => setTimeout(() => r('still draining'), 500));
  expect(await Promise.race([closed, timeout])).toBe('closed');
  expect(published).toEqual([]);
});

test("a refused message's topic reaches the operator's log without its control bytes", async () => {
  const lines: string[] = [];
  const logged = new Ingest({ store, publisher: { publish: (_t, _p, _o, cb) => cb() }, clock, wallNow: () => clock.t, log: (l) => lines.push(l) });
  // A terminal may write only under its own id, but what follows it is its own choice.
  logged.handle('posdiag/v1/cup/10000002/diagnosis/\u001b[2J\u001b]0;pwned\u0007\r\nfake line', wirePayload({ terminalId: '10000002', seq: 1 }));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain('posdiag/v1/cup/10000002/diagnosis/');
  expect(lines[0]).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
});
