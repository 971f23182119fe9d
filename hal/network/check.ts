/**
 * The 'network' device check: what seed 002 tells a technician to verify when a transaction fails with 96,
 * so that the terminal can tell "I cannot reach the host" from "the host answered 96".
 *
 * Findings, in order (ids stable; `value` is what a diagnosis reads):
 * - network.interfaces  pass: count of usable interfaces | fail: none | warn 'unknown'
 * - network.gateway     pass: the gateway (or the interface of a point-to-point default) | fail 'none' | warn 'unknown'
 * - network.dns-servers pass: the servers | warn 'none' | warn 'unknown'
 * - network.dns         host name resolution: pass ms | fail 'dns'
 * - network.tcp         TCP connects to host:port: pass/warn median ms | fail or timeout with the failure class
 *                       (refused, timeout, reset, unreachable, other)
 * - network.echo        0800 echo: the host's field 39 ('00' pass, anything else fail) | the failure class
 *                       (timeout, reset, refused, garbled, wrong-stan, …)
 * - network.echo-rtt    when the host answered: pass/warn round trip ms
 * Where the platform gives no answer (Android without root), the finding says 'unknown' (warn), not fail.
 */
import { delay } from '../clock';
import type { HostConfig } from './config';
import type { DeviceEnv, TerminalIdentity } from '../check-env';
import type { CheckContext, CheckStatus, DeviceCheck, Finding } from '../selfcheck';
import { hexToBytes } from './iso8583/codec';
import { EchoForm, encodeEchoRequest, judgeEchoReply } from './iso8583/echo';
import { activeInterfaces, defaultGateway, parseProcNetRoute, parseResolvConf, RTF_GATEWAY } from './local-config';
import { LocalSource, RESOLV_FILE, ROUTE_FILE, systemLocalSource } from './local-source';
import { HostLink, Resolver, systemResolver, tcpHostLink } from './host-link';
import { budgetFor, NetworkCheckOptions, resolveNetworkOptions } from './options';
import { summarizeTries, TryOutcome } from './probe-result';

export interface NetworkCheckDeps {
  resolver: Resolver;
  link: HostLink;
  local: LocalSource;
  /** The STAN for the echo. Default: a per-process counter (the terminal's own counter lives in the journal). */
  nextStan: () => number;
  options: Partial<NetworkCheckOptions>;
}

let stanCounter = (Math.floor(Date.now() / 1000) % 999_999) + 1;
export function nextStan(): number {
  stanCounter = (stanCounter % 999_999) + 1;
  return stanCounter;
}

/** The network check exists on every terminal (hal/network/module.ts); the host part needs a configured host. */
export function createNetworkCheck(env: DeviceEnv<HostConfig | undefined>, deps: Partial<NetworkCheckDeps> = {}): DeviceCheck {
  // The configured options (host.timing), then the caller's for this run.
  const o = resolveNetworkOptions({ ...env.config?.timing, ...deps.options });
  const echo = Boolean(env.config?.echo);
  const d = {
    resolver: deps.resolver ?? systemResolver,
    link: deps.link ?? tcpHostLink,
    local: deps.local ?? systemLocalSource,
    nextStan: deps.nextStan ?? nextStan,
  };
  return {
    device: 'network',
    budgetMs: budgetFor(o, echo),
    async run(ctx) {
      await checkLocal(ctx, d.local, o);
      if (!env.config) return; // no host configured: the local settings are all there is to check
      await checkHost(ctx, env.config, env.terminal, d, o);
    },
  };
}

// ---- local configuration ----

/** The platform gave no answer: say so (warn 'unknown'), never fail on it. */
function unknown(id: string, reason: string): Finding {
  return { id, status: 'warn', value: 'unknown', message: `check.${id}.unknown`, params: { reason } };
}

async function readWithin(local: LocalSource, path: string, ctx: CheckContext, timeoutMs: number): Promise<string> {
  let timer: unknown;
  try {
    return await Promise.race([
      local.readText(path),
      new Promise<never>((_, reject) => {
        timer = ctx.clock.setTimeout(() => reject(Object.assign(new Error(`reading ${path} took over ${timeoutMs} ms`), { code: 'ETIMEDOUT' })), timeoutMs);
      }),
    ]);
  } finally {
    ctx.clock.clearTimeout(timer);
  }
}

