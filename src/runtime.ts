/**
 * Where a command's devices come from: the configuration file, or the simulated terminal (with --sim,
 * or when there is no configuration at all), whose simulators are loaded only then (src/simulators.ts).
 * Whoever opens an environment closes it.
 */
import { configuredEnvironment, simulatedEnvironment, type Environment, type EnvironmentOptions } from './environment';
import { loadSimulators } from './simulators';

export type { Environment };

export async function openEnvironment(options: EnvironmentOptions): Promise<Environment> {
  if (options.configPath && !options.sim) return configuredEnvironment(options.configPath, options.env);
  // The simulators and the simulated terminal's own configuration live in dist/sim.js when bundled,
  // which a terminal needs only to simulate.
  return simulatedEnvironment(await loadSimulators(), options);
}
