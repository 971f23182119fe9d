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
