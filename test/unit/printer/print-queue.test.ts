/** The print queue: its own slip first, a few waiting ones after, bounded in count, age and attempts; claims keep one printer per slip. */
import type { PrintResult } from '../../../hal/printer/driver';
import { JobStore, PrintQueue, QueuedJob } from '../../../hal/printer/print-queue';

const printed: PrintResult = { state: 'printed', status: {}, bytes: 1, ms: 1, confirmed: true };
const paperOut: PrintResult = { state: 'not-printed', reason: 'paper-end', partial: false };

/** A store as a second process sees it: what it saved, and which claims belong to processes that are gone. */
class MemoryStore implements JobStore {
  saved: string[][] = [];
  gone = new Set<string>();
  #n = 0;
  constructor(public jobs: QueuedJob[] = []) {}
  load() {
    return this.jobs.map((j) => ({ ...j }));
  }
  save(jobs: readonly QueuedJob[]) {
    this.jobs = jobs.map((j) => ({ ...j }));
    this.saved.push(jobs.map((j) => j.id));
  }
  claimToken() {
    return `proc-${++this.#n}`;
  }
  claimGone(token: string) {
    return this.gone.has(token);
  }
}

const job = (id: string, extra: Partial<QueuedJob> = {}): QueuedJob => ({
  id,
  bytes: Uint8Array.of(id.charCodeAt(id.length - 1)),
  attempts: 1,
  lastReason: 'paper-end',
  queuedAt: Date.now(),
  ...extra,
});

/** A print function that records what it sent (the last byte of each job's id) and answers from a script. */
function printer(answers: PrintResult[] = []) {
  const sent: string[] = [];
  const print = async (b: Uint8Array) => (sent.push(String.fromCharCode(b[0]!)), answers.shift() ?? printed);
  return { sent, print };
}

test('its own slip first, then at most catchUp waiting slips, oldest first; the rest wait', async () => {
  const store = new MemoryStore(['a', 'b', 'c', 'd'].map((id) => job(id)));
  const p = printer();
  const out = await new PrintQueue(store).submitReporting('N', Uint8Array.of('N'.charCodeAt(0)), p.print);
  expect(p.sent).toEqual(['N', 'a', 'b']);
  expect(out.job).toMatchObject({ id: 'N', state: 'printed', attempts: 1 });
  expect(out.earlier.map((o) => [o.id, o.state])).toEqual([
    ['a', 'printed'],
    ['b', 'printed'],
  ]);
  expect(store.jobs.map((j) => j.id)).toEqual(['c', 'd']);
});

test('60 slips while the paper is out: at most maxWaiting wait, the oldest given up and reported; then no backlog in front of the cashier', async () => {
  const store = new MemoryStore();
  const q = new PrintQueue(store);
  const dropped: string[] = [];
  for (let i = 0; i < 60; i++) {
    const out = await q.submitReporting(`s${i}`, Uint8Array.of(i), async () => paperOut);
    expect(out.job).toMatchObject({ state: 'queued', reason: 'paper-end' });
    for (const e of out.earlier) if (e.state === 'dropped' && e.why === 'full') dropped.push(e.id);
  }
  expect(store.jobs.map((j) => j.id)).toEqual(Array.from({ length: 10 }, (_, k) => `s${50 + k}`));
  expect(dropped).toEqual(Array.from({ length: 50 }, (_, k) => `s${k}`));
  let sent = 0;
  const out = await q.submitReporting('paper', Uint8Array.of(1), async () => (sent++, printed));
  expect(sent).toBe(3);
  expect(out).toMatchObject({
    job: { state: 'printed' },
    earlier: [
      { id: 's50', state: 'printed' },
      { id: 's51', state: 'printed' },
    ],
  });
  expect(store.jobs).toHaveLength(8);
});

test('the printer failing during the catch-up: that slip counts an attempt, it and the rest go back to waiting, in order', async () => {
  const store = new MemoryStore(['a', 'b', 'c'].map((id) => job(id)));
  const p = printer([printed, paperOut]);
  const out = await new PrintQueue(store, { catchUp: 3 }).submitReporting('N', Uint8Array.of('N'.charCodeAt(0)), p.print);
  expect(p.sent).toEqual(['N', 'a']);
  expect(out.earlier).toEqual([{ id: 'a', state: 'queued', attempts: 2, reason: 'paper-end', partial: false }]);
  expect(store.jobs.map((j) => [j.id, j.attempts, j.claim])).toEqual([
    ['a', 2, undefined],
    ['b', 1, undefined],
    ['c', 1, undefined],
  ]);
});

test('a slip that cannot print waits, and is sent once it can; catchUp 0 leaves the waiting ones alone', async () => {
  const q = new PrintQueue(undefined, { catchUp: 0 });
  expect(await q.submit('a', Uint8Array.of(1), async () => paperOut)).toMatchObject({ state: 'queued', reason: 'paper-end', attempts: 1 });
  expect(await q.submit('b', Uint8Array.of(2), async () => printed)).toMatchObject({ state: 'printed' });
  expect((await q.pending()).map((j) => j.id)).toEqual(['a']);
  expect((await q.flush(async () => printed, 5)).map((o) => [o.id, o.state])).toEqual([['a', 'printed']]);
  expect(await q.pending()).toEqual([]);
});

