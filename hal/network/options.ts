/**
 * Every time limit and count of the network check, named, with its default and the range a caller may set.
 * Out-of-range values are clamped (a configuration typo must not make a check hang or spin).
 */
import { clampOptions, OptionSpec } from '../options';

export interface NetworkCheckOptions {
  /** Time for the configured host name to resolve. Default 2500 ms, range 100–30 000. */
  dnsTimeoutMs: number;
  /** Time for one TCP connect to complete. Default 2500 ms, range 100–30 000. */
  connectTimeoutMs: number;
  /** TCP connects to try. Default 3, range 1–20. */
  tries: number;
  /** Pause between tries. Default 100 ms, range 0–5000. */
  tryIntervalMs: number;
  /** After a connect succeeds, how long to keep the connection to see whether the host resets it. Default 150 ms, range 0–5000. */
  holdMs: number;
  /** Median connect time above which the link counts as slow (warn). Default 1000 ms, range 10–30 000. */
  slowConnectMs: number;
  /** Time for the host to answer an 0800 echo, counted from the request being written. Default 4000 ms, range 100–60 000. */
  echoTimeoutMs: number;
  /** Echo round trip above which the host counts as slow (warn). Default 2000 ms, range 10–60 000. */
  slowEchoMs: number;
  /** Local files (/proc/net/route, /etc/resolv.conf) must be read within this. Default 500 ms, range 50–5000. */
  localReadTimeoutMs: number;
}

export const NETWORK_OPTIONS: OptionSpec<keyof NetworkCheckOptions> = {
  dnsTimeoutMs: { default: 2500, min: 100, max: 30_000 },
  connectTimeoutMs: { default: 2500, min: 100, max: 30_000 },
  tries: { default: 3, min: 1, max: 20 },
  tryIntervalMs: { default: 100, min: 0, max: 5000 },
  holdMs: { default: 150, min: 0, max: 5000 },
  slowConnectMs: { default: 1000, min: 10, max: 30_000 },
  echoTimeoutMs: { default: 4000, min: 100, max: 60_000 },
  slowEchoMs: { default: 2000, min: 10, max: 60_000 },
  localReadTimeoutMs: { default: 500, min: 50, max: 5000 },
};

/**
 * The cashier's deadlines (hal/deadline-profiles.ts): two connect tries of 700 ms (a host that accepts none
 * in that time is unreachable), and 1.5 s for the echo's answer (one that takes longer is a slow host, as
 * one over `slowEchoMs` is). The marks of what counts as slow stay as configured.
 */
export const NETWORK_CASHIER_OPTIONS: Readonly<Partial<NetworkCheckOptions>> = {
  dnsTimeoutMs: 1_000,
  connectTimeoutMs: 700,
  tries: 2,
  tryIntervalMs: 50,
  echoTimeoutMs: 1_500,
};

export function resolveNetworkOptions(partial: Partial<NetworkCheckOptions> = {}): NetworkCheckOptions {
  return clampOptions(NETWORK_OPTIONS, partial);
}

/**
 * The budget the check asks the runner for: local files, DNS, every try (connect + hold + interval) and the
 * echo (its connect and its answer), plus a margin for scheduling. Each stage has its own timeout, so a
 * host that fails in any way is classified inside this budget.
 */
export function budgetFor(o: NetworkCheckOptions, echo: boolean): number {
  const tcp = o.tries * (o.connectTimeoutMs + o.holdMs) + (o.tries - 1) * o.tryIntervalMs;
  const echoMs = echo ? o.connectTimeoutMs + o.echoTimeoutMs : 0;
  return o.localReadTimeoutMs + o.dnsTimeoutMs + tcp + echoMs + 500;
}
