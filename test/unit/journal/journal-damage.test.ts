/**
 * A damaged data directory: line ends changed, records restored or out of order, absurd sequence
 * numbers, a journal file lost or far too large. The journal reads what is good, sets aside what is
 * damaged, and never hands out an id twice.
 */
import { appendFileSync, existsSync, readdirSync, readFileSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openJournal } from '../../../src/journal/journal';
import { MAX_SEQ } from '../../../src/journal/ids';
import { encodeRecord } from '../../../src/journal/record-codec';
import type { JournalRecord, NewJournalRecord } from '../../../src/journal/types';
import { setAsideMark, setAsideSince } from '../../../src/files/set-aside';
import { diagnosisRecord, freshDir, menuRecord } from '../../helpers/journal-fixtures';

let tmp: ReturnType<typeof freshDir>;
beforeEach(() => (tmp = freshDir()));
afterEach(() => tmp.remove());

const file = (name = 'journal.log') => join(tmp.dir, name);
/** A record line as posdiag writes it, with any seq and id (default: the id of the seq). */
const line = (seq: number, id = `J${String(seq).padStart(8, '0')}`) =>
  encodeRecord({ ...menuRecord('test'), id, seq, time: '2024-05-01T10:00:00.000+08:00' } as JournalRecord);
const GiB = 1024 ** 3;

test('CRLF line ends: every record still reads, and numbering goes on after them', async () => {
  writeFileSync(file(), [1, 2, 3].map((s) => line(s).replace('\n', '\r\n')).join(''));
  const j = openJournal(tmp.dir);
  expect(await j.readAll()).toMatchObject({ records: [{ seq: 1 }, { seq: 2 }, { seq: 3 }], skipped: 0 });
  expect((await j.append(menuRecord())).id).toBe('J00000004');
  expect((await j.readAll()).records.map((r) => r.seq)).toEqual([1, 2, 3, 4]);
});

test('a restored older record at the end does not pull numbering back', async () => {
  const j = openJournal(tmp.dir);
  for (let i = 0; i < 5; i++) await j.append(menuRecord());
  appendFileSync(file(), line(2)); // an older record copied back in
  expect((await openJournal(tmp.dir).append(menuRecord())).id).toBe('J00000006');
});

test('records out of order across files: the next seq is above every seq in any file', async () => {
  writeFileSync(file('journal.1.log'), line(10));
  writeFileSync(file(), line(4));
  expect((await openJournal(tmp.dir).append(menuRecord())).seq).toBe(11);
});

test.each([
  ['2^53-1', line(2 ** 53 - 1, 'J9007199254740991')],
  ['2^53', line(2 ** 53, 'J9007199254740992')],
  ['past J99999999', line(MAX_SEQ + 1, 'J100000000')],
  ['a fraction', line(2.5, 'J00000002')],
  ['negative', line(-7, 'J-0000007')],
  ['zero', line(0)],
  ['an id that is not its seq', line(50, 'J00000049')],
])('an absurd seq (%s) is damage: skipped and counted, and ids stay J + 8 digits', async (_what, bad) => {
  writeFileSync(file(), line(1) + bad);
  const j = openJournal(tmp.dir);
  expect(await j.readAll()).toMatchObject({ records: [{ seq: 1 }], skipped: 1 });
  const next = await j.append(menuRecord());
  expect(next.id).toBe('J00000002');
  expect(await j.get('J00000002')).toMatchObject({ seq: 2 });
});

test('journal.seq keeps counting when the journal files are lost', async () => {
  const j = openJournal(tmp.dir);
  for (let i = 0; i < 3; i++) await j.append(menuRecord());
  expect(readFileSync(file('journal.seq'), 'utf8')).toBe('3\n');
  unlinkSync(file());
  expect((await openJournal(tmp.dir).append(menuRecord())).id).toBe('J00000004');
});

test.each([['not a number\n'], [`${2 ** 53 - 1}\n`], ['-5\n'], ['1.5\n']])('a journal.seq holding %j is ignored; the files count', async (mark) => {
  writeFileSync(file(), line(7));
  writeFileSync(file('journal.seq'), mark);
  expect((await openJournal(tmp.dir).append(menuRecord())).seq).toBe(8);
  expect(readFileSync(file('journal.seq'), 'utf8')).toBe('8\n');
});

test('the last id: a journal at J99999999 refuses new records instead of reusing or breaking ids', async () => {
  writeFileSync(file(), line(MAX_SEQ));
  const before = readFileSync(file(), 'utf8');
  await expect(openJournal(tmp.dir).append(menuRecord())).rejects.toThrow(/last id \(J99999999\)/);
  expect(readFileSync(file(), 'utf8')).toBe(before);
});

test('a 1 GiB (sparse) journal.log is set aside: appends and reads go on, and ids go on above its records', async () => {
  const j = openJournal(tmp.dir);
  for (let i = 0; i < 3; i++) await j.append(diagnosisRecord());
  truncateSync(file(), GiB); // the three records, then zeros
  const mark = setAsideMark();
  const next = await openJournal(tmp.dir).append(diagnosisRecord());
  expect(next.id).toBe('J00000004');
  expect(setAsideSince(mark, tmp.dir)).toEqual([
    { file: 'journal.log', reason: 'larger than 1088 KiB (1048576 KiB)', movedTo: expect.stringMatching(/^damaged\/journal\.log\./) },
  ]);
  expect(await openJournal(tmp.dir).readAll()).toMatchObject({ records: [{ seq: 4 }], skipped: 0 });
  expect(readdirSync(join(tmp.dir, 'damaged'))).toHaveLength(1);
});

test('a journal file grown past its limit with no journal.seq beside it: ids go on above the records at its start', async () => {
  writeFileSync(file(), line(1) + line(2) + line(3));
  truncateSync(file(), GiB);
  expect((await openJournal(tmp.dir).append(menuRecord())).id).toBe('J00000004');
});

test("a 1 GiB journal.2.log does not hide journal.log's records", async () => {
  const j = openJournal(tmp.dir);
  for (let i = 0; i < 2; i++) await j.append(menuRecord());
  writeFileSync(file('journal.2.log'), '');
  truncateSync(file('journal.2.log'), GiB);
  const { records } = await openJournal(tmp.dir).readAll();
  expect(records.map((r) => r.id)).toEqual(['J00000001', 'J00000002']);
  expect(existsSync(file('journal.2.log'))).toBe(false);
  expect(await openJournal(tmp.dir).get('J00000002')).toMatchObject({ seq: 2 });
});

test('a record longer than the limit is refused; the journal stays usable', async () => {
  const j = openJournal(tmp.dir);
  const findings = Array.from({ length: 3000 }, (_, i) => ({ id: `modem.check${i}`, status: 'pass' }));
  const huge: NewJournalRecord = {
    kind: 'selftest',
    terminalId: '10000001',
    merchantId: '898310048990001',
    level: 'internal',
    devices: [{ device: 'modem', status: 'pass', findings }],
  };
  await expect(j.append(huge)).rejects.toThrow(/over the 65536-byte limit/);
  expect((await j.append(menuRecord())).id).toBe('J00000001');
});
