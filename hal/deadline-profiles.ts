/**
 * Deadline profiles: how long the checks may wait for a device, as a named choice.
 * - `thorough`: every option's declared default (ModemManager's deadlines for a modem that may still be
 *   booting, three TCP tries). The self-test and the technician menu run with it.
 * - `cashier`: short probes that still tell a dead device from a slow one, for a diagnosis while the
 *   customer waits: a modem that answers nothing to two quick `AT` probes is unresponsive, a host that
 *   accepts no connection in two short tries is unreachable, a host whose echo takes longer than its
 *   budget is slow; and a diagnosis stops once the cause is proven (STOPS_EARLY). Every fault of the
 *   simulated terminal is named within 3 s this way.
 *
 * A profile's values are declared by each device module beside its option specs (`optionGroups[].profiles`)
 * and applied here, in one place, to the configuration a check receives: values the configuration sets
 * stay as set, the profile fills in the rest in place of the defaults.
 */
import type { DeviceModule } from './device-module';

export const DEADLINE_PROFILES = ['cashier', 'thorough'] as const;
export type DeadlineProfile = (typeof DEADLINE_PROFILES)[number];

/**
 * Whether a diagnosis under the profile stops once the results in hand prove the cause, cutting the
 * checks still running short; thorough lets every check finish, for the whole picture.
 */
export const STOPS_EARLY: Readonly<Record<DeadlineProfile, boolean>> = { cashier: true, thorough: false };

/** Where nobody chose: a diagnosis answers the cashier, everything else takes its time. */
export const PROFILE_DEFAULTS = { diagnose: 'cashier', selftest: 'thorough', menu: 'thorough' } as const satisfies Record<string, DeadlineProfile>;

export function isDeadlineProfile(name: unknown): name is DeadlineProfile {
  return (DEADLINE_PROFILES as readonly unknown[]).includes(name);
}

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
