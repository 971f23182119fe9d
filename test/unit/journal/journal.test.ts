/** The journal on disk: numbering across restarts, torn tails, rotation, scrubbing before the write. */
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isHalError } from '../../../hal/errors';
import { openJournal } from '../../../src/journal/journal';
import { encodeRecord } from '../../../src/journal/record-codec';
import type { JournalRecord } from '../../../src/journal/types';
import { diagnosisRecord, freshDir, menuRecord } from '../../helpers/journal-fixtures';

let tmp: ReturnType<typeof freshDir>;
beforeEach(() => (tmp = freshDir()));
afterEach(() => tmp.remove());

test('appends get ids and seqs in order; list is newest first, readAll oldest first', async () => {
  const j = openJournal(tmp.dir);
  expect(await j.nextId()).toBe('J00000001');
  const a = await j.append(diagnosisRecord());
  const b = await j.append(menuRecord('pin-ok'));
  expect([a.id, a.seq, b.id, b.seq]).toEqual(['J00000001', 1, 'J00000002', 2]);
  expect(await j.nextId()).toBe('J00000003');
  expect((await j.list()).map((r) => r.id)).toEqual(['J00000002', 'J00000001']);
  expect((await j.list({ kind: 'menu' })).map((r) => r.id)).toEqual(['J00000002']);
  expect((await j.list({ limit: 1 })).map((r) => r.id)).toEqual(['J00000002']);
  expect(await j.readAll()).toEqual({ records: [a, b], skipped: 0 });
  expect(await j.get('J00000001')).toEqual(a);
  expect(await j.get('J00000099')).toBeNull();
});

test('a record without a time gets now, with the UTC offset', async () => {
  const j = openJournal(tmp.dir, { now: () => new Date('2024-05-01T02:15:00.000Z') });
  const r = await j.append(menuRecord('exit'));
  expect(new Date(r.time).toISOString()).toBe('2024-05-01T02:15:00.000Z');
  expect(r.time).toMatch(/[+-]\d\d:\d\d$/);
});

test('concurrent appends are serialized: distinct seqs, every line intact', async () => {
  const j = openJournal(tmp.dir);
  const [next, ...records] = await Promise.all([j.nextId(), ...Array.from({ length: 25 }, (_, i) => j.append(menuRecord('test', `run ${i}`)))]);
  expect(next).toBe('J00000001');
  expect(records.map((r) => r.seq)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  expect((await j.readAll()).skipped).toBe(0);
});

test('numbering continues from what is on disk after a restart', async () => {
  await openJournal(tmp.dir).append(menuRecord());
  await openJournal(tmp.dir).append(menuRecord());
  const j = openJournal(tmp.dir);
  expect(await j.nextId()).toBe('J00000003');
  expect((await j.append(menuRecord())).seq).toBe(3);
});

test('a torn last line is skipped and counted, and the next record starts on a fresh line', async () => {
  const j1 = openJournal(tmp.dir);
  await j1.append(menuRecord('pin-ok'));
  const torn = encodeRecord({ ...menuRecord('pin-wrong'), id: 'J00000002', seq: 2, time: '2024-05-01T10:00:00.000+08:00' } as JournalRecord);
  appendFileSync(join(tmp.dir, 'journal.log'), torn.slice(0, 50)); // power cut mid-write
  const j2 = openJournal(tmp.dir);
  expect(await j2.nextId()).toBe('J00000002');
  const r = await j2.append(menuRecord('lockout'));
  expect(r.seq).toBe(2);
  const { records, skipped } = await j2.readAll();
  expect(records.map((x) => [x.seq, (x as { event: string }).event])).toEqual([
    [1, 'pin-ok'],
    [2, 'lockout'],
  ]);
  expect(skipped).toBe(1);
  expect(readFileSync(join(tmp.dir, 'journal.log'), 'utf8').endsWith('\n')).toBe(true);
});

test('a corrupt line in the middle is skipped; numbering follows the last good record', async () => {
  const j = openJournal(tmp.dir);
  await j.append(menuRecord());
  appendFileSync(join(tmp.dir, 'journal.log'), 'not a record\n');
  await j.append(menuRecord());
  const again = openJournal(tmp.dir);
  expect((await again.readAll()).skipped).toBe(1);
  expect(await again.nextId()).toBe('J00000003');
});

test('rotation at the size cap keeps keepFiles files, oldest dropped, numbering and reading across them', async () => {
  const j = openJournal(tmp.dir, { maxBytes: 4096, keepFiles: 3 });
  for (let i = 0; i < 60; i++) await j.append(diagnosisRecord());
  const files = readdirSync(tmp.dir).sort();
  expect(files).toEqual(['journal.1.log', 'journal.2.log', 'journal.epoch', 'journal.log', 'journal.seq']);
  files.pop();
  for (const f of files) expect(statSync(join(tmp.dir, f)).size).toBeLessThanOrEqual(4096);
  const { records, skipped } = await j.readAll();
  expect(skipped).toBe(0);
  const seqs = records.map((r) => r.seq);
  expect(seqs[seqs.length - 1]).toBe(60);
  expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => seqs[0] + i)); // contiguous, increasing
  expect(seqs[0]).toBeGreaterThan(1); // the oldest file went
  // Right after a rotation journal.log may be small; a restart still numbers from the newest record.
  expect(await openJournal(tmp.dir, { maxBytes: 4096 }).nextId()).toBe('J00000061');
});

