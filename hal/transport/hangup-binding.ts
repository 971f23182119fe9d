/**
 * Makes a hang-up on the line fail the pending read at once.
 *
 * When the far end of a tty goes away (a USB adapter pulled out, the pty's master closed), read() on
 * Linux returns 0 bytes. The native binding treats 0 bytes as "read again" and keeps spinning, so
 * @serialport/stream never learns that the device is gone and the pending request waits for its
 * deadline (node-serialport issues #1243 and #2043 describe unplugs that go unnoticed). The binding's
 * fd poller does see the hang-up: we listen for it and turn it into the disconnect error the stream
 * understands.
 */
import type { EventEmitter } from 'node:events';
import type { BindingInterface, BindingPortInterface, OpenOptions, PortStatus, SetOptions, UpdateOptions } from '@serialport/bindings-interface';

export function withHangupDetection(inner: BindingInterface): BindingInterface {
  return {
    list: () => inner.list(),
    open: async (options: OpenOptions) => new HangupAwarePort(await inner.open(options)),
  };
}

class HangupAwarePort implements BindingPortInterface {
  #hangup: Error | null = null;
  readonly #waiters = new Set<(err: Error) => void>();
  readonly #inner: BindingPortInterface;

  constructor(inner: BindingPortInterface) {
    this.#inner = inner;
    const poller = (inner as unknown as { poller?: EventEmitter }).poller;
    poller?.once('disconnect', (err?: Error | null) => {
      this.#hangup = Object.assign(new Error(`line hung up${err?.message ? ': ' + err.message : ''}`), { disconnected: true, code: 'EIO' });
      for (const wake of this.#waiters) wake(this.#hangup);
      this.#waiters.clear();
    });
  }

  get openOptions(): Required<OpenOptions> {
    return this.#inner.openOptions;
  }

  get isOpen(): boolean {
    return this.#inner.isOpen;
  }

  set isOpen(value: boolean) {
    this.#inner.isOpen = value;
  }

  read(buffer: Buffer, offset: number, length: number): Promise<{ buffer: Buffer; bytesRead: number }> {
    if (this.#hangup) return Promise.reject(this.#hangup);
    const reading = this.#inner.read(buffer, offset, length);
    let wake: ((err: Error) => void) | undefined;
    const hungUp = new Promise<never>((_, reject) => {
      wake = reject;
      this.#waiters.add(reject);
    });
    return Promise.race([reading, hungUp]).finally(() => {
      if (wake) this.#waiters.delete(wake);
      // If the hang-up won, the inner read ends as "canceled" once the stream closes the port.
      reading.catch(() => undefined);
    });
  }

  write(buffer: Buffer): Promise<void> {
    return this.#hangup ? Promise.reject(this.#hangup) : this.#inner.write(buffer);
  }

  close(): Promise<void> {
    return this.#inner.close();
  }
  update(options: UpdateOptions): Promise<void> {
    return this.#inner.update(options);
  }
  set(options: SetOptions): Promise<void> {
    return this.#inner.set(options);
  }
  get(): Promise<PortStatus> {
    return this.#inner.get();
  }
  getBaudRate(): Promise<{ baudRate: number }> {
    return this.#inner.getBaudRate();
  }
  flush(): Promise<void> {
    return this.#inner.flush();
  }
  drain(): Promise<void> {
    return this.#inner.drain();
  }
}
