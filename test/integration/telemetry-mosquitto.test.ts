/**
 * The shipper against a real Mosquitto (TLS, client certificates, per-terminal ACL) and a fake fleet:
 * every record arrives, the cursor moves only on the fleet's acknowledgement, nothing card-like leaves
 * the terminal, a kill -9 mid-publish loses nothing, a stalled acknowledgement is answered by a rewind,
 * a broker restart by a reconnect, and another terminal's certificate cannot publish into this one's topics.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openJournal } from '../../src/journal/journal';
import { cliBundle, type CliBundle } from '../helpers/cli-bundle';
import { diagnosisRecord, freshDir, menuRecord, withCheckDigit } from '../helpers/journal-fixtures';
import { startFlush } from '../helpers/fleet-services';
import { freePort, makeCerts, startBroker, startFleet, startProxy, type Broker, type FakeFleet } from '../helpers/mqtt-fleet';

const PAN = withCheckDigit('622848040256489001');
let tmp: ReturnType<typeof freshDir>;
let bundle: CliBundle;
let broker: Broker;
let fleet: FakeFleet;
let port: number;

beforeAll(async () => {
  tmp = freshDir('posdiag-fleet-');
  makeCerts(tmp.dir, ['T0000001', 'T0000002', 'fleet']);
  bundle = cliBundle();
  port = await freePort();
  broker = await startBroker(tmp.dir, port);
  fleet = await startFleet(tmp.dir, port);
}, 60_000);

afterAll(async () => {
  await fleet?.close();
  await broker?.stop();
  bundle?.dispose();
  tmp?.remove();
});

let n = 0;
/** A terminal's data directory and configuration; `cert` names whose certificate it presents. */
function terminal(extra: Record<string, unknown> = {}, cert = 'T0000001', via = port): { dataDir: string; config: string } {
  const dataDir = join(tmp.dir, `term${++n}`);
  mkdirSync(dataDir);
  const config = join(tmp.dir, `term${n}.json`);
  const telemetry = {
    broker: `mqtts://127.0.0.1:${via}`,
    cert: join(tmp.dir, `${cert}.crt`),
    key: join(tmp.dir, `${cert}.key`),
    ca: join(tmp.dir, 'ca.crt'),
    flushTimeoutMs: 20_000,
    rewindMs: 1_000,
    backoffMinMs: 100,
    backoffMaxMs: 1_000,
    ...extra,
  };
  writeFileSync(
    config,
    JSON.stringify({ terminal: { id: 'T0000001', merchantId: '123456789012345', acquirer: 'cup' }, devices: {}, journal: { dir: dataDir }, telemetry }),
  );
  return { dataDir, config };
}

/** A flush in a child process, awaited without blocking this process (the fake fleet lives here). */
function flush(config: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return startFlush(bundle, config, 40_000).done;
}

async function appendRecords(dataDir: string, count: number): Promise<void> {
  const j = openJournal(dataDir);
  for (let i = 0; i < count; i++) await j.append(i % 5 === 4 ? menuRecord('pin-ok') : diagnosisRecord());
}

function keysOf(dataDir: string): string[] {
  const epoch = readFileSync(join(dataDir, 'journal.epoch'), 'latin1').slice(0, 32);
  return [...fleet.db.keys()].filter((k) => k.includes(`:${epoch}:`)).sort();
}

function expectedKeys(dataDir: string, count: number): string[] {
  const epoch = readFileSync(join(dataDir, 'journal.epoch'), 'latin1').slice(0, 32);
  return Array.from({ length: count }, (_, i) => `T0000001:${epoch}:J${String(i + 1).padStart(8, '0')}`);
}

