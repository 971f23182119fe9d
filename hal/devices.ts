/**
 * The devices posdiag checks, each described once by its module (hal/<device>/module.ts). `selftest`,
 * `diagnose`, the menu and the configuration rules find devices here, so none of them knows one by name.
 */
import type { TerminalEnv } from './check-env';
import { deviceEnv } from './check-env';
import type { DeadlineProfile } from './deadline-profiles';
import type { DeviceModule } from './device-module';
import type { DeviceCheck } from './selfcheck';
import { MODEM_MODULE } from './modem/module';
import { NETWORK_MODULE } from './network/module';
import { PRINTER_MODULE } from './printer/module';
import { READER_MODULE } from './reader/module';

export type { TerminalEnv as CheckEnv, DeviceEnv } from './check-env';
export { deviceEnv } from './check-env';

/** In the order checks are listed in reports and on the slip. */
const MODULES = [MODEM_MODULE, READER_MODULE, PRINTER_MODULE, NETWORK_MODULE] as const;
export type CheckedDevice = (typeof MODULES)[number]['id'];
// Each module's check takes its own configuration; the list hands each the configs it produced itself.
export const DEVICE_MODULES: readonly DeviceModule<unknown, CheckedDevice>[] = MODULES;
export const CHECKED_DEVICES: readonly CheckedDevice[] = DEVICE_MODULES.map((m) => m.id);

/** A device's checks on this terminal: one per configured instance, none when it has none; with the run's deadline profile. */
export type CheckFactory = (env: TerminalEnv) => DeviceCheck[];

export function moduleOf(device: string): DeviceModule<unknown, CheckedDevice> | undefined {
  return DEVICE_MODULES.find((m) => m.id === device);
}

export const DEVICE_CHECKS: Record<CheckedDevice, CheckFactory> = Object.fromEntries(
  DEVICE_MODULES.map((m) => [m.id, (env: TerminalEnv) => m.configs(env).map((config) => m.check(deviceEnv(env, withProfile(m, config, env.profile))))]),
) as Record<CheckedDevice, CheckFactory>;

/** A device's configuration with its profile's values under each of its option groups (the configuration's own win). */
export function withProfile<C>(module: Pick<DeviceModule<C>, 'optionGroups'>, config: C, profile: DeadlineProfile | undefined): C {
  if (!profile || config === null || typeof config !== 'object') return config;
  let out = config as Record<string, unknown>;
  for (const group of module.optionGroups) {
    const values = group.profiles?.[profile]?.(out);
    if (!values) continue;
    const own = out[group.field];
    out = { ...out, [group.field]: { ...values, ...(own !== null && typeof own === 'object' ? own : {}) } };
  }
  return out as C;
}
