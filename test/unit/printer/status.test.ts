import {
  conditionsOf,
  isReady,
  mergeStatus,
  parseAsb,
  parsePaperSensor,
  parseRealtime,
  RealtimeQuery,
  uposCodeOf,
  PrinterStatus,
} from '../../../hal/printer/status';
import { PrinterReplyFramer } from '../../../hal/printer/reply-framer';
import { resolveProfile, PRINTER_PROFILES } from '../../../hal/printer/profiles';

// Each row: the query, the byte a printer answered, where that byte comes from, what it must mean.
const REALTIME: Array<[RealtimeQuery, number, string, PrinterStatus]> = [
  [1, 0x12, 'Epson DLE EOT reference: idle, online', { online: true, drawerHigh: false, waitingRecovery: false, feedButton: false }],
  [1, 0x16, 'lsongdev/node-escpos #288: reply [22], drawer pin 3 HIGH', { online: true, drawerHigh: true }],
  [1, 0x1a, 'hardless-http-dialects PrinterStatus example: out of paper -> offline', { online: false }],
  [1, 0x52, 'TM-U220A p.54: FEED button pressed (bit 6)', { online: true, feedButton: true }],
  [2, 0x12, 'TM-U220A p.54: no offline cause', { coverOpen: false, stoppedByPaperEnd: false, errorOccurred: false }],
  [2, 0x16, 'receiptio (b&0x97)==0x16: cover open', { coverOpen: true }],
  [2, 0x32, 'hardless-http-dialects example / receiptio (b&0xb3)==0x32: stopped by paper end', { stoppedByPaperEnd: true, coverOpen: false }],
  [2, 0x52, 'receiptio (b&0xd3)==0x52: error occurred', { errorOccurred: true }],
  [2, 0x1a, 'TM-U220A p.54: paper fed by FEED button', { feedingByButton: true }],
  [3, 0x12, 'TM-U220A p.55: no error', { mechanicalError: false, cutterError: false, unrecoverableError: false, autoRecoverableError: false }],
  [3, 0x1a, 'TM-U220A p.55: autocutter error (bit 3)', { cutterError: true }],
  [3, 0x32, 'TM-U220A p.55: unrecoverable error (bit 5)', { unrecoverableError: true }],
  [3, 0x52, 'Citizen CT-S2000 p.56: head overheat sets bit 6 (auto-recoverable)', { autoRecoverableError: true }],
  [3, 0x16, 'TM-U220A p.55: mechanical error (bit 2)', { mechanicalError: true }],
  [4, 0x12, 'python-escpos PAPER=18: paper adequate', { paperNearEnd: false, paperEnd: false }],
  [4, 0x1e, 'python-escpos LOWPAPER=30: near end', { paperNearEnd: true, paperEnd: false }],
  [4, 0x72, 'python-escpos NOPAPER=114: paper end', { paperEnd: true, paperNearEnd: false }],
  [4, 0x7e, 'hardless-http-dialects example: paper end and near end', { paperEnd: true, paperNearEnd: true }],
];

describe('parseRealtime (DLE EOT n)', () => {
  test.each(REALTIME)('DLE EOT %i, reply byte %d: %s', (n, byte, _source, expected) => {
    expect(parseRealtime(n, byte)).toMatchObject(expected);
  });

  test.each([0x00, 0x10, 0x13, 0x11, 0x92, 0xff])('byte %d is not a DLE EOT reply', (byte) => {
    expect(parseRealtime(1, byte)).toBeNull();
  });
});

describe('parseAsb', () => {
  const rows: Array<[number[], string, PrinterStatus | null]> = [
    [[0x10, 0x00, 0x00, 0x00], 'TM-U220A p.83: online, nothing wrong', { online: true, coverOpen: false, paperEnd: false, paperNearEnd: false }],
    [[0x18, 0x00, 0x0c, 0x00], 'TM-U220A p.83: offline, paper end (byte 3 = 0C)', { online: false, paperEnd: true }],
    [[0x38, 0x00, 0x00, 0x00], 'TM-U220A p.83: cover open (byte 1 bit 5) puts it offline', { online: false, coverOpen: true }],
    [[0x10, 0x00, 0x03, 0x00], 'TM-U220A p.83: near end (byte 3 = 03)', { online: true, paperNearEnd: true, paperEnd: false }],
    [[0x18, 0x08, 0x00, 0x00], 'TM-U220A p.83: autocutter error (byte 2 bit 3)', { cutterError: true }],
    [[0x18, 0x40, 0x00, 0x00], 'TM-U220A p.83: auto-recoverable error (byte 2 bit 6)', { autoRecoverableError: true }],
    [[0x14, 0x00, 0x00, 0x00], 'TM-U220A p.83: drawer pin HIGH (byte 1 bit 2)', { drawerHigh: true }],
    [[0x12, 0x00, 0x00, 0x00], 'a DLE EOT reply is not an ASB start', null],
    [[0x10, 0x10, 0x00, 0x00], 'byte 2 with bit 4 set cannot be ASB', null],
  ];
  test.each(rows)('%j (%s)', (bytes, _source, expected) => {
    if (expected === null) expect(parseAsb(bytes)).toBeNull();
    else expect(parseAsb(bytes)).toMatchObject(expected);
  });
});

