/**
 * Chip reader check timing on a real PTY (bench/run.mjs bundles and runs this; never part of npm test).
 * The GemPC Twin simulator is paced at 115200 baud (ten bits a byte; the real line is 8N2, eleven) and
 * holds every reply, echo included, for LATENCY_MS, so:
 *   floor = bytes both ways × 10 / baud + replies × latency.
 * internal: probe, slot status and, with the slot empty, the error path (power-on must say "no card");
 * external: a healthy card through ATR, parameters, PSE + AID, GPO and READ RECORD for the expiry, power off.
 */
import { systemClock } from '../hal/clock';
import { createChipReaderCheck } from '../hal/reader/ccid/chip-check';
import { CheckLevel, runChecks } from '../hal/selfcheck';
import { nativeBinding } from '../hal/transport/native-binding';
import { CcidFault, CcidSimulator } from '../mocks/ccid-sim';
import { startOnPty } from '../mocks/pty-attach';
import { BAUD, countReplies, median } from './selfcheck';

export const CCID_LATENCY_MS = 2;

export interface ChipFigures {
  level: CheckLevel;
  fault: CcidFault;
  wallMs: number;
  floorMs: number;
  bytesIn: number;
  bytesOut: number;
  replies: number;
  status: string;
}

async function once(level: CheckLevel, fault: CcidFault): Promise<ChipFigures> {
  const sim = new CcidSimulator(fault, { baudRate: BAUD, faults: { delayMs: CCID_LATENCY_MS } });
  const traffic = countReplies(sim);
  const pty = await startOnPty(sim);
  try {
    const check = createChipReaderCheck({ binding: nativeBinding(), clock: systemClock }, { path: pty.hostPath }, { readExpiry: true });
    const t0 = performance.now();
    const result = await runChecks([check], { level });
    const wallMs = performance.now() - t0;
    const bytesIn = sim.receivedBytes().length;
    const floorMs = ((bytesIn + traffic.bytesOut) * 10 * 1000) / BAUD + traffic.replies * CCID_LATENCY_MS;
    return { level, fault, wallMs, floorMs, bytesIn, bytesOut: traffic.bytesOut, replies: traffic.replies, status: result.devices[0].status };
  } finally {
    await pty.close();
  }
}

/** Medians over `runs` runs of the internal check (empty slot) and the external check (healthy card). */
export async function benchChipReader(runs = 5): Promise<ChipFigures[]> {
  await once('internal', 'no-card'); // warm
  const out: ChipFigures[] = [];
  for (const [level, fault] of [['internal', 'no-card'], ['external', 'healthy']] as const) {
    const all: ChipFigures[] = [];
    for (let i = 0; i < runs; i++) all.push(await once(level, fault));
    out.push({ ...all[all.length - 1], wallMs: median(all.map((f) => f.wallMs)), floorMs: median(all.map((f) => f.floorMs)) });
  }
  return out;
}