test('a slip claimed by a process that died while printing it is never sent again: given up as interrupted, and reported', async () => {
  const store = new MemoryStore([job('a', { claim: 'dead-printer' }), job('b', { claim: 'live-printer' }), job('c')]);
  store.gone.add('dead-printer');
  const p = printer();
  const out = await new PrintQueue(store).submitReporting('N', Uint8Array.of('N'.charCodeAt(0)), p.print);
  expect(p.sent).toEqual(['N', 'c']); // not a (may have come out), not b (another process is printing it)
  expect(out.earlier).toEqual([
    { id: 'a', state: 'dropped', attempts: 1, reason: 'paper-end', why: 'interrupted' },
    { id: 'c', state: 'printed', attempts: 2, confirmed: true },
  ]);
  expect(store.jobs.map((j) => j.id)).toEqual(['b']);
});

test('a reprint of a waiting slip takes it out of the queue; failing again, it keeps its place and age', async () => {
  const queuedAt = Date.now() - 5000;
  const store = new MemoryStore([job('a', { queuedAt }), job('b')]);
  const q = new PrintQueue(store, { catchUp: 0 });
  expect(await q.submit('a', Uint8Array.of(1), async () => paperOut)).toMatchObject({ state: 'queued', attempts: 2 });
  expect(store.jobs.map((j) => [j.id, j.queuedAt === queuedAt])).toEqual([
    ['a', true],
    ['b', false],
  ]);
  expect(await q.submit('a', Uint8Array.of(1), async () => printed)).toMatchObject({ state: 'printed', attempts: 3 });
  expect(store.jobs.map((j) => j.id)).toEqual(['b']);
});

test('a slip that failed maxAttempts times is given up, with why; the default bound is 5', async () => {
  const q = new PrintQueue();
  const states: string[] = [];
  for (let i = 0; i < 5; i++) states.push((await q.submit('a', Uint8Array.of(1), async () => paperOut)).state);
  expect(states).toEqual(['queued', 'queued', 'queued', 'queued', 'dropped']);
  expect(await q.pending()).toEqual([]);
  const store = new MemoryStore([job('x', { attempts: 2 })]);
  const out = await new PrintQueue(store, { maxAttempts: 3 }).submitReporting('N', Uint8Array.of(1), printer([printed, paperOut]).print);
  expect(out.earlier).toEqual([{ id: 'x', state: 'dropped', attempts: 3, reason: 'paper-end', why: 'attempts' }]);
  expect(store.jobs).toEqual([]);
});

test('a slip older than maxAgeMs is given up before its next try; a kept slip without a time starts its age at load', async () => {
  let now = 1_000_000;
  const store = new MemoryStore([{ id: 'from-before', bytes: Uint8Array.of(9), attempts: 1, lastReason: 'cover-open' }]);
  const q = new PrintQueue(store, { maxAgeMs: 60_000, now: () => now });
  const p = printer([paperOut]);
  expect(await q.submit('a', Uint8Array.of('a'.charCodeAt(0)), p.print)).toMatchObject({ state: 'queued' });
  now += 60_001;
  const out = await q.submitReporting('b', Uint8Array.of('b'.charCodeAt(0)), p.print);
  expect(out.job).toMatchObject({ id: 'b', state: 'printed' });
  expect(out.earlier.map((o) => (o.state === 'dropped' ? [o.id, o.why] : o.id))).toEqual([
    ['from-before', 'age'],
    ['a', 'age'],
  ]);
  expect(p.sent).toEqual(['a', 'b']); // neither old slip was sent again
  expect(await q.pending()).toEqual([]);
});

test('a print function that throws is an outcome, not an exception', async () => {
  await expect(new PrintQueue().submit('a', Uint8Array.of(1), async () => Promise.reject(new Error('boom')))).resolves.toMatchObject({
    state: 'queued',
    reason: 'no-reply',
  });
});

test('a queue store that cannot be read costs the queue, not the print', async () => {
  const broken: JobStore = { load: () => Promise.reject(new Error('EIO')), save: () => undefined };
  expect(await new PrintQueue(broken).submit('a', Uint8Array.of(1), async () => printed)).toMatchObject({ state: 'printed' });
  await expect(new PrintQueue(broken).submit('a', Uint8Array.of(1), async () => paperOut)).rejects.toThrow('EIO');
});

test('the bounds are named options with ranges', () => {
  expect(() => new PrintQueue(undefined, { maxAttempts: 0 })).toThrow('printQueue.maxAttempts');
  expect(() => new PrintQueue(undefined, { maxAgeMs: 10 })).toThrow('printQueue.maxAgeMs');
  expect(() => new PrintQueue(undefined, { maxWaiting: 0 })).toThrow('printQueue.maxWaiting must be a whole number from 1 to 100');
  expect(() => new PrintQueue(undefined, { catchUp: 11 })).toThrow('printQueue.catchUp must be a whole number from 0 to 10');
});
