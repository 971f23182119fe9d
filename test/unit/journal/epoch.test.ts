/** The journal's epoch (key uniqueness across a wiped directory) and the rotation guard for records the fleet has not acknowledged. */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ackedSeq, JOURNAL_EPOCH, TELEMETRY_ACK } from '../../../src/journal/epoch';
import { openJournal } from '../../../src/journal/journal';
import { diagnosisRecord, freshDir } from '../../helpers/journal-fixtures';

let tmp: ReturnType<typeof freshDir>;
beforeEach(() => (tmp = freshDir()));
afterEach(() => tmp.remove());

const epochLine = () => readFileSync(join(tmp.dir, JOURNAL_EPOCH), 'latin1');

test('the first append makes the epoch, once; later appends and restarts keep it', async () => {
  expect(existsSync(join(tmp.dir, JOURNAL_EPOCH))).toBe(false);
  await openJournal(tmp.dir).append(diagnosisRecord());
  const first = epochLine();
  expect(first).toMatch(/^[0-9a-f]{32} 1\n$/);
  await openJournal(tmp.dir).append(diagnosisRecord());
  expect(epochLine()).toBe(first);
});

test('a wiped data directory starts again at seq 1 under a new epoch', async () => {
  const a = await openJournal(tmp.dir).append(diagnosisRecord());
  const before = epochLine();
  for (const f of readdirSync(tmp.dir)) rmSync(join(tmp.dir, f), { recursive: true });
  const b = await openJournal(tmp.dir).append(diagnosisRecord());
  expect([a.seq, b.seq]).toEqual([1, 1]);
  expect(epochLine()).not.toBe(before);
});

test('an epoch gone while a cursor is there begins at the next seq (records may have been shipped under the old one)', async () => {
  const j = openJournal(tmp.dir);
  for (let i = 0; i < 3; i++) await j.append(diagnosisRecord());
  writeFileSync(join(tmp.dir, TELEMETRY_ACK), JSON.stringify({ seq: 2, epoch: epochLine().slice(0, 32) }));
  rmSync(join(tmp.dir, JOURNAL_EPOCH));
  await openJournal(tmp.dir).append(diagnosisRecord());
  expect(epochLine()).toMatch(/^[0-9a-f]{32} 4\n$/);
});

test.each([
  ['no cursor', undefined, 0],
  ['a cursor', '{"seq":5,"epoch":"0123456789abcdef"}', 5],
  ['a damaged cursor', '{"seq":', 0],
  ['a cursor of another shape', '{"epoch":"x","seq":5}', 0],
])('ackedSeq with %s', async (_name, cursor, expected) => {
  await openJournal(tmp.dir).append(diagnosisRecord());
  if (cursor) writeFileSync(join(tmp.dir, TELEMETRY_ACK), cursor);
  expect(ackedSeq(tmp.dir)).toBe(expected);
});

describe('rotation guard', () => {
  function seqsOnDisk(): number[] {
    return readdirSync(tmp.dir)
      .filter((f) => /^journal(\.\d+)?\.log$/.test(f))
      .flatMap((f) =>
        readFileSync(join(tmp.dir, f), 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l.split('\t')[0]!).seq as number),
      )
      .sort((a, b) => a - b);
  }
  const ack = (seq: number) => writeFileSync(join(tmp.dir, TELEMETRY_ACK), JSON.stringify({ seq, epoch: epochLine().slice(0, 32) }));

  test('without the guard the oldest files go (as before)', async () => {
    const j = openJournal(tmp.dir, { maxBytes: 4096, keepFiles: 2 });
    for (let i = 0; i < 40; i++) await j.append(diagnosisRecord());
    expect(seqsOnDisk()[0]).toBeGreaterThan(1);
  });

  test('rotation keeps every record the fleet has not acknowledged, within the limit', async () => {
    const j = openJournal(tmp.dir, { maxBytes: 4096, keepFiles: 2, holdUnacked: 1000 });
    for (let i = 0; i < 40; i++) await j.append(diagnosisRecord());
    expect(seqsOnDisk()).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(existsSync(join(tmp.dir, 'journal.3.log'))).toBe(true);
  });

  test('acknowledged records go again once the fleet has them', async () => {
    const j = openJournal(tmp.dir, { maxBytes: 4096, keepFiles: 2, holdUnacked: 1000 });
    for (let i = 0; i < 40; i++) await j.append(diagnosisRecord());
    ack(40);
    for (let i = 0; i < 12; i++) await j.append(diagnosisRecord());
    const seqs = seqsOnDisk();
    expect(seqs[0]).toBeGreaterThan(20);
    expect(seqs[seqs.length - 1]).toBe(52);
  });

  test('past the limit the oldest unacknowledged records go (the shipper reports them as the gap)', async () => {
    const j = openJournal(tmp.dir, { maxBytes: 4096, keepFiles: 2, holdUnacked: 15 });
    for (let i = 0; i < 60; i++) await j.append(diagnosisRecord());
    const seqs = seqsOnDisk();
    expect(seqs[seqs.length - 1]).toBe(60);
    expect(seqs[0]).toBeGreaterThan(60 - 15 - 10); // within a file's worth of the limit
  });
});
