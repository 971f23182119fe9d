/**
 * What the diagnostic journal holds. One record per event: a diagnosis (code, cause, checks, slip),
 * a technician menu event, or a self-test run. Records are scrubbed before they are written, so a
 * masked PAN (first 6 / last 4) is the most of a card number any record can carry.
 */
export type JournalKind = 'diagnosis' | 'menu' | 'selftest';

export const JOURNAL_KINDS: readonly JournalKind[] = ['diagnosis', 'menu', 'selftest'];

export interface RecordBase {
  /** Stable, sortable, unique per data directory: `J` + the sequence number, zero-padded (J00000042). */
  id: string;
  /** Strictly increasing across the journal's files and across restarts. */
  seq: number;
  /** ISO 8601 with the terminal's UTC offset (2024-05-01T10:15:00.000+08:00). */
  time: string;
  kind: JournalKind;
  terminalId: string;
  merchantId: string;
  location?: string;
}

export interface JournalFinding {
  id: string;
  status: string;
  value?: number | string;
  unit?: string;
}

export interface JournalDevice {
  device: string;
  /** One of several readers: its name. */
  name?: string;
  status: string;
  findings: JournalFinding[];
}

export type SlipState = 'printed' | 'queued' | 'not-printed' | 'skipped';

export interface DiagnosisRecord extends RecordBase {
  kind: 'diagnosis';
  code: string;
  acquirer: string;
  category: string;
  hintTitle: string;
  cause: { id: string; side: string; evidence: Array<{ finding: string; status: string; value?: number | string; unit?: string }> };
  devices: JournalDevice[];
  slip: { id: string; bytes: number; state: SlipState; reason?: string };
  /** Masked 6+4 only; anything else is dropped by the scrubber. */
  pan?: string;
  amount?: string;
}

export type MenuEvent = 'pin-ok' | 'pin-wrong' | 'lockout' | 'test' | 'reprint' | 'exit';

export interface MenuRecord extends RecordBase {
  kind: 'menu';
  event: MenuEvent;
  detail?: string;
}

export interface SelftestRecord extends RecordBase {
  kind: 'selftest';
  level: string;
  devices: JournalDevice[];
}

export type JournalRecord = DiagnosisRecord | MenuRecord | SelftestRecord;

type OmitEach<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** What a caller appends: the journal assigns id and seq; time defaults to now. */
export type NewJournalRecord = OmitEach<JournalRecord, 'id' | 'seq' | 'time'> & { time?: string };
