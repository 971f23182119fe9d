/**
 * A mock acquirer host on a loopback TCP port. It speaks ISO 8583 with the 2-byte length header: to any
 * request (0800 echo included) it answers the response MTI with the request's fields and field 39, in
 * the request's own form (ASCII or CUP BCD, TPDU answered with the addresses swapped).
 *
 * Faults (DESIGN.md, mocks/faults.ts):
 * - healthy      answers 39 = 00 at once
 * - decline-96   answers 39 = 96 (the host is reachable and says "system malfunction")
 * - slow         answers 39 = 00 after `slowMs` (default 2500 ms: over the check's slow-echo mark)
 * - reset        accepts the connection and resets it at once (RST)
 * - refuse       nothing listens on the port: a connect is refused
 * - blackhole    SYNs go unanswered: the listening socket sits in a worker thread that never accepts, and
 *                its accept queue is filled up front, so the kernel drops every further SYN (Linux drops
 *                SYNs to a listener whose accept queue is full) and a connect times out. Nothing is ever
 *                read or answered either.
 * Only 127.0.0.1 is ever bound.
 */
import { createServer, Server, Socket } from 'node:net';
import { Worker } from 'node:worker_threads';
import { decodeMessage, encodeMessage, Encoding, IsoMessage } from '../hal/network/iso8583/codec';
import { answerTpdu, wrap } from '../hal/network/iso8583/envelope';
import { LengthPrefixFramer } from '../hal/network/iso8583/length-framer';
import { FaultOf, knownFault } from './faults';

export type HostFault = FaultOf<'host'>;

export const LOOPBACK = '127.0.0.1';

export interface HostSimOptions {
  fault?: HostFault;
  /** Port to listen on; 0 or absent: any free port. */
  port?: number;
  /** 'slow': how long to hold each answer. Default 2500 ms. */
  slowMs?: number;
  /** Bytes of acquirer header after the TPDU (CUP POS "报文头"); echoed back unchanged. Default 0. */
  headerLength?: number;
  /** Test hook: answer a request body with these raw bytes (written as they are) instead; null: no answer. */
  respond?: (body: Uint8Array) => Uint8Array | null;
}

export interface RunningHostSim {
  address: typeof LOOPBACK;
  port: number;
  fault: HostFault;
  /** Every request body received (after the length header), in order. */
  received: Uint8Array[];
  close(): Promise<void>;
}

export async function startHostSim(options: HostSimOptions = {}): Promise<RunningHostSim> {
  const fault = knownFault('host', options.fault ?? 'healthy');
  if (fault === 'refuse') return startRefusing(options.port ?? 0);
  if (fault === 'blackhole') return startBlackhole(options.port ?? 0);
  return startAnswering(fault, options);
}

// ---- answering faults: healthy, decline-96, slow, reset ----

