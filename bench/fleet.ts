/**
 * N simulated terminals × M records each through Mosquitto (TLS, a client certificate per terminal, the
 * fleet ACL) and `posdiag fleet ingest` (dist/cli.js, a real process) into SQLite. The terminals are
 * mqtt.js clients in this one process, each with its own TLS connection: each publishes its records at
 * QoS 1 (at most WINDOW unacknowledged) and watches its own ack; a record's end-to-end latency runs from
 * its publish to the first ack that covers it (the moment a terminal may forget it: committed in the
 * fleet database). Measured: records/s, latency percentiles, the broker's CPU per record (utime + stime
 * from /proc/PID/stat), the ingest's too, and this simulator's peak RSS.
 *
 * Also the cashier's side: `posdiag diagnose` with telemetry configured (it spawns a detached flush and
 * must not wait for it) against the same diagnosis without telemetry, interleaved runs, median wall time
 * until the diagnosing process exits; and the sizes of dist/cli.js and of the shipper's dist/telemetry.js.
 *
 * Run by bench/run.mjs (`npm run bench`, `--fleet N` terminals) or alone through bench/fleet.mjs.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { connect, type MqttClient } from 'mqtt';
import { ackedSeq } from '../src/journal/epoch';
import { fleetAcl, makePki, startIngest, startMosquitto, type Pki } from '../test/helpers/fleet-services';
import { EPOCH_A, wirePayload } from '../test/helpers/fleet-records';

export interface FleetBenchOptions {
  terminals: number;
  records: number;
  window: number;
  /** Diagnoses timed with and without telemetry (each). */
  diagnoses: number;
  log?: (line: string) => void;
}

export interface FleetBenchResult {
  terminals: number;
  records: number;
  certsMs: number;
  connectAllMs: number;
  secs: number;
  recordsPerSec: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  brokerCpuMs: number;
  brokerUsPerRecord: number;
  ingestCpuMs: number;
  ingestUsPerRecord: number;
  stored: number;
  duplicates: number;
  simRssMb: number;
  /** Median wall times of `diagnose` without and with telemetry until it exits (ratio) and until its result is out (resultRatio); `acknowledged`: the diagnoses the detached flushes got into the fleet. */
  diagnose: { withoutMs: number; withMs: number; ratio: number; resultRatio: number; runs: number; acknowledged: number };
  cliBytes: number;
  telemetryBytes: number;
  telemetryGzipBytes: number;
}

const root = join(__dirname, '..', '..', '..');
const cli = join(root, 'dist/cli.js');

const cpuMs = (pid: number) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) * 10; // utime + stime, in clock ticks (100/s)
};
/**
 * The certificates, made once (about 60 ms a terminal: two openssl runs each) and kept a day in
 * node_modules/.cache/posdiag-bench (they are valid two days).
 */
