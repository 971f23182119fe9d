/**
 * A fleet on loopback for the telemetry tests: certificates made with openssl (P-256 CA, a server
 * certificate for 127.0.0.1, one client certificate per identity), Mosquitto started on a free port with
 * TLS, client certificates, the identity as user name and a per-terminal ACL, and a fake fleet that
 * stores records by key and publishes each terminal's retained acknowledgement after its "commit".
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, connect as netConnect } from 'node:net';
import { join } from 'node:path';
import { connect, type MqttClient } from 'mqtt';
import { encodeAck, keyString, parseRecord, parseStatus, parseTopic, type StatusPayload } from '../../src/fleet/wire';

export function makeCerts(dir: string, identities: readonly string[]): void {
  const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  ssl('ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'ca.key');
  ssl('req', '-x509', '-new', '-key', 'ca.key', '-subj', '/CN=posdiag test CA', '-days', '2', '-out', 'ca.crt');
  const leaf = (name: string, cn: string, ext: string) => {
    ssl('ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', `${name}.key`);
    ssl('req', '-new', '-key', `${name}.key`, '-subj', `/CN=${cn}`, '-out', `${name}.csr`);
    writeFileSync(join(dir, `${name}.ext`), ext);
    ssl(
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.crt',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-days',
      '2',
      '-extfile',
      `${name}.ext`,
      '-out',
      `${name}.crt`,
    );
  };
  leaf('server', '127.0.0.1', 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  for (const id of identities) leaf(id, id, 'extendedKeyUsage=clientAuth\n');
}

/** A free loopback port (one helper for every fleet test). */
export { freePort } from './fleet-services';

