/**
 * Real services for the fleet side's tests, each started on a free loopback port in a temporary
 * directory and stopped by its pid: Mosquitto with TLS, client certificates (made here with openssl,
 * P-256), `use_identity_as_username` and the per-terminal ACL; PostgreSQL (initdb as a non-root user,
 * pg_ctl); and the certificates themselves.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect as tcpConnect, createServer } from 'node:net';
import { join } from 'node:path';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = tcpConnect(port, '127.0.0.1');
    sock.once('connect', () => {
      sock.destroy();
      resolve(true);
    });
    sock.once('error', () => resolve(false));
  });
}

function openssl(args: string[], cwd: string): void {
  const r = spawnSync('openssl', args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl ${args.join(' ')}: ${r.stderr}`);
}

export interface Pki {
  ca: string;
  /** cert and key of each client name (its certificate's CN) and of the broker (`server`). */
  files(name: string): { cert: string; key: string };
}

/** A CA, the broker's certificate for 127.0.0.1 and one client certificate per name (CN = name). */
export function makePki(dir: string, clients: readonly string[]): Pki {
  mkdirSync(dir, { recursive: true });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  openssl(['req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.crt', '-subj', '/CN=posdiag-test-ca', '-days', '2'], dir);
  const issue = (name: string, ext?: string) => {
    openssl(['req', ...ec, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name === 'server' ? '127.0.0.1' : name}`], dir);
    const extArgs = ext ? (writeFileSync(join(dir, `${name}.ext`), ext), ['-extfile', `${name}.ext`]) : [];
    openssl(
      ['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.crt`, '-days', '2', ...extArgs],
      dir,
    );
  };
  issue('server', 'subjectAltName=IP:127.0.0.1\n');
  for (const c of clients) issue(c);
  return { ca: join(dir, 'ca.crt'), files: (name) => ({ cert: join(dir, `${name}.crt`), key: join(dir, `${name}.key`) }) };
}

/** The ACL of the fleet: each terminal writes only its own records and status and reads only its own ack; the ingest reads all and writes acks. */
export function fleetAcl(ingestUser: string): string {
  return [
    `user ${ingestUser}`,
    'topic read posdiag/v1/#',
    'topic write posdiag/v1/+/+/ack',
    '',
    ...['diagnosis', 'selftest', 'menu', 'status'].map((c) => `pattern write posdiag/v1/+/%u/${c}`),
    'pattern read posdiag/v1/+/%u/ack',
    '',
  ].join('\n');
}

export interface Broker {
  port: number;
  url: string;
  pid: number;
  /** SIGTERM: the broker saves its persistence file on the way out. */
  stop(): Promise<void>;
  /** kill -9: whatever arrived since its last save is gone. */
  kill9(): Promise<void>;
  /** Starts it again on the same port with the same persistence directory. */
  restart(): Promise<void>;
}

