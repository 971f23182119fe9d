/**
 * Which checks exist for which device. Each device issue adds its factory; `selftest`, `diagnose`
 * and the menu find checks here, so none of them knows a device by name.
 */
import type { BindingInterface } from '@serialport/bindings-interface';
import type { Clock } from './clock';
import type { DevicesConfig, HostConfig } from './config';
import type { DeviceCheck } from './selfcheck';
import { modemCheckFactory } from './modem/check';
import { createReaderCheck } from './reader/reader-check';
import { createNetworkCheck } from './network/check';
import { createPrinterCheck } from './printer/check';

export const CHECKED_DEVICES = ['modem', 'reader', 'printer', 'network'] as const;
export type CheckedDevice = (typeof CHECKED_DEVICES)[number];

export interface CheckEnv {
  binding: BindingInterface;
  clock: Clock;
  devices: DevicesConfig;
  host?: HostConfig;
  /** Who this terminal is, for checks that talk to the host (the echo carries fields 41 and 42). */
  terminal?: { id: string; merchantId: string; acquirer?: string };
}

/** Returns null when the device is not configured on this terminal. */
export type CheckFactory = (env: CheckEnv) => DeviceCheck | null;

export const DEVICE_CHECKS: Partial<Record<CheckedDevice, CheckFactory>> = {
  modem: modemCheckFactory,
  reader: (env) => createReaderCheck(env),
  network: (env) => createNetworkCheck(env),
  printer: (env) => createPrinterCheck(env),
};