test("flush: every record reaches the fleet once; the cursor is the fleet's acknowledgement; nothing card-like leaves", async () => {
  const { config } = terminal();
  // A real diagnosis with a card number and an amount, then more records.
  const home = join(tmp.dir, 'home-pan');
  const diag = spawnSync(process.execPath, [bundle.cli, 'diagnose', '--code', '96', '--pan', PAN, '--amount', '128.50', '--no-print', '--sim', '--json'], {
    env: { ...process.env, ...bundle.env, POSDIAG_HOME: home },
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(diag.status).toBe(0);
  const simDir = join(home, 'sim');
  const cfg = JSON.parse(readFileSync(config, 'utf8'));
  cfg.journal.dir = simDir;
  writeFileSync(config, JSON.stringify(cfg));
  await appendRecords(simDir, 19);
  const before = fleet.payloads.length;
  const statusesBefore = fleet.statuses.length;

  const r = await flush(config);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const result = JSON.parse(r.stdout);
  expect(result).toMatchObject({ complete: true, ack: 20, lastSeq: 20, gap: 0, refused: 0 });
  expect(keysOf(simDir)).toEqual(expectedKeys(simDir, 20));
  expect(JSON.parse(readFileSync(join(simDir, 'telemetry.ack'), 'utf8'))).toMatchObject({ seq: 20 });

  const published = fleet.payloads.slice(before).join('\n');
  expect(published).not.toContain(PAN);
  expect(published).not.toContain(PAN.slice(6, -4));
  expect(published).not.toContain('128.5');
  expect(published).not.toMatch(/"pan"|"amount"/);
  // The retained status went online, then offline on the goodbye, with the counters.
  const statuses = fleet.statuses.slice(statusesBefore);
  expect(statuses.some((s) => s.online)).toBe(true);
  const last = statuses[statuses.length - 1]!;
  expect(last).toMatchObject({ online: false, ack: 20, lastSeq: 20, gap: 0 });
  expect(last.devices).toBeDefined();

  // Nothing new: a second flush sends nothing.
  const again = JSON.parse((await flush(config)).stdout);
  expect(again).toMatchObject({ complete: true, sent: 0 });
}, 120_000);

test('kill -9 of the shipper mid-publish, over and over: the records all arrive once the last flush ends', async () => {
  const { dataDir, config } = terminal({ window: 2 });
  await appendRecords(dataDir, 300);
  const KILLS = 20; // 100 would take about 40 s of this suite on 2 shared cores
  for (let k = 0; k < KILLS; k++) {
    const child = spawn(process.execPath, [bundle.cli, 'telemetry', 'flush', '--config', config], { env: { ...process.env, ...bundle.env }, stdio: 'ignore' });
    const exited = new Promise((r) => child.once('exit', r));
    await new Promise((r) => setTimeout(r, 250 + ((k * 97) % 400)));
    child.kill('SIGKILL');
    await exited;
  }
  const r = await flush(config);
  expect(r.status).toBe(0);
  expect(JSON.parse(r.stdout)).toMatchObject({ complete: true, ack: 300 });
  expect(keysOf(dataDir)).toEqual(expectedKeys(dataDir, 300));
}, 120_000);

test('the acknowledgement stalls (records lost on the way): the shipper rewinds and sends them again', async () => {
  const { dataDir, config } = terminal();
  await appendRecords(dataDir, 10);
  fleet.dropNext(4);
  const r = await flush(config);
  expect(r.status).toBe(0);
  const result = JSON.parse(r.stdout);
  expect(result.rewinds).toBeGreaterThanOrEqual(1);
  expect(result).toMatchObject({ complete: true, ack: 10 });
  expect(keysOf(dataDir)).toEqual(expectedKeys(dataDir, 10));
}, 60_000);

test("another terminal's certificate cannot publish into this one's topics: refused, never counted as sent, the cursor stays", async () => {
  const { dataDir, config } = terminal({ flushTimeoutMs: 3_000 }, 'T0000002');
  await appendRecords(dataDir, 3);
  const r = await flush(config);
  expect(r.status).toBe(1);
  const result = JSON.parse(r.stdout);
  expect(result.sent).toBe(0);
  expect(result.refused).toBeGreaterThanOrEqual(3);
  expect(result).toMatchObject({ complete: false, ack: 0 });
  expect(keysOf(dataDir)).toEqual([]);
}, 60_000);

test('broker restart mid-flush: the shipper reconnects with its back-off and finishes', async () => {
  const { dataDir, config } = terminal({ window: 1 });
  await appendRecords(dataDir, 300);
  const dbBefore = fleet.db.size;
  const child = spawn(process.execPath, [bundle.cli, 'telemetry', 'flush', '--json', '--config', config], {
    env: { ...process.env, ...bundle.env },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  // Mid-flush: some records in, most not.
  while (fleet.db.size - dbBefore < 10) await new Promise((r) => setTimeout(r, 5));
  await fleet.close();
  await broker.stop('SIGKILL');
  broker = await startBroker(tmp.dir, port);
  fleet = await startFleet(tmp.dir, port, fleet);
  const code = await new Promise((r) => child.once('exit', r));
  expect(code).toBe(0);
  const result = JSON.parse(out);
  expect(result.connects).toBeGreaterThanOrEqual(2);
  expect(result).toMatchObject({ complete: true, ack: 300 });
  expect(keysOf(dataDir)).toEqual(expectedKeys(dataDir, 300));
}, 90_000);

test('a link that blackholes longer than the connect timeout, then resets, then runs slow: the flush still ends with everything', async () => {
  const proxy = await startProxy(port);
  try {
    const { dataDir, config } = terminal({ connectTimeoutMs: 1_000, window: 1 }, 'T0000001', proxy.port);
    await appendRecords(dataDir, 80);
    proxy.set('blackhole');
    const dbBefore = fleet.db.size;
    const running = flush(config);
    await new Promise((r) => setTimeout(r, 2_500)); // more than two connect timeouts
    expect(fleet.db.size).toBe(dbBefore);
    proxy.set('pass');
    while (fleet.db.size - dbBefore < 10) await new Promise((r) => setTimeout(r, 5));
    proxy.set('reset');
    await new Promise((r) => setTimeout(r, 300));
    proxy.set('slow');
    await new Promise((r) => setTimeout(r, 1_000));
    proxy.set('pass');
    const r = await running;
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.connects).toBeGreaterThanOrEqual(3);
    expect(result).toMatchObject({ complete: true, ack: 80 });
    expect(keysOf(dataDir)).toEqual(expectedKeys(dataDir, 80));
  } finally {
    await proxy.close();
  }
}, 90_000);

test('after a diagnosis a flush runs on its own: the diagnosis does not wait for it, the record reaches the fleet', async () => {
  const { dataDir, config } = terminal({ flushTimeoutMs: 15_000 });
  const diag = spawn(process.execPath, [bundle.cli, 'diagnose', '--code', '96', '--no-print', '--json', '--config', config], {
    env: { ...process.env, ...bundle.env },
    stdio: 'ignore',
  });
  expect(await new Promise((r) => diag.once('exit', r))).toBe(0);
  // The diagnosis has exited; its record arrives afterwards, sent by the detached flush.
  for (let i = 0; i < 1_000 && keysOf(dataDir).length < 1; i++) await new Promise((r) => setTimeout(r, 10));
  expect(keysOf(dataDir)).toEqual(expectedKeys(dataDir, 1));
}, 60_000);

test('run: resident, sends records as they are written, says offline on SIGTERM', async () => {
  const { dataDir, config } = terminal({ heartbeatMs: 1_000 });
  const statusesBefore = fleet.statuses.length;
  const child = spawn(process.execPath, [bundle.cli, 'telemetry', 'run', '--json', '--config', config], {
    env: { ...process.env, ...bundle.env },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise((r) => child.once('exit', r));
  await appendRecords(dataDir, 3);
  for (let i = 0; i < 1_000 && keysOf(dataDir).length < 3; i++) await new Promise((r) => setTimeout(r, 10));
  await appendRecords(dataDir, 2);
  for (let i = 0; i < 1_000 && keysOf(dataDir).length < 5; i++) await new Promise((r) => setTimeout(r, 10));
  expect(keysOf(dataDir)).toEqual(expectedKeys(dataDir, 5));
  // The heartbeat: more than one online status while it runs.
  for (let i = 0; i < 500 && fleet.statuses.slice(statusesBefore).filter((s) => s.online).length < 2; i++) await new Promise((r) => setTimeout(r, 10));
  // Stop once the terminal has the fleet's acknowledgement of all five (saved in telemetry.ack).
  const saved = () => JSON.parse(readFileSync(join(dataDir, 'telemetry.ack'), 'utf8')).seq;
  for (let i = 0; i < 500 && saved() < 5; i++) await new Promise((r) => setTimeout(r, 10));
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  expect(JSON.parse(out)).toMatchObject({ ack: 5, lastSeq: 5 });
  // The broker passes the goodbye status on to the fleet a moment after the shipper's PUBACK.
  for (let i = 0; i < 500 && fleet.statuses[fleet.statuses.length - 1]?.online !== false; i++) await new Promise((r) => setTimeout(r, 10));
  const mine = fleet.statuses.slice(statusesBefore);
  expect(mine.filter((s) => s.online).length).toBeGreaterThanOrEqual(2);
  expect(mine[mine.length - 1]).toMatchObject({ online: false, ack: 5 });
}, 60_000);
