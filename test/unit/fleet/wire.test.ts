import {
  channelFilter,
  encodeAck,
  encodeRecord,
  encodeStatus,
  type GapRange,
  keyString,
  MAX_ACK_BYTES,
  MAX_RECORD_BYTES,
  MAX_STATUS_BYTES,
  outgoingRecord,
  parseAck,
  parseKeyString,
  parseRecord,
  parseStatus,
  parseTopic,
  recordKey,
  topicFor,
  willStatus,
} from '../../../src/fleet/wire';
import type { DiagnosisRecord, JournalRecord } from '../../../src/journal/types';
import { withCheckDigit } from '../../helpers/journal-fixtures';

const EPOCH = '0123456789abcdef0123456789abcdef';
const PAN = withCheckDigit('622202100112345678');

function diagnosis(extra: Partial<DiagnosisRecord> = {}): DiagnosisRecord {
  return {
    id: 'J00000042',
    seq: 42,
    time: '2024-05-01T10:15:00.000+08:00',
    kind: 'diagnosis',
    terminalId: 'T0000001',
    merchantId: '123456789012345',
    location: 'Shanghai',
    code: '96',
    acquirer: 'cup',
    category: 'host',
    hintTitle: 'System malfunction',
    cause: {
      id: 'signal-weak',
      side: 'terminal',
      evidence: [
        { finding: 'modem.signal', status: 'warn', value: -101, unit: 'dBm' },
        { finding: 'modem.pdp', status: 'pass', value: '10.64.3.7' },
      ],
    },
    devices: [
      {
        device: 'modem',
        status: 'warn',
        findings: [
          { id: 'modem.signal', status: 'warn', value: -101, unit: 'dBm' },
          { id: 'modem.pdp', status: 'pass', value: '10.64.3.7' },
        ],
      },
    ],
    slip: { id: 'S1', bytes: 100, state: 'printed' },
    pan: '622202******1234',
    amount: '12.00',
    ...extra,
  };
}

describe('topics', () => {
  it.each([
    [{ acquirer: 'cup', terminalId: 'T0000001', channel: 'diagnosis' as const }, undefined, 'posdiag/v1/cup/T0000001/diagnosis'],
    [{ acquirer: 'cup', terminalId: 'T0000001', channel: 'ack' as const }, 'acme/pos', 'acme/pos/cup/T0000001/ack'],
    [{ acquirer: 'none', terminalId: 'ABCD1234', channel: 'status' as const }, undefined, 'posdiag/v1/none/ABCD1234/status'],
  ])('builds and parses %j under %s', (parts, prefix, topic) => {
    expect(topicFor(parts, prefix)).toBe(topic);
    expect(parseTopic(topic, prefix)).toEqual(parts);
  });

  it.each([
    [{ acquirer: 'c/p', terminalId: 'T0000001', channel: 'diagnosis' }, undefined],
    [{ acquirer: 'cup', terminalId: 'T+000001', channel: 'diagnosis' }, undefined],
    [{ acquirer: 'cup', terminalId: 'T000001#', channel: 'diagnosis' }, undefined],
    [{ acquirer: 'cup', terminalId: 'T0000001', channel: 'secrets' }, undefined],
    [{ acquirer: 'CUP', terminalId: 'T0000001', channel: 'diagnosis' }, undefined],
    [{ acquirer: 'cup', terminalId: 'T0000001', channel: 'diagnosis' }, '$SYS'],
    [{ acquirer: 'cup', terminalId: 'T0000001', channel: 'diagnosis' }, 'a/+/b'],
    [{ acquirer: 'cup', terminalId: 'T0000001', channel: 'diagnosis' }, ''],
  ])('refuses %j under %s', (parts, prefix) => {
    expect(topicFor(parts as never, prefix)).toBeNull();
  });

  it.each([
    'posdiag/v1/cup/T0000001',
    'posdiag/v1/cup/T0000001/diagnosis/extra',
    'posdiag/v2/cup/T0000001/diagnosis',
    'posdiag/v1/cup/T00000012/diagnosis',
    'posdiag/v1//T0000001/diagnosis',
    `posdiag/v1/cup/T0000001/${'x'.repeat(300)}`,
    42,
    null,
  ])('parseTopic(%j) is null', (topic) => {
    expect(parseTopic(topic)).toBeNull();
  });

  it('has a filter for every terminal of a channel', () => {
    expect(channelFilter('diagnosis')).toBe('posdiag/v1/+/+/diagnosis');
  });
});

