/**
 * The fleet end to end, every part real and in a process of its own: terminals' journals → posdiag's
 * shipper (`telemetry flush`) → Mosquitto (TLS, client certificates, identity as user name, per-terminal
 * ACL, persistence) → `posdiag fleet ingest` → the fleet database (SQLite, then PostgreSQL). Under each
 * fault the database ends with every journal record exactly once: the keys (terminal, epoch, seq) read
 * back from the database equal the keys read from the journals, and the ingest's own count of stored
 * rows equals the rows there (nothing stored twice, nothing stored and lost).
 *
 * Faults: two shippers at once; a shipper presenting another terminal's certificate (the broker's ACL
 * refuses it) and a record claiming another terminal on its sender's topic (the ingest refuses it);
 * 100 kill -9 of the shipper mid-publish; the broker killed with -9 while the ingest is down, then both
 * back; a broker restart mid-flush; a link that blackholes for longer than the connect timeout; a journal
 * that rotated away records the fleet never acknowledged (the gap contract: announced, stepped over,
 * reported).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type MqttClient } from 'mqtt';
import { openFleetStore } from '../../src/fleet/database';
import type { DatabaseSettings } from '../../src/fleet/config';
import { ackedSeq } from '../../src/journal/epoch';
import { formatId } from '../../src/journal/ids';
import { openJournal, type JournalOptions } from '../../src/journal/journal';
import { requireSystemTool } from '../../mocks/system-tools';
import { cliBundle, type CliBundle } from '../helpers/cli-bundle';
import { wirePayload } from '../helpers/fleet-records';
import {
  fleetAcl,
  makePki,
  startIngest,
  startMosquitto,
  startFlush as startFlushProcess,
  startPostgres,
  type Broker,
  type IngestProcess,
  type Pki,
  type Postgres,
} from '../helpers/fleet-services';
import { diagnosisRecord, menuRecord } from '../helpers/journal-fixtures';
import { startProxy, type FaultProxy } from '../helpers/mqtt-fleet';

jest.setTimeout(240_000);

const INGEST = 'posdiag-ingest';
/** One identity per scenario; the database side runs them again with its own. */
const ids = (base: number) => Array.from({ length: 10 }, (_, i) => String(base + i + 1));

let dir: string;
let bundle: CliBundle;
let pki: Pki;
let pg: Postgres | undefined;
/** PostgreSQL's own directory: its server runs as the postgres user, who may enter no other temporary directory of ours. */
let pgDir: string | undefined;
const sides = { sqlite: ids(30000000), postgres: ids(40000000) };

beforeAll(async () => {
  requireSystemTool('mosquitto');
  requireSystemTool('openssl');
  dir = mkdtempSync(join(tmpdir(), 'posdiag-e2e-'));
  bundle = cliBundle();
  pki = makePki(join(dir, 'pki'), [INGEST, ...sides.sqlite, ...sides.postgres]);
});
afterAll(async () => {
  await pg?.stop();
  bundle?.dispose();
  rmSync(dir, { recursive: true, force: true });
  if (pgDir) rmSync(pgDir, { recursive: true, force: true });
});

