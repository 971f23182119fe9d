/**
 * The shipper: journal records after the fleet's acknowledgement go to the fleet's broker over MQTT 5,
 * QoS 1, TLS with the terminal's client certificate. In dist/telemetry.js, loaded only by
 * `posdiag telemetry`.
 *
 * Why the cursor moves only on the fleet's `…/ack` and never on the broker's PUBACK: a broker that
 * crashes loses what it PUBACKed since its last snapshot, so a PUBACK proves nothing about the fleet's
 * database. Records after the acknowledgement are sent again on every connect, and again when the
 * acknowledgement stalls while nothing is in flight (the rewind timer, doubling while nothing moves):
 * the fleet drops the duplicates by the record key.
 *
 * mqtt.js is used without its reconnect (a fixed period, no back-off) and without a persistent store
 * (the journal is the store): a new client per attempt, a jittered exponential back-off of our own, and
 * every publish whose callback reports an error counted as not sent. A PUBACK with reason code 135 (the
 * broker's ACL refused the topic) is counted as refused and never as sent.
 *
 * The gap contract: records after the acknowledgement that the journal no longer holds (rotation past
 * telemetry.maxUnackedRecords, a damaged file) will never come, and an acknowledgement that waited for
 * them would never move again. Their seqs go out as ranges in the retained status (`gaps`, confirmed
 * under the journal's lock, sent on every connect and whenever they change); the fleet records them
 * and its acknowledgement steps over them, so the cursor moves on and the fleet knows what was lost.
 */
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { createSecureContext, connect as tlsConnect } from 'node:tls';
import type { IClientOptions, MqttClient } from 'mqtt';
// The client alone: mqtt's index would bring WebSocket and SOCKS along (reference: ~110 KB against ~380 KB).
import * as clientModule from 'mqtt/lib/client';
import { HalError } from '../../hal/errors';
import { resolveOptions } from '../../hal/options';
import type { PosdiagConfig, TelemetryConfig } from '../config/types';
import { isoWithOffset } from '../journal/ids';
import { openJournal } from '../journal/journal';
import type { JournalRecord } from '../journal/types';
import { confirmGaps, loadEpoch, readCursor, readOutbox, saveCursor, type Epoch, type Outbox } from './outbox';
import { TELEMETRY_OPTIONS } from './options';
import { backoffMs, deviceStates, shouldPublish, stateKey, type Published } from './status';
import {
  DEFAULT_TOPIC_PREFIX,
  encodeRecord,
  encodeStatus,
  MAX_GAP_RANGES,
  outgoingRecord,
  parseAck,
  topicFor,
  willStatus,
  type StatusPayload,
  type WireChannel,
} from './wire';

const Client = (clientModule as unknown as { default: new (streamBuilder: () => never, options: IClientOptions) => MqttClient }).default;

export interface ShipOptions {
  config: PosdiagConfig;
  dataDir: string;
  /** run: resident until aborted; flush: until everything is acknowledged or flushTimeoutMs. */
  mode: 'run' | 'flush';
  signal?: AbortSignal;
  log?: (line: string) => void;
  appVersion?: string;
  random?: () => number;
}

export interface ShipResult {
  /** Publishes the broker accepted (PUBACK 0), resends included. */
  sent: number;
  /** Publishes the broker refused (PUBACK 135 and the like): never counted as sent. */
  refused: number;
  rewinds: number;
  connects: number;
  /** The fleet's acknowledgement at the end. */
  ack: number;
  lastSeq: number;
  gap: number;
  /** Everything the journal held was acknowledged. */
  complete: boolean;
}

