/**
 * The network check's judgements with the network replaced: an injected resolver and host link stand in
 * for routes and names that cannot be produced on loopback (unreachable, DNS failure), and an injected
 * local source plays the platforms (Linux, Android without root). Nothing here opens a socket.
 */
import type { BindingInterface } from '@serialport/bindings-interface';
import { systemClock } from '../../../hal/clock';
import { createNetworkCheck } from '../../../hal/network/check';
import type { DeviceEnv } from '../../../hal/devices';
import type { HostConfig } from '../../../hal/config';
import type { HostLink, Resolver } from '../../../hal/network/host-link';
import type { LocalSource } from '../../../hal/network/local-source';
import { budgetFor, NETWORK_OPTIONS, resolveNetworkOptions } from '../../../hal/network/options';
import { classifyErrno, summarizeTries, TryOutcome } from '../../../hal/network/probe-result';
import { Finding, runChecks } from '../../../hal/selfcheck';

const ROUTE =
  'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\neth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\t0\t0\n';
const ROUTE_NO_DEFAULT =
  'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\neth0\t0001A8C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0\n';

const linux: LocalSource = {
  readText: async (path) => (path.endsWith('route') ? ROUTE : 'nameserver 114.114.114.114\n'),
  interfaces: () => ({ lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }], wlan0: [{ address: '192.168.1.23', family: 'IPv4', internal: false }] }),
  littleEndian: true,
  platform: 'linux',
};

const oserr = (code: string) => Object.assign(new Error(`${code}: denied`), { code });

// An Android app without root: /proc/net is closed by SELinux, there is no resolv.conf, and
// os.networkInterfaces() throws (uv_interface_addresses returned EACCES).
const androidNoRoot: LocalSource = {
  readText: async (path) => {
    throw oserr(path.endsWith('route') ? 'EACCES' : 'ENOENT');
  },
  interfaces: () => {
    throw oserr('EACCES');
  },
  littleEndian: true,
  platform: 'android',
};

const resolvesTo = (address: string): Resolver => ({ resolve: async () => ({ ok: true, addresses: [address], ms: 12 }) });
const linkWith = (tries: TryOutcome[], exchange?: HostLink['exchange']): HostLink => {
  let i = 0;
  return {
    tryConnect: async () => tries[Math.min(i++, tries.length - 1)],
    exchange: exchange ?? (async () => ({ ok: false, stage: 'reply', failure: 'timeout', ms: 1 })),
  };
};

function env(host?: HostConfig): DeviceEnv<HostConfig | undefined> {
  return { binding: {} as BindingInterface, clock: systemClock, config: host };
}

async function findings(check: ReturnType<typeof createNetworkCheck>): Promise<Finding[]> {
  const run = await runChecks([check], { level: 'internal' });
  return run.devices[0].findings;
}
const byId = (fs: Finding[], id: string) => fs.find((f) => f.id === id);