const until = async (what: string, cond: () => boolean | Promise<boolean>, ms = 30_000) => {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe.each(['sqlite', 'postgres'] as const)('on %s', (kind) => {
  const [T1, T2, T3, T4, T5, T6, T7, T8, T9, T10] = sides[kind] as [string, string, string, string, string, string, string, string, string, string];
  const root = () => join(dir, kind);
  let broker: Broker;
  let proxy: FaultProxy;
  let ingest: IngestProcess;
  let settings: DatabaseSettings;
  let database: string;
  /** Stored-row counts of the ingest processes that have ended. */
  const ended = { inserted: 0, identity: 0 };
  /** Every terminal whose journal the database must hold, exactly. */
  const shipped = new Map<string, string>();
  /** Records each terminal's identity published, counted by a monitor subscribed beside the ingest. */
  const published = new Map<string, number>();
  let monitor: MqttClient;

  beforeAll(async () => {
    mkdirSync(root(), { recursive: true });
    broker = await startMosquitto(join(root(), 'broker'), pki, fleetAcl(INGEST));
    proxy = await startProxy(broker.port);
    if (kind === 'postgres') {
      pgDir = mkdtempSync(join(tmpdir(), 'posdiag-e2e-pg-'));
      pg = await startPostgres(pgDir);
    }
    database = kind === 'sqlite' ? join(root(), 'fleet.db') : pg!.url;
    settings = kind === 'sqlite' ? { kind, path: database } : { kind, url: database };
    ingest = await startIngest(bundle.cli, bundle.env, broker, pki, INGEST, database, `ingest-${kind}`);
    const files = pki.files(INGEST);
    monitor = connect(broker.url, {
      protocolVersion: 5,
      clean: true,
      clientId: `monitor-${kind}`,
      ca: readFileSync(pki.ca),
      cert: readFileSync(files.cert),
      key: readFileSync(files.key),
      reconnectPeriod: 200,
    });
    monitor.on('message', (topic) => {
      const tid = topic.split('/')[3]!;
      if (!topic.endsWith('/status')) published.set(tid, (published.get(tid) ?? 0) + 1);
    });
    monitor.on('connect', () => monitor.subscribe(['posdiag/v1/+/+/diagnosis', 'posdiag/v1/+/+/menu'], { qos: 0 }));
    await until('the monitor', () => monitor.connected);
  });
  afterAll(async () => {
    monitor?.end(true);
    await ingest?.kill9();
    await proxy?.close();
    await broker?.stop();
  });

  /** A terminal's data directory and configuration; `cert` names the identity whose certificate it presents. */
  function terminal(id: string, extra: Record<string, unknown> = {}, cert = id, port = broker.port): { dataDir: string; config: string } {
    const dataDir = join(root(), id);
    mkdirSync(dataDir, { recursive: true });
    const config = join(root(), `${id}.json`);
    const files = pki.files(cert);
    const telemetry = {
      broker: `mqtts://127.0.0.1:${port}`,
      cert: files.cert,
      key: files.key,
      ca: pki.ca,
      flushTimeoutMs: 60_000,
      rewindMs: 1_000,
      backoffMinMs: 100,
      backoffMaxMs: 1_000,
      ...extra,
    };
    writeFileSync(
      config,
      JSON.stringify({ terminal: { id, merchantId: '123456789012345', acquirer: 'cup' }, devices: {}, journal: { dir: dataDir }, telemetry }),
    );
    if (cert === id) shipped.set(id, dataDir);
    return { dataDir, config };
  }

  function startFlush(config: string) {
    const { child, done } = startFlushProcess(bundle, config);
    return {
      child,
      done: done.then(({ status, stdout, stderr }) => ({ status, result: stdout ? (JSON.parse(stdout) as Record<string, unknown>) : {}, stderr })),
    };
  }
  const flush = (config: string) => startFlush(config).done;

  async function append(dataDir: string, count: number, opts: JournalOptions = {}): Promise<void> {
    const j = openJournal(dataDir, opts);
    for (let i = 0; i < count; i++) await j.append(i % 7 === 6 ? menuRecord('pin-ok') : diagnosisRecord());
  }

  /** The keys a terminal's journal holds now, as `id:epoch:Jnnnnnnnn`. */
  async function journalKeys(id: string, dataDir: string): Promise<string[]> {
    const [epoch, first] = readFileSync(join(dataDir, 'journal.epoch'), 'latin1').trim().split(' ') as [string, string];
    const { records } = await openJournal(dataDir).readAll();
    return records
      .filter((r) => r.seq >= Number(first))
      .map((r) => `${id}:${epoch}:${formatId(r.seq)}`)
      .sort();
  }

  async function dbKeys(where = '', params: unknown[] = []): Promise<string[]> {
    const store = await openFleetStore(settings);
    try {
      const rows = await store.query<{ terminal_id: string; epoch: string; seq: number | string }>(
        `select terminal_id, epoch, seq from records ${where}`,
        params,
      );
      return rows.map((r) => `${r.terminal_id}:${r.epoch}:${formatId(Number(r.seq))}`).sort();
    } finally {
      await store.close();
    }
  }
  const keysOf = (id: string) => dbKeys('where terminal_id = ?', [id]);

  async function stopIngest(): Promise<void> {
    const stats = (await ingest.stop()) as { inserted: number; refused: { identity: number } };
    ended.inserted += stats.inserted;
    ended.identity += stats.refused.identity;
  }

  test('two shippers at once: each journal reaches the database exactly once', async () => {
    const a = terminal(T1);
    const b = terminal(T2, { window: 5 });
    await Promise.all([append(a.dataDir, 150), append(b.dataDir, 120)]);
    const [ra, rb] = await Promise.all([flush(a.config), flush(b.config)]);
    expect(ra.result).toMatchObject({ complete: true, ack: 150, refused: 0 });
    expect(rb.result).toMatchObject({ complete: true, ack: 120, refused: 0 });
    expect(await keysOf(T1)).toEqual(await journalKeys(T1, a.dataDir));
    expect(await keysOf(T2)).toEqual(await journalKeys(T2, b.dataDir));
  });

  test("no record under another terminal's identity: the broker refuses a foreign certificate, the ingest a foreign record", async () => {
    // T4's journal, shipped with T3's certificate: every publish under T4's topics is refused (reason code 135).
    const spoof = terminal(T4, { flushTimeoutMs: 3_000 }, T3);
    await append(spoof.dataDir, 5);
    const r = await flush(spoof.config);
    expect(r.status).toBe(1);
    expect(r.result).toMatchObject({ sent: 0, complete: false, ack: 0 });
    expect(r.result.refused).toBeGreaterThanOrEqual(5);
    // T3 on its own topic with records that claim to be T4's: the broker lets them by, the ingest does not.
    const files = pki.files(T3);
    const raw = connect(broker.url, {
      protocolVersion: 5,
      clean: true,
      clientId: `raw-${T3}`,
      ca: readFileSync(pki.ca),
      cert: readFileSync(files.cert),
      key: readFileSync(files.key),
      reconnectPeriod: 0,
    });
    await new Promise<void>((resolve, reject) => (raw.once('connect', () => resolve()), raw.once('error', reject)));
    for (const seq of [1, 2, 3]) await raw.publishAsync(`posdiag/v1/cup/${T3}/diagnosis`, wirePayload({ terminalId: T4, seq }), { qos: 1 });
    await raw.endAsync();
    // Checked at the end, once the ingest has printed its counts: the three refused, nothing of T3 or T4 stored.
  });

  // The kills are the shipper's; the database behind the ingest changes nothing of them: PostgreSQL's side
  // runs a fifth of them (each costs a process start, about 0.8 s on two shared cores).
  const KILLS = kind === 'sqlite' ? 100 : 20;
  test(`${KILLS} kill -9 of the shipper mid-publish: every record arrives once the last flush ends`, async () => {
    const t = terminal(T5, { window: 5 });
    await append(t.dataDir, 300);
    let kills = 0;
    for (let k = 0; kills < KILLS; k++) {
      expect(k).toBeLessThan(KILLS * 1.3); // a flush that keeps finishing before its kill would never get there
      // Always something unacknowledged to be in the middle of.
      if (
        ackedSeq(t.dataDir) >
        (await openJournal(t.dataDir)
          .nextId()
          .then((id) => Number(id.slice(1)) - 1)) -
          60
      )
        await append(t.dataDir, 150);
      const before = published.get(T5) ?? 0;
      const want = 1 + ((k * 7) % 15); // killed after 1 to 15 publishes of this run reached the broker
      const { child, done } = startFlush(t.config);
      await until('publishes', () => child.exitCode !== null || (published.get(T5) ?? 0) - before >= want, 15_000);
      if (child.exitCode === null) {
        child.kill('SIGKILL');
        kills++;
      }
      await done;
    }
    const r = await flush(t.config);
    expect(r.result).toMatchObject({ complete: true });
    expect(await keysOf(T5)).toEqual(await journalKeys(T5, t.dataDir));
  });

  test('the broker killed with -9 while the ingest is down, then both back: nothing lost', async () => {
    const t = terminal(T6, { flushTimeoutMs: 4_000 }, T6, proxy.port);
    await append(t.dataDir, 200);
    await stopIngest();
    // The broker takes (PUBACKs) every record for the ingest's persistent session...
    const first = await flush(t.config);
    expect(first.result).toMatchObject({ complete: false, ack: 0 });
    expect(first.result.sent).toBeGreaterThanOrEqual(200);
    // ...and dies without saving them.
    await broker.kill9();
    const tried = proxy.accepted;
    const again = startFlush(terminal(T6, { flushTimeoutMs: 60_000 }, T6, proxy.port).config);
    await until('a connection attempt to the dead broker', () => proxy.accepted > tried);
    await broker.restart();
    ingest = await startIngest(bundle.cli, bundle.env, broker, pki, INGEST, database, `ingest-${kind}`);
    const r = await again.done;
    expect(r.result).toMatchObject({ complete: true, ack: 200 });
    expect(r.result.connects).toBeGreaterThanOrEqual(2);
    expect(await keysOf(T6)).toEqual(await journalKeys(T6, t.dataDir));
  });

  test('a broker restart mid-flush: shipper and ingest reconnect, the flush ends with everything', async () => {
    const t = terminal(T7, { window: 1 });
    await append(t.dataDir, 200);
    const running = startFlush(t.config);
    await until('the first records', () => (published.get(T7) ?? 0) >= 10);
    await broker.stop();
    await broker.restart();
    const r = await running.done;
    expect(r.result).toMatchObject({ complete: true, ack: 200 });
    expect(r.result.connects).toBeGreaterThanOrEqual(2);
    expect(await keysOf(T7)).toEqual(await journalKeys(T7, t.dataDir));
  });

  test('a link that blackholes for longer than the connect timeout: the flush gets through once it passes', async () => {
    const t = terminal(T8, { connectTimeoutMs: 1_000 }, T8, proxy.port);
    await append(t.dataDir, 100);
    proxy.set('blackhole');
    const running = startFlush(t.config);
    // The fault schedule itself: dead for two and a half connect timeouts, then a working link.
    await new Promise((r) => setTimeout(r, 2_500));
    expect(published.get(T8) ?? 0).toBe(0);
    proxy.set('pass');
    const r = await running.done;
    expect(r.result).toMatchObject({ complete: true, ack: 100 });
    expect(r.result.connects).toBeGreaterThanOrEqual(2);
    expect(await keysOf(T8)).toEqual(await journalKeys(T8, t.dataDir));
  });

  test('the gap contract: records rotated away before the fleet acknowledged them are announced; the ack steps over them; the report lists the gap', async () => {
    const t = terminal(T9);
    // A small journal whose rotation guard keeps at most 15 unacknowledged records: the oldest go.
    await append(t.dataDir, 60, { maxBytes: 4096, keepFiles: 2, holdUnacked: 15 });
    const held = await journalKeys(T9, t.dataDir);
    const lost = 60 - held.length;
    expect(lost).toBeGreaterThan(0);
    // What the terminal says of it before any flush: the gap and its seqs.
    const status = spawnSync(process.execPath, [bundle.cli, 'telemetry', 'status', '--json', '--config', t.config], {
      env: { ...process.env, ...bundle.env },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(JSON.parse(status.stdout)).toMatchObject({ ack: 0, lastSeq: 60, gap: lost, gaps: [[1, lost]] });
    const r = await flush(t.config);
    expect(r.result).toMatchObject({ complete: true, ack: 60, lastSeq: 60, gap: lost });
    expect(await keysOf(T9)).toEqual(held);
    const store = await openFleetStore(settings);
    try {
      const gaps = await store.query<{ from_seq: number | string; to_seq: number | string }>('select from_seq, to_seq from record_gap where terminal_id = ?', [
        T9,
      ]);
      expect(gaps.map((g) => [Number(g.from_seq), Number(g.to_seq)])).toEqual([[1, lost]]);
    } finally {
      await store.close();
    }
    const report = spawnSync(process.execPath, [bundle.cli, 'fleet', 'report', '--database', database, '--json'], {
      env: { ...process.env, ...bundle.env },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(report.status).toBe(0);
    const attention = (JSON.parse(report.stdout) as { attention: Array<{ terminalId: string; gap: number }> }).attention;
    expect(attention.find((a) => a.terminalId === T9)).toMatchObject({ gap: lost });
    expect(attention.filter((a) => a.gap > 0).map((a) => a.terminalId)).toEqual([T9]);
  });

  test('a gap of more ranges than one status holds: the next ones are announced once the ack has passed the first, within one flush', async () => {
    const t = terminal(T10, { flushTimeoutMs: 15_000 });
    await append(t.dataDir, 60);
    // Twenty records damaged on disk, none next to another: twenty ranges, more than a status carries (16).
    const file = join(t.dataDir, 'journal.log');
    const lines = readFileSync(file, 'latin1').split('\n');
    const damaged = Array.from({ length: 20 }, (_, i) => 3 * i + 2);
    for (const seq of damaged) lines[seq - 1] = lines[seq - 1]!.replace('"kind"', '"kinD"');
    writeFileSync(file, lines.join('\n'), 'latin1');
    expect((await journalKeys(T10, t.dataDir)).length).toBe(40);
    const r = await flush(t.config);
    expect(r.result).toMatchObject({ complete: true, ack: 60, lastSeq: 60 });
    expect(await keysOf(T10)).toEqual(await journalKeys(T10, t.dataDir));
    const store = await openFleetStore(settings);
    try {
      const gaps = await store.query<{ from_seq: number | string }>('select from_seq from record_gap where terminal_id = ? order by from_seq', [T10]);
      expect(gaps.map((g) => Number(g.from_seq))).toEqual(damaged);
    } finally {
      await store.close();
    }
  });

  test('in the end: the database holds every journal record exactly once, and nothing under a foreign identity', async () => {
    const want: string[] = [];
    for (const [id, dataDir] of shipped) want.push(...(await journalKeys(id, dataDir)));
    await stopIngest();
    const all = await dbKeys();
    expect(all).toEqual(want.sort());
    expect(all.filter((k) => k.startsWith(`${T3}:`) || k.startsWith(`${T4}:`))).toEqual([]);
    // Each row stored once: the ingests' own counts of new rows add up to the rows there.
    expect(ended.inserted).toBe(all.length);
    expect(ended.identity).toBe(3);
  });
});
