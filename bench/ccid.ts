/**
 * Chip reader check timing on a real PTY (bench/run.mjs bundles and runs this; never part of npm test).
 *
 * Two floors, both reported, because they answer different questions:
 *  - the simulator's floor: the time the GemPC Twin simulator itself makes the check wait. It holds every
 *    reply, echo included, for CCID_LATENCY_MS and paces its output at 115200 baud, ten bits a byte, in
 *    pieces of about 2 ms, the last piece of a reply going out at once; the host's bytes cross the PTY
 *    unpaced. No driver can be faster than this on this rig, so wall / this floor is posdiag's own cost.
 *  - the wire floor of a real reader: both directions on a 115200 8N2 line (eleven bits a byte), every
 *    reply after the same latency. Bytes the host sends are time here, which the PTY does not charge.
 * With a floor of a few milliseconds a round trip, what is left over is mostly the rig's, per exchange
 * (two PTY hops through socat each way, the simulator's timers, the serial binding's reads). So the same
 * host frames are also replayed with nothing but a bare serialport stream on the same rig, each sent when
 * the previous answer is in: wall minus that replay is what posdiag's driver and check cost.
 *
 * internal: probe, slot status and, with the slot empty, the error path (power-on must say "no card");
 * external: a healthy card through ATR, parameters, PSE + AID, GPO and READ RECORD for the expiry, power off.
 */
import { SerialPortStream } from '@serialport/stream';
import { systemClock } from '../hal/clock';
import { createChipReaderCheck } from '../hal/reader/ccid/chip-check';
import { CheckLevel, runChecks } from '../hal/selfcheck';
import { nativeBinding } from '../hal/transport/native-binding';
import { CcidFault, CcidSimulator } from '../mocks/ccid-sim';
import { startOnPty } from '../mocks/pty-attach';
import { BAUD, median } from './selfcheck';

export const CCID_LATENCY_MS = 2;
/** The simulator's pacing: ten bits a byte, written in pieces of about 2 ms (mocks/simulator.ts). */
const SIM_BYTE_MS = 10_000 / BAUD;
const SIM_PIECE = Math.max(1, Math.round(BAUD / 10 / 500));
/** A real reader's line: 8N2, eleven bits a byte. */
const WIRE_BYTE_MS = 11_000 / BAUD;

export interface ChipFigures {
  level: CheckLevel;
  fault: CcidFault;
  wallMs: number;
  /** What the simulator makes the check wait, at the least. */
  simFloorMs: number;
  /** What a real 115200 8N2 reader would, both directions. */
  wireFloorMs: number;
  bytesIn: number;
  bytesOut: number;
  replies: number;
  /** Host commands: each one echo and one answer. */
  exchanges: number;
  /** The same host frames on the same rig through a bare serialport stream. */
  replayMs: number;
  status: string;
}

/** Each reply the simulator sends, before pacing and faults (an echo is the host's frame itself). */
function recordReplies(sim: CcidSimulator): Buffer[] {
  const replies: Buffer[] = [];
  const reply = sim.reply.bind(sim);
  sim.reply = (bytes: Buffer | string) => {
    replies.push(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes));
    reply(bytes);
  };
  return replies;
}

/**
 * The check's traffic without the check: each host frame written when the previous answer is complete,
 * through a bare serialport stream on a fresh simulator. `replies` alternate echo (the host frame) and answer.
 */
async function replay(fault: CcidFault, replies: Buffer[]): Promise<number> {
  const sim = new CcidSimulator(fault, { baudRate: BAUD, faults: { delayMs: CCID_LATENCY_MS } });
  const pty = await startOnPty(sim);
  const port = new SerialPortStream({ binding: nativeBinding(), path: pty.hostPath, baudRate: BAUD, autoOpen: false });
  try {
    await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())));
    let got = 0;
    let want = 0;
    let wake: () => void = () => undefined;
    port.on('data', (chunk: Buffer) => {
      got += chunk.length;
      if (got >= want) wake();
    });
    const t0 = performance.now();
    for (let i = 0; i + 1 < replies.length; i += 2) {
      want += replies[i].length + replies[i + 1].length;
      const done = new Promise<void>((resolve) => (wake = resolve));
      port.write(replies[i]);
      await done;
    }
    return performance.now() - t0;
  } finally {
    await new Promise<void>((resolve) => port.close(() => resolve()));
    await pty.close();
  }
}

async function once(level: CheckLevel, fault: CcidFault): Promise<ChipFigures> {
  let pairs: Buffer[] = [];
  const figures = await checkOnce(level, fault, (r) => (pairs = r));
  return { ...figures, replayMs: await replay(fault, pairs) };
}

async function checkOnce(level: CheckLevel, fault: CcidFault, keep: (replies: Buffer[]) => void): Promise<ChipFigures> {
  const sim = new CcidSimulator(fault, { baudRate: BAUD, faults: { delayMs: CCID_LATENCY_MS } });
  const replies = recordReplies(sim);
  const pty = await startOnPty(sim);
  try {
    const check = createChipReaderCheck({ binding: nativeBinding(), clock: systemClock }, { path: pty.hostPath }, { readExpiry: true });
    const t0 = performance.now();
    const result = await runChecks([check], { level });
    const wallMs = performance.now() - t0;
    const bytesIn = sim.receivedBytes().length;
    const lengths = replies.map((r) => r.length);
    const bytesOut = lengths.reduce((a, b) => a + b, 0);
    // Every full piece but the reply's last is waited for; the replies go out one after the other.
    const paced = lengths.reduce((ms, n) => ms + Math.max(0, Math.ceil(n / SIM_PIECE) - 1) * SIM_PIECE * SIM_BYTE_MS, 0);
    keep(replies);
    return {
      level,
      fault,
      wallMs,
      simFloorMs: lengths.length * CCID_LATENCY_MS + paced,
      wireFloorMs: (bytesIn + bytesOut) * WIRE_BYTE_MS + lengths.length * CCID_LATENCY_MS,
      bytesIn,
      bytesOut,
      replies: lengths.length,
      exchanges: sim.commands.length,
      replayMs: 0,
      status: result.devices[0].status,
    };
  } finally {
    await pty.close();
  }
}

/** Medians over `runs` runs of the internal check (empty slot) and the external check (healthy card). */
export async function benchChipReader(runs = 5): Promise<ChipFigures[]> {
  await once('internal', 'no-card'); // warm
  const out: ChipFigures[] = [];
  for (const [level, fault] of [
    ['internal', 'no-card'],
    ['external', 'healthy'],
  ] as const) {
    const all: ChipFigures[] = [];
    for (let i = 0; i < runs; i++) all.push(await once(level, fault));
    const mid = (key: 'wallMs' | 'simFloorMs' | 'wireFloorMs' | 'replayMs') => median(all.map((f) => f[key]));
    out.push({ ...all[all.length - 1], wallMs: mid('wallMs'), simFloorMs: mid('simFloorMs'), wireFloorMs: mid('wireFloorMs'), replayMs: mid('replayMs') });
  }
  return out;
}
