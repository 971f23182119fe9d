/**
 * The 0800/0810 echo, against byte vectors written out by hand from the field table (ISO 8583:1987) and the
 * CUP POS conventions, one comment per group of bytes saying where it comes from. The codec must produce
 * exactly these bytes and read them back.
 */
import { bytesToHex, decodeMessage, encodeMessage, hexToBytes } from '../../../hal/network/iso8583/codec';
import { encodeEchoRequest, judgeEchoReply } from '../../../hal/network/iso8583/echo';
import { answerTpdu, wrap } from '../../../hal/network/iso8583/envelope';

const TID = '10000001'; // DESIGN.md sample terminal id
const MID = '898310048990001'; // DESIGN.md sample merchant id
const ascii = (s: string) => Buffer.from(s, 'latin1').toString('hex').toUpperCase();

// ISO form, STAN 123, no TPDU.
const ISO_0800 = [
  '0034', //               length: 52 bytes follow (4 MTI + 16 bitmaps + 6 + 8 + 15 + 3)
  '30383030', //           MTI "0800" in ASCII
  '8020000000C00000', //   primary bitmap: bit 1 (secondary follows) 0x80 in byte 1; bit 11 = 0x20 in byte 2; bits 41, 42 = 0xC0 in byte 6
  '0400000000000000', //   secondary bitmap: bit 70 is the 6th bit of byte 1 (65 = 0x80 … 70 = 0x04)
  '303030313233', //       field 11 n6 "000123"
  ascii(TID), //           field 41 ans8 "10000001" = 31 30 30 30 30 30 30 31
  ascii(MID), //           field 42 ans15
  '333031', //             field 70 n3 "301" echo test
].join('');

// CUP form, STAN 123, batch 1, TPDU 60 0003 0000.
const CUP_0800 = [
  '0031', //               length: 49 bytes follow (5 TPDU + 2 MTI + 8 bitmap + 3 + 8 + 15 + 2 + 6)
  '6000030000', //         TPDU: id 0x60, destination 0003, source 0000
  '0800', //               MTI "0800" as packed BCD
  '0020000000C00010', //   bitmap: bit 11 = 0x20 in byte 2; 41, 42 = 0xC0 in byte 6; bit 60 = 0x10 in byte 8 (57 = 0x80 … 60 = 0x10)
  '000123', //             field 11 n6 as BCD
  ascii(TID), //           field 41 ans8 ASCII
  ascii(MID), //           field 42 ans15 ASCII
  '0011', //               field 60 LLL = 011 digits, BCD in two bytes
  '000000013010', //       60.1 "00" + 60.2 batch "000001" + 60.3 "301", left-justified, a 0 nibble pads the 11 digits to 6 bytes
].join('');

describe('0800 echo request bytes (hand-checked)', () => {
  it.each([
    ['iso form, no TPDU', { form: 'iso' as const, stan: 123, terminalId: TID, merchantId: MID }, {}, ISO_0800],
    [
      'cup form, TPDU 6000030000',
      { form: 'cup' as const, stan: 123, terminalId: TID, merchantId: MID, batch: 1 },
      { tpdu: hexToBytes('6000030000') },
      CUP_0800,
    ],
  ])('%s', (_name, req, envelope, expected) => {
    expect(bytesToHex(encodeEchoRequest(req, envelope))).toBe(expected);
  });

  it('pads a short terminal id with spaces (ans is left-justified)', () => {
    const bytes = encodeEchoRequest({ form: 'iso', stan: 1, terminalId: 'T1', merchantId: MID });
    expect(bytesToHex(bytes).slice(2 * 2 + 2 * 4 + 2 * 16 + 2 * 6, 2 * 2 + 2 * 4 + 2 * 16 + 2 * 6 + 16)).toBe('5431202020202020');
  });

  it('refuses a STAN outside 1–999999 and an over-long terminal id', () => {
    expect(() => encodeEchoRequest({ form: 'iso', stan: 0, terminalId: TID, merchantId: MID })).toThrow(RangeError);
    expect(() => encodeEchoRequest({ form: 'iso', stan: 1_000_000, terminalId: TID, merchantId: MID })).toThrow(RangeError);
    expect(() => encodeEchoRequest({ form: 'iso', stan: 1, terminalId: '123456789', merchantId: MID })).toThrow(RangeError);
  });
});

// Answers, written out by hand the same way.
const ISO_0810_OK = [
  '30383130', //           MTI "0810"
  '8020000002C00000', //   bit 1, bit 11, bit 39 (0x02 in byte 5: 33 = 0x80 … 39 = 0x02), bits 41, 42
  '0400000000000000', //   bit 70
  '303030313233', //       field 11 "000123"
  '3030', //               field 39 an2 "00"
  ascii(TID),
  ascii(MID),
  '333031', //             field 70 "301"
].join('');

const CUP_0810_96 = [
  '6000000003', //         TPDU with destination and source swapped by the host
  '0810', //               MTI BCD
  '0020000002C00010', //   bits 11, 39, 41, 42, 60
  '000123',
  '3936', //               field 39 "96" in ASCII
  ascii(TID),
  ascii(MID),
  '0011',
  '000000013010',
].join('');

