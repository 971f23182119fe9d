/**
 * What terminal and fleet say to each other over MQTT, in one place both sides import. Pure.
 *
 * Topics: `{prefix}/{acquirer}/{terminalId}/{channel}`, prefix `posdiag/v1` unless configured.
 *  - diagnosis | selftest | menu: journal records, terminal → fleet, QoS 1, not retained;
 *  - status: the terminal's last known state, retained, with `{"online":false}` as its last will;
 *  - ack: the fleet's acknowledgement `{"seq":N,"epoch":"…"}`, retained, published after the fleet's
 *    database committed every record of that epoch up to N.
 * A record's key is (terminalId, epoch, seq): seq restarts at 1 when a data directory is wiped or
 * replaced, the epoch (random, made once with the directory) does not repeat, so the key stays unique.
 *
 * Everything read from the wire is hostile until parsed here: sizes are bounded before JSON.parse,
 * shapes are checked field by field, and anything else comes back as null.
 */
import { formatId, isSeq, MAX_SEQ } from '../journal/ids';
import { ID_FIELDS, scrubValue } from '../journal/scrub';
import { JOURNAL_KINDS, type JournalKind, type JournalRecord } from '../journal/types';

export const DEFAULT_TOPIC_PREFIX = 'posdiag/v1';
export type RecordChannel = JournalKind;
export type WireChannel = RecordChannel | 'status' | 'ack';
export const WIRE_CHANNELS: readonly WireChannel[] = [...JOURNAL_KINDS, 'status', 'ack'];

/** Bounds on what a parser accepts: a journal record is ~2 KB; anything far larger is not ours. */
export const MAX_RECORD_BYTES = 64 * 1024;
export const MAX_STATUS_BYTES = 4 * 1024;
export const MAX_ACK_BYTES = 256;
export const MAX_TOPIC_BYTES = 256;
const MAX_DEVICES = 16;

/** A journal epoch: 8–64 letters, digits, `-` or `_` (posdiag makes 32 hex digits). */
const EPOCH = /^[0-9A-Za-z_-]{8,64}$/;
/** An acquirer as the configuration allows it; `none` when a terminal names no acquirer. */
const ACQUIRER = /^[a-z0-9-]{2,20}$/;
export const NO_ACQUIRER = 'none';
/** A topic prefix: 1–4 levels of plain characters, none of MQTT's wildcards, no `$` start (system topics). */
const PREFIX = /^(?!\$)[0-9A-Za-z_.-]{1,32}(?:\/[0-9A-Za-z_.-]{1,32}){0,3}$/;

export function isEpoch(value: unknown): value is string {
  return typeof value === 'string' && EPOCH.test(value);
}
export function isTerminalId(value: unknown): value is string {
  return typeof value === 'string' && ID_FIELDS.terminalId!.test(value);
}
export function isAcquirer(value: unknown): value is string {
  return typeof value === 'string' && ACQUIRER.test(value);
}
export function isTopicPrefix(value: unknown): value is string {
  return typeof value === 'string' && PREFIX.test(value);
}

export interface TopicParts {
  acquirer: string;
  terminalId: string;
  channel: WireChannel;
}

/** The topic for one terminal's channel, or null when a part could not be a topic level of ours. */
export function topicFor(parts: TopicParts, prefix: string = DEFAULT_TOPIC_PREFIX): string | null {
  if (!isTopicPrefix(prefix) || !isAcquirer(parts.acquirer) || !isTerminalId(parts.terminalId) || !WIRE_CHANNELS.includes(parts.channel)) return null;
  return `${prefix}/${parts.acquirer}/${parts.terminalId}/${parts.channel}`;
}

/** The parts of a topic under `prefix`, or null for any other topic. */
export function parseTopic(topic: unknown, prefix: string = DEFAULT_TOPIC_PREFIX): TopicParts | null {
  if (typeof topic !== 'string' || topic.length > MAX_TOPIC_BYTES || !isTopicPrefix(prefix)) return null;
  if (!topic.startsWith(`${prefix}/`)) return null;
  const rest = topic.slice(prefix.length + 1).split('/');
  if (rest.length !== 3) return null;
  const [acquirer, terminalId, channel] = rest as [string, string, string];
  if (!isAcquirer(acquirer) || !isTerminalId(terminalId) || !(WIRE_CHANNELS as readonly string[]).includes(channel)) return null;
  return { acquirer, terminalId, channel: channel as WireChannel };
}

/** The subscription filter for every terminal's channel (`+` for each level); a fleet consumer uses it. */
export function channelFilter(channel: WireChannel, prefix: string = DEFAULT_TOPIC_PREFIX): string {
  return `${prefix}/+/+/${channel}`;
}

export interface RecordKey {
  terminalId: string;
  epoch: string;
  seq: number;
}

