/**
 * N simulated terminals × M records each through Mosquitto (TLS, client certificates, the fleet ACL) and
 * `posdiag fleet ingest` (dist/cli.js, a real process) into SQLite. Each terminal publishes its records
 * at QoS 1 and watches its own ack; a record's end-to-end latency runs from its publish to the first ack
 * that covers it (the moment a terminal may forget it: committed in the fleet database).
 * Prints records/s, latency percentiles and the broker's CPU per message. Run through bench/fleet.mjs.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type MqttClient } from 'mqtt';
import { fleetAcl, makePki, startMosquitto } from '../test/helpers/fleet-services';
import { EPOCH_A, wirePayload } from '../test/helpers/fleet-records';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const N = arg('terminals', 20);
const M = arg('records', 50);
const WINDOW = arg('window', 20);
const root = join(__dirname, '..', '..', '..');

const cpuTicks = (pid: number) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return Number(f[11]) + Number(f[12]); // utime + stime, in clock ticks (100/s)
};
const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'posdiag-fleet-bench-'));
  const ids = Array.from({ length: N }, (_, i) => String(20000001 + i));
  const t0 = Date.now();
  const pki = makePki(join(dir, 'pki'), ['posdiag-ingest', ...ids]);
  console.log(`certificates for ${N} terminals: ${Date.now() - t0} ms`);
  const broker = await startMosquitto(join(dir, 'broker'), pki, fleetAcl('posdiag-ingest'));
  // A failed run must not leave its broker behind.
  process.once('exit', () => {
    try {
      process.kill(broker.pid, 'SIGKILL');
    } catch {
      // already stopped
    }
  });
  const ing = pki.files('posdiag-ingest');
  const ingest = spawn(process.execPath, [join(root, 'dist/cli.js'), 'fleet', 'ingest', '--broker', broker.url, '--cert', ing.cert, '--key', ing.key, '--ca', pki.ca, '--database', join(dir, 'fleet.db'), '--client-id', 'bench', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let ingestOut = '';
  ingest.stdout!.on('data', (d: Buffer) => (ingestOut += d.toString()));
  await new Promise<void>((resolve, reject) => {
    let err = '';
    ingest.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      if (err.includes('ready:')) resolve();
    });
    ingest.once('exit', (c) => reject(new Error(`ingest exited ${c}: ${err}`)));
  });
  ingest.removeAllListeners('exit');
  const ca = readFileSync(pki.ca);
  const clients: MqttClient[] = [];
  for (const id of ids) {
    const f = pki.files(id);
    const c = connect(broker.url, { protocolVersion: 5, clean: true, clientId: `bench-${id}`, ca, cert: readFileSync(f.cert), key: readFileSync(f.key), reconnectPeriod: 0 });
    await new Promise<void>((resolve, reject) => {
      c.once('connect', () => resolve());
      c.once('error', reject);
    });
    clients.push(c);
  }
  const brokerCpu0 = cpuTicks(broker.pid);
  const latencies: number[] = [];
  const start = Date.now();
  await Promise.all(
    clients.map(async (c, k) => {
      const id = ids[k]!;
      const sentAt = new Map<number, number>();
      let acked = 0;
      const done = new Promise<void>((resolve) => {
        c.on('message', (_t, payload) => {
          const ack = JSON.parse(payload.toString()) as { seq: number; epoch: string };
          if (ack.epoch !== EPOCH_A) return;
          const now = Date.now();
          for (let s = acked + 1; s <= ack.seq; s++) latencies.push(now - sentAt.get(s)!);
          acked = Math.max(acked, ack.seq);
          if (acked >= M) resolve();
        });
      });
      await c.subscribeAsync(`posdiag/v1/cup/${id}/ack`, { qos: 1 });
      const inFlight = new Set<Promise<unknown>>();
      for (let seq = 1; seq <= M; seq++) {
        sentAt.set(seq, Date.now());
        const p = c.publishAsync(`posdiag/v1/cup/${id}/diagnosis`, wirePayload({ terminalId: id, seq, cause: seq % 3 ? 'signal-weak' : 'paper-out', location: `region-${k % 5}` }), { qos: 1 });
        inFlight.add(p);
        void p.finally(() => inFlight.delete(p));
        if (inFlight.size >= WINDOW) await Promise.race(inFlight);
      }
      await done;
    }),
  );
  const secs = (Date.now() - start) / 1000;
  const brokerCpuMs = (cpuTicks(broker.pid) - brokerCpu0) * 10;
  for (const c of clients) c.end();
  ingest.kill('SIGTERM');
  await new Promise((r) => ingest.once('exit', r));
  await broker.stop();
  rmSync(dir, { recursive: true, force: true });
  latencies.sort((a, b) => a - b);
  const total = N * M;
  const stats = JSON.parse(ingestOut) as { inserted: number; duplicates: number };
  console.log(`${N} terminals x ${M} records = ${total} records in ${secs.toFixed(2)} s: ${Math.round(total / secs)} records/s (publish to last ack)`);
  console.log(`end-to-end latency (publish -> covering ack, ms): p50 ${pct(latencies, 50)}, p90 ${pct(latencies, 90)}, p99 ${pct(latencies, 99)}, max ${latencies[latencies.length - 1]}`);
  console.log(`broker CPU: ${brokerCpuMs} ms, ${((brokerCpuMs * 1000) / total).toFixed(1)} µs per record`);
  console.log(`ingest: ${stats.inserted} stored, ${stats.duplicates} duplicates`);
  if (stats.inserted !== total || latencies.length !== total) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
