/** The 2-byte length framer, fed the hand-checked CUP 0810 (see iso8583-echo.test.ts) at every split offset. */
import { bytesToHex, hexToBytes } from '../../../hal/network/iso8583/codec';
import { LengthPrefixFramer } from '../../../hal/network/iso8583/length-framer';

// The CUP 0810 with 39 = 96 (49 bytes): TPDU, MTI, bitmap, 11, 39, 41, 42, 60.
const BODY = '6000000003' + '0810' + '0020000002C00010' + '000123' + '3936' + '3130303030303031' + '383938333130303438393930303031' + '0011' + '000000013010';
const FRAME = hexToBytes('0033' + BODY); // 5 + 2 + 8 + 3 + 2 + 8 + 15 + 2 + 6 = 51

describe('LengthPrefixFramer', () => {
  it('the hand-written body is as long as its header says', () => {
    expect(hexToBytes(BODY).length).toBe(0x33);
  });

  it.each(Array.from({ length: FRAME.length + 1 }, (_, i) => [i]))('split at offset %i gives one body', (offset) => {
    const framer = new LengthPrefixFramer();
    const frames = [...framer.push(FRAME.subarray(0, offset)), ...framer.push(FRAME.subarray(offset))];
    expect(frames).toHaveLength(1);
    expect(frames[0].kind).toBe('body');
    expect(bytesToHex(frames[0].bytes)).toBe(BODY);
    expect(framer.buffered()).toBe(0);
  });

  it('two frames in one chunk give two bodies', () => {
    const framer = new LengthPrefixFramer();
    const two = new Uint8Array(FRAME.length * 2);
    two.set(FRAME);
    two.set(FRAME, FRAME.length);
    expect(framer.push(two).map((f) => f.kind)).toEqual(['body', 'body']);
  });

  it.each([
    ['a length over the limit (ASCII "HT" = 0x4854 = 18516)', 'HTTP/1.1 400 Bad Request\r\n', 'length 18516 over 4096'],
    ['a zero length', '0000AABB', 'zero length'],
  ])('%s is discarded and the framer starts afresh', (_name, input, reason) => {
    const framer = new LengthPrefixFramer();
    const bytes = input.startsWith('HTTP') ? Buffer.from(input, 'latin1') : hexToBytes(input);
    const frames = framer.push(bytes);
    expect(frames).toEqual([{ kind: 'discarded', bytes: Uint8Array.from(bytes), reason }]);
    expect(framer.buffered()).toBe(0);
  });

  it('reset forgets a partial body', () => {
    const framer = new LengthPrefixFramer();
    framer.push(FRAME.subarray(0, 10));
    expect(framer.buffered()).toBe(10);
    framer.reset();
    expect(framer.buffered()).toBe(0);
  });
});