export interface Broker {
  port: number;
  proc: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Mosquitto in the foreground, as this user; resolves once it accepts connections. */
export async function startBroker(dir: string, port: number): Promise<Broker> {
  writeFileSync(
    join(dir, 'acl'),
    [
      'user fleet',
      'topic readwrite posdiag/v1/#',
      '',
      ...['diagnosis', 'selftest', 'menu', 'status'].map((c) => `pattern write posdiag/v1/+/%u/${c}`),
      'pattern read posdiag/v1/+/%u/ack',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'mosquitto.conf'),
    [
      'user root',
      'persistence false',
      'log_dest none',
      'per_listener_settings false',
      `acl_file ${join(dir, 'acl')}`,
      `listener ${port} 127.0.0.1`,
      `cafile ${join(dir, 'ca.crt')}`,
      `certfile ${join(dir, 'server.crt')}`,
      `keyfile ${join(dir, 'server.key')}`,
      'require_certificate true',
      'use_identity_as_username true',
      '',
    ].join('\n'),
  );
  const proc = spawn('mosquitto', ['-c', join(dir, 'mosquitto.conf')], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  for (let i = 0; ; i++) {
    if (proc.exitCode !== null) throw new Error(`mosquitto exited with ${proc.exitCode}`);
    if (await canConnect(port)) break;
    if (i > 100) throw new Error('mosquitto did not start');
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    port,
    proc,
    async stop(signal = 'SIGTERM') {
      if (proc.exitCode === null && proc.signalCode === null) process.kill(proc.pid!, signal);
      await exited;
    },
  };
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = netConnect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

export interface FakeFleet {
  /** Every record stored, by key. */
  db: Map<string, string>;
  contiguous: Map<string, number>;
  seqs: Map<string, Set<number>>;
  /** Payloads of every message received (records and statuses), for scanning. */
  payloads: string[];
  statuses: StatusPayload[];
  duplicates: number;
  /** Drop (do not store, do not acknowledge) the next n records: what a broker crash loses. */
  dropNext(n: number): void;
  close(): Promise<void>;
}

/** The fleet's consumer: stores by key, then acknowledges the highest contiguous seq per terminal and epoch (retained). */
export async function startFleet(dir: string, port: number, database?: FakeFleet): Promise<FakeFleet> {
  const client: MqttClient = connect({
    protocol: 'mqtts',
    host: '127.0.0.1',
    port,
    protocolVersion: 5,
    ca: readFileSync(join(dir, 'ca.crt')),
    cert: readFileSync(join(dir, 'fleet.crt')),
    key: readFileSync(join(dir, 'fleet.key')),
    reconnectPeriod: 200,
    clientId: `fleet-${process.pid}`,
  });
  // The database outlives a consumer restart, as a real one does.
  const db = database?.db ?? new Map<string, string>();
  const contiguous = database?.contiguous ?? new Map<string, number>();
  const seqs = database?.seqs ?? new Map<string, Set<number>>();
  const fleet: FakeFleet = {
    db,
    contiguous,
    seqs,
    payloads: database?.payloads ?? [],
    statuses: database?.statuses ?? [],
    duplicates: database?.duplicates ?? 0,
    dropNext: (n) => (drop = n),
    close: () => new Promise((resolve) => client.end(true, {}, () => resolve())),
  };
  let drop = 0;
  client.on('message', (topic, payload) => {
    const parts = parseTopic(topic);
    if (!parts || parts.channel === 'ack') return;
    fleet.payloads.push(payload.toString('utf8'));
    if (parts.channel === 'status') {
      const s = parseStatus(payload);
      if (s) fleet.statuses.push(s);
      return;
    }
    if (drop > 0) {
      drop--;
      return;
    }
    const r = parseRecord(payload);
    if (!r || r.terminalId !== parts.terminalId) return;
    const key = keyString(r);
    if (db.has(key)) fleet.duplicates++;
    else db.set(key, payload.toString('utf8'));
    // "commit", then the retained acknowledgement of the highest contiguous seq
    const tk = `${r.terminalId}:${r.epoch}`;
    const have = seqs.get(tk) ?? new Set<number>();
    have.add(r.seq);
    seqs.set(tk, have);
    let c = contiguous.get(tk) ?? 0;
    while (have.has(c + 1)) c++;
    contiguous.set(tk, c);
    client.publish(`posdiag/v1/${parts.acquirer}/${parts.terminalId}/ack`, encodeAck({ seq: c, epoch: r.epoch }), { qos: 1, retain: true });
  });
  await new Promise<void>((resolve, reject) => {
    client.once('connect', () =>
      client.subscribe(['posdiag/v1/+/+/diagnosis', 'posdiag/v1/+/+/selftest', 'posdiag/v1/+/+/menu', 'posdiag/v1/+/+/status'], { qos: 1 }, (err) =>
        err ? reject(err) : resolve(),
      ),
    );
    client.once('error', reject);
  });
  return fleet;
}

export type ProxyMode = 'pass' | 'blackhole' | 'reset' | 'slow';

export interface FaultProxy {
  port: number;
  /** Connections accepted so far (a test waits on it: a client has tried). */
  readonly accepted: number;
  set(mode: ProxyMode): void;
  close(): Promise<void>;
}

/**
 * A TCP proxy in front of the broker: pass; blackhole (connections accepted, bytes dropped both ways,
 * like a dead cellular link); reset (every connection destroyed, new ones too); slow (each chunk 300 ms late).
 */
export async function startProxy(target: number): Promise<FaultProxy> {
  let mode: ProxyMode = 'pass';
  let accepted = 0;
  const sockets = new Set<import('node:net').Socket>();
  const relay = (from: import('node:net').Socket, to: import('node:net').Socket) =>
    from.on('data', (chunk: Buffer) => {
      if (mode === 'blackhole') return;
      if (mode === 'slow') setTimeout(() => to.destroyed || to.write(chunk), 300);
      else to.write(chunk);
    });
  const server = createServer((client) => {
    accepted++;
    if (mode === 'reset') return void client.destroy();
    const upstream = netConnect(target, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => {
        sockets.delete(s);
        client.destroy();
        upstream.destroy();
      });
    }
    relay(client, upstream);
    relay(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.address() as { port: number }).port,
    get accepted() {
      return accepted;
    },
    set(next) {
      mode = next;
      if (next === 'reset') for (const s of sockets) s.destroy();
    },
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
