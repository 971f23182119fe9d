/**
 * The faults each simulated device can be started with, as DESIGN.md names them. `--sim DEVICE=FAULT`
 * and `posdiag sim --fault` accept exactly these; each simulator implements every one of its list.
 */
import { HalError } from '../hal/errors';
import { simKind } from '../hal/sim-kind';

export const DEVICE_FAULTS = {
  modem: [
    'healthy',
    'no-sim',
    'sim-pin',
    'no-signal',
    'weak-signal',
    'denied',
    'searching',
    'roaming',
    'not-attached',
    'silent',
    'garbage',
    'echo',
    'urc-storm',
    'unplug',
    'no-concat',
  ],
  pn532: ['healthy', 'silent', 'bad-checksum', 'rom-fail', 'ram-fail', 'antenna-fail', 'card-present', 'unplug'],
  msr605: ['healthy', 'silent', 'ram-fail', 'swipe', 'unplug'],
  // The contact chip reader (GemPC Twin mode) and the card in its slot: the card's troubles, then the link's.
  ccid: [
    'healthy',
    'no-card',
    'mute',
    'bad-ts',
    'bad-tck',
    'short',
    'parity',
    'removed',
    'no-app',
    'app-blocked',
    'card-blocked',
    'expired',
    'not-yet-valid',
    'slow',
    'nak',
    'bad-lrc',
    'no-echo',
    'silent',
    'unplug',
  ],
  printer: ['healthy', 'paper-out', 'paper-near-end', 'cover-open', 'cutter-error', 'overheat', 'offline', 'silent', 'unplug'],
  host: ['healthy', 'refuse', 'blackhole', 'slow', 'reset', 'decline-96'],
} as const satisfies Record<string, readonly string[]>;

export type SimDeviceName = keyof typeof DEVICE_FAULTS;

export type FaultOf<D extends SimDeviceName> = (typeof DEVICE_FAULTS)[D][number];

/** `fault` as one of `device`'s faults; a simulator asked for any other refuses it by name. */
export function knownFault<D extends SimDeviceName>(device: D, fault: string): FaultOf<D> {
  const known: readonly string[] = DEVICE_FAULTS[device];
  if (!known.includes(fault)) throw new RangeError(`${device} simulator has no fault "${fault}"; expected one of ${known.join(', ')}`);
  return fault as FaultOf<D>;
}

/** Every fault in the spec is one its device knows; else the usage error with what was expected. */
export function checkSimFaults(spec: ReadonlyMap<string, string>, known: Readonly<Record<string, readonly string[]>> = DEVICE_FAULTS): void {
  for (const [device, fault] of spec) {
    const faults = known[simKind(device)];
    if (!faults) throw new HalError('Usage_Invalid', `--sim: unknown device "${device}"; expected one of ${Object.keys(known).join(', ')}`, { device });
    if (!faults.includes(fault)) {
      throw new HalError('Usage_Invalid', `--sim: ${device} has no fault "${fault}"; expected one of ${faults.join(', ')}`, { device, fault });
    }
  }
}
