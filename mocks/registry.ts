/**
 * The simulators posdiag can put on a pseudo-terminal, by the device names of `--sim` and `posdiag sim`.
 * Each device issue adds its entry here; the faults listed are the ones DESIGN.md names for it.
 */
import type { DeviceSimulator, SimulatorOptions } from './simulator';
import { DEVICE_FAULTS } from './faults';
import { createModemSimulator } from './modem-sim';
import { Msr605Fault, Msr605Simulator, MSR605_FAULTS } from './msr605-sim';
import { Pn532Fault, Pn532Simulator, PN532_FAULTS } from './pn532-sim';
import { HostFault, startHostSim } from './host-sim';
import { createPrinterSimulator, PRINTER_FAULTS } from './printer-sim';

export interface SimulatorEntry {
  /** Which configured device slot the simulator fills: a modem, a card reader or the printer. */
  slot: 'modem' | 'reader' | 'printer';
  faults: readonly string[];
  /** Baud rate the device talks at, used for pacing. */
  baudRate: number;
  create(fault: string, options?: SimulatorOptions): DeviceSimulator;
}

export const SERIAL_SIMULATORS: Record<string, SimulatorEntry> = {
  modem: { slot: 'modem', faults: DEVICE_FAULTS.modem, baudRate: 115200, create: createModemSimulator },
  pn532: { slot: 'reader', faults: PN532_FAULTS, baudRate: 115200, create: (fault, o) => new Pn532Simulator(fault as Pn532Fault, o) },
  msr605: { slot: 'reader', faults: MSR605_FAULTS, baudRate: 9600, create: (fault, o) => new Msr605Simulator(fault as Msr605Fault, o) },
  printer: { slot: 'printer', faults: PRINTER_FAULTS, baudRate: 115200, create: createPrinterSimulator },
};

/** Simulators that are not on a serial line: the acquirer host, on a loopback TCP port. */
export const TCP_SIMULATORS: {
  host?: (fault: string, port?: number) => Promise<{ port: number; close(): Promise<void> }>;
} = {
  host: (fault, port) => startHostSim({ fault: fault as HostFault, port }),
};
