/**
 * Puts a simulator on the far end of a real pseudo-terminal pair, through the same `serialport` stack
 * the product uses, so that what the host sees is what a device on a cable would send.
 */
import { SerialPort } from 'serialport';
import { DeviceSimulator } from './simulator';
import { openPtyPair, PtyPairOptions } from './pty-pair';

export interface RunningSimulator<S extends DeviceSimulator = DeviceSimulator> {
  sim: S;
  /** Open this path from the host side. */
  hostPath: string;
  /** The device is pulled out: the pty pair dies. */
  unplug(): void;
  /** Stops the simulator and removes the pty pair; idempotent. */
  close(): Promise<void>;
}

export async function startOnPty<S extends DeviceSimulator>(sim: S, options: PtyPairOptions = {}): Promise<RunningSimulator<S>> {
  const pair = await openPtyPair(options);
  const port = new SerialPort({ path: pair.devicePath, baudRate: 115200, lock: false, autoOpen: false });
  try {
    await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())));
  } catch (err) {
    await pair.close();
    throw err;
  }
  // When socat dies the simulator's end errors too; that is expected, not a crash.
  port.on('error', () => undefined);
  port.on('close', () => undefined);
  sim.attach({
    write: (bytes) =>
      new Promise<void>((resolve) => {
        if (!port.isOpen) return resolve();
        port.write(bytes, () => resolve());
      }),
    onData: (listener) => port.on('data', listener),
    unplug: () => {
      pair.unplug();
      // Our own end would otherwise spin on 0-byte reads until closed.
      void closePort(port);
    },
    close: () => closePort(port),
  });
  let closing: Promise<void> | null = null;
  return {
    sim,
    hostPath: pair.hostPath,
    unplug: () => sim.unplug(),
    close: () => {
      if (!closing) {
        sim.stop();
        closing = closePort(port).then(() => pair.close());
      }
      return closing;
    },
  };
}

function closePort(port: SerialPort): Promise<void> {
  return new Promise<void>((resolve) => {
    if (!port.isOpen) {
      port.destroy();
      return resolve();
    }
    port.close(() => {
      port.destroy();
      resolve();
    });
  });
}