export async function startMosquitto(dir: string, pki: Pki, acl: string): Promise<Broker> {
  const port = await freePort();
  mkdirSync(join(dir, 'data'), { recursive: true });
  writeFileSync(join(dir, 'acl'), acl);
  const server = pki.files('server');
  writeFileSync(
    join(dir, 'mosquitto.conf'),
    [
      `listener ${port} 127.0.0.1`,
      `cafile ${pki.ca}`,
      `certfile ${server.cert}`,
      `keyfile ${server.key}`,
      'require_certificate true',
      'use_identity_as_username true',
      `acl_file ${join(dir, 'acl')}`,
      'persistence true',
      `persistence_location ${join(dir, 'data')}/`,
      // The default 1000 drops the rest silently for a consumer that is away.
      'max_queued_messages 1000000',
      'log_dest stderr',
      'log_type error',
      'log_type warning',
      'log_type notice',
      // As root the broker would drop to user mosquitto, which cannot write this directory.
      ...(process.getuid?.() === 0 ? ['user root'] : []),
      '',
    ].join('\n'),
  );
  let child: ChildProcess;
  const launch = async () => {
    child = spawn('mosquitto', ['-c', join(dir, 'mosquitto.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
    let exited: number | null | undefined;
    child.once('exit', (code) => (exited = code));
    // Ready when its port takes a connection.
    for (let i = 0; ; i++) {
      if (exited !== undefined) throw new Error(`mosquitto exited ${exited}: ${log}`);
      if (i > 200) throw new Error(`mosquitto did not start: ${log}`);
      if (await accepts(port)) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    child.removeAllListeners('exit');
  };
  const stopWith = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((r) => child.once('exit', r));
    process.kill(child.pid!, signal);
    await gone;
  };
  await launch();
  return {
    port,
    url: `mqtts://127.0.0.1:${port}`,
    get pid() {
      return child.pid!;
    },
    stop: () => stopWith('SIGTERM'),
    kill9: () => stopWith('SIGKILL'),
    restart: launch,
  };
}

export interface Postgres {
  url: string;
  stop(): Promise<void>;
}

function postgresBin(): string {
  const base = '/usr/lib/postgresql';
  const version = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a))[0] : undefined;
  if (!version) throw new Error('PostgreSQL is not installed (Debian: postgresql; scripts/install-system-deps.sh installs it)');
  return join(base, version, 'bin');
}

/** A PostgreSQL server of its own: initdb into `dir` as the postgres user (it refuses root), pg_ctl on a free loopback port. */
export async function startPostgres(dir: string): Promise<Postgres> {
  const bin = postgresBin();
  const port = await freePort();
  mkdirSync(dir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  const pgUser = asRoot ? Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim()) : undefined;
  const pgGroup = asRoot ? Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim()) : undefined;
  if (asRoot) chownSync(dir, pgUser!, pgGroup!);
  const run = (cmd: string, args: string[]) => {
    const r = asRoot
      ? spawnSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { encoding: 'utf8' })
      : spawnSync(join(bin, cmd), args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd}: ${r.stderr}${r.stdout}`);
  };
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'posdiag', '--no-sync']);
  run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
  const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  return {
    url: `postgres://posdiag@127.0.0.1:${port}/postgres`,
    async stop() {
      try {
        process.kill(pid, 'SIGINT'); // fast shutdown
      } catch {
        return;
      }
      for (let i = 0; i < 200; i++) {
        try {
          process.kill(pid, 0);
        } catch {
          return;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      process.kill(pid, 'SIGKILL');
    },
  };
}

export interface IngestProcess {
  child: ChildProcess;
  pid: number;
  /** SIGTERM, then the counts it printed (--json); rejects when it exits other than 0. */
  stop(): Promise<Record<string, unknown>>;
  /** kill -9: nothing committed is lost, whatever it held is not acknowledged. */
  kill9(): Promise<void>;
  stderr(): string;
}

/** `posdiag fleet ingest` as a process of its own (the posdiag bundle `cli`), resolved once it says ready. */
export async function startIngest(
  cli: string,
  env: NodeJS.ProcessEnv,
  broker: Broker,
  pki: Pki,
  user: string,
  database: string,
  clientId = 'ingest-1',
): Promise<IngestProcess> {
  const files = pki.files(user);
  const child = spawn(
    process.execPath,
    [
      cli,
      'fleet',
      'ingest',
      '--broker',
      broker.url,
      '--cert',
      files.cert,
      '--key',
      files.key,
      '--ca',
      pki.ca,
      '--database',
      database,
      '--client-id',
      clientId,
      '--json',
    ],
    {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`ingest not ready: ${err}`)), 20_000);
    const onData = () => {
      if (!err.includes('ready:')) return;
      clearTimeout(timer);
      child.stderr!.off('data', onData);
      child.off('exit', onExit);
      resolve();
    };
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`ingest exited ${code}: ${err}`));
    };
    child.stderr!.on('data', onData);
    child.once('exit', onExit);
  });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return {
    child,
    pid: child.pid!,
    stderr: () => err,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const code = await exited;
      if (code !== 0) throw new Error(`ingest exited ${code}: ${err}`);
      return JSON.parse(out) as Record<string, unknown>;
    },
    async kill9() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** A `posdiag telemetry flush --json` child and its outcome. */
export interface FlushRun {
  child: ChildProcess;
  done: Promise<{ status: number | null; stdout: string; stderr: string }>;
}

/**
 * Starts `telemetry flush --json --config CONFIG` with the bundle under test, awaited without blocking this
 * process (a fake fleet or a proxy may live here); killed after `killAfterMs` when given.
 */
export function startFlush(bundle: { cli: string; env: NodeJS.ProcessEnv }, config: string, killAfterMs?: number): FlushRun {
  const child = spawn(process.execPath, [bundle.cli, 'telemetry', 'flush', '--json', '--config', config], {
    env: { ...process.env, ...bundle.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  const done = new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    }),
  );
  return { child, done };
}
