/**
 * Loads the simulators on demand. In the bundle (build.mjs defines POSDIAG_SIM_BUNDLE as the file name)
 * they come from dist/sim.js next to the running bundle, through a require esbuild does not follow, so
 * they stay out of dist/cli.js. From the TypeScript sources (jest, tsc) the branch is a plain import.
 */
import { join } from 'node:path';
import type { SimSpec } from './config/sim-spec';

export type Simulators = typeof import('./simulators-entry');

declare const POSDIAG_SIM_BUNDLE: string | undefined;
declare const POSDIAG_SIM_FAULTS_BUNDLE: string | undefined;

let loaded: Promise<Simulators> | null = null;

export function loadSimulators(): Promise<Simulators> {
  loaded ??= typeof POSDIAG_SIM_BUNDLE === 'string' ? Promise.resolve().then(requireSimBundle) : import('./simulators-entry');
  return loaded;
}

function requireSimBundle(): Simulators {
  // A computed path: the bundler leaves this require alone, Node resolves it at run time.
  const path = join(__dirname, POSDIAG_SIM_BUNDLE as string);
  try {
    require.resolve(path);
  } catch {
    // A terminal may be given dist/cli.js alone; only the simulated terminal is then missing, said plainly.
    throw new Error(`the simulated terminal is not installed: no ${path} (demo, sim and --sim need it)`);
  }
  return require(path) as Simulators;
}

/**
 * Every fault --sim names is one its device's simulator has: checked for every command, also one that
 * starts no simulator (explain), so a typo is always bad usage. Without the simulators installed there
 * is nothing to check against; a command that needs them says so itself.
 */
export async function checkSimSpec(spec: SimSpec): Promise<void> {
  (await loadFaultLists().catch(() => null))?.checkSimFaults(spec);
}

/**
 * The fault lists alone (dist/sim-faults.js beside the bundle; from the sources, mocks/faults.ts): checking
 * a --sim spec does not load the simulators, so a diagnosis shows its first line without waiting for them.
 */
function loadFaultLists(): Promise<Pick<Simulators, 'checkSimFaults'>> {
  if (typeof POSDIAG_SIM_FAULTS_BUNDLE !== 'string') return import('../mocks/faults');
  return Promise.resolve().then(() => require(join(__dirname, POSDIAG_SIM_FAULTS_BUNDLE as string)) as Pick<Simulators, 'checkSimFaults'>);
}