/** `T0000001:3f2a…:J00000042`: the key as one string (a primary key, a log line). */
export function keyString(key: RecordKey): string {
  return `${key.terminalId}:${key.epoch}:${formatId(key.seq)}`;
}

export function parseKeyString(text: unknown): RecordKey | null {
  if (typeof text !== 'string' || text.length > 100) return null;
  const m = /^([^:]+):([^:]+):J(\d{8})$/.exec(text);
  if (!m) return null;
  const seq = Number(m[3]);
  if (!isTerminalId(m[1]) || !isEpoch(m[2]) || !isSeq(seq)) return null;
  return { terminalId: m[1]!, epoch: m[2]!, seq };
}

/** A record as it leaves the terminal: the scrubbed journal record without pan, amount or the carrier's IP address, plus its epoch and key. */
export type WireRecord = (JournalRecord extends infer R ? (R extends unknown ? Omit<R, 'pan' | 'amount'> : never) : never) & { epoch: string; key: string };

/** Fields the fleet never gets: it counts causes, it needs no card or sale. */
const DROPPED_FIELDS = new Set(['pan', 'amount']);
/** Findings whose value the fleet never gets: modem.pdp's value is the carrier's IP address for the terminal. */
const DROPPED_VALUES = new Set(['modem.pdp']);

/**
 * The payload for a journal record. The record goes through the journal's scrubber again (a record
 * written by an older posdiag, or a file edited by hand, may not have), then loses the fields above.
 */
export function outgoingRecord(record: JournalRecord, epoch: string): WireRecord {
  const clean = scrubValue(record) as Record<string, unknown>;
  return projectRecord(clean, epoch) as WireRecord;
}

function projectRecord(clean: Record<string, unknown>, epoch: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(clean)) {
    if (DROPPED_FIELDS.has(k) || k === 'epoch' || k === 'key') continue;
    out[k] = k === 'devices' || k === 'cause' ? dropValues(v) : v;
  }
  out.epoch = epoch;
  out.key = keyString({ terminalId: String(clean.terminalId), epoch, seq: clean.seq as number });
  return out;
}

/** Deep copy without the `value` of findings (and evidence) named in DROPPED_VALUES. */
function dropValues(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropValues);
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  const named = typeof obj.id === 'string' ? obj.id : typeof obj.finding === 'string' ? obj.finding : '';
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if ((k === 'value' || k === 'params') && DROPPED_VALUES.has(named)) continue;
    out[k] = dropValues(v);
  }
  return out;
}

export function encodeRecord(record: WireRecord): string {
  return JSON.stringify(record);
}

/**
 * A record as the fleet receives it, or null. The fleet does not trust the sender's scrubbing: the
 * record is scrubbed and projected again, so a terminal running something else cannot put a card
 * number into the fleet's database. The key is rebuilt from the fields, never taken from the wire.
 */
export function parseRecord(payload: Uint8Array | string): WireRecord | null {
  const value = boundedJson(payload, MAX_RECORD_BYTES);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const r = value as Record<string, unknown>;
  if (!isSeq(r.seq) || r.id !== formatId(r.seq) || !isTerminalId(r.terminalId) || !isEpoch(r.epoch)) return null;
  if (typeof r.kind !== 'string' || !(JOURNAL_KINDS as readonly string[]).includes(r.kind) || typeof r.time !== 'string') return null;
  const clean = scrubValue(r) as Record<string, unknown>;
  return projectRecord(clean, r.epoch) as WireRecord;
}

/** The key of a parsed record. */
export function recordKey(record: WireRecord): RecordKey {
  return { terminalId: record.terminalId, epoch: record.epoch, seq: record.seq };
}

export interface AckPayload {
  /** Every record of this epoch up to seq is committed (0: none yet). */
  seq: number;
  epoch: string;
}

export function encodeAck(ack: AckPayload): string {
  return JSON.stringify({ seq: ack.seq, epoch: ack.epoch });
}

export function parseAck(payload: Uint8Array | string): AckPayload | null {
  const v = boundedJson(payload, MAX_ACK_BYTES);
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return null;
  const a = v as Record<string, unknown>;
  if (!(a.seq === 0 || isSeq(a.seq)) || !isEpoch(a.epoch)) return null;
  return { seq: a.seq as number, epoch: a.epoch };
}

/** A device's state as the status shows it: enough to answer "who has no paper now". */
export interface DeviceState {
  status: string;
  dBm?: number;
  paper?: string;
}

