/**
 * A `@serialport/bindings-interface` binding that connects a SerialLine straight to a simulator in the
 * same process: no pty, no socat, no native code. It exists for fast unit tests of drivers; the PTY
 * tests remain the proof that the real stack works.
 *
 * It behaves as the native binding does where it matters: an unknown path fails with "No such file or
 * directory", a second open of a port fails with "Cannot lock port", reads pending at close are
 * cancelled (`canceled: true`), and an unplug fails pending reads with a non-cancel error, which
 * @serialport/stream turns into a disconnect.
 */
import type { BindingInterface, BindingPortInterface, OpenOptions, PortInfo, PortStatus } from '@serialport/bindings-interface';
import { DeviceSimulator } from './simulator';

interface Wire {
  sim: DeviceSimulator;
  port: InProcessPort | null;
  unplugged: boolean;
  /** Bytes from the device not yet read by the host. */
  inbox: Buffer[];
  /** Hands the host's bytes to the simulator. */
  toDevice?: (chunk: Buffer) => void;
}

export class InProcessBinding implements BindingInterface {
  private readonly wires = new Map<string, Wire>();

  /** Makes `path` lead to `sim`. */
  connect(path: string, sim: DeviceSimulator): void {
    const wire: Wire = { sim, port: null, unplugged: false, inbox: [] };
    this.wires.set(path, wire);
    sim.attach({
      write: (bytes) => {
        if (wire.unplugged) return;
        wire.inbox.push(Buffer.from(bytes));
        wire.port?.wake();
      },
      onData: (listener) => {
        wire.toDevice = listener;
      },
      unplug: () => {
        wire.unplugged = true;
        wire.port?.unplug();
      },
      close: async () => undefined,
    });
  }

  async list(): Promise<PortInfo[]> {
    return [...this.wires.keys()].map((path) => ({
      path,
      manufacturer: 'posdiag simulator',
      serialNumber: undefined,
      pnpId: undefined,
      locationId: undefined,
      productId: undefined,
      vendorId: undefined,
    }));
  }

  async open(options: OpenOptions): Promise<BindingPortInterface> {
    const wire = this.wires.get(options.path);
    if (!wire || wire.unplugged) throw Object.assign(new Error(`Error: No such file or directory, cannot open ${options.path}`), { code: 'ENOENT' });
    if (wire.port?.isOpen) throw new Error('Error Resource temporarily unavailable Cannot lock port');
    const port = new InProcessPort(options, wire);
    wire.port = port;
    return port;
  }
}

class InProcessPort implements BindingPortInterface {
  readonly openOptions: Required<OpenOptions>;
  isOpen = true;
  private pendingRead: { resolve: () => void; reject: (err: Error) => void } | null = null;

  constructor(
    options: OpenOptions,
    private readonly wire: Wire,
  ) {
    this.openOptions = {
      dataBits: 8,
      lock: true,
      stopBits: 1,
      parity: 'none',
      rtscts: false,
      xon: false,
      xoff: false,
      xany: false,
      hupcl: true,
      ...options,
    } as Required<OpenOptions>;
  }

  wake(): void {
    const pending = this.pendingRead;
    this.pendingRead = null;
    pending?.resolve();
  }

  unplug(): void {
    const pending = this.pendingRead;
    this.pendingRead = null;
    pending?.reject(Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' }));
  }

  async read(buffer: Buffer, offset: number, length: number): Promise<{ buffer: Buffer; bytesRead: number }> {
    for (;;) {
      if (!this.isOpen) throw Object.assign(new Error('Read canceled'), { canceled: true });
      if (this.wire.unplugged) throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
      const head = this.wire.inbox[0];
      if (head) {
        const n = Math.min(length, head.length);
        head.copy(buffer, offset, 0, n);
        if (n === head.length) this.wire.inbox.shift();
        else this.wire.inbox[0] = head.subarray(n);
        return { buffer, bytesRead: n };
      }
      await new Promise<void>((resolve, reject) => (this.pendingRead = { resolve, reject }));
    }
  }

  async write(buffer: Buffer): Promise<void> {
    if (!this.isOpen) throw Object.assign(new Error('Write canceled'), { canceled: true });
    if (this.wire.unplugged) throw Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' });
    const copy = Buffer.from(buffer);
    // Deliver on a later turn, as a real line would: the host's write resolves before the device reacts.
    setImmediate(() => this.wire.toDevice?.(copy));
  }

  async close(): Promise<void> {
    this.isOpen = false;
    const pending = this.pendingRead;
    this.pendingRead = null;
    pending?.reject(Object.assign(new Error('Read canceled'), { canceled: true }));
  }

  async update(): Promise<void> {}
  async set(): Promise<void> {}
  async get(): Promise<PortStatus> {
    return { cts: true, dsr: true, dcd: false };
  }
  async getBaudRate(): Promise<{ baudRate: number }> {
    return { baudRate: this.openOptions.baudRate };
  }
  async flush(): Promise<void> {
    this.wire.inbox.length = 0;
  }
  async drain(): Promise<void> {}
}