describe('record key', () => {
  it('round-trips its string form', () => {
    const key = { terminalId: 'T0000001', epoch: EPOCH, seq: 7 };
    expect(keyString(key)).toBe(`T0000001:${EPOCH}:J00000007`);
    expect(parseKeyString(keyString(key))).toEqual(key);
  });
  it.each(['', 'T0000001:short:J00000001', `T0000001:${EPOCH}:J00000000`, `T0000001:${EPOCH}:J1`, `T00001:${EPOCH}:J00000001`, `a:b:c:d`, 7])(
    'parseKeyString(%j) is null',
    (text) => {
      expect(parseKeyString(text)).toBeNull();
    },
  );
  it('differs across epochs for the same seq (a wiped data directory)', () => {
    expect(keyString({ terminalId: 'T0000001', epoch: EPOCH, seq: 1 })).not.toBe(keyString({ terminalId: 'T0000001', epoch: 'ffffffffffffffff', seq: 1 }));
  });
});

describe('outgoing record', () => {
  const wire = outgoingRecord(diagnosis(), EPOCH);
  const text = encodeRecord(wire);

  it('drops pan and amount and adds epoch and key', () => {
    expect(wire).not.toHaveProperty('pan');
    expect(wire).not.toHaveProperty('amount');
    expect(wire.epoch).toBe(EPOCH);
    expect(wire.key).toBe(`T0000001:${EPOCH}:J00000042`);
    expect(text).not.toContain('622202');
    expect(text).not.toContain('12.00');
  });

  it("drops the carrier's IP address from findings and evidence, keeps the status", () => {
    expect(text).not.toContain('10.64.3.7');
    const modem = (wire as DiagnosisRecord).devices[0]!;
    expect(modem.findings[1]).toEqual({ id: 'modem.pdp', status: 'pass' });
    expect(modem.findings[0]).toEqual({ id: 'modem.signal', status: 'warn', value: -101, unit: 'dBm' });
    expect((wire as DiagnosisRecord).cause.evidence[1]).toEqual({ finding: 'modem.pdp', status: 'pass' });
  });

  it('scrubs card numbers a record should never have held (an older writer, a hand-edited file)', () => {
    const raw = diagnosis({ hintTitle: `card ${PAN}`, location: `near ${PAN}` } as Partial<DiagnosisRecord>);
    const out = encodeRecord(outgoingRecord(raw, EPOCH));
    expect(out).not.toContain(PAN);
    expect(out).toContain('622202');
  });

  it('takes neither epoch nor key from the record itself', () => {
    const raw = { ...diagnosis(), epoch: 'forged-epoch-0000', key: 'forged' } as unknown as JournalRecord;
    const w = outgoingRecord(raw, EPOCH);
    expect(w.epoch).toBe(EPOCH);
    expect(w.key).toBe(`T0000001:${EPOCH}:J00000042`);
  });

  it('parses back on the fleet side with the same key', () => {
    const parsed = parseRecord(Buffer.from(text));
    expect(parsed).toEqual(wire);
    expect(recordKey(parsed!)).toEqual({ terminalId: 'T0000001', epoch: EPOCH, seq: 42 });
  });
});

describe('parseRecord on hostile input', () => {
  const good = JSON.parse(encodeRecord(outgoingRecord(diagnosis(), EPOCH))) as Record<string, unknown>;
  it.each([
    ['not JSON', '{'],
    ['an array', '[]'],
    ['null', 'null'],
    ['too large', JSON.stringify({ ...good, hintTitle: 'x'.repeat(MAX_RECORD_BYTES) })],
    ['seq 0', JSON.stringify({ ...good, seq: 0, id: 'J00000000' })],
    ['id not its seq', JSON.stringify({ ...good, id: 'J00000041' })],
    ['bad terminal id', JSON.stringify({ ...good, terminalId: 'T1' })],
    ['no epoch', JSON.stringify({ ...good, epoch: undefined })],
    ['bad epoch', JSON.stringify({ ...good, epoch: 'x' })],
    ['unknown kind', JSON.stringify({ ...good, kind: 'secret' })],
    ['no time', JSON.stringify({ ...good, time: 5 })],
  ])('%s → null', (_name, payload) => {
    expect(parseRecord(payload)).toBeNull();
  });

  it('re-scrubs and re-projects what a foreign sender put in', () => {
    const hostile = JSON.stringify({ ...good, pan: PAN, amount: '99.00', hintTitle: `x ${PAN}`, key: 'forged' });
    const parsed = parseRecord(hostile)!;
    expect(JSON.stringify(parsed)).not.toContain(PAN);
    expect(parsed).not.toHaveProperty('pan');
    expect(parsed).not.toHaveProperty('amount');
    expect(parsed.key).toBe(`T0000001:${EPOCH}:J00000042`);
  });
});

