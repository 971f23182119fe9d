/**
 * The PN532 framer fed the way a serial line delivers bytes: whole, split at every offset, byte by byte.
 * Traffic rows are libnfc 1.8.0's start-up as captured on a pty (shared/reference/compat-clients.md §2)
 * and chip replies from the same trace.
 */
import { ACK_FRAME, ERROR_FRAME, HSU_WAKEUP, NACK_FRAME, Pn532Frame, buildFrame, replyFrame, toHex } from '../../../hal/reader/pn532-codec';
import { Pn532Framer } from '../../../hal/reader/pn532-framer';

const h = (s: string) =>
  Uint8Array.from(
    s
      .trim()
      .split(/\s+/)
      .map((x) => parseInt(x, 16)),
  );
const cat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => Array.from(p)));

/** Frames other than noise, as comparable strings. */
function summary(frames: Pn532Frame[]): string[] {
  return frames
    .filter((f) => f.kind !== 'discarded')
    .map((f) =>
      f.kind === 'data' ? `data ${toHex([f.tfi])} ${toHex(f.body)}${f.extended ? ' ext' : ''}` : f.kind === 'invalid' ? `invalid ${f.reason}` : f.kind,
    );
}

function feed(chunks: Uint8Array[]): { frames: Pn532Frame[]; framer: Pn532Framer } {
  const framer = new Pn532Framer();
  const frames = chunks.flatMap((c) => framer.push(c));
  return { frames, framer };
}

const streams: Array<[string, Uint8Array, string[]]> = [
  ['[libnfc-trace] wake-up burst: 55 55 + 14×00 then SAMConfiguration', cat(HSU_WAKEUP, h('00 00 FF 03 FD D4 14 01 17 00')), ['data D4 14 01']],
  [
    '[UM0701] wake-up 55 55 + 25×00 (dotnet/iot) then SAMConfiguration with timeout and IRQ',
    cat(h('55 55'), new Uint8Array(25), h('00 00 FF 05 FB D4 14 01 14 01 02 00')),
    ['data D4 14 01 14 01'],
  ],
  ['[libnfc-trace] ACK then GetFirmwareVersion reply', cat(ACK_FRAME, h('00 00 FF 06 FA D5 03 32 01 06 07 E8 00')), ['ack', 'data D5 03 32 01 06 07']],
  [
    '[libnfc-trace] ACK then Diagnose echo reply, then NACK and error frame',
    cat(ACK_FRAME, h('00 00 FF 09 F7 D5 01 00 6C 69 62 6E 66 63 BC 00'), NACK_FRAME, ERROR_FRAME),
    ['ack', 'data D5 01 00 6C 69 62 6E 66 63', 'nack', 'error'],
  ],
  [
    'an extended frame between two ACKs',
    cat(ACK_FRAME, buildFrame(0xd5, new Array<number>(260).fill(0x5a)), ACK_FRAME),
    ['ack', `data D5 ${new Array(260).fill('5A').join(' ')} ext`, 'ack'],
  ],
  ['frames without postambles, back to back', cat(h('00 00 FF 02 FE D5 15 16'), h('00 FF 02 FE D5 15 16')), ['data D5 15', 'data D5 15']],
];

describe.each(streams)('%s', (_name, bytes, expected) => {
  test('whole', () => expect(summary(feed([bytes]).frames)).toEqual(expected));
  test('split in two at every offset', () => {
    for (let at = 0; at <= bytes.length; at++) {
      const { frames, framer } = feed([bytes.subarray(0, at), bytes.subarray(at)]);
      expect({ at, got: summary(frames) }).toEqual({ at, got: expected });
      expect(framer.stats.checksumErrors).toBe(0);
    }
  });
  test('byte by byte', () => {
    const { frames, framer } = feed(Array.from(bytes, (b) => Uint8Array.of(b)));
    expect(summary(frames)).toEqual(expected);
    expect(framer.buffered()).toBeLessThanOrEqual(1);
  });
});

describe('bad checksums are rejected and counted, never thrown', () => {
  const badDcs = h('00 00 FF 06 FA D5 03 32 01 06 07 E9 00'); // [libnfc-trace] GetFirmwareVersion reply, DCS +1
  const good = replyFrame(0x14);

  test('a wrong DCS yields an invalid frame, and the next good frame still comes through, at every split', () => {
    const bytes = cat(ACK_FRAME, badDcs, good);
    for (let at = 0; at <= bytes.length; at++) {
      const { frames, framer } = feed([bytes.subarray(0, at), bytes.subarray(at)]);
      expect(summary(frames)).toEqual(['ack', 'invalid dcs', 'data D5 15']);
      expect(framer.stats.checksumErrors).toBe(1);
    }
  });

  test('a wrong LCS drops only the start code; a real frame right after it is found', () => {
    const bytes = cat(h('00 00 FF 06 F0'), good);
    const { frames, framer } = feed([bytes]);
    expect(summary(frames)).toEqual(['invalid lcs', 'data D5 15']);
    expect(framer.stats.checksumErrors).toBe(1);
  });

  test('random noise never throws and never leaves more than one frame buffered', () => {
    let seed = 12345;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 16) & 0xff;
    const framer = new Pn532Framer();
    for (let i = 0; i < 2000; i++) {
      const chunk = Uint8Array.from({ length: 1 + (rnd() % 40) }, rnd);
      expect(() => framer.push(chunk)).not.toThrow();
      expect(framer.buffered()).toBeLessThanOrEqual(7 + 266 + 1);
    }
    expect(summary(framer.push(cat(new Uint8Array(300).fill(0x00), good))).slice(-1)).toEqual(['data D5 15']);
  });
});

test('noise between frames comes out as discarded bytes and is counted; wake-up bytes are not', () => {
  const { frames, framer } = feed([cat(h('12 34'), ACK_FRAME, h('55 55 00 00'), h('AB'), replyFrame(0x14))]);
  expect(frames.map((f) => f.kind)).toEqual(['discarded', 'ack', 'discarded', 'data']);
  expect(framer.stats.discardedBytes).toBe(2 + 1);
});

test('reset forgets a partial frame', () => {
  const framer = new Pn532Framer();
  framer.push(h('00 00 FF 06 FA D5 03'));
  expect(framer.buffered()).toBeGreaterThan(0);
  framer.reset();
  expect(framer.buffered()).toBe(0);
  expect(summary(framer.push(replyFrame(0x14)))).toEqual(['data D5 15']);
});
