/**
 * `--sim` and its value: which simulated devices to start and with which fault.
 * `--sim` alone means every device healthy; `--sim modem=no-signal,printer=paper-out` sets faults for
 * those devices and leaves the others healthy. Pure: the caller supplies which faults exist.
 */
import { HalError } from '../../hal/errors';

/** The devices named explicitly, with their faults; a device not named is simulated healthy. */
export type SimSpec = Map<string, string>;

export function simFault(spec: SimSpec, device: string): string {
  return spec.get(device) ?? 'healthy';
}

export function parseSimSpec(
  value: string | boolean | undefined,
  known: Readonly<Record<string, readonly string[]>>,
): SimSpec | null {
  if (value === undefined || value === false) return null;
  const spec: SimSpec = new Map();
  if (value === true || value.trim() === '') return spec;
  for (const part of value.split(',')) {
    const item = part.trim();
    if (!item) continue;
    const eq = item.indexOf('=');
    const device = (eq < 0 ? item : item.slice(0, eq)).trim();
    const fault = (eq < 0 ? 'healthy' : item.slice(eq + 1)).trim();
    const faults = known[device];
    if (!faults) {
      throw new HalError('Usage_Invalid', `--sim: unknown device "${device}"; expected one of ${Object.keys(known).join(', ')}`, { device });
    }
    if (!faults.includes(fault)) {
      throw new HalError('Usage_Invalid', `--sim: ${device} has no fault "${fault}"; expected one of ${faults.join(', ')}`, { device, fault });
    }
    spec.set(device, fault);
  }
  return spec;
}
