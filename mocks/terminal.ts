/**
 * The simulated terminal: every registered simulator on its own real pseudo-terminal, and the device
 * configuration that points posdiag at them. `--sim` and `posdiag demo` run on this.
 */
import type { DevicesConfig, HostConfig } from '../hal/config';
import { HalError } from '../hal/errors';
import { simKind } from '../hal/sim-kind';
import { checkSimFaults } from './faults';
import type { RunningSimulator } from './pty-attach';
import { plugInto, SERIAL_SIMULATORS, TCP_SIMULATORS, SimulatorEntry } from './registry';
import { chooseSimWiring, type SimWiring } from './sim-link';

export interface SimulatedTerminal {
  devices: DevicesConfig;
  host?: HostConfig;
  /** The simulators by device name (`modem`, `pn532`, `printer`, …). */
  running: Map<string, RunningSimulator>;
  /** How the devices are wired (mocks/sim-link.ts): open them through `binding` when it is set. */
  link: SimWiring['kind'];
  binding?: SimWiring['binding'];
  /** One line to show the user (the devices are not on pseudo-terminals); undefined when all is as usual. */
  notice?: string;
  close(): Promise<void>;
}

/** `faults`: device name → fault; devices not named run healthy. A fault a device does not know is a usage error. */
export async function startSimulatedTerminal(
  faults: ReadonlyMap<string, string> = new Map(),
  wiring: SimWiring = chooseSimWiring(),
): Promise<SimulatedTerminal> {
  checkSimFaults(faults);
  const running = new Map<string, RunningSimulator>();
  const closers: Array<() => Promise<void>> = [];
  const devices: DevicesConfig = {};
  let host: HostConfig | undefined;
  const close = async () => {
    await Promise.all(closers.map((c) => c().catch(() => undefined)));
  };
  try {
    for (const [name, entry] of chooseSerial(faults)) {
      const fault = faults.get(name) ?? 'healthy';
      const sim = await wiring.start(name, entry.create(fault, { baudRate: entry.baudRate }));
      running.set(name, sim);
      closers.push(() => sim.close());
      plugInto(devices, simKind(name), { path: sim.hostPath, baudRate: entry.baudRate });
    }
    const hostSim = TCP_SIMULATORS.host;
    if (hostSim) {
      const started = await hostSim(faults.get('host') ?? 'healthy');
      closers.push(() => started.close());
      host = { address: '127.0.0.1', port: started.port, echo: true };
    }
  } catch (err) {
    await close();
    throw err;
  }
  return { devices, host, running, close, link: wiring.kind, binding: wiring.binding, notice: wiring.notice };
}

/** The readers of a terminal whose --sim names none. */
const DEFAULT_READERS = ['pn532', 'ccid'];

/**
 * One simulator per slot, except the readers: every reader named runs (`msr605,pn532,pn532-2` is a
 * terminal of three readers); with none named, the PN532 and the chip reader (DEFAULT_READERS).
 */
function chooseSerial(faults: ReadonlyMap<string, string>): Array<[string, SimulatorEntry]> {
  const bySlot = new Map<string, [string, SimulatorEntry]>();
  for (const [name, entry] of Object.entries(SERIAL_SIMULATORS)) {
    const current = bySlot.get(entry.slot);
    const named = faults.has(name);
    if (!current || (named && !faults.has(current[0]))) bySlot.set(entry.slot, [name, entry]);
  }
  const readers: Array<[string, SimulatorEntry]> = [];
  for (const name of faults.keys()) {
    const entry = SERIAL_SIMULATORS[simKind(name)];
    if (!entry) continue; // the host, on TCP
    if (name !== simKind(name) && entry.slot !== 'reader')
      throw new HalError('Usage_Invalid', `--sim: only a reader can be started more than once, not "${name}"`, { device: name });
    if (entry.slot === 'reader') readers.push([name, entry]);
  }
  bySlot.delete('reader');
  // None named: a smart POS terminal's own two, the contactless PN532 and the contact chip reader.
  if (!readers.length) for (const name of DEFAULT_READERS) readers.push([name, SERIAL_SIMULATORS[name]]);
  return [...bySlot.values(), ...readers];
}
