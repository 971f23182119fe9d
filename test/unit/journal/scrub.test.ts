/**
 * The redaction guard. Card numbers are the brands' published test numbers (Visa 4111…, Mastercard
 * 5555…4444, Amex 378282246310005, JCB 3530111333300000, UnionPay 6200000000000005 from card-network
 * test tables); track layouts follow ISO/IEC 7813 (track 1 format B, track 2) and ISO 8583 field 35.
 */
import { isMaskedPan, maskPan } from '../../../hal/reader/card-mask';
import { decodeLine, encodeRecord } from '../../../src/journal/record-codec';
import { luhnValid, scrubBytes, scrubRecord, scrubText, TRACK_REMOVED } from '../../../src/journal/scrub';
import { safeText } from '../../../hal/safe-text';
import type { JournalRecord } from '../../../src/journal/types';
import { diagnosisRecord, randomPan, seeded } from '../../helpers/journal-fixtures';

test.each([
  ['Visa test number', '4111111111111111', true],
  ['Mastercard test number', '5555555555554444', true],
  ['Amex test number (15)', '378282246310005', true],
  ['UnionPay test number', '6200000000000005', true],
  ['last digit off by one', '4111111111111112', false],
  ['empty', '', false],
  ['letters', '41111111111111x1', false],
])('Luhn: %s', (_name, digits, valid) => {
  expect(luhnValid(digits)).toBe(valid);
});

test.each([
  ['a bare PAN', 'card 4111111111111111 declined', 'card 411111******1111 declined'],
  ['a PAN in groups of four (separators kept)', 'pan 4111 1111 1111 1111.', 'pan 4111 11** **** 1111.'],
  ['a PAN with dashes', '5555-5555-5555-4444', '5555-55**-****-4444'],
  ['Amex 15 digits', 'x378282246310005y', 'x378282*****0005y'],
  ['19-digit UnionPay', '6200000000000000003', '620000*********0003'],
  ['16 digits with no Luhn stretch stay', 'ref 9999999999999999', 'ref 9999999999999999'],
  ['a date-time stamp stays', '2024050110150000', '2024050110150000'],
  ['12 digits is not a card number', '411111111111', '411111111111'],
  ['a longer run with a card number inside is masked whole', '41111111111111111111', '411111**********1111'],
  ['a card number glued to an amount', '¥12.004111111111111111', '¥12.004111********1111'],
  ['already masked stays', '622588******1234', '622588******1234'],
  ['a PAN after a short group: the run keeps 6+4 only', 'tel 12 4111111111111111', 'tel 12 4111********1111'],
  ['track 2 with sentinels', 'read ;4111111111111111=25121010000012345678? ok', `read ${TRACK_REMOVED} ok`],
  ['track 2 without sentinels', '4111111111111111=2512101', TRACK_REMOVED],
  ['field 35 D form', '6200000000000005D25122010000000000F', TRACK_REMOVED],
  ['track 1 format B', '%B4111111111111111^DOE/JOHN^2512101000000000000000000000000?', TRACK_REMOVED],
  ['track 1 without end sentinel', 'x %B4111111111111111^DOE/JOHN^25121010000', `x ${TRACK_REMOVED}`],
  ['two PANs', '4111111111111111,5555555555554444', '411111******1111,555555******4444'],
  ['plain text is untouched', '信号弱，请将终端移到窗边后重试 -113 dBm', '信号弱，请将终端移到窗边后重试 -113 dBm'],
])('scrubText: %s', (_name, input, expected) => {
  expect(scrubText(input)).toBe(expected);
});

test('a bare card number is masked exactly as hal/reader/card-mask.ts maskPan does', () => {
  for (const pan of ['4111111111111111', '378282246310005', '6200000000000000003', '3530111333300000']) expect(scrubText(pan)).toBe(maskPan(pan));
});

test('sensitive fields are dropped unless they hold a masked PAN; a full PAN in pan is masked and kept', () => {
  const out = scrubRecord({
    pan: '4111111111111111',
    track2: ';4111111111111111=2512?',
    pin: '1234',
    pinBlock: '0412AC89ABCDEF67',
    cvv: '123',
    CVV2: 123,
    nested: { track: 'anything', card_pan: 'ok', Pan: '411111******1111' },
    list: [{ pin_block: 'x' }],
  });
  expect(out).toEqual({ pan: '411111******1111', nested: { card_pan: 'ok', Pan: '411111******1111' }, list: [{}] });
});

test('terminal and merchant ids stay as they are even when they pass Luhn; PAN-like numbers are masked', () => {
  // 378282246310005 as a merchant id passes Luhn; a merchant id must stay readable.
  const out = scrubRecord({ terminalId: '10000001', merchantId: '378282246310005', value: 4111111111111111, small: -113 });
  expect(out).toEqual({ terminalId: '10000001', merchantId: '378282246310005', value: '411111******1111', small: -113 });
});

test('a PAN smuggled into the merchant id field (wrong shape) is still masked', () => {
  expect(scrubRecord({ merchantId: '4111111111111111' })).toEqual({ merchantId: '411111******1111' });
});

