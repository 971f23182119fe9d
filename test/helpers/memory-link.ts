/**
 * A simulator on an in-memory link instead of a serial line, for tests of the simulator itself or of what
 * it makes of some bytes: `toDevice` hands it bytes as a host would write them, `out` collects every byte
 * it sends back.
 */
import type { SimLink } from '../../mocks/simulator';

export function memoryLink(sim: { attach(link: SimLink): void }): { out: number[]; toDevice(bytes: Uint8Array | readonly number[]): void } {
  const out: number[] = [];
  let listener: (chunk: Buffer) => void = () => undefined;
  sim.attach({ write: (b) => void out.push(...b), onData: (l) => (listener = l), unplug: () => undefined, close: async () => undefined });
  return { out, toDevice: (bytes) => listener(Buffer.from(bytes)) };
}
