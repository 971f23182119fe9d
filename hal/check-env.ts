/**
 * What the device checks are given. The terminal's environment (TerminalEnv) is what `selftest`, the
 * diagnosis and the menu hold; each device's module picks its own configuration out of it, and the
 * check itself sees only that (DeviceEnv): a check cannot come to depend on another device's settings.
 */
import type { BindingInterface } from '@serialport/bindings-interface';
import type { Clock } from './clock';
import type { DevicesConfig, HostConfig } from './config';
import type { DeadlineProfile } from './deadline-profiles';

/** Who this terminal is, for checks that talk to the host (the echo carries fields 41 and 42). */
export interface TerminalIdentity {
  id: string;
  merchantId: string;
  acquirer?: string;
}

export interface TerminalEnv {
  binding: BindingInterface;
  clock: Clock;
  devices: DevicesConfig;
  host?: HostConfig;
  terminal?: TerminalIdentity;
  /** The deadlines the checks run with (hal/deadline-profiles.ts); none: every option's default (`thorough`). */
  profile?: DeadlineProfile;
}

/** What one device's check receives: the binding, the clock, the terminal and its own configuration. */
export interface DeviceEnv<C> {
  binding: BindingInterface;
  clock: Clock;
  config: C;
  terminal?: TerminalIdentity;
}

/** The environment of one device, out of the terminal's. */
export function deviceEnv<C>(env: TerminalEnv, config: C): DeviceEnv<C> {
  return { binding: env.binding, clock: env.clock, config, ...(env.terminal ? { terminal: env.terminal } : {}) };
}
