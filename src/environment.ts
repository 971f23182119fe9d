/**
 * What a service runs against: the configuration, the devices' check environment, the data directory.
 * Built from a configuration file (src/runtime.ts) or around the simulated terminal (simulatedEnvironment,
 * which is handed the simulators: this module never loads them, so the simulators' own commands can use
 * it without an import circle). Whoever opens an environment closes it.
 */
import { systemClock } from '../hal/clock';
import type { CheckEnv } from '../hal/devices';
import { nativeBinding } from '../hal/transport/native-binding';
import type { SimulatedTerminal } from '../mocks/terminal';
import type { SimSpec } from './config/sim-spec';
import type { PosdiagConfig } from './config/types';
import { loadConfigFile } from './config/load';
import { dataDirFor } from './journal/data-dir';

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
export interface EnvironmentOptions {
  configPath?: string;
  sim: SimSpec | null;
  env?: NodeJS.ProcessEnv;
  say?: (line: string) => void;
}

/** The simulated terminal's starter and its own configuration (from dist/sim.js, or mocks/ directly). */
export interface TerminalSimulators {
  startSimulatedTerminal(faults: SimSpec): Promise<SimulatedTerminal>;
  SIMULATED_TERMINAL: PosdiagConfig;
}

export function configuredEnvironment(configPath: string, env?: NodeJS.ProcessEnv): Environment {
  const config = loadConfigFile(configPath);
  return { config, simulated: false, dataDir: dataDirFor(config, false, env), checkEnv: checkEnvFor(config), close: async () => undefined };
}

/** The simulated devices, with the configuration file's terminal when one is named. */
export async function simulatedEnvironment(sims: TerminalSimulators, options: EnvironmentOptions): Promise<Environment> {
  const base = options.configPath ? loadConfigFile(options.configPath) : sims.SIMULATED_TERMINAL;
  const terminal = await sims.startSimulatedTerminal(options.sim ?? new Map());
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
