import type { PrintResult } from '../../../hal/printer/driver';
import { JobStore, PrintQueue, QueuedJob } from '../../../hal/printer/print-queue';

const printed: PrintResult = { state: 'printed', status: {}, bytes: 1, ms: 1, confirmed: true };
const paperOut: PrintResult = { state: 'not-printed', reason: 'paper-end', partial: false };

class MemoryStore implements JobStore {
  saved: string[][] = [];
  constructor(private jobs: QueuedJob[] = []) {}
  load() {
    return this.jobs;
  }
  save(jobs: readonly QueuedJob[]) {
    this.jobs = [...jobs];
    this.saved.push(jobs.map((j) => j.id));
  }
}

test('jobs print in order; one that cannot print holds the ones behind it, all queued with its reason', async () => {
  const q = new PrintQueue();
  const results = [paperOut];
  const print = async () => results.shift() ?? printed;
  expect(await q.submit('a', Uint8Array.of(1), print)).toMatchObject({ state: 'queued', reason: 'paper-end', attempts: 1 });
  results.push(paperOut);
  expect(await q.submit('b', Uint8Array.of(2), print)).toMatchObject({ state: 'queued', reason: 'paper-end', attempts: 0 });
  const out = await q.flush(print);
  expect(out.map((o) => [o.id, o.state])).toEqual([
    ['a', 'printed'],
    ['b', 'printed'],
  ]);
  expect(await q.pending()).toEqual([]);
});

test('a print function that throws is an outcome, not an exception', async () => {
  const q = new PrintQueue();
  await expect(q.submit('a', Uint8Array.of(1), async () => Promise.reject(new Error('boom')))).resolves.toMatchObject({ state: 'queued' });
});

test('a store keeps waiting slips across restarts', async () => {
  const store = new MemoryStore([{ id: 'old', bytes: Uint8Array.of(9), attempts: 1, lastReason: 'paper-end' }]);
  const q = new PrintQueue(store);
  const sent: number[] = [];
  const out = await q.submit('new', Uint8Array.of(1), async (b) => (sent.push(b[0]), printed));
  expect(out).toMatchObject({ id: 'new', state: 'printed' });
  expect(sent).toEqual([9, 1]);
  expect(store.saved[store.saved.length - 1]).toEqual([]);
});

test('resubmitting a queued id does not duplicate it', async () => {
  const q = new PrintQueue();
  await q.submit('a', Uint8Array.of(1), async () => paperOut);
  await q.submit('a', Uint8Array.of(1), async () => paperOut);
  expect(await q.pending()).toHaveLength(1);
});

test('a job that failed maxAttempts times is dropped, with why; the slips behind it then print', async () => {
  const store = new MemoryStore();
  const q = new PrintQueue(store, { maxAttempts: 3 });
  let paper = false;
  const print = async () => (paper ? printed : paperOut);
  expect(await q.submit('stuck', Uint8Array.of(1), print)).toMatchObject({ state: 'queued', attempts: 1 });
  expect(await q.submit('next', Uint8Array.of(2), print)).toMatchObject({ state: 'queued', attempts: 0 });
  const third = await q.flush(print);
  expect(third.map((o) => [o.id, o.state])).toEqual([
    ['stuck', 'dropped'],
    ['next', 'queued'],
  ]);
  expect(third[0]).toMatchObject({ attempts: 3, reason: 'paper-end', why: 'attempts' });
  expect(store.saved[store.saved.length - 1]).toEqual(['next']);
  paper = true;
  expect((await q.flush(print)).map((o) => [o.id, o.state])).toEqual([['next', 'printed']]);
});

test('the default bound is 5 attempts', async () => {
  const q = new PrintQueue();
  const states: string[] = [];
  for (let i = 0; i < 5; i++) states.push((await q.submit('a', Uint8Array.of(1), async () => paperOut)).state);
  expect(states).toEqual(['queued', 'queued', 'queued', 'queued', 'dropped']);
  expect(await q.pending()).toEqual([]);
});

test('a job older than maxAgeMs is dropped before its next try; a kept job without a time starts its age at load', async () => {
  let now = 1_000_000;
  const store = new MemoryStore([{ id: 'from-before', bytes: Uint8Array.of(9), attempts: 1, lastReason: 'cover-open' }]);
  const q = new PrintQueue(store, { maxAgeMs: 60_000, now: () => now });
  const sent: number[] = [];
  expect(await q.submit('a', Uint8Array.of(1), async (b) => (sent.push(b[0]), paperOut))).toMatchObject({ state: 'queued' });
  now += 60_001;
  const out = await q.submit('b', Uint8Array.of(2), async (b) => (sent.push(b[0]), printed));
  expect(out).toMatchObject({ id: 'b', state: 'printed' });
  expect(sent).toEqual([9, 2]); // neither old job was sent again
  expect(await q.pending()).toEqual([]);
});

test('the bounds are named options with ranges', () => {
  expect(() => new PrintQueue(undefined, { maxAttempts: 0 })).toThrow('printQueue.maxAttempts');
  expect(() => new PrintQueue(undefined, { maxAgeMs: 10 })).toThrow('printQueue.maxAgeMs');
});
