import { backoffMs, deviceStates, shouldPublish, stateKey } from '../../../src/fleet/status';
import type { JournalRecord } from '../../../src/journal/types';

const base = { online: true, epoch: '0123456789abcdef', gap: 0, devices: { printer: { status: 'fail', paper: 'out' } } };

describe('shouldPublish', () => {
  const last = { key: stateKey(base), atMs: 1_000 };
  it.each([
    ['first status', base, null, 1_000, false, true],
    ['same state soon after', { ...base, at: 'x', lastSeq: 9 }, last, 2_000, false, false],
    ['same state after the hold-back', base, last, 1_000 + 60_000, false, true],
    ['a changed device', { ...base, devices: { printer: { status: 'pass', paper: 'ok' } } }, last, 2_000, false, true],
    ['a new gap', { ...base, gap: 3 }, last, 2_000, false, true],
    [
      'the same count, other gap ranges (the ack passed the first)',
      { ...base, gaps: [[7, 9]] as [number, number][] },
      { key: stateKey({ ...base, gaps: [[3, 5]] }), atMs: 1_000 },
      2_000,
      false,
      true,
    ],
    ['offline', { ...base, online: false }, last, 2_000, false, true],
    ['heartbeat', base, last, 2_000, true, true],
  ])('%s', (_n, next, prev, now, heartbeat, expected) => {
    expect(shouldPublish(next, prev, now, 60_000, heartbeat)).toBe(expected);
  });
});

describe('backoffMs', () => {
  it.each([
    [0, 0, 1_000],
    [0, 1, 2_000],
    [1, 0.5, 3_000],
    [3, 1, 16_000],
    [20, 1, 600_000],
    [1000, 0, 300_000],
  ])('attempt %d, random %d → %d', (attempt, r, expected) => {
    expect(backoffMs(attempt, 2_000, 600_000, () => r)).toBe(expected);
  });
});

test('device states: status, dBm, paper; menu records give none', () => {
  const rec = {
    kind: 'selftest',
    devices: [
      {
        device: 'modem',
        status: 'warn',
        findings: [
          { id: 'modem.signal', status: 'warn', value: -101, unit: 'dBm' },
          { id: 'modem.pdp', status: 'pass', value: '10.0.0.1' },
        ],
      },
      { device: 'printer', status: 'fail', findings: [{ id: 'printer.paper', status: 'fail', value: 'PTR_SUE_REC_EMPTY' }] },
      { device: 'Bad/Name', status: 'pass', findings: [] },
    ],
  } as unknown as JournalRecord;
  expect(deviceStates(rec)).toEqual({ modem: { status: 'warn', dBm: -101 }, printer: { status: 'fail', paper: 'PTR_SUE_REC_EMPTY' } });
  expect(deviceStates({ kind: 'menu' } as JournalRecord)).toBeUndefined();
  expect(deviceStates(null)).toBeUndefined();
});
