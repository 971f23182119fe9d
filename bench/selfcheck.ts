/**
 * Self-check timing on real pseudo-terminals (bench/run.mjs bundles and runs this; never part of npm test).
 *
 * The modem, PN532 reader and printer simulators run on socat PTYs, paced at 115200 baud (ten bits a byte)
 * and holding every reply for a per-command latency (below), so a run's time has a physical floor:
 *   floor(device) = bytes exchanged both ways × 10 / baud + replies × that device's latency.
 * The internal self-check of all three together should come close to the slowest device's floor, and close
 * to the slowest device's own run: the devices are checked concurrently.
 */
import { systemClock } from '../hal/clock';
import type { DevicesConfig } from '../hal/config';
import { CheckEnv, DEVICE_CHECKS } from '../hal/devices';
import { runChecks, SelfTestResult } from '../hal/selfcheck';
import { nativeBinding } from '../hal/transport/native-binding';
import { startOnPty } from '../mocks/pty-attach';
import { plugInto, SERIAL_SIMULATORS } from '../mocks/registry';
import type { DeviceSimulator } from '../mocks/simulator';

export const BAUD = 115200;

/**
 * Simulated per-command latency: how long each device holds a reply before its first byte goes out.
 * Typical of the parts: a cellular modem answers an AT command in tens of ms, a PN532 a frame in a few
 * ms, a printer a status query in a couple of ms.
 */
export const LATENCY_MS = { modem: 20, reader: 5, printer: 2 } as const;

type Device = keyof typeof LATENCY_MS;
const SIMULATOR: Record<Device, string> = { modem: 'modem', reader: 'pn532', printer: 'printer' };

interface Traffic {
  bytesIn: number;
  bytesOut: number;
  replies: number;
}

export interface DeviceFloor extends Traffic {
  device: Device;
  floorMs: number;
  /** Command lines the device received (CR-terminated): the round trips of a line-oriented device (the modem). */
  commandLines: number;
}

export interface RunFigures {
  wallMs: number;
  result: SelfTestResult;
  floors: DeviceFloor[];
}

/** Starts the simulators of `devices` on PTYs, runs their internal checks concurrently, closes everything. */
export async function timedSelfCheck(devices: readonly Device[], opts: { silent?: Device; totalBudgetMs?: number } = {}): Promise<RunFigures> {
  const running: Array<{ device: Device; sim: DeviceSimulator; traffic: Traffic; close(): Promise<void> }> = [];
  const config: DevicesConfig = {};
  try {
    for (const device of devices) {
      const entry = SERIAL_SIMULATORS[SIMULATOR[device]];
      const sim = entry.create(device === opts.silent ? 'silent' : 'healthy', { baudRate: BAUD, faults: { delayMs: LATENCY_MS[device] } });
      const traffic = countReplies(sim);
      const pty = await startOnPty(sim);
      running.push({ device, sim, traffic, close: () => pty.close() });
      plugInto(config, SIMULATOR[device], { path: pty.hostPath, baudRate: BAUD });
    }
    const env: CheckEnv = { binding: nativeBinding(), clock: systemClock, devices: config };
    const checks = devices.flatMap((d) => DEVICE_CHECKS[d](env));
    const start = performance.now();
    const result = await runChecks(checks, { level: 'internal', totalBudgetMs: opts.totalBudgetMs });
    const wallMs = performance.now() - start;
    const floors = running.map(({ device, sim, traffic }) => {
      const received = sim.receivedBytes();
      const bytesIn = received.length;
      const floorMs = ((bytesIn + traffic.bytesOut) * 10 * 1000) / BAUD + traffic.replies * LATENCY_MS[device];
      const commandLines = received.toString('latin1').split('\r').length - 1;
      return { device, bytesIn, bytesOut: traffic.bytesOut, replies: traffic.replies, floorMs, commandLines };
    });
    return { wallMs, result, floors };
  } finally {
    await Promise.all(running.map((r) => r.close().catch(() => undefined)));
  }
}

/** Counts what the simulator answers: every reply goes through `reply`, before pacing and faults. */
export function countReplies(sim: DeviceSimulator): Traffic {
  const traffic: Traffic = { bytesIn: 0, bytesOut: 0, replies: 0 };
  const reply = sim.reply.bind(sim);
  sim.reply = (bytes: Buffer | string) => {
    if (!sim.faults.silent) {
      traffic.bytesOut += typeof bytes === 'string' ? Buffer.byteLength(bytes, 'latin1') : bytes.length;
      traffic.replies += 1;
    }
    reply(bytes);
  };
  return traffic;
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export interface SelfCheckBench {
  runs: number;
  allWallMs: number;
  allFloorMs: number;
  floorRatio: number;
  aloneWallMs: Record<Device, number>;
  slowest: Device;
  concurrencyRatio: number;
  floors: DeviceFloor[];
  statuses: Record<string, string>;
  dead: { budgetMs: number; wallMs: number; overMs: number; status: string };
}

/** Medians over `runs` runs of: all three devices, each device alone; then one run with a silent modem. */
export async function benchSelfCheck(runs = 5, deadBudgetMs = 3000): Promise<SelfCheckBench> {
  const devices: Device[] = ['modem', 'reader', 'printer'];
  await timedSelfCheck(devices); // warm: native addon, socat, first-use code paths
  const all: RunFigures[] = [];
  const alone: Record<Device, number[]> = { modem: [], reader: [], printer: [] };
  for (let i = 0; i < runs; i++) {
    all.push(await timedSelfCheck(devices));
    for (const d of devices) alone[d].push((await timedSelfCheck([d])).wallMs);
  }
  const allWallMs = median(all.map((r) => r.wallMs));
  // Concurrent devices: the run's floor is the slowest device's floor.
  const allFloorMs = median(all.map((r) => Math.max(...r.floors.map((f) => f.floorMs))));
  const aloneWallMs = Object.fromEntries(devices.map((d) => [d, median(alone[d])])) as Record<Device, number>;
  const slowest = devices.reduce((a, b) => (aloneWallMs[b] > aloneWallMs[a] ? b : a));
  const last = all[all.length - 1];
  const statuses = Object.fromEntries(last.result.devices.map((d) => [d.device, d.status]));

  const dead = await timedSelfCheck(devices, { silent: 'modem', totalBudgetMs: deadBudgetMs });
  const modem = dead.result.devices.find((d) => d.device === 'modem');
  return {
    runs,
    allWallMs,
    allFloorMs,
    floorRatio: allWallMs / allFloorMs,
    aloneWallMs,
    slowest,
    concurrencyRatio: allWallMs / aloneWallMs[slowest],
    floors: last.floors,
    statuses,
    dead: { budgetMs: deadBudgetMs, wallMs: dead.wallMs, overMs: dead.wallMs - deadBudgetMs, status: modem?.status ?? 'missing' },
  };
}