test('a rotation cut short (a gap in the file names) is filled, not a file dropped', async () => {
  const one = (seq: number) => encodeRecord({ ...menuRecord(), id: `J0000000${seq}`, seq, time: '2024-05-01T10:00:00.000+08:00' } as JournalRecord);
  // As left by a crash between "journal.1 -> journal.2" and "journal.log -> journal.1".
  writeFileSync(join(tmp.dir, 'journal.2.log'), one(1));
  writeFileSync(join(tmp.dir, 'journal.log'), one(2) + 'x'.repeat(5000) + '\n');
  const j = openJournal(tmp.dir, { maxBytes: 4096, keepFiles: 3 });
  expect((await j.append(menuRecord())).seq).toBe(3);
  expect(readdirSync(tmp.dir).sort()).toEqual(['journal.1.log', 'journal.2.log', 'journal.epoch', 'journal.log', 'journal.seq']);
  const { records, skipped } = await j.readAll();
  expect(records.map((r) => r.seq)).toEqual([1, 2, 3]);
  expect(skipped).toBe(1);
});

test('nothing sensitive reaches the disk even when the caller errs', async () => {
  const j = openJournal(tmp.dir);
  const rec = diagnosisRecord({ pan: '6200000000000005', hintTitle: 'card 4111 1111 1111 1111 ;4111111111111111=2512101?' });
  const written = await j.append({ ...rec, cvv: '123', pinBlock: '0412AC89ABCDEF67' } as unknown as typeof rec);
  const disk = readFileSync(join(tmp.dir, 'journal.log'), 'utf8');
  for (const secret of ['6200000000000005', '4111111111111111', '4111 1111 1111 1111', '=2512', '0412AC89', '"cvv"']) expect(disk).not.toContain(secret);
  expect((written as { pan?: string }).pan).toBe('620000******0005');
  expect(await j.get(written.id)).toEqual(written);
});

test('the caller cannot choose id or seq', async () => {
  const j = openJournal(tmp.dir);
  const r = await j.append({ ...menuRecord(), id: 'X', seq: 99 } as unknown as ReturnType<typeof menuRecord>);
  expect([r.id, r.seq]).toEqual(['J00000001', 1]);
});

test('reading an absent directory is an empty journal and creates nothing', async () => {
  const dir = join(tmp.dir, 'not-yet');
  const j = openJournal(dir);
  expect(await j.readAll()).toEqual({ records: [], skipped: 0 });
  expect(await j.list()).toEqual([]);
  expect(await j.nextId()).toBe('J00000001');
  expect(readdirSync(tmp.dir)).toEqual([]);
  await j.append(menuRecord());
  expect(statSync(dir).mode & 0o777).toBe(0o700);
});

test.each([
  [{ maxBytes: 100 }, 'journal.maxBytes'],
  [{ keepFiles: 1 }, 'journal.keepFiles'],
  [{ maxBytes: 4096.5 }, 'journal.maxBytes'],
])('options out of range are refused with their name: %j', (opts, name) => {
  let err: unknown;
  try {
    openJournal(tmp.dir, opts);
  } catch (e) {
    err = e;
  }
  expect(isHalError(err, 'Config_Invalid')).toBe(true);
  expect((err as Error).message).toContain(name);
});

test('a failed append leaves the journal usable', async () => {
  const j = openJournal(tmp.dir);
  await j.append(menuRecord());
  const circular: Record<string, unknown> = { ...menuRecord() };
  circular.self = circular;
  await expect(j.append(circular as unknown as ReturnType<typeof menuRecord>)).rejects.toThrow();
  expect((await j.append(menuRecord())).seq).toBe(2);
});

