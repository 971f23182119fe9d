/**
 * Where a command's devices come from: the configuration file, or the simulated terminal (with --sim,
 * or when there is no configuration at all). Whoever opens an environment closes it.
 */
import { systemClock } from '../hal/clock';
import { nativeBinding } from '../hal/transport/native-binding';
import type { CheckEnv } from '../hal/devices';
import { loadConfigFile } from './config/load';
import { SIMULATED_TERMINAL } from './config/default';
import { loadSimulators } from './simulators';
import type { PosdiagConfig } from './config/types';
import type { SimSpec } from './config/sim-spec';

export interface Environment {
  config: PosdiagConfig;
  checkEnv: CheckEnv;
  simulated: boolean;
  close(): Promise<void>;
}

export { nativeBinding };

export async function openEnvironment(options: { configPath?: string; sim: SimSpec | null }): Promise<Environment> {
  if (options.configPath && !options.sim) {
    const config = loadConfigFile(options.configPath);
    return {
      config,
      simulated: false,
      checkEnv: { binding: nativeBinding(), clock: systemClock, devices: config.devices, host: config.host, terminal: config.terminal },
      close: async () => undefined,
    };
  }
  const base = options.configPath ? loadConfigFile(options.configPath) : SIMULATED_TERMINAL;
  // The simulators live in mocks/ (dist/sim.js when bundled), which a terminal needs only to simulate.
  const { startSimulatedTerminal } = await loadSimulators();
  const terminal = await startSimulatedTerminal(options.sim ?? new Map());
  const config: PosdiagConfig = { ...base, devices: terminal.devices, host: terminal.host ?? base.host };
  return {
    config,
    simulated: true,
    checkEnv: { binding: nativeBinding(), clock: systemClock, devices: terminal.devices, host: config.host, terminal: config.terminal },
    close: () => terminal.close(),
  };
}
