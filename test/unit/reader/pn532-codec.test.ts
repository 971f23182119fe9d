/**
 * PN532 frame building and reply decoding against byte-exact frames. Sources per row:
 *  [libnfc-trace] frames libnfc 1.8.0 sent/accepted on a pty (shared/reference/compat-clients.md §2)
 *  [devices §2.2] frames computed by the UM0701 rule and matching the published ones (devices.md §2.2)
 */
import {
  ACK_FRAME,
  buildFrame,
  commandFrame,
  dataChecksum,
  decodeFirmware,
  decodeTypeATargets,
  describeStatus,
  ERROR_FRAME,
  lengthChecksum,
  NACK_FRAME,
  replyFrame,
  TFI_CHIP,
  toHex,
} from '../../../hal/reader/pn532-codec';

const h = (s: string) =>
  Uint8Array.from(
    s
      .trim()
      .split(/\s+/)
      .map((x) => parseInt(x, 16)),
  );

describe('commandFrame / replyFrame produce the exact bytes', () => {
  const rows: Array<[string, Uint8Array, string]> = [
    ['[libnfc-trace] SAMConfiguration normal', commandFrame(0x14, [0x01]), '00 00 FF 03 FD D4 14 01 17 00'],
    ['[devices §2.2] SAMConfiguration with timeout 0x14, IRQ 1', commandFrame(0x14, [0x01, 0x14, 0x01]), '00 00 FF 05 FB D4 14 01 14 01 02 00'],
    ['[libnfc-trace] SAMConfiguration reply', replyFrame(0x14), '00 00 FF 02 FE D5 15 16 00'],
    ['[libnfc-trace] Diagnose 00 "libnfc"', commandFrame(0x00, h('00 6C 69 62 6E 66 63')), '00 00 FF 09 F7 D4 00 00 6C 69 62 6E 66 63 BE 00'],
    ['[libnfc-trace] Diagnose 00 echo reply', replyFrame(0x00, h('00 6C 69 62 6E 66 63')), '00 00 FF 09 F7 D5 01 00 6C 69 62 6E 66 63 BC 00'],
    ['[libnfc-trace] GetFirmwareVersion', commandFrame(0x02), '00 00 FF 02 FE D4 02 2A 00'],
    ['[libnfc-trace] GetFirmwareVersion reply PN532 v1.6', replyFrame(0x02, [0x32, 0x01, 0x06, 0x07]), '00 00 FF 06 FA D5 03 32 01 06 07 E8 00'],
    ['[devices §2.2] Diagnose ROM', commandFrame(0x00, [0x01]), '00 00 FF 03 FD D4 00 01 2B 00'],
    ['[devices §2.2] Diagnose ROM OK', replyFrame(0x00, [0x00]), '00 00 FF 03 FD D5 01 00 2A 00'],
    ['[devices §2.2] Diagnose ROM NG', replyFrame(0x00, [0xff]), '00 00 FF 03 FD D5 01 FF 2B 00'],
    ['[devices §2.2] Diagnose RAM', commandFrame(0x00, [0x02]), '00 00 FF 03 FD D4 00 02 2A 00'],
    ['[devices §2.2] GetGeneralStatus', commandFrame(0x04), '00 00 FF 02 FE D4 04 28 00'],
  ];
  test.each(rows)('%s', (_name, built, expected) => {
    expect(toHex(built)).toBe(expected);
  });
});

test('[UM0701 §6.2.1.1] ACK, NACK and the error frame', () => {
  expect(toHex(ACK_FRAME)).toBe('00 00 FF 00 FF 00');
  expect(toHex(NACK_FRAME)).toBe('00 00 FF FF 00 00');
  expect(toHex(ERROR_FRAME)).toBe('00 00 FF 01 FF 7F 81 00');
});

test('a body longer than 254 bytes goes out as an extended frame with LCS over LENm+LENl', () => {
  const data = new Array<number>(200).fill(0x11).concat(new Array<number>(60).fill(0x22)); // 260 bytes: TFI + 260 = 0x105
  const f = buildFrame(TFI_CHIP, data);
  expect(toHex(f.subarray(0, 8))).toBe(`00 00 FF FF FF 01 05 ${toHex([lengthChecksum(0x01 + 0x05)])}`);
  expect(f[8]).toBe(TFI_CHIP);
  expect(f[f.length - 2]).toBe(dataChecksum(TFI_CHIP, data));
  expect(f[f.length - 1]).toBe(0x00);
  expect(() => buildFrame(TFI_CHIP, new Array<number>(300).fill(0))).toThrow(RangeError);
});

describe('decodeFirmware', () => {
  test.each([
    ['[libnfc-trace] PN532 v1.6, support 07', '32 01 06 07', 'PN532 v1.6', ['ISO14443A', 'ISO14443B', 'ISO18092']],
    ['[devices §2.2] PN533 (IC 0x33)', '33 02 07 07', 'PN533 v2.7', ['ISO14443A', 'ISO14443B', 'ISO18092']],
    ['[devices §2.2] PN531 answers two bytes', '04 0B', 'PN531 v4.11', []],
  ])('%s', (_n, bytes, text, protocols) => {
    const fw = decodeFirmware(h(bytes));
    expect(fw?.text).toBe(text);
    expect(fw?.protocols).toEqual(protocols);
  });
  test('a 3-byte reply is not a firmware version', () => expect(decodeFirmware(h('32 01 06'))).toBeNull());
});

describe('decodeTypeATargets', () => {
  test('[libnfc-trace] the card nfc-list accepted: ATQA 00 04, SAK 08, UID DE AD BE EF', () => {
    const { count, first } = decodeTypeATargets(h('01 01 00 04 08 04 DE AD BE EF'));
    expect(count).toBe(1);
    expect(first).toEqual({ tg: 1, atqa: 0x0004, sak: 0x08, uid: h('DE AD BE EF') });
  });
  test('[libnfc-trace] no card: D5 4B 00', () => expect(decodeTypeATargets(h('00'))).toEqual({ count: 0, first: null }));
  test('a truncated target is no target', () => expect(decodeTypeATargets(h('01 01 00 04 08 07 DE AD'))).toEqual({ count: 0, first: null }));
});

test.each([
  [0x01, 'timeout'],
  [0x41, 'timeout'], // NAD bit set: same error
  [0x14, 'mifare-auth'],
  [0x2d, 'over-current'],
  [0x3f, '0x3F'],
])('[pn53x-internal.h] status byte %i → %s', (status, id) => {
  expect(describeStatus(status).id).toBe(id);
});