/** Where the broker is, from `mqtts://host:port`. */
export function brokerAddress(url: string): { host: string; port: number } {
  const m = /^mqtts:\/\/(\[[0-9a-fA-F:.]+\]|[^:/?#\s]+)(?::(\d{1,5}))?$/.exec(url);
  const port = m?.[2] ? Number(m[2]) : 8883;
  if (!m || port < 1 || port > 65535)
    throw new HalError('Config_Invalid', `telemetry.broker: expected mqtts://host:port, got "${url}"`, { field: 'telemetry.broker' });
  return { host: m[1]!.replace(/^\[|\]$/g, ''), port };
}

export async function ship(opts: ShipOptions): Promise<ShipResult> {
  const t = opts.config.telemetry;
  if (!t) throw new HalError('Config_Invalid', 'telemetry is not configured: add a "telemetry" section (broker, cert, key, ca) to the configuration');
  const o = resolveOptions(TELEMETRY_OPTIONS, t, 'telemetry.', { integers: true });
  const log = opts.log ?? (() => undefined);
  const random = opts.random ?? Math.random;
  const dir = opts.dataDir;
  const journal = openJournal(dir, { holdUnacked: o.maxUnackedRecords });
  const epoch: Epoch = await loadEpoch(dir, journal);
  const terminalId = opts.config.terminal.id;
  const acquirer = opts.config.terminal.acquirer ?? 'cup';
  const prefix = t.topicPrefix ?? DEFAULT_TOPIC_PREFIX;
  const topic = (channel: WireChannel) => {
    const name = topicFor({ acquirer, terminalId, channel }, prefix);
    if (!name) throw new HalError('Config_Invalid', `no topic for terminal ${terminalId} of acquirer ${acquirer} under ${prefix}`);
    return name;
  };
  const tls = tlsFiles(t);
  const { host, port } = brokerAddress(t.broker);

  let cursor = readCursor(dir, epoch);
  // The gap ranges last confirmed under the journal's lock: a read that finds the same needs no lock.
  let confirmed = '';
  const readBox = async (): Promise<Outbox> => {
    const box = await readOutbox(dir, epoch, cursor, journal);
    if (!box.gaps.length || JSON.stringify(box.gaps) === confirmed) return box;
    let sure: Outbox;
    try {
      sure = await confirmGaps(dir, epoch, cursor, journal);
    } catch {
      // The journal's lock could not be had (held long, or the directory refuses it): what is pending is
      // still shipped; the gaps wait, unannounced, for a read that can confirm them.
      return { ...box, gaps: [] };
    }
    confirmed = JSON.stringify(sure.gaps);
    return sure;
  };
  let box = await readBox();
  const result: ShipResult = { sent: 0, refused: 0, rewinds: 0, connects: 0, ack: cursor, lastSeq: box.lastSeq, gap: box.gap, complete: false };
  // A gap alone is not done: it must still be announced, or the fleet's acknowledgement waits for it for ever.
  if (opts.mode === 'flush' && box.pending.length === 0 && box.gaps.length === 0) {
    result.complete = true;
    return result;
  }

  return new Promise<ShipResult>((resolve) => {
    let client: MqttClient | null = null;
    let connected = false;
    let attempt = 0;
    let next = 0; // index into box.pending of the next record to publish
    const inFlight = new Set<number>();
    let lastProgressMs = Date.now();
    let rewindAfterMs = o.rewindMs;
    let lastStatus: Published | null = null;
    let cursorWrite: Promise<void> = Promise.resolve();
    let finished = false;
    /** The read that brings the next gap ranges, while it runs (acks keep coming meanwhile). */
    let nextGaps: Promise<void> | null = null;
    const timers: NodeJS.Timeout[] = [];
    let reconnectTimer: NodeJS.Timeout | null = null;

    const status = (online: boolean): StatusPayload => ({
      online,
      at: isoWithOffset(new Date()),
      ...(opts.appVersion ? { appVersion: opts.appVersion } : {}),
      epoch: epoch.epoch,
      lastSeq: box.lastSeq,
      ack: cursor,
      gap: box.gap,
      // The gap announced: the fleet's acknowledgement steps over these instead of waiting for them.
      ...(box.gaps.some(([, to]) => to > cursor) ? { gaps: box.gaps.filter(([, to]) => to > cursor) } : {}),
      ...(deviceStates(box.latestDevices) ? { devices: deviceStates(box.latestDevices) } : {}),
    });

    function publishStatus(online: boolean, heartbeat: boolean, done?: () => void): void {
      const s = status(online);
      if (!client || !connected || !shouldPublish(s, lastStatus, Date.now(), o.holdBackMs, heartbeat)) return done?.();
      lastStatus = { key: stateKey(s), atMs: Date.now() };
      client.publish(topic('status'), encodeStatus(s), { qos: 1, retain: true }, () => done?.());
    }

    function connect(): void {
      reconnectTimer = null;
      if (finished) return;
      result.connects++;
      const options: IClientOptions = {
        protocolVersion: 5,
        clean: true,
        clientId: `posdiag-${terminalId}`,
        keepalive: o.keepaliveS,
        connectTimeout: o.connectTimeoutMs,
        reconnectPeriod: 0,
        resubscribe: false,
        queueQoSZero: false,
        timerVariant: 'native',
        will: { topic: topic('status'), payload: Buffer.from(encodeStatus(willStatus(epoch.epoch))), qos: 1, retain: true },
      };
      const c = new Client(
        () =>
          tlsConnect({
            host,
            port,
            ...tls,
            ...(isIP(host) ? {} : { servername: host }),
          }) as never,
        options,
      );
      client = c;
      c.on('connect', () => {
        if (client !== c) return;
        connected = true;
        attempt = 0;
        log(`connected to ${host}:${port}`);
        c.subscribe(topic('ack'), { qos: 1 }, (err) => {
          if (err) log(`ack subscription refused: ${err.message}`);
        });
        publishStatus(true, true);
        // Everything after the fleet's acknowledgement, again: the broker may have lost what it took.
        next = 0;
        lastProgressMs = Date.now();
        pump();
      });
      c.on('message', (name, payload) => {
        if (name !== topic('ack')) return;
        const ack = parseAck(payload);
        if (!ack || ack.epoch !== epoch.epoch) return;
        onAck(ack.seq);
      });
      c.on('error', (err) => log(`link: ${err.message}`));
      c.on('close', () => {
        if (client !== c) return;
        connected = false;
        inFlight.clear();
        c.removeAllListeners('connect');
        c.end(true);
        client = null;
        if (finished) return;
        const wait = backoffMs(attempt++, o.backoffMinMs, o.backoffMaxMs, random);
        log(`link closed; next attempt in ${wait} ms`);
        reconnectTimer = setTimeout(connect, wait);
      });
    }

    function pump(): void {
      if (!client || !connected) return;
      const c = client;
      while (inFlight.size < o.window && next < box.pending.length) {
        const record = box.pending[next++]!;
        if (record.seq <= cursor) continue;
        inFlight.add(record.seq);
        c.publish(topic(record.kind), payloadOf(record), { qos: 1, properties: { contentType: 'application/json' } }, (err) => {
          inFlight.delete(record.seq);
          if (err) {
            const code = (err as { code?: number }).code;
            if (typeof code === 'number' && code >= 0x80) {
              result.refused++;
              log(`record ${record.id} refused by the broker (reason code ${code})`);
            }
            // Not sent: it goes again on the next connect or rewind.
          } else result.sent++;
          if (client === c) pump();
        });
      }
    }

    // A record travels under the identity that sends it (the certificate's, the configuration's terminal
    // id): the fleet's key and its ACL both go by that one, whatever id a record was written with.
    function payloadOf(record: JournalRecord): string {
      return encodeRecord(outgoingRecord({ ...record, terminalId }, epoch.epoch));
    }

    function onAck(seq: number): void {
      if (seq <= cursor) return;
      cursor = Math.min(seq, box.lastSeq);
      result.ack = cursor;
      lastProgressMs = Date.now();
      rewindAfterMs = o.rewindMs;
      const at = cursor;
      cursorWrite = cursorWrite.then(() => saveCursor(dir, epoch, at)).catch((err: Error) => log(`telemetry.ack not saved: ${err.message}`));
      if (opts.mode === 'flush' && cursor >= box.lastSeq) return void finish(true);
      // A status holds the first MAX_GAP_RANGES ranges: once the acknowledgement has passed the last of them,
      // the next ones go out now (the acknowledgement waits for them), in a flush as in the resident shipper.
      const announced = box.gaps[box.gaps.length - 1];
      if (box.gaps.length >= MAX_GAP_RANGES && announced && cursor >= announced[1] && !nextGaps) {
        nextGaps = reload()
          .catch((err: Error) => log(`journal: ${err.message}`))
          .finally(() => (nextGaps = null));
      }
    }

    /** The acknowledgement stalled with nothing in flight: send everything after it again. */
    function checkRewind(): void {
      if (!connected || inFlight.size > 0 || next < box.pending.length) return;
      const waiting = box.pending.some((r) => r.seq > cursor);
      if (!waiting || Date.now() - lastProgressMs < rewindAfterMs) return;
      result.rewinds++;
      log(`no acknowledgement after ${cursor} for ${rewindAfterMs} ms: sending again`);
      next = 0;
      lastProgressMs = Date.now();
      rewindAfterMs = Math.min(rewindAfterMs * 2, o.rewindMs * 16);
      pump();
    }

    /** New records in the journal (resident mode), and the next gap ranges once the first are acknowledged. */
    async function reload(): Promise<void> {
      const fresh = await readBox();
      const changed = fresh.lastSeq !== box.lastSeq || fresh.gap !== box.gap || JSON.stringify(fresh.gaps) !== JSON.stringify(box.gaps);
      const sentUpTo = box.pending[next - 1]?.seq ?? cursor;
      box = fresh;
      next = box.pending.findIndex((r) => r.seq > sentUpTo);
      if (next < 0) next = box.pending.length;
      result.lastSeq = box.lastSeq;
      result.gap = box.gap;
      if (changed) publishStatus(true, false);
      pump();
    }

    async function finish(complete: boolean): Promise<void> {
      if (finished) return;
      finished = true;
      for (const t of timers) clearInterval(t);
      if (reconnectTimer) clearTimeout(reconnectTimer);
      opts.signal?.removeEventListener('abort', onAbort);
      await cursorWrite;
      result.complete = complete || cursor >= box.lastSeq;
      const c = client;
      // A DISCONNECT, not a dropped socket: the broker then discards the will (offline is said below).
      const end = () => {
        if (!c) return resolve(result);
        const hard = setTimeout(() => c.end(true, {}, () => resolve(result)), 2_000);
        c.end(false, {}, () => {
          clearTimeout(hard);
          resolve(result);
        });
      };
      // A goodbye does not fire the will: say offline ourselves (bounded: the link may be dead).
      if (c && connected) {
        const guard = setTimeout(end, 2_000);
        publishStatus(false, true, () => {
          clearTimeout(guard);
          end();
        });
      } else end();
    }

    const onAbort = () => void finish(false);
    if (opts.signal?.aborted) return void finish(false);
    opts.signal?.addEventListener('abort', onAbort);
    timers.push(setInterval(checkRewind, Math.max(100, Math.min(1_000, o.rewindMs / 4))));
    if (opts.mode === 'flush') {
      const deadline = setTimeout(() => void finish(false), o.flushTimeoutMs);
      timers.push(deadline);
    } else {
      timers.push(setInterval(() => publishStatus(true, true), o.heartbeatMs));
      timers.push(setInterval(() => void reload().catch((err: Error) => log(`journal: ${err.message}`)), 1_000));
    }
    connect();
  });
}

/** The certificate, key and CA, read once; a file that cannot be read is a configuration error naming it. */
function tlsFiles(t: TelemetryConfig): { cert: Buffer; key: Buffer; ca: Buffer } {
  const read = (field: 'cert' | 'key' | 'ca') => {
    try {
      return readFileSync(t[field]);
    } catch (err) {
      throw new HalError('Config_Invalid', `telemetry.${field}: cannot read ${t[field]} (${(err as NodeJS.ErrnoException).code ?? 'error'})`, {
        field: `telemetry.${field}`,
      });
    }
  };
  const files = { cert: read('cert'), key: read('key'), ca: read('ca') };
  try {
    createSecureContext(files);
  } catch (err) {
    // Said once, up front: otherwise every connection attempt would fail the same way.
    throw new HalError('Config_Invalid', `telemetry.cert, key or ca: not a usable certificate, key and CA (${(err as Error).message})`, {
      field: 'telemetry.cert',
    });
  }
  return files;
}
