/**
 * Every time limit and count of the network check, named, with its default and the range a caller may set.
 * Out-of-range values are clamped (a configuration typo must not make a check hang or spin).
 */
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

type Range = readonly [min: number, max: number, def: number];

export const NETWORK_OPTION_RANGES: Readonly<Record<keyof NetworkCheckOptions, Range>> = {
  dnsTimeoutMs: [100, 30_000, 2500],
  connectTimeoutMs: [100, 30_000, 2500],
  tries: [1, 20, 3],
  tryIntervalMs: [0, 5000, 100],
  holdMs: [0, 5000, 150],
  slowConnectMs: [10, 30_000, 1000],
  echoTimeoutMs: [100, 60_000, 4000],
  slowEchoMs: [10, 60_000, 2000],
  localReadTimeoutMs: [50, 5000, 500],
};

export const NETWORK_DEFAULTS: Readonly<NetworkCheckOptions> = Object.fromEntries(
  Object.entries(NETWORK_OPTION_RANGES).map(([k, [, , def]]) => [k, def]),
) as unknown as NetworkCheckOptions;

export function resolveOptions(partial: Partial<NetworkCheckOptions> = {}): NetworkCheckOptions {
  const out = { ...NETWORK_DEFAULTS };
  for (const key of Object.keys(NETWORK_OPTION_RANGES) as Array<keyof NetworkCheckOptions>) {
    const v = partial[key];
    if (v === undefined || !Number.isFinite(v)) continue;
    const [min, max] = NETWORK_OPTION_RANGES[key];
    out[key] = Math.min(max, Math.max(min, Math.round(v)));
  }
  return out;
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
