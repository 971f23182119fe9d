/** The journal as the shipper's outbox: the records after the acknowledgement, the gap, the epoch. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { confirmGaps, loadEpoch, missingRanges, readCursor, readOutbox, saveCursor } from '../../../src/fleet/outbox';
import { JOURNAL_EPOCH } from '../../../src/journal/epoch';
import { openJournal } from '../../../src/journal/journal';
import { diagnosisRecord, freshDir, menuRecord } from '../../helpers/journal-fixtures';

let tmp: ReturnType<typeof freshDir>;
beforeEach(() => (tmp = freshDir()));
afterEach(() => tmp.remove());

test('pending is what follows the acknowledgement; the cursor is saved whole and read back', async () => {
  const j = openJournal(tmp.dir);
  for (let i = 0; i < 5; i++) await j.append(i === 2 ? menuRecord('pin-ok') : diagnosisRecord());
  const epoch = await loadEpoch(tmp.dir, j);
  expect(readCursor(tmp.dir, epoch)).toBe(0);
  await saveCursor(tmp.dir, epoch, 3);
  expect(readCursor(tmp.dir, epoch)).toBe(3);
  const box = await readOutbox(tmp.dir, epoch, 3, j);
  expect(box.pending.map((r) => r.seq)).toEqual([4, 5]);
  expect(box).toMatchObject({ lastSeq: 5, gap: 0 });
  expect(box.latestDevices?.seq).toBe(5);
});

test('records the fleet never acknowledged that rotation removed past the limit are the gap', async () => {
  const j = openJournal(tmp.dir, { maxBytes: 4096, keepFiles: 2, holdUnacked: 15 });
  for (let i = 0; i < 60; i++) await j.append(diagnosisRecord());
  const epoch = await loadEpoch(tmp.dir, j);
  const box = await readOutbox(tmp.dir, epoch, 0, j);
  const first = box.pending[0]!.seq;
  expect(first).toBeGreaterThan(1);
  expect(box).toMatchObject({ lastSeq: 60, gap: first - 1, gaps: [[1, first - 1]] });
  expect(box.pending.length + box.gap).toBe(60);
  // Read again under the journal's lock: the same gap, now safe to announce.
  expect((await confirmGaps(tmp.dir, epoch, 0, j)).gaps).toEqual([[1, first - 1]]);
  // Past the acknowledgement, nothing is missing any more.
  expect((await readOutbox(tmp.dir, epoch, first - 1, j)).gaps).toEqual([]);
});

test.each([
  ['none', [4, 5], 3, 5, []],
  ['at the front', [7, 8], 3, 8, [[4, 6]]],
  [
    'in the middle and at the end',
    [4, 6, 9],
    3,
    11,
    [
      [5, 5],
      [7, 8],
      [10, 11],
    ],
  ],
  ['everything', [], 3, 6, [[4, 6]]],
  ['nothing after the cursor', [], 6, 6, []],
  ['at most 16 ranges', Array.from({ length: 20 }, (_, i) => 2 * i + 2), 0, 40, Array.from({ length: 16 }, (_, i) => [2 * i + 1, 2 * i + 1])],
] as const)('missing ranges: %s', (_name, seqs, cursor, lastSeq, want) => {
  expect(
    missingRanges(
      seqs.map((seq) => ({ seq })),
      cursor,
      lastSeq,
    ),
  ).toEqual(want);
});

test('a cursor of another epoch counts for nothing', async () => {
  const j = openJournal(tmp.dir);
  await j.append(diagnosisRecord());
  const epoch = await loadEpoch(tmp.dir, j);
  writeFileSync(join(tmp.dir, 'telemetry.ack'), JSON.stringify({ seq: 1, epoch: 'ffffffffffffffff' }));
  expect(readCursor(tmp.dir, epoch)).toBe(0);
});

test.each([['garbage\n'], ['0123456789abcdef0123456789abcdef 0\n'], ['']])(
  'a damaged epoch (%j) is set aside; the new one begins at the next record, its cursor below it',
  async (text) => {
    const j = openJournal(tmp.dir);
    for (let i = 0; i < 3; i++) await j.append(diagnosisRecord());
    writeFileSync(join(tmp.dir, JOURNAL_EPOCH), text);
    const epoch = await loadEpoch(tmp.dir, j);
    expect(epoch.firstSeq).toBe(4);
    expect(readFileSync(join(tmp.dir, JOURNAL_EPOCH), 'latin1')).toBe(`${epoch.epoch} 4\n`);
    expect(readdirSync(join(tmp.dir, 'damaged')).some((f) => f.startsWith(JOURNAL_EPOCH))).toBe(true);
    expect(readCursor(tmp.dir, epoch)).toBe(3);
    expect(JSON.parse(readFileSync(join(tmp.dir, 'telemetry.ack'), 'utf8'))).toEqual({ seq: 3, epoch: epoch.epoch }); // what the rotation guard reads
    expect((await readOutbox(tmp.dir, epoch, 3, j)).pending).toEqual([]);
  },
);