function cachedPki(terminals: number, names: readonly string[]): Pki {
  const dir = join(root, 'node_modules/.cache/posdiag-bench', `pki-${terminals}`);
  const last = join(dir, `${names[names.length - 1]}.crt`);
  const fresh = existsSync(last) && Date.now() - statSync(join(dir, 'ca.crt')).mtimeMs < 24 * 3_600_000;
  if (fresh) return { ca: join(dir, 'ca.crt'), files: (name) => ({ cert: join(dir, `${name}.crt`), key: join(dir, `${name}.key`) }) };
  rmSync(dir, { recursive: true, force: true });
  return makePki(dir, names);
}

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchFleet(o: FleetBenchOptions): Promise<FleetBenchResult> {
  const log = o.log ?? (() => undefined);
  const dir = mkdtempSync(join(tmpdir(), 'posdiag-fleet-bench-'));
  const ids = Array.from({ length: o.terminals }, (_, i) => String(20000001 + i));
  const t0 = Date.now();
  const pki = cachedPki(o.terminals, ['posdiag-ingest', ...ids]);
  const certsMs = Date.now() - t0;
  log(`certificates for ${o.terminals} terminals: ${certsMs} ms${certsMs < 1000 ? ' (made by an earlier run)' : ''}`);
  const broker = await startMosquitto(join(dir, 'broker'), pki, fleetAcl('posdiag-ingest'));
  // A failed run must not leave its broker behind.
  const killBroker = () => {
    try {
      process.kill(broker.pid, 'SIGKILL');
    } catch {
      // already stopped
    }
  };
  process.once('exit', killBroker);
  const ingest = await startIngest(cli, {}, broker, pki, 'posdiag-ingest', join(dir, 'fleet.db'), 'bench');
  const ca = readFileSync(pki.ca);
  const connectOne = (id: string) =>
    new Promise<MqttClient>((resolve, reject) => {
      const f = pki.files(id);
      const c = connect(broker.url, {
        protocolVersion: 5,
        clean: true,
        clientId: `bench-${id}`,
        ca,
        cert: readFileSync(f.cert),
        key: readFileSync(f.key),
        reconnectPeriod: 0,
        connectTimeout: 60_000,
      });
      c.once('connect', () => resolve(c));
      c.once('error', reject);
    });
  // Connected 50 at a time: a fleet after a broker restart does not come back all in one instant either.
  const tc = Date.now();
  const clients: MqttClient[] = [];
  for (let i = 0; i < ids.length; i += 50) clients.push(...(await Promise.all(ids.slice(i, i + 50).map(connectOne))));
  const connectAllMs = Date.now() - tc;
  log(`${clients.length} terminals connected in ${connectAllMs} ms`);
  await Promise.all(clients.map((c, k) => c.subscribeAsync(`posdiag/v1/cup/${ids[k]}/ack`, { qos: 1 })));

  const brokerCpu0 = cpuMs(broker.pid);
  const ingestCpu0 = cpuMs(ingest.pid);
  const latencies: number[] = [];
  const start = Date.now();
  await Promise.all(
    clients.map(async (c, k) => {
      const id = ids[k]!;
      const sentAt: number[] = [];
      let acked = 0;
      const done = new Promise<void>((resolve) => {
        c.on('message', (_t, payload) => {
          const ack = JSON.parse(payload.toString()) as { seq: number; epoch: string };
          if (ack.epoch !== EPOCH_A) return;
          const now = Date.now();
          for (let s = acked + 1; s <= ack.seq; s++) latencies.push(now - sentAt[s]!);
          acked = Math.max(acked, ack.seq);
          if (acked >= o.records) resolve();
        });
      });
      const inFlight = new Set<Promise<unknown>>();
      for (let seq = 1; seq <= o.records; seq++) {
        sentAt[seq] = Date.now();
        const p = c.publishAsync(
          `posdiag/v1/cup/${id}/diagnosis`,
          wirePayload({ terminalId: id, seq, cause: seq % 3 ? 'signal-weak' : 'paper-out', location: `region-${k % 5}` }),
          { qos: 1 },
        );
        inFlight.add(p);
        void p.finally(() => inFlight.delete(p));
        if (inFlight.size >= o.window) await Promise.race(inFlight);
      }
      await done;
    }),
  );
  const secs = (Date.now() - start) / 1000;
  const brokerCpuMs = cpuMs(broker.pid) - brokerCpu0;
  const ingestCpuMs = cpuMs(ingest.pid) - ingestCpu0;
  const simRssMb = process.resourceUsage().maxRSS / 1024;
  await Promise.all(clients.map((c) => c.endAsync(true)));
  log(`${o.terminals} x ${o.records} records through the fleet in ${secs.toFixed(2)} s`);
  const diagnose = await benchDiagnose(dir, broker.url, pki, ids[0]!, o.diagnoses);
  const stats = (await ingest.stop()) as { inserted: number; duplicates: number };
  await broker.stop();
  process.off('exit', killBroker);
  rmSync(dir, { recursive: true, force: true });
  latencies.sort((a, b) => a - b);
  const total = o.terminals * o.records;
  const telemetry = readFileSync(join(root, 'dist/telemetry.js'));
  return {
    terminals: o.terminals,
    records: total,
    certsMs,
    connectAllMs,
    secs,
    recordsPerSec: total / secs,
    latencyMs: { p50: pct(latencies, 50), p90: pct(latencies, 90), p99: pct(latencies, 99), max: latencies[latencies.length - 1]! },
    brokerCpuMs,
    brokerUsPerRecord: (brokerCpuMs * 1000) / total,
    ingestCpuMs,
    ingestUsPerRecord: (ingestCpuMs * 1000) / total,
    stored: stats.inserted,
    duplicates: stats.duplicates,
    simRssMb,
    diagnose,
    cliBytes: statSync(cli).size,
    telemetryBytes: telemetry.length,
    telemetryGzipBytes: gzipSync(telemetry, { level: 9 }).length,
  };
}