describe('local configuration findings', () => {
  it('Linux with Wi-Fi, a gateway and a DNS server: three passes', async () => {
    const fs = await findings(createNetworkCheck(env(), { local: linux }));
    expect(fs).toEqual([
      { id: 'network.interfaces', status: 'pass', value: 1, message: 'check.network.interfaces.ok', params: { list: 'wlan0 192.168.1.23' } },
      { id: 'network.gateway', status: 'pass', value: '192.0.2.1', message: 'check.network.gateway.ok', params: { gateway: '192.0.2.1', iface: 'eth0' } },
      { id: 'network.dns-servers', status: 'pass', value: '114.114.114.114', message: 'check.network.dns-servers.ok', params: { servers: '114.114.114.114' } },
    ]);
  });

  it('Android without root: every local finding says unknown (warn), none fails', async () => {
    const fs = await findings(createNetworkCheck(env(), { local: androidNoRoot }));
    expect(fs.map((f) => [f.id, f.status, f.value])).toEqual([
      ['network.interfaces', 'warn', 'unknown'],
      ['network.gateway', 'warn', 'unknown'],
      ['network.dns-servers', 'warn', 'unknown'],
    ]);
    expect(byId(fs, 'network.gateway')).toMatchObject({ message: 'check.network.gateway.unknown', params: { reason: 'EACCES' } });
  });

  it('Android whose main table has no default route: unknown, because Android routes by policy tables', async () => {
    const fs = await findings(createNetworkCheck(env(), { local: { ...linux, platform: 'android', readText: async () => ROUTE_NO_DEFAULT } }));
    expect(byId(fs, 'network.gateway')).toMatchObject({ status: 'warn', value: 'unknown', params: { reason: 'android-policy-routing' } });
  });

  it('Linux with no default route (seed 002: wrong gateway) fails', async () => {
    const fs = await findings(createNetworkCheck(env(), { local: { ...linux, readText: async (p) => (p.endsWith('route') ? ROUTE_NO_DEFAULT : '') } }));
    expect(byId(fs, 'network.gateway')).toMatchObject({ status: 'fail', value: 'none' });
    expect(byId(fs, 'network.dns-servers')).toMatchObject({ status: 'warn', value: 'none' });
  });

  it('only loopback up: no usable interface fails', async () => {
    const fs = await findings(
      createNetworkCheck(env(), { local: { ...linux, interfaces: () => ({ lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }] }) } }),
    );
    expect(byId(fs, 'network.interfaces')).toMatchObject({ status: 'fail', value: 0 });
  });

  it('a local file that never finishes reading is unknown after localReadTimeoutMs', async () => {
    const hanging: LocalSource = { ...linux, readText: () => new Promise(() => undefined) };
    const fs = await findings(createNetworkCheck(env(), { local: hanging, options: { localReadTimeoutMs: 50 } }));
    expect(byId(fs, 'network.gateway')).toMatchObject({ status: 'warn', value: 'unknown', params: { reason: 'ETIMEDOUT' } });
  });
});

describe('host reachability, classified', () => {
  const host = { address: 'acq.example.cn', port: 5000 };

  it('DNS failure: a dns finding, and no connect is tried', async () => {
    const tryConnect = jest.fn();
    const resolver: Resolver = { resolve: async () => ({ ok: false, failure: 'dns', ms: 3, errno: 'ENOTFOUND' }) };
    const fs = await findings(createNetworkCheck(env(host), { local: linux, resolver, link: { tryConnect, exchange: jest.fn() } }));
    expect(byId(fs, 'network.dns')).toMatchObject({ status: 'fail', value: 'dns', params: { host: 'acq.example.cn', error: 'ENOTFOUND' } });
    expect(byId(fs, 'network.tcp')).toBeUndefined();
    expect(tryConnect).not.toHaveBeenCalled();
  });

  it('unreachable (ENETUNREACH on every try)', async () => {
    const link = linkWith([{ ok: false, failure: 'unreachable', ms: 1, errno: 'ENETUNREACH' }]);
    const fs = await findings(createNetworkCheck(env(host), { local: linux, resolver: resolvesTo('203.0.113.7'), link, options: { tryIntervalMs: 0 } }));
    expect(byId(fs, 'network.dns')).toMatchObject({ status: 'pass', value: 12, unit: 'ms' });
    expect(byId(fs, 'network.tcp')).toMatchObject({
      status: 'fail',
      value: 'unreachable',
      message: 'check.network.tcp.unreachable',
      params: { lossPct: 100, tries: 3 },
    });
  });

  it('one try lost in three: warn with the loss and min/median/max of the others', async () => {
    const link = linkWith([
      { ok: true, ms: 40 },
      { ok: false, failure: 'timeout', ms: 2500 },
      { ok: true, ms: 60 },
    ]);
    const fs = await findings(createNetworkCheck(env(host), { local: linux, resolver: resolvesTo('203.0.113.7'), link, options: { tryIntervalMs: 0 } }));
    expect(byId(fs, 'network.tcp')).toMatchObject({
      status: 'warn',
      value: 50,
      message: 'check.network.tcp.loss',
      params: { lossPct: 33, minMs: 40, medianMs: 50, maxMs: 60, failure: 'timeout' },
    });
  });

  it('every try connects but slowly: warn slow', async () => {
    const link = linkWith([{ ok: true, ms: 1500 }]);
    const fs = await findings(createNetworkCheck(env(host), { local: linux, resolver: resolvesTo('203.0.113.7'), link, options: { tryIntervalMs: 0 } }));
    expect(byId(fs, 'network.tcp')).toMatchObject({ status: 'warn', value: 1500, message: 'check.network.tcp.slow' });
  });

  it('echo is not sent when the profile does not enable it', async () => {
    const exchange = jest.fn();
    await findings(
      createNetworkCheck(env(host), {
        local: linux,
        resolver: resolvesTo('203.0.113.7'),
        link: { ...linkWith([{ ok: true, ms: 5 }]), exchange },
        options: { tryIntervalMs: 0 },
      }),
    );
    expect(exchange).not.toHaveBeenCalled();
  });

  it('echo reset by the host after the write', async () => {
    const link = linkWith([{ ok: true, ms: 5 }], async () => ({ ok: false, stage: 'reply', failure: 'reset', ms: 3, errno: 'ECONNRESET' }));
    const fs = await findings(
      createNetworkCheck(env({ ...host, echo: true }), { local: linux, resolver: resolvesTo('203.0.113.7'), link, options: { tryIntervalMs: 0 } }),
    );
    expect(byId(fs, 'network.echo')).toMatchObject({
      status: 'fail',
      value: 'reset',
      message: 'check.network.echo.reset',
      params: { stage: 'reply', error: 'ECONNRESET' },
    });
  });

  it('no host configured: only the local findings', async () => {
    const fs = await findings(createNetworkCheck(env(), { local: linux }));
    expect(fs.map((f) => f.id)).toEqual(['network.interfaces', 'network.gateway', 'network.dns-servers']);
  });
});