test('printer bytes keep their length and commands; card digits beyond 6+4 and track text become *', () => {
  const bytes = Buffer.concat([
    Buffer.from([0x1b, 0x40]),
    Buffer.from('PAN 4111111111111111\n;4111111111111111=2512?\n', 'latin1'),
    Buffer.from([0x1d, 0x56, 0x00]),
  ]);
  const out = Buffer.from(scrubBytes(bytes));
  expect(out.length).toBe(bytes.length);
  expect(out.subarray(0, 2)).toEqual(Buffer.from([0x1b, 0x40]));
  expect(out.subarray(-3)).toEqual(Buffer.from([0x1d, 0x56, 0x00]));
  const text = out.toString('latin1');
  expect(text).toContain('PAN 411111******1111\n');
  expect(text).not.toContain('4111111111111111');
  expect(text).not.toContain('=2512');
});

test('bytes without card data come back as they were', () => {
  const bytes = Uint8Array.from([0x1b, 0x40, 0x31, 0x32, 0x0a]);
  expect(scrubBytes(bytes)).toEqual(bytes);
});

// Property: random records with PANs and track data embedded anywhere (values, nested lists, field
// names, sensitive fields, numbers) never put a full PAN or any track data on the line that is written.
const FILLER = ['', ' ', '卡号', 'card:', 'x', '-', '(', ')', ',', '\n', 'tel 12 ', 'ABC', '¥12.00', '/'];

function embed(next: () => number, secret: string): string {
  const pick = () => FILLER[Math.floor(next() * FILLER.length)];
  return pick() + secret + pick();
}

function trackOf(next: () => number, pan: string): string {
  const exp = '2512';
  switch (Math.floor(next() * 3)) {
    case 0:
      return `;${pan}=${exp}1010000012345678?`;
    case 1:
      return `%B${pan}^ZHANG/SAN^${exp}1010000000000000?`;
    default:
      return `${pan}D${exp}2010000000000F`;
  }
}

test.each(Array.from({ length: 40 }, (_, i) => i + 1))('property: seed %i leaves no full PAN or track data on the line', (seed) => {
  const next = seeded(seed);
  const pans: string[] = [];
  const secret = () => {
    const pan = randomPan(next);
    pans.push(pan);
    const r = next();
    if (r < 0.4) return embed(next, pan);
    if (r < 0.7) return embed(next, trackOf(next, pan));
    return embed(next, pan.replace(/(\d{4})(?=\d)/g, next() < 0.5 ? '$1 ' : '$1-'));
  };
  const base = diagnosisRecord();
  // A 15-digit card number fits a JS number exactly: a caller may pass it as one.
  let numericPan = randomPan(next);
  while (numericPan.length !== 15) numericPan = randomPan(next);
  pans.push(numericPan);
  const rec = {
    ...base,
    id: 'J00000001',
    seq: 1,
    hintTitle: secret(),
    amount: secret(),
    pan: secret(),
    track2: secret(),
    cause: { id: secret(), side: 'terminal', evidence: [{ finding: 'reader.swipe', status: 'pass', value: secret() }] },
    devices: [{ device: 'reader', status: 'pass', findings: [{ id: 'x', status: 'pass', value: Number(numericPan) }] }],
    [secret()]: 'key',
  } as unknown as JournalRecord;
  const line = encodeRecord(scrubRecord(rec));
  for (const pan of pans) {
    expect(line).not.toContain(pan);
    // No stretch of the card number longer than its first 6 or last 4 may survive (separators aside).
    const compact = line.replace(/[ -]/g, '');
    for (let i = 0; i + 7 <= pan.length; i++) if (i > 0 && i + 7 < pan.length) expect(compact).not.toContain(pan.slice(i, i + 7));
    expect(compact).not.toContain(pan.slice(0, 7));
  }
  expect(line).not.toMatch(/[=D]2512\d{4}/);
  expect(line).not.toContain('ZHANG/SAN');
  expect(line).not.toMatch(/\^/);
  const decoded = decodeLine(line) as unknown as Record<string, unknown>;
  expect(decoded).not.toBeNull();
  expect(decoded.pan === undefined || isMaskedPan(String(decoded.pan))).toBe(true);
});

describe('safeText (messages a person typed into) against the journal rule', () => {
  test.each([
    ['--acquirer 6228480402564890019 unknown', '--acquirer 622848*********0019 unknown'], // checksum wrong: still masked
    ['got "6228 4804 0256 4890 019"', 'got "6228 48** **** ***0 019"'],
    ['merchant 898310048990001', 'merchant 898310*****0001'], // 15 digits: masked here, kept by scrubText
    ['code 96, 12 digits 123456789012', 'code 96, 12 digits 123456789012'],
    // 22 digits with no Luhn-valid stretch (scrubText keeps it): masked as one run, not as 19 digits and 3 left bare
    ['ref 1540848518526007677321 end', 'ref 154084************7321 end'],
  ])('%s', (text, expected) => {
    expect(safeText(text)).toBe(expected);
  });

  test('the 22-digit run above holds no Luhn-valid stretch: only safeText masks it', () => {
    expect(scrubText('1540848518526007677321')).toBe('1540848518526007677321');
  });
});