/**
 * `posdiag diagnose --code 96` with no devices (the decision and the journal only, so telemetry's share
 * is not drowned in device time), with and without a telemetry section naming the live broker;
 * interleaved, the wall time until the diagnosing process exits (the detached flush goes on after it).
 */
async function benchDiagnose(dir: string, brokerUrl: string, pki: Pki, id: string, runs: number): Promise<FleetBenchResult['diagnose']> {
  const files = pki.files(id);
  const config = (name: string, telemetry: boolean) => {
    const dataDir = join(dir, `diag-${name}`);
    mkdirSync(dataDir, { recursive: true });
    const path = join(dir, `diag-${name}.json`);
    const t = telemetry ? { telemetry: { broker: brokerUrl, cert: files.cert, key: files.key, ca: pki.ca } } : {};
    writeFileSync(path, JSON.stringify({ terminal: { id, merchantId: '123456789012345', acquirer: 'cup' }, devices: {}, journal: { dir: dataDir }, ...t }));
    return path;
  };
  const plain = config('plain', false);
  const shipped = config('telemetry', true);
  /** Wall time until the result is on stdout (what the cashier waits for), and until the process exits. */
  const once = (cfg: string) =>
    new Promise<{ resultMs: number; exitMs: number }>((resolve, reject) => {
      const t = performance.now();
      let resultMs = NaN;
      const child = spawn(process.execPath, [cli, 'diagnose', '--code', '96', '--no-print', '--json', '--config', cfg], {
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      child.stdout!.once('data', () => (resultMs = performance.now() - t));
      child.stdout!.resume();
      child.once('error', reject);
      child.once('exit', (code) => (code === 0 ? resolve({ resultMs, exitMs: performance.now() - t }) : reject(new Error(`diagnose exited ${code}`))));
    });
  const dataDir = join(dir, 'diag-telemetry');
  const without: Array<{ resultMs: number; exitMs: number }> = [];
  const withT: Array<{ resultMs: number; exitMs: number }> = [];
  for (let i = 0; i < runs; i++) {
    without.push(await once(plain));
    withT.push(await once(shipped));
    // The detached flush shipped it (the fleet acknowledged it) before the next run: no run shares the CPU with a flush.
    const end = Date.now() + 30_000;
    while (ackedSeq(dataDir) < i + 1 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  }
  const m = (xs: typeof without, k: 'resultMs' | 'exitMs') => median(xs.map((x) => x[k]));
  return {
    withoutMs: m(without, 'exitMs'),
    withMs: m(withT, 'exitMs'),
    ratio: m(withT, 'exitMs') / m(without, 'exitMs'),
    resultRatio: m(withT, 'resultMs') / m(without, 'resultMs'),
    runs,
    acknowledged: ackedSeq(dataDir),
  };
}

if (require.main === module) {
  const arg = (name: string, fallback: number) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  benchFleet({
    terminals: arg('terminals', 1000),
    records: arg('records', 100),
    window: arg('window', 20),
    diagnoses: arg('diagnoses', 11),
    log: (l) => console.log(l),
  }).then(
    (r) => {
      console.log(JSON.stringify(r, null, 2));
      // Every simulated record and every shipped diagnosis stored once.
      if (r.stored !== r.records + r.diagnose.acknowledged || r.duplicates !== 0) process.exitCode = 1;
    },
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