describe('parsePaperSensor (GS r 1)', () => {
  test.each([
    [0x00, 'TM-U220A p.84: paper present', { paperEnd: false, paperNearEnd: false }],
    [0x03, 'TM-U220A p.84: near end', { paperNearEnd: true, paperEnd: false }],
    [0x0c, 'TM-U220A p.84: no paper', { paperEnd: true }],
  ])('byte %d (%s)', (byte, _source, expected) => {
    expect(parsePaperSensor(byte)).toMatchObject(expected);
  });
  test('a byte with bit 4 set is not a GS r reply', () => expect(parsePaperSensor(0x12)).toBeNull());
});

describe('conditions and UnifiedPOS codes', () => {
  const full = (b1: number, b2: number, b3: number, b4: number) =>
    mergeStatus(parseRealtime(1, b1), parseRealtime(2, b2), parseRealtime(3, b3), parseRealtime(4, b4));
  const rows: Array<[string, PrinterStatus, string[], string, number, number | undefined]> = [
    ['healthy (12 12 12 12)', full(0x12, 0x12, 0x12, 0x12), [], 'JPOS_SUCCESS', 0, undefined],
    ['paper out (1A 32 12 72)', full(0x1a, 0x32, 0x12, 0x72), ['paper-end'], 'EPTR_REC_EMPTY', 114, 203],
    ['cover open (1A 16 12 12)', full(0x1a, 0x16, 0x12, 0x12), ['cover-open'], 'EPTR_COVER_OPEN', 114, 201],
    ['near end (12 12 12 1E)', full(0x12, 0x12, 0x12, 0x1e), ['paper-near-end'], 'PTR_SUE_REC_NEAREMPTY', 0, undefined],
    ['cutter (1A 52 1A 12)', full(0x1a, 0x52, 0x1a, 0x12), ['cutter-error'], 'JPOS_E_FAILURE', 111, undefined],
    ['overheat (1A 52 52 12)', full(0x1a, 0x52, 0x52, 0x12), ['overheat'], 'JPOS_E_FAILURE', 111, undefined],
    ['offline, no cause (1A 12 12 12)', full(0x1a, 0x12, 0x12, 0x12), ['offline'], 'JPOS_E_OFFLINE', 108, undefined],
  ];
  test.each(rows)('%s', (_name, status, conditions, name, errorCode, extended) => {
    expect(conditionsOf(status)).toEqual(conditions);
    const code = uposCodeOf(status);
    expect(code.name).toBe(name);
    expect(code.errorCode).toBe(errorCode);
    expect(code.errorCodeExtended).toBe(extended);
    expect(isReady(status)).toBe(conditions.every((c) => c === 'paper-near-end'));
  });
});

describe('PrinterReplyFramer', () => {
  // A real-time reply, an ASB message with an XOFF inside, a GS r reply, then an XON.
  const stream = [0x12, 0x18, 0x13, 0x00, 0x0c, 0x00, 0x0c, 0x11];
  const expected = [
    { kind: 'realtime', byte: 0x12 },
    { kind: 'xoff' },
    { kind: 'asb', bytes: [0x18, 0x00, 0x0c, 0x00] },
    { kind: 'plain', byte: 0x0c },
    { kind: 'xon' },
  ];
  test.each(Array.from({ length: stream.length + 1 }, (_, i) => i))('same frames when split at offset %i', (at) => {
    const f = new PrinterReplyFramer();
    const frames = [...f.push(Uint8Array.from(stream.slice(0, at))), ...f.push(Uint8Array.from(stream.slice(at)))];
    expect(frames).toEqual(expected);
    expect(f.buffered()).toBe(0);
  });
  test('a broken ASB becomes unknown bytes and never throws', () => {
    const f = new PrinterReplyFramer();
    expect(f.push(Uint8Array.from([0x10, 0x00, 0x92]))).toEqual([
      { kind: 'unknown', byte: 0x10 },
      { kind: 'unknown', byte: 0x00 },
      { kind: 'unknown', byte: 0x92 },
    ]);
  });
});

describe('profiles', () => {
  test('58 mm: 32 columns, 384 dots; 80 mm: 48 columns, 576 dots', () => {
    expect(resolveProfile({ paperWidth: 58 })).toMatchObject({ columns: 32, dots: 384 });
    expect(resolveProfile({ paperWidth: 80 })).toMatchObject({ columns: 48, dots: 576 });
    expect(resolveProfile({ paperWidth: 58, profile: 'basic-58' })).toBe(PRINTER_PROFILES['basic-58']);
  });
  test('an unknown profile is a named config error', () => {
    expect(() => resolveProfile({ paperWidth: 58, profile: 'nope' })).toThrow(/devices\.printer\.profile/);
  });
});
