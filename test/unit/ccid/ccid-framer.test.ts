/**
 * The CCID-serial codec and framer against the byte-exact frames of libccid 1.5.2's traffic (as seen in
 * pcscd's log) and frames computed by its rules, each fed whole, byte by byte and split at every offset.
 */
import {
  bytesOf,
  CcidFrame,
  command,
  encodeFrame,
  answer,
  lrc,
  PcToRdr,
  RdrToPc,
  iccStatusOf,
  commandStatusOf,
  bStatus,
} from '../../../hal/reader/ccid/ccid-codec';
import { CcidFramer } from '../../../hal/reader/ccid/ccid-framer';

interface Row {
  name: string;
  hex: string;
  /** type, dwLength, slot, seq, b7, b8, b9, data */
  want: [number, number, number, number, number, number, number, string];
}

const ROWS: Row[] = [
  { name: 'Escape GetFirmware', hex: '03 06 6B 01 00 00 00 00 00 00 00 00 02 6D', want: [0x6b, 1, 0, 0, 0, 0, 0, '02'] },
  {
    name: 'Escape firmware reply',
    hex: '03 06 83 13 00 00 00 00 00 00 00 00 47 65 6D 54 77 52 43 32 2D 56 32 2E 30 30 2D 47 4C 30 33 98',
    want: [0x83, 0x13, 0, 0, 0, 0, 0, '47656D54775243322D56322E30302D474C3033'],
  },
  { name: 'Escape 01 01 01', hex: '03 06 6B 03 00 00 00 00 01 00 00 00 01 01 01 6D', want: [0x6b, 3, 0, 1, 0, 0, 0, '010101'] },
  { name: 'Escape reply', hex: '03 06 83 00 00 00 00 00 01 00 00 00 87', want: [0x83, 0, 0, 1, 0, 0, 0, ''] },
  { name: 'GetSlotStatus', hex: '03 06 65 00 00 00 00 00 02 00 00 00 62', want: [0x65, 0, 0, 2, 0, 0, 0, ''] },
  { name: 'SlotStatus inactive', hex: '03 06 81 00 00 00 00 00 02 01 00 00 87', want: [0x81, 0, 0, 2, 1, 0, 0, ''] },
  { name: 'SlotStatus active', hex: '03 06 81 00 00 00 00 00 02 00 00 00 86', want: [0x81, 0, 0, 2, 0, 0, 0, ''] },
  { name: 'SlotStatus absent', hex: '03 06 81 00 00 00 00 00 02 02 00 00 84', want: [0x81, 0, 0, 2, 2, 0, 0, ''] },
  { name: 'Escape 6A', hex: '03 06 6B 01 00 00 00 00 04 00 00 00 6A 01', want: [0x6b, 1, 0, 4, 0, 0, 0, '6A'] },
  { name: 'Escape failed', hex: '03 06 83 00 00 00 00 00 04 41 0A 00 C9', want: [0x83, 0, 0, 4, 0x41, 0x0a, 0, ''] },
  { name: 'IccPowerOn 5 V', hex: '03 06 62 00 00 00 00 00 08 01 00 00 6E', want: [0x62, 0, 0, 8, 1, 0, 0, ''] },
  {
    name: 'ATR 3B 67',
    hex: '03 06 80 0B 00 00 00 00 08 00 00 00 3B 67 00 00 86 60 22 22 27 80 01 9A',
    want: [0x80, 11, 0, 8, 0, 0, 0, '3B670000866022222780 01'],
  },
  {
    name: 'ATR 3B 6D',
    hex: '03 06 80 11 00 00 00 00 08 00 00 00 3B 6D 00 00 00 8C 43 01 01 86 88 21 01 40 15 D8 56 F0',
    want: [0x80, 17, 0, 8, 0, 0, 0, '3B6D0000008C43010186882101401 5D856'],
  },
  { name: 'PowerOn mute', hex: '03 06 80 00 00 00 00 00 08 41 FE 00 32', want: [0x80, 0, 0, 8, 0x41, 0xfe, 0, ''] },
  { name: 'PowerOn no card', hex: '03 06 80 00 00 00 00 00 08 42 FE 00 31', want: [0x80, 0, 0, 8, 0x42, 0xfe, 0, ''] },
  { name: 'PowerOn bad TS', hex: '03 06 80 00 00 00 00 00 08 41 F8 00 34', want: [0x80, 0, 0, 8, 0x41, 0xf8, 0, ''] },
  { name: 'PowerOn bad TCK', hex: '03 06 80 00 00 00 00 00 08 41 F7 00 3B', want: [0x80, 0, 0, 8, 0x41, 0xf7, 0, ''] },
  { name: 'IccPowerOff', hex: '03 06 63 00 00 00 00 00 0B 00 00 00 6D', want: [0x63, 0, 0, 0x0b, 0, 0, 0, ''] },
  { name: 'PowerOff reply', hex: '03 06 81 00 00 00 00 00 0B 01 00 00 8E', want: [0x81, 0, 0, 0x0b, 1, 0, 0, ''] },
  { name: 'SetParameters T=0', hex: '03 06 61 05 00 00 00 00 1C 00 00 00 11 00 00 0A 00 66', want: [0x61, 5, 0, 0x1c, 0, 0, 0, '1100000A00'] },
  { name: 'Parameters reply', hex: '03 06 82 05 00 00 00 00 1C 00 00 00 11 00 00 0A 00 85', want: [0x82, 5, 0, 0x1c, 0, 0, 0, '1100000A00'] },
  { name: 'GetParameters', hex: '03 06 6C 00 00 00 00 00 1D 00 00 00 74', want: [0x6c, 0, 0, 0x1d, 0, 0, 0, ''] },
  {
    name: 'XfrBlock SELECT PSE',
    hex: '03 06 6F 14 00 00 00 00 20 00 00 00 00 A4 04 00 0E 31 50 41 59 2E 53 59 53 2E 44 44 46 30 31 00 97',
    want: [0x6f, 20, 0, 0x20, 0, 0, 0, '00A404000E315041592E5359532E444446303100'],
  },
  { name: 'DataBlock 6A82', hex: '03 06 80 02 00 00 00 00 20 00 00 00 6A 82 4F', want: [0x80, 2, 0, 0x20, 0, 0, 0, '6A82'] },
  { name: 'XfrBlock removed', hex: '03 06 80 00 00 00 00 00 20 42 FE 00 19', want: [0x80, 0, 0, 0x20, 0x42, 0xfe, 0, ''] },
  { name: 'XfrBlock parity', hex: '03 06 80 00 00 00 00 00 20 41 FD 00 19', want: [0x80, 0, 0, 0x20, 0x41, 0xfd, 0, ''] },
  { name: 'time extension', hex: '03 06 80 00 00 00 00 00 20 80 02 00 27', want: [0x80, 0, 0, 0x20, 0x80, 0x02, 0, ''] },
  {
    name: 'XfrBlock SELECT UnionPay debit',
    hex: '03 06 6F 0E 00 00 00 00 84 00 00 00 00 A4 04 00 08 A0 00 00 03 33 01 01 01 00 D9',
    want: [0x6f, 14, 0, 0x84, 0, 0, 0, '00A4040008A000000333010101 00'],
  },
];