function reasonOf(err: unknown): string {
  const e = err as { code?: string; message?: string };
  return e?.code ?? e?.message ?? String(err);
}

async function checkLocal(ctx: CheckContext, local: LocalSource, o: NetworkCheckOptions): Promise<void> {
  // Interfaces.
  try {
    const active = activeInterfaces(local.interfaces());
    ctx.report(
      active.length === 0
        ? { id: 'network.interfaces', status: 'fail', value: 0, message: 'check.network.interfaces.none' }
        : {
            id: 'network.interfaces',
            status: 'pass',
            value: active.length,
            message: 'check.network.interfaces.ok',
            params: { list: active.map((i) => `${i.name} ${i.addresses.join(' ')}`).join(', ') },
          },
    );
  } catch (err) {
    ctx.report(unknown('network.interfaces', reasonOf(err)));
  }

  // Default gateway.
  try {
    const routes = parseProcNetRoute(await readWithin(local, ROUTE_FILE, ctx, o.localReadTimeoutMs), local.littleEndian);
    const gw = defaultGateway(routes);
    if (gw) {
      const via = gw.flags & RTF_GATEWAY ? gw.gateway : gw.iface;
      ctx.report({ id: 'network.gateway', status: 'pass', value: via, message: 'check.network.gateway.ok', params: { gateway: via, iface: gw.iface } });
    } else if (local.platform === 'android') {
      // Android routes by policy tables; /proc/net/route shows only the main table, which may hold no default.
      ctx.report(unknown('network.gateway', 'android-policy-routing'));
    } else {
      ctx.report({ id: 'network.gateway', status: 'fail', value: 'none', message: 'check.network.gateway.none' });
    }
  } catch (err) {
    ctx.report(unknown('network.gateway', reasonOf(err)));
  }

  // DNS servers.
  try {
    const servers = parseResolvConf(await readWithin(local, RESOLV_FILE, ctx, o.localReadTimeoutMs));
    ctx.report(
      servers.length
        ? {
            id: 'network.dns-servers',
            status: 'pass',
            value: servers.join(' '),
            message: 'check.network.dns-servers.ok',
            params: { servers: servers.join(', ') },
          }
        : { id: 'network.dns-servers', status: 'warn', value: 'none', message: 'check.network.dns-servers.none' },
    );
  } catch (err) {
    // Android has no resolv.conf: its resolver lives in netd and is not readable without root.
    ctx.report(unknown('network.dns-servers', reasonOf(err)));
  }
}

// ---- host reachability and echo ----

type Terminal = TerminalIdentity;

type HostDeps = Pick<NetworkCheckDeps, 'resolver' | 'link' | 'nextStan'>;

async function checkHost(ctx: CheckContext, host: HostConfig, terminal: Terminal | undefined, d: HostDeps, o: NetworkCheckOptions): Promise<void> {
  const target = { host: host.address, port: host.port };

  const resolved = await d.resolver.resolve(host.address, { timeoutMs: o.dnsTimeoutMs, signal: ctx.signal, clock: ctx.clock });
  if (ctx.signal.aborted) return;
  if (!resolved.ok) {
    ctx.report({
      id: 'network.dns',
      status: 'fail',
      value: 'dns',
      message: 'check.network.dns.failed',
      params: { ...target, error: resolved.errno ?? 'unknown' },
    });
    return;
  }
  const address = resolved.addresses[0];
  ctx.report({
    id: 'network.dns',
    status: 'pass',
    value: resolved.ms,
    unit: 'ms',
    message: 'check.network.dns.ok',
    params: { ...target, address, ms: resolved.ms },
  });

  const outcomes: TryOutcome[] = [];
  for (let i = 0; i < o.tries; i++) {
    if (i > 0 && o.tryIntervalMs > 0) {
      try {
        await delay(ctx.clock, o.tryIntervalMs, ctx.signal);
      } catch {
        return;
      }
    }
    outcomes.push(await d.link.tryConnect(address, host.port, { timeoutMs: o.connectTimeoutMs, holdMs: o.holdMs, signal: ctx.signal, clock: ctx.clock }));
    if (ctx.signal.aborted) return;
  }
  const s = summarizeTries(outcomes);
  const params = {
    address,
    port: host.port,
    tries: s.tries,
    lossPct: s.lossPct,
    minMs: s.minMs ?? '-',
    medianMs: s.medianMs ?? '-',
    maxMs: s.maxMs ?? '-',
    failure: s.failure ?? '-',
  };
  if (s.ok === 0) {
    const failure = s.failure ?? 'other';
    const status: CheckStatus = failure === 'timeout' ? 'timeout' : 'fail';
    ctx.report({ id: 'network.tcp', status, value: failure, message: `check.network.tcp.${failure}`, params });
    return; // nothing to echo to
  }
  const tcpStatus: CheckStatus = s.ok < s.tries || (s.medianMs ?? 0) > o.slowConnectMs ? 'warn' : 'pass';
  const tcpMessage = s.ok < s.tries ? 'check.network.tcp.loss' : tcpStatus === 'warn' ? 'check.network.tcp.slow' : 'check.network.tcp.ok';
  ctx.report({ id: 'network.tcp', status: tcpStatus, value: s.medianMs!, unit: 'ms', message: tcpMessage, params });

  if (host.echo) await checkEcho(ctx, host, terminal, d, o, address);
}