describe('0810 echo replies (hand-checked)', () => {
  it('reads an ISO 0810 with 39 = 00', () => {
    expect(judgeEchoReply(hexToBytes(ISO_0810_OK), { form: 'iso', stan: 123 })).toEqual({ kind: 'answered', code: '00', mti: '0810' });
  });

  it('reads a CUP 0810 with 39 = 96 behind a TPDU', () => {
    expect(judgeEchoReply(hexToBytes(CUP_0810_96), { form: 'cup', stan: 123, tpduLength: 5 })).toEqual({ kind: 'answered', code: '96', mti: '0810' });
  });

  it('walks fields 12, 13, 32 and 37 to reach 39 (CUP form)', () => {
    const body = [
      '0810',
      '003800010AC00010', // 11, 12, 13 (0x38 in byte 2); 32 (0x01 in byte 4); 37 and 39 (0x08 | 0x02 in byte 5); 41, 42; 60
      '000123', //           11
      '153045', //           12 hhmmss
      '0615', //             13 MMDD
      '08',
      '48021000', //   32 LLVAR n: length 08 (one BCD byte), 8 digits "48021000"
      ascii('123456789012'), // 37 an12
      '3030', //             39 "00"
      ascii(TID),
      ascii(MID),
      '0011',
      '000000013010',
    ].join('');
    expect(judgeEchoReply(hexToBytes(body), { form: 'cup', stan: 123 })).toEqual({ kind: 'answered', code: '00', mti: '0810' });
  });

  it.each([
    ['wrong STAN', ISO_0810_OK.replace('303030313233', '303030313234'), { kind: 'wrong-stan', expected: '000123', got: '000124', code: '00' }],
    ['0800 echoed back unchanged', ISO_0800.slice(4), { kind: 'wrong-mti', mti: '0800' }],
    ['line noise', 'DEADBEEF00', { kind: 'garbled' }],
    ['cut short inside field 42 (after 11 and 39 were read)', ISO_0810_OK.slice(0, 80), { kind: 'garbled' }],
    ['bytes left over after the last field', ISO_0810_OK + '00', { kind: 'garbled' }],
    ['no field 39', ISO_0800.slice(4).replace('30383030', '30383130'), { kind: 'no-code', mti: '0810' }],
  ])('%s gives a verdict, not an exception', (_name, hex, expected) => {
    const verdict = judgeEchoReply(hexToBytes(hex), { form: 'iso', stan: 123 });
    expect(verdict).toMatchObject(expected);
  });

  it('a reply shorter than its TPDU is garbled', () => {
    expect(judgeEchoReply(hexToBytes('6000'), { form: 'cup', stan: 1, tpduLength: 5 })).toMatchObject({ kind: 'garbled' });
  });
});

describe('codec round trip and edges', () => {
  it('decodes what it encodes, both encodings', () => {
    for (const encoding of ['ascii', 'bcd'] as const) {
      const msg = {
        mti: '0810',
        fields: new Map<number, string | Uint8Array>([
          [2, '6222021234567890123'],
          [3, '000000'],
          [22, '021'],
          [39, '00'],
          [41, TID],
          [64, hexToBytes('0102030405060708')],
        ]),
      };
      const decoded = decodeMessage(encodeMessage(msg, encoding), encoding);
      expect(decoded.ok).toBe(true);
      if (decoded.ok) expect(decoded.message).toEqual(msg);
    }
  });

  it('an 0810 with an unknown field after 39 still counts as answered', () => {
    // bits 1, 11, 39, 41, 42 and, in the secondary bitmap, 91 (no format in the table): 91 - 64 = 27 -> byte 4, 0x20
    const body = '30383130' + '8020000002C00000' + '0000002000000000' + '303030313233' + '3030' + ascii(TID) + ascii(MID) + '41';
    expect(judgeEchoReply(hexToBytes(body), { form: 'iso', stan: 123 })).toEqual({ kind: 'answered', code: '00', mti: '0810' });
  });

  it('stops at a field with no known format and keeps what came before', () => {
    // bitmap with bit 11 and bit 91 (no format in the table): 0x80 | …, 91 - 64 = 27 -> secondary byte 4 (bits 25-32 of it), 0x20
    const body = hexToBytes('30383130' + '8020000000000000' + '0000002000000000' + '303030313233' + '41');
    const decoded = decodeMessage(body, 'ascii');
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) {
      expect(decoded.reason).toMatch(/field 91/);
      expect(decoded.partial.fields.get(11)).toBe('000123');
    }
  });

  it('answers a TPDU with the addresses swapped', () => {
    expect(bytesToHex(answerTpdu(hexToBytes('6000030000')))).toBe('6000000003');
  });

  it('wrap puts a big-endian length in front', () => {
    expect(bytesToHex(wrap(new Uint8Array(300)).subarray(0, 2))).toBe('012C');
  });
});
