/** The ATR parser on the real ATRs of the reference and their damaged forms; the allow-list TLV reader. */
import { parseAtr, t0Parameters } from '../../../hal/reader/ccid/atr';
import { bytesOf } from '../../../hal/reader/ccid/ccid-codec';
import { allowedItems, findTag } from '../../../hal/reader/ccid/emv-tlv';
import { bcdDate, dolLength, gpo, parseAfl, readRecord, selectPse } from '../../../hal/reader/ccid/emv-apdu';

const GOOD: Array<[string, number[]]> = [
  ['3B 62 00 00 47 44', [0]],
  ['3B 67 00 00 86 60 22 22 27 80 01', [0]],
  ['3B 6A 00 00 81 41 01 98 10 00 00 00 00 0A', [0]],
  ['3B 6D 00 00 00 8C 43 01 01 86 88 21 01 40 15 D8 56', [0]],
  ['3B 6E 00 00 86 88 11 02 01 01 00 00 47 48 F1 FF 55 50', [0]],
  ['3B EB 00 00 81 31 FE 45 00 31 C0 64 3F 68 01 08 07 90 00 BC', [1]],
];

test.each(GOOD)('%s is well formed', (hex, protocols) => {
  const atr = parseAtr(bytesOf(hex));
  expect(atr.problems).toEqual([]);
  expect(atr.protocols).toEqual(protocols);
});

const BAD: Array<[string, string, string[]]> = [
  ['TS not 3B/3F', '3A 67 00 00 86 60 22 22 27 80 01', ['ts']],
  ['TCK off by one (libccid passes it)', '3B EB 00 00 81 31 FE 45 00 31 C0 64 3F 68 01 08 07 90 00 BD', ['tck-wrong']],
  ['TCK missing for T=1', '3B EB 00 00 81 31 FE 45 00 31 C0 64 3F 68 01 08 07 90 00', ['tck-missing']],
  ['historical bytes cut short', '3B 67 00 00 86 60 22', ['short']],
  ['interface bytes cut short', '3B E0 00', ['short']],
  ['a byte too many for T=0', '3B 62 00 00 47 44 99', ['long']],
  ['T=14 only', '3B 80 0E 8E', ['protocol']],
  ['just TS', '3B', ['short']],
];

test.each(BAD)('%s → %j', (_name, hex, problems) => {
  expect(parseAtr(bytesOf(hex)).problems).toEqual(problems);
});

test('an ATR over 33 bytes is refused', () => {
  expect(parseAtr(bytesOf('3B 6F 00 00' + ' 00'.repeat(30))).problems).toContain('too-long');
});

test('T=0 parameters: Fi/Di 11, guard time TC1, WI default 0A; inverse convention sets bit 1', () => {
  expect(t0Parameters(parseAtr(bytesOf('3B 67 00 00 86 60 22 22 27 80 01')))).toEqual([0x11, 0x00, 0x00, 0x0a, 0x00]);
  expect(t0Parameters(parseAtr(bytesOf('3F 62 00 05 47 44')))).toEqual([0x11, 0x02, 0x05, 0x0a, 0x00]);
});

describe('allow-list TLV', () => {
  // Record 70 with a PAN, track 2, a name, the expiry and the effective date.
  const record = bytesOf('70 2A 5A 08 62 00 00 00 00 00 00 00 57 0B 62 00 00 00 00 00 00 00 D2 51 22 5F 20 04 54 45 53 54 5F 24 03 25 12 31 5F 25 03 20 01 01');
  test('keeps the dates, drops the card number, track 2 and the name, and never the template', () => {
    const items = allowedItems(record);
    expect(items.map((i) => i.tag.toString(16))).toEqual(['5f24', '5f25']);
    expect(bcdDate(findTag(items, 0x5f24))).toEqual({ y: 2025, m: 12, d: 31 });
  });
  test('a caller cannot allow 5A or 57 back in', () => {
    expect(allowedItems(record, new Set([0x5a, 0x57, 0x70, 0x5f20]))).toEqual([]);
  });
  test('an FCI gives the AID, label and PDOL; a truncated one what came before the cut', () => {
    const fci = bytesOf('6F 1E 84 08 A0 00 00 03 33 01 01 01 A5 12 50 0A 50 42 4F 43 20 44 45 42 49 54 9F 38 03 9F 7A 01');
    const items = allowedItems(fci);
    expect(items.map((i) => i.tag.toString(16))).toEqual(['84', '50', '9f38']);
    expect(dolLength(findTag(items, 0x9f38)!)).toBe(1);
    expect(allowedItems(fci.subarray(0, 14)).map((i) => i.tag)).toEqual([0x84]);
  });
  test('BCD dates: not a date is null', () => {
    expect(bcdDate(bytesOf('99 13 01'))).toBeNull();
    expect(bcdDate(bytesOf('1A 01 01'))).toBeNull();
    expect(bcdDate(bytesOf('51 01 01'))).toEqual({ y: 1951, m: 1, d: 1 });
  });
});

test('APDUs: SELECT PSE, READ RECORD, GPO with a zero-filled PDOL; AFL entries', () => {
  expect(selectPse()).toEqual(bytesOf('00 A4 04 00 0E 31 50 41 59 2E 53 59 53 2E 44 44 46 30 31 00'));
  expect(readRecord(1, 1)).toEqual(bytesOf('00 B2 01 0C 00'));
  expect(gpo(bytesOf('9F7A01 9F0206 5F2A02'))).toEqual(bytesOf('80 A8 00 00 0B 83 09 00 00 00 00 00 00 00 00 00 00'));
  expect(gpo(null)).toEqual(bytesOf('80 A8 00 00 02 83 00 00'));
  expect(parseAfl(bytesOf('08010200 10010400 18010300 20010100'))).toEqual([
    { sfi: 1, first: 1, last: 2 },
    { sfi: 2, first: 1, last: 4 },
    { sfi: 3, first: 1, last: 3 },
    { sfi: 4, first: 1, last: 1 },
  ]);
});
