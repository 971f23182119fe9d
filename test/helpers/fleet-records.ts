/**
 * Records as a terminal sends them to the fleet (the wire's projection of a journal record), for the
 * fleet's tests: a diagnosis with a cause, a merchant location (the report's region) and the modem's
 * signal among its findings.
 */
import type { DiagnosisRecord } from '../../src/journal/types';
import { encodeRecord, outgoingRecord } from '../../src/fleet/wire';
import { formatId } from '../../src/journal/ids';

export const EPOCH_A = '0123456789abcdef0123456789abcdef';
export const EPOCH_B = 'fedcba9876543210fedcba9876543210';

export interface RecordSpec {
  terminalId: string;
  seq: number;
  epoch?: string;
  cause?: string;
  code?: string;
  location?: string;
  time?: string;
  dBm?: number;
}

export function diagnosisRecord(s: RecordSpec): DiagnosisRecord {
  const dBm = s.dBm ?? -101;
  return {
    id: formatId(s.seq),
    seq: s.seq,
    time: s.time ?? '2026-12-05T10:15:00.000+08:00',
    kind: 'diagnosis',
    terminalId: s.terminalId,
    merchantId: '898310048990001',
    location: s.location ?? 'Shenzhen',
    code: s.code ?? '96',
    acquirer: 'cup',
    category: 'host',
    hintTitle: '96',
    cause: { id: s.cause ?? 'signal-weak', side: 'terminal', evidence: [{ finding: 'modem.signal', status: 'warn', value: dBm, unit: 'dBm' }] },
    devices: [
      {
        device: 'modem',
        status: 'warn',
        findings: [
          { id: 'modem.signal', status: 'warn', value: dBm, unit: 'dBm' },
          { id: 'modem.pdp', status: 'pass', value: '10.81.23.45' },
        ],
      },
      { device: 'printer', status: 'pass', findings: [{ id: 'printer.paper', status: 'pass' }] },
      { device: 'reader', status: 'pass', findings: [] },
    ],
    slip: { id: 'S20261205T101500-000001', bytes: 800, state: 'printed' },
  };
}

/** The payload a terminal publishes for this record. */
export function wirePayload(s: RecordSpec): Buffer {
  return Buffer.from(encodeRecord(outgoingRecord(diagnosisRecord(s), s.epoch ?? EPOCH_A)));
}