export interface StatusPayload {
  online: boolean;
  /** ISO 8601: a will from a taken-over session may arrive after a newer online status; the fleet keeps the newest. */
  at?: string;
  appVersion?: string;
  epoch?: string;
  /** The last seq the journal holds. */
  lastSeq?: number;
  /** The last seq the fleet acknowledged. */
  ack?: number;
  /** Records the fleet never acknowledged that rotation removed (0 or absent: none). */
  gap?: number;
  /**
   * The gap announced: ranges `[from, to]` of this epoch's seqs after `ack` that the terminal no longer
   * holds and will never send, lowest first, at most MAX_GAP_RANGES (the rest follow once the ack has
   * passed these). The fleet's acknowledgement steps over an announced range instead of waiting for it.
   */
  gaps?: GapRange[];
  devices?: Record<string, DeviceState>;
}

/** Seqs `from` to `to`, both included, that will never come. */
export type GapRange = [from: number, to: number];
export const MAX_GAP_RANGES = 16;

const SHORT = /^[\x20-\x7e]{1,40}$/;
const DEVICE_NAME = /^[a-z][a-z0-9-]{0,31}$/;

export function encodeStatus(status: StatusPayload): string {
  return JSON.stringify(status);
}

/** The will a terminal leaves with the broker: published by it when the link dies without a goodbye. */
export function willStatus(epoch?: string): StatusPayload {
  return epoch ? { online: false, epoch } : { online: false };
}

export function parseStatus(payload: Uint8Array | string): StatusPayload | null {
  const v = boundedJson(payload, MAX_STATUS_BYTES);
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return null;
  const s = v as Record<string, unknown>;
  if (typeof s.online !== 'boolean') return null;
  const out: StatusPayload = { online: s.online };
  if (s.at !== undefined) {
    if (typeof s.at !== 'string' || !SHORT.test(s.at) || Number.isNaN(Date.parse(s.at))) return null;
    out.at = s.at;
  }
  if (s.appVersion !== undefined) {
    if (typeof s.appVersion !== 'string' || !SHORT.test(s.appVersion)) return null;
    out.appVersion = s.appVersion;
  }
  if (s.epoch !== undefined) {
    if (!isEpoch(s.epoch)) return null;
    out.epoch = s.epoch;
  }
  for (const k of ['lastSeq', 'ack', 'gap'] as const) {
    if (s[k] === undefined) continue;
    const n = s[k];
    if (!Number.isSafeInteger(n) || (n as number) < 0 || (n as number) > MAX_SEQ) return null;
    out[k] = n as number;
  }
  if (s.gaps !== undefined) {
    // Ranges name seqs of one epoch: without it they would name nothing.
    const gaps = parseGaps(s.gaps);
    if (!gaps || out.epoch === undefined) return null;
    out.gaps = gaps;
  }
  if (s.devices !== undefined) {
    const devices = parseDevices(s.devices);
    if (!devices) return null;
    out.devices = devices;
  }
  return out;
}

/** Ascending, disjoint, within 1..MAX_SEQ, at most MAX_GAP_RANGES; anything else is not a gap announcement. */
function parseGaps(value: unknown): GapRange[] | null {
  if (!Array.isArray(value) || value.length > MAX_GAP_RANGES) return null;
  const out: GapRange[] = [];
  let after = 0;
  for (const r of value) {
    if (!Array.isArray(r) || r.length !== 2 || !isSeq(r[0]) || !isSeq(r[1]) || r[0] > r[1] || r[0] <= after) return null;
    out.push([r[0], r[1]]);
    after = r[1];
  }
  return out;
}

function parseDevices(value: unknown): Record<string, DeviceState> | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > MAX_DEVICES) return null;
  const out: Record<string, DeviceState> = {};
  for (const [name, d] of entries) {
    if (!DEVICE_NAME.test(name) || d === null || typeof d !== 'object' || Array.isArray(d)) return null;
    const dev = d as Record<string, unknown>;
    if (typeof dev.status !== 'string' || !SHORT.test(dev.status)) return null;
    const state: DeviceState = { status: dev.status };
    if (dev.dBm !== undefined) {
      if (typeof dev.dBm !== 'number' || !Number.isInteger(dev.dBm) || dev.dBm < -200 || dev.dBm > 0) return null;
      state.dBm = dev.dBm;
    }
    if (dev.paper !== undefined) {
      if (typeof dev.paper !== 'string' || !SHORT.test(dev.paper)) return null;
      state.paper = dev.paper;
    }
    out[name] = state;
  }
  return out;
}

/** JSON from a payload no longer than `max` bytes, or null (too long, not UTF-8 JSON). */
function boundedJson(payload: Uint8Array | string, max: number): unknown {
  if (typeof payload === 'string') {
    if (payload.length > max) return null; // UTF-16 units ≤ UTF-8 bytes: a cheap check before the exact one
    if (Buffer.byteLength(payload, 'utf8') > max) return null;
  } else if (!(payload instanceof Uint8Array) || payload.byteLength > max) return null;
  const text = typeof payload === 'string' ? payload : Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