function messageOf(frames: CcidFrame[]) {
  expect(frames).toHaveLength(1);
  const f = frames[0];
  if (f.kind !== 'message') throw new Error(`expected a message, got ${f.kind}`);
  return f.message;
}

function feedSplit(bytes: Uint8Array, cuts: number[]): CcidFrame[] {
  const framer = new CcidFramer();
  const out: CcidFrame[] = [];
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    out.push(...framer.push(bytes.subarray(from, cut)));
    from = cut;
  }
  expect(framer.buffered()).toBe(0);
  return out;
}

describe.each(ROWS)('$name', ({ hex, want }) => {
  const bytes = bytesOf(hex);
  const [type, len, slot, seq, b7, b8, b9, data] = want;

  test('the XOR of the whole frame is 0 and encodeFrame gives the same bytes', () => {
    expect(lrc(bytes)).toBe(0);
    expect(encodeFrame({ type, slot, seq, b7, b8, b9, data: bytesOf(data) })).toEqual(bytes);
  });

  test('decodes whole, byte by byte and split at every offset', () => {
    const splits: number[][] = [[], Array.from({ length: bytes.length - 1 }, (_, i) => i + 1)];
    for (let cut = 1; cut < bytes.length; cut++) splits.push([cut]);
    for (const cuts of splits) {
      const m = messageOf(feedSplit(bytes, cuts));
      expect([m.type, m.data.length, m.slot, m.seq, m.b7, m.b8, m.b9]).toEqual([type, len, slot, seq, b7, b8, b9]);
      expect(m.data).toEqual(bytesOf(data));
    }
  });

  test('a wrong LRC is refused, not taken (libccid only logs it)', () => {
    const bad = Uint8Array.from(bytes);
    bad[bad.length - 1] ^= 0x01;
    const framer = new CcidFramer();
    const out = framer.push(bad);
    expect(out).toEqual([{ kind: 'invalid', reason: 'lrc', bytes: bad }]);
    expect(framer.stats.lrcErrors).toBe(1);
  });
});

