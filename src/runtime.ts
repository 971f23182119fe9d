/**
 * Where a command's devices come from: the configuration file, or the simulated terminal (with --sim,
 * or when there is no configuration at all). Whoever opens an environment closes it.
 */
import { systemClock } from '../hal/clock';
import { nativeBinding } from '../hal/transport/native-binding';
import type { CheckEnv } from '../hal/devices';
import { loadConfigFile } from './config/load';
import { dataDirFor } from './journal/data-dir';
import { loadSimulators } from './simulators';
import type { PosdiagConfig } from './config/types';
import type { SimSpec } from './config/sim-spec';

export interface Environment {
  config: PosdiagConfig;
  checkEnv: CheckEnv;
  simulated: boolean;
  /** Where this run keeps its journal, slips and queue: `<data dir>/sim` when simulated (dataDirFor). */
  dataDir: string;
  /** Said once to the user when the simulated devices are not on pseudo-terminals (mocks/sim-link.ts). */
  notice?: string;
  close(): Promise<void>;
}

/**
 * `env`: the process environment POSDIAG_HOME and HOME are read from (default process.env); `say`: where
 * the simulated terminal's one-line notice goes (a command passes its stderr), if anywhere.
 */
export async function openEnvironment(options: { configPath?: string; sim: SimSpec | null; env?: NodeJS.ProcessEnv; say?: (line: string) => void }): Promise<Environment> {
  if (options.configPath && !options.sim) {
    const config = loadConfigFile(options.configPath);
    return {
      config,
      simulated: false,
      dataDir: dataDirFor(config, false, options.env),
      checkEnv: checkEnvFor(config),
      close: async () => undefined,
    };
  }
  // The simulators and the simulated terminal's own configuration live in dist/sim.js when bundled,
  // which a terminal needs only to simulate.
  const { startSimulatedTerminal, SIMULATED_TERMINAL } = await loadSimulators();
  const base = options.configPath ? loadConfigFile(options.configPath) : SIMULATED_TERMINAL;
  const terminal = await startSimulatedTerminal(options.sim ?? new Map());
  const config: PosdiagConfig = { ...base, devices: terminal.devices, host: terminal.host ?? base.host };
  if (terminal.notice) options.say?.(`posdiag: ${terminal.notice}\n`);
  return {
    config,
    simulated: true,
    dataDir: dataDirFor(base, true, options.env),
    checkEnv: checkEnvFor(config, terminal.binding),
    notice: terminal.notice,
    close: () => terminal.close(),
  };
}

/**
 * The checks run on the real serial binding (or the simulated terminal's in-process one, when it has no
 * pseudo-terminals) and the system clock, against the configuration's devices.
 */
function checkEnvFor(config: PosdiagConfig, binding?: CheckEnv['binding']): CheckEnv {
  return { binding: binding ?? nativeBinding(), clock: systemClock, devices: config.devices, host: config.host, terminal: config.terminal };
}
