/**
 * Every simulated reader fault, at the level where it shows, with the findings it must produce and the
 * time the check may take (from the timeouts it runs into). Shared by the in-process unit test and the
 * PTY integration test, so both prove the same table.
 */
import type { CheckLevel, CheckStatus, Finding } from '../../hal/selfcheck';
import type { ReaderCheckOptions } from '../../hal/reader/reader-check';

export interface ReaderCase {
  kind: 'pn532' | 'msr605';
  fault: string;
  level: CheckLevel;
  expect: Array<Partial<Finding>>;
  /** Finding ids that must not appear (a run that stopped, or a level that does not test them). */
  absent?: string[];
  /** The device's overall status. */
  status: CheckStatus;
  /** Upper bound for the run in ms, before tolerance, given the timeouts in use. */
  withinMs(o: ReaderCheckOptions): number;
}

const quick = () => 500;
type Timing = Partial<Record<string, number>>;
const pn = (o: ReaderCheckOptions) => (o.pn532 ?? {}) as Timing;
const ms = (o: ReaderCheckOptions) => (o.msr605 ?? {}) as Timing;

const pnInternalPass: Array<Partial<Finding>> = [
  { id: 'reader.comm', status: 'pass' },
  { id: 'reader.firmware', status: 'pass', value: 'PN532 v1.6' },
  { id: 'reader.rom', status: 'pass' },
  { id: 'reader.ram', status: 'pass' },
];
const msrInternalPass: Array<Partial<Finding>> = [
  { id: 'reader.comm', status: 'pass' },
  { id: 'reader.firmware', status: 'pass', value: 'MSR605 model 3 REVH1.15' },
  { id: 'reader.ram', status: 'pass' },
];

export function readerCases(): ReaderCase[] {
  return [
    { kind: 'pn532', fault: 'healthy', level: 'internal', expect: pnInternalPass, absent: ['reader.antenna', 'reader.tap'], status: 'pass', withinMs: quick },
    {
      kind: 'pn532',
      fault: 'healthy',
      level: 'external',
      expect: [...pnInternalPass, { id: 'reader.antenna', status: 'pass' }],
      status: 'pass',
      withinMs: quick,
    },
    {
      kind: 'pn532',
      fault: 'healthy',
      level: 'interactive',
      expect: [
        { id: 'reader.antenna', status: 'pass' },
        { id: 'reader.tap', status: 'timeout', message: 'check.reader.tap.none' },
      ],
      status: 'timeout',
      withinMs: (o) => (o.interactiveMs ?? 10_000) + (pn(o).pollTimeoutMs ?? 1000),
    },
    {
      kind: 'pn532',
      fault: 'silent',
      level: 'internal',
      expect: [{ id: 'reader.comm', status: 'timeout', message: 'check.reader.no-reply' }],
      absent: ['reader.firmware'],
      status: 'timeout',
      withinMs: (o) => pn(o).commandTimeoutMs ?? 1000,
    },
    {
      kind: 'pn532',
      fault: 'bad-checksum',
      level: 'internal',
      expect: [{ id: 'reader.comm', status: 'fail', message: 'check.reader.checksum' }],
      absent: ['reader.firmware'],
      status: 'fail',
      withinMs: quick,
    },
    {
      kind: 'pn532',
      fault: 'rom-fail',
      level: 'internal',
      expect: [
        { id: 'reader.rom', status: 'fail', message: 'check.reader.rom.fail', value: '0xFF' },
        { id: 'reader.ram', status: 'pass' },
      ],
      status: 'fail',
      withinMs: quick,
    },
    {
      kind: 'pn532',
      fault: 'ram-fail',
      level: 'internal',
      expect: [
        { id: 'reader.rom', status: 'pass' },
        { id: 'reader.ram', status: 'fail', message: 'check.reader.ram.fail' },
      ],
      status: 'fail',
      withinMs: quick,
    },
    { kind: 'pn532', fault: 'antenna-fail', level: 'internal', expect: pnInternalPass, absent: ['reader.antenna'], status: 'pass', withinMs: quick },
    {
      kind: 'pn532',
      fault: 'antenna-fail',
      level: 'external',
      expect: [{ id: 'reader.antenna', status: 'fail', message: 'check.reader.antenna.fail' }],
      status: 'fail',
      withinMs: quick,
    },
    {
      kind: 'pn532',
      fault: 'card-present',
      level: 'interactive',
      expect: [{ id: 'reader.tap', status: 'pass', message: 'check.reader.tap.ok', params: { type: 'ISO14443A', uid: 'DE****EF', atqa: '0004', sak: '08' } }],
      status: 'pass',
      withinMs: quick,
    },
    {
      kind: 'pn532',
      fault: 'unplug',
      level: 'internal',
      expect: [
        { id: 'reader.comm', status: 'pass' },
        { id: 'reader.link', status: 'absent', message: 'check.reader.unplugged' },
      ],
      absent: ['reader.rom'],
      status: 'absent',
      withinMs: quick,
    },
    { kind: 'msr605', fault: 'healthy', level: 'internal', expect: msrInternalPass, absent: ['reader.swipe'], status: 'pass', withinMs: quick },
    {
      kind: 'msr605',
      fault: 'healthy',
      level: 'interactive',
      expect: [...msrInternalPass, { id: 'reader.swipe', status: 'timeout', message: 'check.reader.swipe.none' }],
      status: 'timeout',
      withinMs: (o) => (o.interactiveMs ?? 10_000) + (ms(o).resetSettleMs ?? 100) + 200,
    },
    {
      kind: 'msr605',
      fault: 'silent',
      level: 'internal',
      expect: [{ id: 'reader.comm', status: 'timeout', message: 'check.reader.no-reply' }],
      absent: ['reader.firmware'],
      status: 'timeout',
      withinMs: (o) => (ms(o).commandTimeoutMs ?? 1000) + (ms(o).resetSettleMs ?? 100),
    },
    {
      kind: 'msr605',
      fault: 'ram-fail',
      level: 'internal',
      expect: [{ id: 'reader.ram', status: 'fail', message: 'check.reader.ram.fail', value: '0x41' }],
      status: 'fail',
      withinMs: quick,
    },
    {
      kind: 'msr605',
      fault: 'swipe',
      level: 'interactive',
      expect: [
        { id: 'reader.swipe', status: 'pass', message: 'check.reader.swipe.ok', params: { pan: '476173******0010', tracks: '1:ok 2:ok 3:empty' } },
        { id: 'reader.track1', status: 'pass', value: 'ok' },
        { id: 'reader.track2', status: 'pass', value: 'ok' },
        { id: 'reader.track3', status: 'pass', value: 'empty' },
      ],
      status: 'pass',
      withinMs: quick,
    },
    {
      kind: 'msr605',
      fault: 'unplug',
      level: 'internal',
      expect: [
        { id: 'reader.comm', status: 'pass' },
        { id: 'reader.link', status: 'absent', message: 'check.reader.unplugged' },
      ],
      absent: ['reader.ram'],
      status: 'absent',
      withinMs: quick,
    },
  ];
}
