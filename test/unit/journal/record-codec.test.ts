/** The line format: what is written decodes back exactly; anything torn or altered decodes to null. */
import { crc32, crc32Table } from '../../../src/journal/crc32';
import { formatId, isoWithOffset, parseId } from '../../../src/journal/ids';
import { decodeLine, decodeText, encodeRecord } from '../../../src/journal/record-codec';
import type { JournalRecord } from '../../../src/journal/types';
import { diagnosisRecord } from '../../helpers/journal-fixtures';

const record = { ...diagnosisRecord(), id: 'J00000007', seq: 7 } as JournalRecord;

test('a record round-trips through its line, which ends in one newline and holds no other', () => {
  const line = encodeRecord(record);
  expect(line.endsWith('\n')).toBe(true);
  expect(line.indexOf('\n')).toBe(line.length - 1);
  expect(decodeLine(line)).toEqual(record);
  expect(decodeLine(line.slice(0, -1))).toEqual(record);
});

test('text with tabs and newlines inside fields stays on one line', () => {
  const r = { ...record, hintTitle: 'a\tb\nc\r\u2028' } as JournalRecord;
  const line = encodeRecord(r);
  expect(line.split('\n')).toHaveLength(2);
  expect(decodeLine(line)).toEqual(r);
});

test('every cut of a line short of its last character is rejected (a torn write)', () => {
  const line = encodeRecord(record).slice(0, -1);
  for (let cut = 0; cut < line.length; cut++) expect(decodeLine(line.slice(0, cut))).toBeNull();
});

test('any single changed character is rejected', () => {
  const line = encodeRecord(record).slice(0, -1);
  for (let i = 0; i < line.length; i++) {
    const altered = line.slice(0, i) + (line[i] === 'x' ? 'y' : 'x') + line.slice(i + 1);
    expect(decodeLine(altered)).toBeNull();
  }
});

test.each([
  ['empty', ''],
  ['no checksum', '{"id":"J1"}'],
  ['checksum of non-JSON', `not json\t${crc32(Buffer.from('not json')).toString(16).padStart(8, '0')}`],
  ['valid JSON but not a record', `[1,2]\t${crc32(Buffer.from('[1,2]')).toString(16).padStart(8, '0')}`],
  ['binary noise', '\u0000\u00ff\t\u0001'],
])('%s decodes to null without throwing', (_name, line) => {
  expect(decodeLine(line)).toBeNull();
});

test('decodeText skips and counts bad lines, ignores blank ones', () => {
  const good = encodeRecord(record);
  const text = good + 'garbage\n\n' + good.slice(0, 40) + '\n' + good;
  expect(decodeText(text)).toEqual({ records: [record, record], skipped: 2 });
});

test('the table CRC-32 matches zlib (check value of "123456789" is cbf43926)', () => {
  const data = Buffer.from('123456789');
  expect(crc32Table(data).toString(16)).toBe('cbf43926');
  expect(crc32(data)).toBe(crc32Table(data));
  const chinese = Buffer.from('交易诊断单 ￥128.00');
  expect(crc32(chinese)).toBe(crc32Table(chinese));
});

test('ids sort as text in seq order and parse back', () => {
  const ids = [1, 9, 10, 42, 99999, 1234567].map(formatId);
  expect([...ids].sort()).toEqual(ids);
  expect(ids.map(parseId)).toEqual([1, 9, 10, 42, 99999, 1234567]);
  expect(formatId(42)).toBe('J00000042');
  expect(parseId('J0042')).toBeNull();
  expect(parseId('../x')).toBeNull();
});

test('times carry the local UTC offset and denote the same instant', () => {
  const d = new Date('2024-05-01T02:15:00.000Z');
  const text = isoWithOffset(d);
  expect(text).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$/);
  expect(new Date(text).getTime()).toBe(d.getTime());
});
