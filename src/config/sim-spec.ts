/**
 * `--sim` and its value: which simulated devices to start and with which fault.
 * `--sim` alone means every device healthy; `--sim modem=no-signal,printer=paper-out` sets faults for
 * those devices and leaves the others healthy. Pure.
 *
 * The command line checks the words (parseSimSpec); whether a device has the fault is the simulators'
 * knowledge (mocks/faults.ts, whose checkSimFaults checks a spec when the simulated terminal starts), so the
 * terminal's own bundle carries no simulator data.
 */
import { HalError } from '../../hal/errors';
import { simKind } from '../../hal/sim-kind';

/** The devices named explicitly, with their faults; a device not named is simulated healthy. */
export type SimSpec = Map<string, string>;

/** The simulated devices --sim may name: the keys of mocks/faults.ts's DEVICE_FAULTS (a test keeps them equal). */
export const SIM_DEVICES: readonly string[] = ['modem', 'pn532', 'msr605', 'ccid', 'printer', 'host'];

export { simKind };

/**
 * Whether a word reads as --sim's value rather than as the command after it: it names simulated devices
 * (modem, or modem=no-signal,printer=paper-out), or is empty (`--sim "$FAULTS"` with none set), whose
 * empty items parseSimSpec skips.
 */
export function readsAsSimSpec(word: string, devices: readonly string[] = SIM_DEVICES): boolean {
  return word.includes('=') || word.split(',').every((d) => !d.trim() || devices.includes(simKind(d.trim())));
}

export function parseSimSpec(value: string | boolean | undefined, devices: readonly string[] = SIM_DEVICES): SimSpec | null {
  if (value === undefined || value === false) return null;
  const spec: SimSpec = new Map();
  if (value === true || value.trim() === '') return spec;
  for (const part of value.split(',')) {
    const item = part.trim();
    if (!item) continue;
    const eq = item.indexOf('=');
    const device = (eq < 0 ? item : item.slice(0, eq)).trim();
    const fault = (eq < 0 ? 'healthy' : item.slice(eq + 1)).trim();
    if (!devices.includes(simKind(device))) {
      throw new HalError('Usage_Invalid', `--sim: unknown device "${device}"; expected one of ${devices.join(', ')}`, { device });
    }
    spec.set(device, fault);
  }
  return spec;
}