describe('pure helpers', () => {
  it.each([
    ['ECONNREFUSED', 'refused'],
    ['ETIMEDOUT', 'timeout'],
    ['ECONNRESET', 'reset'],
    ['EPIPE', 'reset'],
    ['ENETUNREACH', 'unreachable'],
    ['EHOSTUNREACH', 'unreachable'],
    ['ENOTFOUND', 'dns'],
    ['EAI_AGAIN', 'dns'],
    ['EMFILE', 'other'],
    [undefined, 'other'],
  ])('errno %s is %s', (code, cls) => {
    expect(classifyErrno(code)).toBe(cls);
  });

  it.each<[string, TryOutcome[], object]>([
    [
      'all ok, odd count',
      [
        { ok: true, ms: 30 },
        { ok: true, ms: 10 },
        { ok: true, ms: 20 },
      ],
      { tries: 3, ok: 3, lossPct: 0, minMs: 10, medianMs: 20, maxMs: 30 },
    ],
    [
      'all ok, even count',
      [
        { ok: true, ms: 10 },
        { ok: true, ms: 20 },
      ],
      { medianMs: 15 },
    ],
    [
      'all lost',
      [
        { ok: false, failure: 'refused', ms: 1 },
        { ok: false, failure: 'refused', ms: 1 },
      ],
      { ok: 0, lossPct: 100, failure: 'refused', failures: { refused: 2 } },
    ],
    [
      'mixed failures: the most frequent wins',
      [
        { ok: false, failure: 'reset', ms: 1 },
        { ok: false, failure: 'timeout', ms: 1 },
        { ok: false, failure: 'timeout', ms: 1 },
      ],
      { failure: 'timeout' },
    ],
  ])('summarizeTries: %s', (_name, outcomes, expected) => {
    expect(summarizeTries(outcomes)).toMatchObject(expected);
  });

  it('options are clamped to their ranges and the budget covers every stage', () => {
    const o = resolveNetworkOptions({ tries: 0, connectTimeoutMs: 1e9, echoTimeoutMs: NaN });
    expect(o).toMatchObject({ tries: 1, connectTimeoutMs: 30_000, echoTimeoutMs: NETWORK_OPTIONS.echoTimeoutMs.default });
    const d = resolveNetworkOptions(); // the defaults
    expect(budgetFor(d, false)).toBe(d.localReadTimeoutMs + d.dnsTimeoutMs + d.tries * (d.connectTimeoutMs + d.holdMs) + (d.tries - 1) * d.tryIntervalMs + 500);
    expect(budgetFor(d, true) - budgetFor(d, false)).toBe(d.connectTimeoutMs + d.echoTimeoutMs);
  });
});