describe('between frames', () => {
  const reply = bytesOf('03 06 81 00 00 00 00 00 02 00 00 00 86');
  const cases: Array<[string, string, CcidFrame[]]> = [
    ['a NAK', '03 15 16', [{ kind: 'nak' }]],
    ['a card removal then a reply', '50 02', [{ kind: 'movement', present: false, state: 2 }]],
    ['a card insertion', '50 03', [{ kind: 'movement', present: true, state: 3 }]],
    [
      'time requests',
      '80 FF',
      [
        { kind: 'time-request', value: 0x80 },
        { kind: 'time-request', value: 0xff },
      ],
    ],
    ['noise', '11 22', [{ kind: 'discarded', bytes: bytesOf('11 22') }]],
    ['a damaged NAK', '03 15 17', [{ kind: 'invalid', reason: 'nak', bytes: bytesOf('03 15 17') }]],
  ];
  test.each(cases)('%s in front of a reply, at every split offset', (_name, before, want) => {
    const stream = Uint8Array.from([...bytesOf(before), ...reply]);
    for (let cut = 0; cut <= stream.length; cut++) {
      const out = feedSplit(stream, cut === 0 || cut === stream.length ? [] : [cut]);
      // Noise split in two comes out in two pieces; join them for the comparison.
      const joined = out.reduce<CcidFrame[]>((acc, f) => {
        const last = acc[acc.length - 1];
        if (f.kind === 'discarded' && last?.kind === 'discarded')
          acc[acc.length - 1] = { kind: 'discarded', bytes: Uint8Array.from([...last.bytes, ...f.bytes]) };
        else acc.push(f);
        return acc;
      }, []);
      expect(joined.slice(0, -1)).toEqual(want);
      expect(joined[joined.length - 1].kind).toBe('message');
    }
  });

  test('a dwLength above 261 drops one byte, so the real frame behind it is found', () => {
    const framer = new CcidFramer();
    const out = framer.push(Uint8Array.from([...bytesOf('03 06 80 FF FF 00 00'), ...reply]));
    expect(out[0]).toEqual({ kind: 'invalid', reason: 'length', bytes: bytesOf('03') });
    expect(out[out.length - 1].kind).toBe('message');
  });

  test('reset forgets a partial frame', () => {
    const framer = new CcidFramer();
    expect(framer.push(reply.subarray(0, 5))).toEqual([]);
    expect(framer.buffered()).toBe(5);
    framer.reset();
    expect(framer.buffered()).toBe(0);
    expect(messageOf(framer.push(reply)).type).toBe(RdrToPc.SlotStatus);
  });
});

test('command/answer build the messages and bStatus splits into ICC and command status', () => {
  expect(encodeFrame(command(PcToRdr.IccPowerOn, 8, [], [1, 0, 0]))).toEqual(bytesOf('03 06 62 00 00 00 00 00 08 01 00 00 6E'));
  expect(encodeFrame(answer(RdrToPc.DataBlock, 8, bStatus('absent', 'failed'), 0xfe))).toEqual(bytesOf('03 06 80 00 00 00 00 00 08 42 FE 00 31'));
  expect([iccStatusOf(0x41), commandStatusOf(0x41)]).toEqual(['inactive', 'failed']);
  expect([iccStatusOf(0x80), commandStatusOf(0x80)]).toEqual(['active', 'time-extension']);
  expect(() => encodeFrame(command(PcToRdr.XfrBlock, 0, new Array(262).fill(0)))).toThrow(RangeError);
});
