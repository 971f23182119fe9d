/**
 * The simulators posdiag can put on a pseudo-terminal, by the device names of `--sim` and `posdiag sim`.
 * Each device issue adds its entry here; its faults are the ones mocks/faults.ts lists (DESIGN.md's).
 */
import type { DevicesConfig, ReaderConfig, SerialDeviceConfig } from '../hal/config';
import type { DeviceSimulator, SimulatorOptions } from './simulator';
import { READER_KINDS, readerKind } from '../hal/reader/kinds';
import { knownFault } from './faults';
import { CcidSimulator } from './ccid-sim';
import { createModemSimulator } from './modem-sim';
import { Msr605Simulator } from './msr605-sim';
import { Pn532Simulator } from './pn532-sim';
import { HostFault, startHostSim } from './host-sim';
import { createPrinterSimulator } from './printer-sim';

export interface SimulatorEntry {
  /** Which configured device slot the simulator fills: a modem, a card reader or the printer. */
  slot: 'modem' | 'reader' | 'printer';
  /** Baud rate the device talks at, used for pacing. */
  baudRate: number;
  /** Refuses a fault that mocks/faults.ts does not list for the device. */
  create(fault: string, options?: SimulatorOptions): DeviceSimulator;
  /** A reader's configuration beyond its line and kind, as the simulated terminal sets it. */
  reader?: Partial<ReaderConfig>;
}

export const SERIAL_SIMULATORS: Record<string, SimulatorEntry> = {
  modem: { slot: 'modem', baudRate: 115200, create: createModemSimulator },
  // A reader simulator is named for the reader kind it plays (hal/reader/kinds.ts), at that kind's speed.
  pn532: { slot: 'reader', baudRate: READER_KINDS.pn532.baudRate, create: (fault, o) => new Pn532Simulator(knownFault('pn532', fault), o) },
  msr605: { slot: 'reader', baudRate: READER_KINDS.msr605.baudRate, create: (fault, o) => new Msr605Simulator(knownFault('msr605', fault), o) },
  // The simulated card is synthetic: its expiry may be read (GPO starts no real transaction).
  ccid: {
    slot: 'reader',
    baudRate: READER_KINDS.ccid.baudRate,
    create: (fault, o) => new CcidSimulator(knownFault('ccid', fault), o),
    reader: { readExpiry: true },
  },
  printer: { slot: 'printer', baudRate: 115200, create: createPrinterSimulator },
};

/**
 * Configures the slot of simulator `name` (a SERIAL_SIMULATORS key) to talk to it at `serial`. A reader
 * simulator adds a reader of its kind to the terminal's readers (a terminal may have several).
 */
export function plugInto(devices: DevicesConfig, name: string, serial: SerialDeviceConfig): void {
  const { slot, reader: extra } = SERIAL_SIMULATORS[name];
  if (slot === 'modem') devices.modem = serial;
  else if (slot === 'reader') {
    readerKind(name, 'simulator'); // a reader simulator plays a kind the HAL knows, or none at all
    const reader = { ...serial, ...extra, kind: name };
    if (devices.readers) devices.readers.push(reader);
    else if (devices.reader) devices.readers = [devices.reader, reader];
    else devices.reader = reader;
    if (devices.readers) delete devices.reader;
  } else devices.printer = { ...serial, paperWidth: 58 };
}

/** Simulators that are not on a serial line: the acquirer host, on a loopback TCP port. */
export const TCP_SIMULATORS: {
  host?: (fault: string, port?: number) => Promise<{ port: number; close(): Promise<void> }>;
} = {
  // startHostSim refuses a fault the host does not know.
  host: (fault, port) => startHostSim({ fault: fault as HostFault, port }),
};