async function startAnswering(fault: HostFault, options: HostSimOptions): Promise<RunningHostSim> {
  const received: Uint8Array[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const server = createServer((socket) => {
    if (fault === 'reset') {
      socket.on('error', () => undefined);
      socket.resetAndDestroy();
      return;
    }
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined); // a client that goes away is not the simulator's problem
    const framer = new LengthPrefixFramer();
    socket.on('data', (chunk: Buffer) => {
      for (const frame of framer.push(chunk)) {
        if (frame.kind !== 'body') {
          socket.end(); // a host that cannot frame the stream drops the connection
          return;
        }
        received.push(frame.bytes);
        const answer = options.respond
          ? options.respond(frame.bytes)
          : answerRequest(frame.bytes, fault === 'decline-96' ? '96' : '00', options.headerLength ?? 0);
        if (!answer) continue;
        const send = () => {
          if (!socket.destroyed) socket.write(answer);
        };
        if (fault === 'slow') {
          const t = setTimeout(() => {
            timers.delete(t);
            send();
          }, options.slowMs ?? 2500);
          timers.add(t);
        } else send();
      }
    });
  });
  const port = await listen(server, options.port ?? 0);
  return {
    address: LOOPBACK,
    port,
    fault,
    received,
    close: async () => {
      for (const t of timers) clearTimeout(t);
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/**
 * The host's answer to one request body: the same envelope (TPDU swapped), the response MTI (third digit
 * + 1: 0800 → 0810, 0200 → 0210), the request's fields and field 39. Null when the body is not a
 * request the simulator can read.
 */
export function answerRequest(body: Uint8Array, code: string, headerLength = 0): Uint8Array | null {
  const tpduLength = body.length > 5 && body[0] === 0x60 ? 5 : 0;
  const message = body.subarray(tpduLength + headerLength);
  const encoding: Encoding | null =
    message[0] === 0x30 && message[1] === 0x38
      ? 'ascii'
      : message[0] === 0x08 || message[0] === 0x02 || message[0] === 0x01 || message[0] === 0x04
        ? 'bcd'
        : null;
  if (!encoding) return null;
  const decoded = decodeMessage(message, encoding);
  if (!decoded.ok) return null;
  const request = decoded.message;
  const mti = request.mti.slice(0, 2) + String(Number(request.mti[2]) + 1) + request.mti[3];
  const fields = new Map(request.fields);
  fields.set(39, code);
  const reply: IsoMessage = { mti, fields };
  return wrap(encodeMessage(reply, encoding), {
    tpdu: answerTpdu(body.subarray(0, tpduLength)),
    header: body.subarray(tpduLength, tpduLength + headerLength),
  });
}

// ---- refuse ----

async function startRefusing(port: number): Promise<RunningHostSim> {
  // Take a free port (or check the asked one is free), then let it go: a connect gets RST, i.e. refused.
  const server = createServer();
  const bound = await listen(server, port);
  await new Promise<void>((r) => server.close(() => r()));
  return { address: LOOPBACK, port: bound, fault: 'refuse', received: [], close: async () => undefined };
}

// ---- blackhole ----

// Plain JavaScript, evaluated in a worker: it must not depend on the TypeScript toolchain.
const BLACKHOLE_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const net = require('node:net');
const server = net.createServer();
server.on('error', (err) => parentPort.postMessage({ error: err.message }));
server.listen({ host: '127.0.0.1', port: workerData.port, backlog: 1 }, () => {
  parentPort.postMessage({ port: server.address().port });
  // Block this thread until told to stop: no accept() ever runs, so the kernel's accept queue fills.
  setImmediate(() => {
    const flag = new Int32Array(workerData.stop);
    while (Atomics.load(flag, 0) === 0) Atomics.wait(flag, 0, 0, 1000);
    server.close();
    process.exit(0);
  });
});
`;

async function startBlackhole(port: number): Promise<RunningHostSim> {
  const stop = new SharedArrayBuffer(4);
  const worker = new Worker(BLACKHOLE_WORKER, { eval: true, workerData: { port, stop } });
  const exited = new Promise<void>((r) => worker.once('exit', () => r()));
  const bound = await new Promise<number>((resolve, reject) => {
    worker.once('message', (m: { port?: number; error?: string }) => (m.port ? resolve(m.port) : reject(new Error(`blackhole host: ${m.error}`))));
    worker.once('error', reject);
  });
  // Fill the accept queue ourselves so that the first connect of the code under test already times out.
  const fillers: Socket[] = [];
  for (let i = 0; i < 8; i++) {
    const socket = new Socket();
    socket.on('error', () => undefined);
    fillers.push(socket);
    const connected = await new Promise<boolean>((resolve) => {
      const t = setTimeout(() => resolve(false), 150);
      socket.once('connect', () => {
        clearTimeout(t);
        resolve(true);
      });
      socket.connect({ host: LOOPBACK, port: bound });
    });
    if (!connected) break;
  }
  return {
    address: LOOPBACK,
    port: bound,
    fault: 'blackhole',
    received: [],
    close: async () => {
      for (const s of fillers) s.destroy();
      const flag = new Int32Array(stop);
      Atomics.store(flag, 0, 1);
      Atomics.notify(flag, 0);
      await exited;
    },
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: LOOPBACK, port }, () => {
      server.off('error', reject);
      const addr = server.address();
      resolve(typeof addr === 'object' && addr ? addr.port : port);
    });
  });
}
