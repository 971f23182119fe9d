/**
 * MSR605 reply decoders, fed every prefix of each reply (a reply is complete only at its last byte) and
 * every split of noise + reply. Rows: [manual] MSR605 Programmer's Manual rev B as summarised in
 * shared/reference/devices.md §2.1; [sim-card] the simulator's made-up test card (public Visa test PAN).
 */
import { decodeCommTest, decodeFirmware, decodeIsoRead, decodeModel, decodeStatus, Decoded, judgeTracks } from '../../../hal/reader/msr605-codec';
import { maskPan, maskUid } from '../../../hal/reader/card-mask';

const bytes = (...parts: Array<number[] | string>) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? Array.from(Buffer.from(p, 'latin1')) : p)));

const T1 = '%B4761739001010010^POSDIAG/TEST CARD^29122011000000000000?';
const T2 = ';4761739001010010=29122011000000000000?';

type Row = [string, (b: Uint8Array) => Decoded<unknown>, Uint8Array, unknown];
const rows: Row[] = [
  ['[manual] communication test ok: 1B 79', decodeCommTest, bytes([0x1b, 0x79]), true],
  ['[manual] RAM test ok: 1B 30', decodeStatus, bytes([0x1b, 0x30]), 0x30],
  ['[manual] RAM test fail: 1B 41', decodeStatus, bytes([0x1b, 0x41]), 0x41],
  ['[manual] model: 1B 33 53', decodeModel, bytes([0x1b, 0x33, 0x53]), '3'],
  ['[manual] firmware: 1B REVH1.15', decodeFirmware, bytes([0x1b], 'REVH1.15'), 'REVH1.15'],
  [
    '[sim-card] ISO read, tracks 1 and 2, blank track 3',
    decodeIsoRead,
    bytes([0x1b, 0x73, 0x1b, 0x01], T1, [0x1b, 0x02], T2, [0x1b, 0x03, 0x3f, 0x1c, 0x1b, 0x30]),
    { status: 0x30, tracks: ['ok', 'ok', 'empty'], maskedPan: '476173******0010' },
  ],
  [
    '[manual] card with only track 2 encoded: empty track-1 marker, no track 3',
    decodeIsoRead,
    bytes([0x1b, 0x73, 0x1b, 0x01, 0x1b, 0x02], T2, [0x3f, 0x1c, 0x1b, 0x30]),
    { status: 0x30, tracks: ['empty', 'ok', 'empty'], maskedPan: '476173******0010' },
  ],
  [
    '[manual] read error status 31 with a damaged track 2',
    decodeIsoRead,
    bytes([0x1b, 0x73, 0x1b, 0x01, 0x1b, 0x02], ';47617390', [0x1b, 0x03, 0x3f, 0x1c, 0x1b, 0x31]),
    { status: 0x31, tracks: ['empty', 'error', 'empty'] },
  ],
  ['[manual] bare status without data: 1B 31', decodeIsoRead, bytes([0x1b, 0x31]), { status: 0x31, tracks: ['error', 'error', 'error'] }],
];

describe.each(rows)('%s', (_name, decode, reply, value) => {
  test('is incomplete at every proper prefix and done at the end', () => {
    for (let n = 0; n < reply.length; n++) {
      const d = decode(reply.subarray(0, n));
      // A prefix may already be a complete different-looking reply only for the bare-status row.
      if (d.kind !== 'more') expect(d.kind === 'done' && n >= 2).toBe(true);
    }
    expect(decode(reply)).toEqual({ kind: 'done', value, used: reply.length });
  });
  test('line noise before the reply is skipped', () => {
    const noisy = bytes([0x00, 0x7f, 0x20], Array.from(reply));
    expect(decode(noisy)).toEqual({ kind: 'done', value, used: noisy.length });
  });
});

test('ISO read prefixes stay incomplete until 3F 1C 1B <status>', () => {
  const reply = rows[5][2];
  for (let n = 0; n < reply.length; n++) expect(decodeIsoRead(reply.subarray(0, n)).kind).toBe('more');
});

test('a swipe result holds no track data and no full card number', () => {
  const reply = rows[5][2];
  const d = decodeIsoRead(reply);
  const text = JSON.stringify(d);
  expect(text).not.toContain('4761739001010010');
  expect(text).not.toContain('2912');
  expect(text).not.toContain('POSDIAG');
});

test.each([
  ['[manual] wrong comm test answer', decodeCommTest(bytes([0x1b, 0x30])).kind, 'bad'],
  ['[manual] model without S', decodeModel(bytes([0x1b, 0x33, 0x30])).kind, 'bad'],
  ['[manual] firmware not starting REV', decodeFirmware(bytes([0x1b], 'XYZ12345')).kind, 'bad'],
])('%s', (_n, kind, expected) => expect(kind).toBe(expected));

test('judgeTracks: track 1 must start with %, tracks 2/3 with ;, all end with ?', () => {
  const block = bytes([0x1b, 0x01], ';BAD?', [0x1b, 0x02], T2, [0x1b, 0x03], ';0123?');
  expect(judgeTracks(block, 0x30).tracks).toEqual(['error', 'ok', 'ok']);
});

describe('masking', () => {
  test.each([
    ['4761739001010010', '476173******0010'],
    ['6228480402564890018', '622848*********0018'], // 19-digit UnionPay-style number
    ['123456789012', null], // too short to be a PAN: not shown at all
    ['47617390010100x0', null],
  ])('maskPan(%s) → %s', (pan, masked) => expect(maskPan(pan)).toBe(masked));
  test('a UID shows only its first and last byte', () => expect(maskUid([0xde, 0xad, 0xbe, 0xef])).toBe('DE****EF'));
});
