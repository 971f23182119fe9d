/**
 * The I/O half of the host checks: name resolution, one TCP connect try, one request/answer exchange.
 * Thin: sockets and timers here, every judgement in probe-result.ts and iso8583/. None of these rejects;
 * each resolves to an outcome with a failure class, and each closes its socket on every path, including
 * when `signal` aborts.
 *
 * The check takes these through interfaces so that unit tests can stand in for the network (a route that
 * does not exist, a name that does not resolve) without touching anything but loopback.
 */
import { lookup } from 'node:dns/promises';
import { isIP, Socket } from 'node:net';
import type { Clock } from '../clock';
import { LengthPrefixFramer } from './iso8583/length-framer';
import { classifyErrno, ProbeFailure, TryOutcome } from './probe-result';

export type ResolveOutcome = { ok: true; addresses: string[]; ms: number } | { ok: false; failure: ProbeFailure; ms: number; errno?: string };

export interface Resolver {
  resolve(host: string, o: { timeoutMs: number; signal: AbortSignal; clock: Clock }): Promise<ResolveOutcome>;
}

export type ExchangeFailure = ProbeFailure | 'garbled';

export type ExchangeOutcome =
  | { ok: true; body: Uint8Array; rttMs: number }
  | { ok: false; stage: 'connect' | 'reply'; failure: ExchangeFailure; ms: number; errno?: string; detail?: string };

export interface HostLink {
  /** One TCP connect; after it succeeds, the connection is held `holdMs` to see whether the host resets it. */
  tryConnect(address: string, port: number, o: { timeoutMs: number; holdMs: number; signal: AbortSignal; clock: Clock }): Promise<TryOutcome>;
  /** Connect, write `request`, read one length-framed body. `rttMs` runs from the write to the whole body. */
  exchange(
    address: string,
    port: number,
    request: Uint8Array,
    o: { connectTimeoutMs: number; replyTimeoutMs: number; signal: AbortSignal; clock: Clock },
  ): Promise<ExchangeOutcome>;
}

/** Resolves with the system's resolver (getaddrinfo, as the payment app's own connect would). */
export const systemResolver: Resolver = {
  resolve(host, { timeoutMs, signal, clock }) {
    const start = clock.now();
    const ms = () => Math.round(clock.now() - start);
    if (isIP(host)) return Promise.resolve({ ok: true, addresses: [host], ms: 0 });
    return new Promise((resolve) => {
      let done = false;
      const finish = (o: ResolveOutcome) => {
        if (done) return;
        done = true;
        clock.clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        resolve(o);
      };
      // getaddrinfo cannot be cancelled; a late answer is ignored.
      const timer = clock.setTimeout(() => finish({ ok: false, failure: 'dns', ms: ms(), errno: 'ETIMEOUT' }), timeoutMs);
      const onAbort = () => finish({ ok: false, failure: 'dns', ms: ms(), errno: 'ABORTED' });
      signal.addEventListener('abort', onAbort, { once: true });
      lookup(host, { all: true }).then(
        (list) =>
          finish(list.length ? { ok: true, addresses: list.map((a) => a.address), ms: ms() } : { ok: false, failure: 'dns', ms: ms(), errno: 'ENODATA' }),
        (err: NodeJS.ErrnoException) => finish({ ok: false, failure: 'dns', ms: ms(), errno: err.code }),
      );
    });
  },
};

export const tcpHostLink: HostLink = {
  tryConnect(address, port, { timeoutMs, holdMs, signal, clock }) {
    return new Promise((resolve) => {
      const start = clock.now();
      const ms = () => Math.round(clock.now() - start);
      const { socket, finish, arm } = socketAttempt<TryOutcome>(signal, clock, resolve, () => ({ ok: false, failure: 'timeout', ms: ms(), errno: 'ABORTED' }));
      if (signal.aborted) return;
      let connectedMs: number | null = null;
      socket.on('error', (err: NodeJS.ErrnoException) => finish({ ok: false, failure: classifyErrno(err.code), ms: ms(), errno: err.code }));
      // The host closing the connection during the hold is a cut link too, if a polite one.
      socket.on('end', () => finish({ ok: false, failure: 'reset', ms: ms(), errno: 'EOF' }));
      socket.on('data', () => undefined); // a host that greets is fine; keep reading so a reset is seen
      socket.once('connect', () => {
        connectedMs = clock.now() - start;
        const ok = { ok: true as const, ms: Math.round(connectedMs * 10) / 10 };
        if (holdMs <= 0) return finish(ok);
        arm(holdMs, () => ok);
      });
      arm(timeoutMs, () => ({ ok: false, failure: 'timeout', ms: ms(), errno: 'ETIMEDOUT' }));
      socket.connect({ host: address, port });
    });
  },

  exchange(address, port, request, { connectTimeoutMs, replyTimeoutMs, signal, clock }) {
    return new Promise((resolve) => {
      const start = clock.now();
      const framer = new LengthPrefixFramer();
      let stage: 'connect' | 'reply' = 'connect';
      let sentAt = 0;
      const ms = () => Math.round(clock.now() - (stage === 'reply' ? sentAt : start));
      const fail = (failure: ExchangeFailure, errno?: string, detail?: string): ExchangeOutcome => ({
        ok: false,
        stage,
        failure,
        ms: ms(),
        ...(errno ? { errno } : {}),
        ...(detail ? { detail } : {}),
      });
      const { socket, finish, arm } = socketAttempt<ExchangeOutcome>(signal, clock, resolve, () => fail('timeout', 'ABORTED'));
      if (signal.aborted) return;
      socket.on('error', (err: NodeJS.ErrnoException) => finish(fail(classifyErrno(err.code), err.code)));
      socket.on('end', () => finish(fail('reset', 'EOF', 'the host closed the connection without answering')));
      socket.on('data', (chunk: Buffer) => {
        for (const frame of framer.push(chunk)) {
          if (frame.kind === 'body') return finish({ ok: true, body: frame.bytes, rttMs: Math.round((clock.now() - sentAt) * 10) / 10 });
          return finish(fail('garbled', undefined, frame.reason));
        }
      });
      socket.once('connect', () => {
        stage = 'reply';
        sentAt = clock.now();
        arm(replyTimeoutMs, () => fail('timeout', 'ETIMEDOUT'));
        socket.write(request);
      });
      arm(connectTimeoutMs, () => fail('timeout', 'ETIMEDOUT'));
      socket.connect({ host: address, port });
    });
  },
};

/**
 * One socket with one outcome: the first `finish` wins, and every path (outcome, deadline, abort)
 * clears the timer, drops the abort listener and destroys the socket. `arm` replaces the deadline.
 */
function socketAttempt<T>(signal: AbortSignal, clock: Clock, resolve: (outcome: T) => void, aborted: () => T) {
  const socket = new Socket();
  let timer: unknown = null;
  let done = false;
  const onAbort = () => finish(aborted());
  const finish = (outcome: T) => {
    if (done) return;
    done = true;
    clock.clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
    socket.destroy();
    resolve(outcome);
  };
  const arm = (ms: number, outcome: () => T) => {
    clock.clearTimeout(timer);
    timer = clock.setTimeout(() => finish(outcome()), ms);
  };
  if (signal.aborted) onAbort();
  else signal.addEventListener('abort', onAbort, { once: true });
  return { socket, finish, arm };
}