test('reads while appends rotate the files always see a contiguous journal', async () => {
  const j = openJournal(tmp.dir, { maxBytes: 4096, keepFiles: 20 });
  const reads: Array<Promise<{ records: JournalRecord[] }>> = [];
  const writes: Array<Promise<JournalRecord>> = [];
  for (let i = 0; i < 60; i++) {
    writes.push(j.append(diagnosisRecord()));
    if (i % 5 === 0) reads.push(j.readAll());
  }
  await Promise.all(writes);
  for (const { records } of await Promise.all(reads)) {
    const seqs = records.map((r) => r.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, k) => k + 1));
  }
});

test('two journals open on one directory (two processes) never hand out one id twice', async () => {
  const menu = openJournal(tmp.dir); // opened early and kept open, as the menu does
  const diag = openJournal(tmp.dir);
  const ids: string[] = [];
  for (let i = 0; i < 4; i++) {
    ids.push((await menu.append(menuRecord('test'))).id);
    ids.push((await diag.append(diagnosisRecord())).id);
  }
  expect(ids).toEqual(Array.from({ length: 8 }, (_, k) => `J0000000${k + 1}`));
  expect(await menu.nextId()).toBe('J00000009');
});

test('another writer rotating the files under a cached state: numbering still follows the disk', async () => {
  const a = openJournal(tmp.dir, { maxBytes: 4096 });
  const b = openJournal(tmp.dir, { maxBytes: 4096 });
  await a.append(diagnosisRecord());
  for (let i = 0; i < 30; i++) await b.append(diagnosisRecord()); // b rotates journal.log at least once
  expect(readdirSync(tmp.dir)).toContain('journal.1.log');
  expect((await a.append(menuRecord())).seq).toBe(32);
});

test('an append waits for a lock another live process holds, and gives up after its bound', async () => {
  writeFileSync(join(tmp.dir, 'journal.lock'), `${process.ppid} ${Date.now()} held\n`); // a live pid, a fresh lock
  const j = openJournal(tmp.dir, { lock: { timeoutMs: 100 } });
  await expect(j.append(menuRecord())).rejects.toMatchObject({ code: 'ELOCKED' });
  expect(readFileSync(join(tmp.dir, 'journal.lock'), 'utf8')).toContain('held'); // not ours to remove
});

test.each([
  ['its process is gone', () => `${deadPid()} ${Date.now()} x\n`, {}],
  ['it is older than staleMs', () => `${process.ppid} ${Date.now()} x\n`, { staleMs: 1000 }],
  ['it was never written (killed between creating and writing it)', () => '', {}],
])('a lock left behind is taken over when %s', async (_why, content, lock) => {
  writeFileSync(join(tmp.dir, 'journal.lock'), content());
  const twoSecondsAgo = new Date(Date.now() - 2000);
  utimesSync(join(tmp.dir, 'journal.lock'), twoSecondsAgo, twoSecondsAgo);
  const j = openJournal(tmp.dir, { lock: { timeoutMs: 2000, ...lock } });
  expect((await j.append(menuRecord())).id).toBe('J00000001');
  expect(readdirSync(tmp.dir).sort()).toEqual(['journal.epoch', 'journal.log', 'journal.seq']); // lock released, nothing set aside left over
});

test("a directory in a journal file's place is set aside into damaged/; appending goes on", async () => {
  const j = openJournal(tmp.dir, { maxBytes: 4096, keepFiles: 20 });
  for (let i = 0; i < 25; i++) await j.append(diagnosisRecord());
  expect(readdirSync(tmp.dir)).toContain('journal.1.log');
  mkdirSync(join(tmp.dir, 'journal.7.log'));
  const { records, skipped } = await j.readAll();
  expect([records.length, skipped]).toEqual([25, 0]);
  expect(readdirSync(join(tmp.dir, 'damaged'))).toEqual([expect.stringMatching(/^journal\.7\.log\.\d{8}T\d{6}Z-[0-9a-f]{4}$/)]);
  expect((await j.list({ limit: 1 }))[0].seq).toBe(25);
  expect(await openJournal(tmp.dir).get('J00000003')).toMatchObject({ seq: 3 });
  // A fresh writer scans past it too.
  expect((await openJournal(tmp.dir, { maxBytes: 4096, keepFiles: 20 }).append(menuRecord())).seq).toBe(26);
});

/** A pid no process has: a child that has exited. */
function deadPid(): number {
  const { pid } = spawnSync(process.execPath, ['-e', '0']);
  return pid;
}
