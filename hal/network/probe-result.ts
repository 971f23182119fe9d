/**
 * What a host-reachability probe found, in words a technician can act on, and the arithmetic over a series
 * of tries. Pure.
 */

/**
 * - refused: the host machine answered but nothing listens on that port (RST to our SYN): wrong port, or
 *   the host service is down.
 * - timeout: no answer at all in time (a firewall dropping packets, a dead route, a host too busy to answer).
 * - reset: a connection was made, then the host or something in between cut it (RST).
 * - unreachable: our side has no route there (no network, wrong gateway or mask: seed 002's "network configuration").
 * - dns: the host name did not resolve.
 * - other: anything else, with the OS error code kept for the technician.
 */
export type ProbeFailure = 'refused' | 'timeout' | 'reset' | 'unreachable' | 'dns' | 'other';

const ERRNO_CLASS: Readonly<Record<string, ProbeFailure>> = {
  ECONNREFUSED: 'refused',
  ETIMEDOUT: 'timeout',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  ECONNABORTED: 'reset',
  ENETUNREACH: 'unreachable',
  EHOSTUNREACH: 'unreachable',
  ENETDOWN: 'unreachable',
  EHOSTDOWN: 'unreachable',
  EADDRNOTAVAIL: 'unreachable',
  ENONET: 'unreachable',
  ENOTFOUND: 'dns', // getaddrinfo EAI_NONAME as node reports it
  EAI_AGAIN: 'dns',
  EAI_FAIL: 'dns',
  EAI_NONAME: 'dns',
  EAI_NODATA: 'dns',
  ENODATA: 'dns',
  ESERVFAIL: 'dns',
};

/** Maps an OS / node error code (`err.code`) to a failure class. */
export function classifyErrno(code: string | undefined): ProbeFailure {
  return (code && ERRNO_CLASS[code]) || 'other';
}

export type TryOutcome = { ok: true; ms: number } | { ok: false; failure: ProbeFailure; ms: number; errno?: string };

export interface SeriesSummary {
  tries: number;
  ok: number;
  /** Lost tries as a whole percentage of all tries. */
  lossPct: number;
  /** Over the tries that connected; absent when none did. */
  minMs?: number;
  medianMs?: number;
  maxMs?: number;
  /** The most frequent failure (ties: the first seen); absent when every try connected. */
  failure?: ProbeFailure;
  failures: Partial<Record<ProbeFailure, number>>;
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function summarizeTries(outcomes: readonly TryOutcome[]): SeriesSummary {
  const times = outcomes.filter((o) => o.ok).map((o) => o.ms);
  const failures: Partial<Record<ProbeFailure, number>> = {};
  let failure: ProbeFailure | undefined;
  for (const o of outcomes) {
    if (o.ok) continue;
    failures[o.failure] = (failures[o.failure] ?? 0) + 1;
    if (!failure || failures[o.failure]! > failures[failure]!) failure = o.failure;
  }
  const round = (n: number | undefined) => (n === undefined ? undefined : Math.round(n));
  return {
    tries: outcomes.length,
    ok: times.length,
    lossPct: outcomes.length === 0 ? 0 : Math.round(((outcomes.length - times.length) / outcomes.length) * 100),
    ...(times.length ? { minMs: round(Math.min(...times)), medianMs: round(median(times)), maxMs: round(Math.max(...times)) } : {}),
    ...(failure ? { failure } : {}),
    failures,
  };
}
