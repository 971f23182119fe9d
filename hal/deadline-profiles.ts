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
 * and applied in one place, the check registry (hal/devices.ts withProfile), to the configuration a check
 * receives: values the configuration sets stay as set, the profile fills in the rest in place of the
 * defaults. This file imports nothing, so every part of hal/ may name a profile.
 */
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
