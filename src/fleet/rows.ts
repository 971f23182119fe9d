/**
 * A received record as a database row: the key, the columns the support desk's questions group by
 * (flattened from the record, so no query parses JSON), and the record itself as JSON. Pure.
 *
 * Times are kept twice (the terminal's clock drifts while it is offline): t_terminal as the terminal
 * wrote it with its ms since the epoch, and t_received as the fleet saw it. Both as integers, so the
 * same SQL buckets them by hour on SQLite and PostgreSQL.
 */
import type { GapRange, StatusPayload, WireRecord } from './wire';

export interface RecordRow {
  terminal_id: string;
  epoch: string;
  seq: number;
  kind: string;
  acquirer: string;
  merchant_id: string;
  /** The merchant's location as the terminal is configured with it; '' when it has none. */
  region: string;
  t_terminal: string;
  t_terminal_ms: number;
  t_received_ms: number;
  code: string | null;
  category: string | null;
  cause: string | null;
  side: string | null;
  signal_dbm: number | null;
  paper: string | null;
  reader: string | null;
  raw: string;
}

export const RECORD_COLUMNS = [
  'terminal_id',
  'epoch',
  'seq',
  'kind',
  'acquirer',
  'merchant_id',
  'region',
  't_terminal',
  't_terminal_ms',
  't_received_ms',
  'code',
  'category',
  'cause',
  'side',
  'signal_dbm',
  'paper',
  'reader',
  'raw',
] as const satisfies readonly (keyof RecordRow)[];

interface Finding {
  id?: unknown;
  status?: unknown;
  value?: unknown;
}

/** The row for a record that arrived on `acquirer`'s topic at `receivedMs`. */
export function recordRow(record: WireRecord, acquirer: string, receivedMs: number): RecordRow {
  const r = record as unknown as Record<string, unknown>;
  const findings = new Map<string, Finding>();
  const deviceStatus = new Map<string, string>();
  for (const d of Array.isArray(r.devices) ? (r.devices as Array<Record<string, unknown>>) : []) {
    if (typeof d.device === 'string' && typeof d.status === 'string') deviceStatus.set(d.device, d.status);
    for (const f of Array.isArray(d.findings) ? (d.findings as Finding[]) : []) if (typeof f.id === 'string') findings.set(f.id, f);
  }
  const cause = (r.cause ?? null) as { id?: unknown; side?: unknown } | null;
  const signal = findings.get('modem.signal')?.value;
  const paper = findings.get('printer.paper');
  const tMs = Date.parse(String(r.time));
  return {
    terminal_id: record.terminalId,
    epoch: record.epoch,
    seq: record.seq,
    kind: record.kind,
    acquirer,
    merchant_id: typeof r.merchantId === 'string' ? r.merchantId : '',
    region: typeof r.location === 'string' ? r.location : '',
    t_terminal: String(r.time),
    // A terminal clock that says nothing usable counts from when the fleet got the record.
    t_terminal_ms: Number.isFinite(tMs) ? tMs : receivedMs,
    t_received_ms: receivedMs,
    code: typeof r.code === 'string' ? r.code : null,
    category: typeof r.category === 'string' ? r.category : null,
    cause: cause && typeof cause.id === 'string' ? cause.id : null,
    side: cause && typeof cause.side === 'string' ? cause.side : null,
    signal_dbm: typeof signal === 'number' && Number.isInteger(signal) ? signal : null,
    paper: paper && typeof paper.status === 'string' ? String(paper.value ?? paper.status) : null,
    reader: deviceStatus.get('reader') ?? null,
    raw: JSON.stringify(record),
  };
}

export interface StatusRow {
  terminal_id: string;
  acquirer: string;
  online: boolean;
  /** The status's own time, else when it was received (a will carries none). */
  at_ms: number;
  app_version: string | null;
  epoch: string | null;
  last_seq: number | null;
  ack: number | null;
  gap: number | null;
  devices: string | null;
  received_ms: number;
  /** The gap announced (ranges of `epoch`'s seqs that will never come); stored in record_gap, not in terminal_status. */
  gaps: GapRange[];
}

export function statusRow(terminalId: string, acquirer: string, status: StatusPayload, receivedMs: number): StatusRow {
  const at = status.at === undefined ? NaN : Date.parse(status.at);
  return {
    terminal_id: terminalId,
    acquirer,
    online: status.online,
    at_ms: Number.isFinite(at) ? at : receivedMs,
    app_version: status.appVersion ?? null,
    epoch: status.epoch ?? null,
    last_seq: status.lastSeq ?? null,
    ack: status.ack ?? null,
    gap: status.gap ?? null,
    devices: status.devices ? JSON.stringify(status.devices) : null,
    received_ms: receivedMs,
    gaps: status.gaps ?? [],
  };
}