describe('ack', () => {
  it.each([[{ seq: 0, epoch: EPOCH }], [{ seq: 99_999_999, epoch: EPOCH }]])('round-trips %j', (ack) => {
    expect(parseAck(encodeAck(ack))).toEqual(ack);
  });
  it.each([
    ['{"seq":-1,"epoch":"0123456789abcdef"}'],
    ['{"seq":1.5,"epoch":"0123456789abcdef"}'],
    ['{"seq":100000000,"epoch":"0123456789abcdef"}'],
    ['{"seq":"1","epoch":"0123456789abcdef"}'],
    ['{"seq":1}'],
    ['{"seq":1,"epoch":"short"}'],
    ['{"seq":1,"epoch":"has space in it"}'],
    [`{"seq":1,"epoch":"0123456789abcdef","pad":"${'x'.repeat(MAX_ACK_BYTES)}"}`],
    ['[1]'],
    [''],
    ['\u0000'],
  ])('parseAck(%j) is null', (payload) => {
    expect(parseAck(payload)).toBeNull();
  });
  it('reads a Buffer', () => {
    expect(parseAck(Buffer.from('{"seq":3,"epoch":"0123456789abcdef"}'))).toEqual({ seq: 3, epoch: '0123456789abcdef' });
  });
});

describe('status', () => {
  const full = {
    online: true,
    at: '2024-05-01T10:15:00.000+08:00',
    appVersion: '0.1.0',
    epoch: EPOCH,
    lastSeq: 50,
    ack: 42,
    gap: 3,
    devices: { modem: { status: 'warn', dBm: -101 }, printer: { status: 'fail', paper: 'out' }, reader: { status: 'pass' } },
  };
  it.each([
    [full],
    [willStatus()],
    [willStatus(EPOCH)],
    [{ online: true, at: full.at }],
    [
      {
        ...full,
        gaps: [
          [43, 45],
          [47, 47],
        ] as GapRange[],
      },
    ],
  ])('round-trips %j', (s) => {
    expect(parseStatus(encodeStatus(s))).toEqual(s);
  });
  it('will is offline', () => {
    expect(willStatus()).toEqual({ online: false });
  });
  it.each([
    ['online missing', { ...full, online: undefined }],
    ['online as text', { ...full, online: 'yes' }],
    ['bad time', { ...full, at: 'yesterday' }],
    ['control bytes in version', { ...full, appVersion: '1\u001b[2J' }],
    ['negative gap', { ...full, gap: -1 }],
    ['fractional ack', { ...full, ack: 1.5 }],
    ['bad device name', { ...full, devices: { 'Modem/../x': { status: 'ok' } } }],
    ['device without status', { ...full, devices: { modem: {} } }],
    ['dBm out of range', { ...full, devices: { modem: { status: 'warn', dBm: 20 } } }],
    ['too many devices', { ...full, devices: Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`d${i}`, { status: 'pass' }])) }],
    ['too large', { ...full, appVersion: undefined, pad: 'x'.repeat(MAX_STATUS_BYTES) }],
    ['gaps without an epoch', { ...full, epoch: undefined, gaps: [[43, 45]] }],
    ['a gap range backwards', { ...full, gaps: [[45, 43]] }],
    [
      'gap ranges out of order',
      {
        ...full,
        gaps: [
          [47, 47],
          [43, 45],
        ],
      },
    ],
    [
      'gap ranges overlapping',
      {
        ...full,
        gaps: [
          [43, 45],
          [45, 46],
        ],
      },
    ],
    ['a gap from seq 0', { ...full, gaps: [[0, 3]] }],
    ['a gap range of three', { ...full, gaps: [[1, 2, 3]] }],
    ['too many gap ranges', { ...full, gaps: Array.from({ length: 17 }, (_, i) => [2 * i + 1, 2 * i + 1]) }],
  ])('%s → null', (_name, s) => {
    expect(parseStatus(JSON.stringify(s))).toBeNull();
  });
});
