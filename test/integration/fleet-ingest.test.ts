/**
 * `posdiag fleet ingest` as a real process between a real Mosquitto (TLS, client certificates with the
 * identity as user name, the per-terminal ACL) and a real database, SQLite and PostgreSQL alike. Fake
 * terminals are plain mqtt.js clients with their own certificates. Checked: every record stored exactly
 * once under its key, duplicates dropped, each ack published only after its records were committed, a
 * foreign identity refused (by the broker's ACL on the topic, by ingest on the record), and a broker
 * killed with -9 while ingest is down loses nothing once the terminal sends again after the fleet's ack.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type MqttClient } from 'mqtt';
import { openFleetStore } from '../../src/fleet/database';
import type { DatabaseSettings } from '../../src/fleet/config';
import { cliBundle, type CliBundle } from '../helpers/cli-bundle';
import { EPOCH_A, wirePayload } from '../helpers/fleet-records';
import {
  fleetAcl,
  makePki,
  startIngest as startIngestProcess,
  startMosquitto,
  startPostgres,
  type Broker,
  type IngestProcess,
  type Pki,
  type Postgres,
} from '../helpers/fleet-services';
import { requireSystemTool } from '../../mocks/system-tools';

jest.setTimeout(90_000);

const T1 = '10000001';
const T2 = '10000002';
const INGEST = 'posdiag-ingest';
const topic = (tid: string, channel = 'diagnosis') => `posdiag/v1/cup/${tid}/${channel}`;

let dir: string;
let pgDir: string;
let bundle: CliBundle;
let pki: Pki;
let broker: Broker;
let pg: Postgres;

beforeAll(async () => {
  requireSystemTool('mosquitto');
  requireSystemTool('openssl');
  dir = mkdtempSync(join(tmpdir(), 'posdiag-fleet-'));
  pgDir = mkdtempSync(join(tmpdir(), 'posdiag-pg-'));
  bundle = cliBundle();
  pki = makePki(join(dir, 'pki'), [INGEST, T1, T2]);
  pg = await startPostgres(pgDir);
});
afterAll(async () => {
  await pg?.stop();
  bundle?.dispose();
  rmSync(dir, { recursive: true, force: true });
  rmSync(pgDir, { recursive: true, force: true });
});

const startIngest = (database: string): Promise<IngestProcess> => startIngestProcess(bundle.cli, bundle.env, broker, pki, INGEST, database);

async function terminal(tid: string): Promise<MqttClient> {
  const files = pki.files(tid);
  const c = connect(broker.url, {
    protocolVersion: 5,
    clean: true,
    clientId: `term-${tid}`,
    ca: pki.ca ? require('node:fs').readFileSync(pki.ca) : undefined,
    cert: require('node:fs').readFileSync(files.cert),
    key: require('node:fs').readFileSync(files.key),
    reconnectPeriod: 0,
  });
  await new Promise<void>((resolve, reject) => {
    c.once('connect', () => resolve());
    c.once('error', reject);
  });
  return c;
}

async function send(c: MqttClient, tid: string, seqs: Iterable<number>, as = tid): Promise<void> {
  for (const seq of seqs) await c.publishAsync(topic(tid), wirePayload({ terminalId: as, seq }), { qos: 1 });
}

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

/** The acks a terminal sees on its own ack topic; `until(n)` waits for one of at least n. */
async function ackWatch(c: MqttClient, tid: string, onAck: (seq: number) => Promise<void> | void = () => undefined) {
  const seen: number[] = [];
  const waiters: Array<{ n: number; resolve: () => void }> = [];
  c.on('message', (t, payload) => {
    if (t !== topic(tid, 'ack')) return;
    const ack = JSON.parse(payload.toString()) as { seq: number; epoch: string };
    expect(ack.epoch).toBe(EPOCH_A);
    void Promise.resolve(onAck(ack.seq)).then(() => {
      seen.push(ack.seq);
      for (const w of waiters.filter((x) => ack.seq >= x.n)) w.resolve();
    });
  });
  await c.subscribeAsync(topic(tid, 'ack'), { qos: 1 });
  return {
    seen,
    until: (n: number) => (seen.some((s) => s >= n) ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ n, resolve }))),
  };
}

describe.each(['sqlite', 'postgres'] as const)('on %s', (kind) => {
  let database: string;
  let settings: DatabaseSettings;
  const keys = async (tid: string) => {
    const store = await openFleetStore(settings);
    try {
      return (await store.query<{ seq: number; epoch: string }>('select seq, epoch from records where terminal_id = ? order by seq', [tid])).map((r) =>
        Number(r.seq),
      );
    } finally {
      await store.close();
    }
  };

  beforeAll(async () => {
    broker = await startMosquitto(join(dir, `broker-${kind}`), pki, fleetAcl(INGEST));
    if (kind === 'sqlite') {
      database = join(dir, 'fleet.db');
      settings = { kind: 'sqlite', path: database };
    } else {
      database = pg.url;
      settings = { kind: 'postgres', url: database };
    }
  });
  afterAll(() => broker?.stop());

  test('exactly once, duplicates dropped, acks after the commit, a foreign identity refused', async () => {
    const ingest = await startIngest(database);
    const t1 = await terminal(T1);
    const t2 = await terminal(T2);
    // At each ack: every record up to it is already in the database.
    const behind: string[] = [];
    const acks1 = await ackWatch(t1, T1, async (seq) => {
      const stored = await keys(T1);
      if (range(1, seq).some((s) => !stored.includes(s))) behind.push(`ack ${seq} before its records: ${stored.join(',')}`);
    });
    await send(t1, T1, range(1, 20));
    await send(t1, T1, range(5, 10)); // sent again: a shipper that rewound
    await send(t2, T2, range(1, 5));
    // T2 writing under T1's topic: the broker's ACL refuses it (MQTT 5 reason code 135).
    await expect(t2.publishAsync(topic(T1), wirePayload({ terminalId: T1, seq: 99 }), { qos: 1 })).rejects.toMatchObject({ code: 135 });
    // T2 on its own topic with a record claiming T1: the broker lets it through, ingest refuses it.
    await send(t2, T2, [99], T1);
    await acks1.until(20);
    t1.end();
    t2.end();
    const stats = await ingest.stop();
    expect(behind).toEqual([]);
    expect(await keys(T1)).toEqual(range(1, 20));
    expect(await keys(T2)).toEqual(range(1, 5));
    expect(stats).toMatchObject({ inserted: 25, duplicates: 6, refused: { identity: 1, topic: 0, payload: 0, kind: 0 } });
  });

  test('the broker killed with -9 while ingest is down: the terminal sends again after the ack, nothing is lost or doubled', async () => {
    // ingest has a persistent session: records published while it is down wait in the broker...
    const t1 = await terminal(T1);
    await send(t1, T1, range(21, 40));
    // ...until the broker dies without saving them.
    await broker.kill9();
    await broker.restart();
    const ingest = await startIngest(database);
    const t1b = await terminal(T1);
    // The terminal's side of the design: read the retained ack, send everything after it again.
    const acks = await ackWatch(t1b, T1);
    await new Promise((r) => setTimeout(r, 300)); // the retained ack, if the broker kept one
    const from = (acks.seen.length ? Math.max(...acks.seen) : 0) + 1;
    await send(t1b, T1, range(from, 40));
    await acks.until(40);
    t1.end();
    t1b.end();
    const stats = await ingest.stop();
    expect(await keys(T1)).toEqual(range(1, 40));
    expect(stats.refused).toEqual({ identity: 0, topic: 0, payload: 0, kind: 0 });
  });
});