async function checkEcho(
  ctx: CheckContext,
  host: HostConfig,
  terminal: Terminal | undefined,
  d: HostDeps,
  o: NetworkCheckOptions,
  address: string,
): Promise<void> {
  const tpdu = host.tpdu ? hexToBytes(host.tpdu) : undefined;
  const header = host.header ? hexToBytes(host.header) : undefined;
  const form: EchoForm = host.echoForm ?? (tpdu || terminal?.acquirer === 'cup' ? 'cup' : 'iso');
  const stan = d.nextStan();
  const request = encodeEchoRequest(
    {
      form,
      stan,
      terminalId: terminal?.id ?? '00000000',
      merchantId: terminal?.merchantId ?? '000000000000000',
      ...(host.batch !== undefined ? { batch: host.batch } : {}),
    },
    { tpdu, header },
  );
  const result = await d.link.exchange(address, host.port, request, {
    connectTimeoutMs: o.connectTimeoutMs,
    replyTimeoutMs: o.echoTimeoutMs,
    signal: ctx.signal,
    clock: ctx.clock,
  });
  if (ctx.signal.aborted) return;
  const base = { form, stan: String(stan).padStart(6, '0') };
  if (!result.ok) {
    const status: CheckStatus = result.failure === 'timeout' ? 'timeout' : 'fail';
    ctx.report({
      id: 'network.echo',
      status,
      value: result.failure,
      message: `check.network.echo.${result.failure}`,
      params: { ...base, stage: result.stage, ms: result.ms, error: result.errno ?? '-', reason: result.detail ?? result.errno ?? '-' },
    });
    return;
  }
  const verdict = judgeEchoReply(result.body, { form, stan, tpduLength: tpdu?.length ?? 0, headerLength: header?.length ?? 0 });
  const rtt = Math.round(result.rttMs);
  switch (verdict.kind) {
    case 'answered': {
      const ok = verdict.code === '00';
      ctx.report({
        id: 'network.echo',
        status: ok ? 'pass' : 'fail',
        value: verdict.code,
        message: ok ? 'check.network.echo.ok' : 'check.network.echo.declined',
        params: { ...base, code: verdict.code, rttMs: rtt },
      });
      const slow = rtt > o.slowEchoMs;
      ctx.report({
        id: 'network.echo-rtt',
        status: slow ? 'warn' : 'pass',
        value: rtt,
        unit: 'ms',
        message: slow ? 'check.network.echo-rtt.slow' : 'check.network.echo-rtt.ok',
        params: { rttMs: rtt, slowMs: o.slowEchoMs },
      });
      return;
    }
    case 'wrong-stan':
      ctx.report({
        id: 'network.echo',
        status: 'fail',
        value: 'wrong-stan',
        message: 'check.network.echo.wrong-stan',
        params: { ...base, expected: verdict.expected, got: verdict.got || '-' },
      });
      return;
    case 'wrong-mti':
    case 'no-code':
    case 'garbled': {
      const reason = verdict.kind === 'garbled' ? verdict.reason : verdict.kind === 'wrong-mti' ? `MTI ${verdict.mti}` : 'no field 39';
      ctx.report({ id: 'network.echo', status: 'fail', value: 'garbled', message: 'check.network.echo.garbled', params: { ...base, reason } });
      return;
    }
  }
}
