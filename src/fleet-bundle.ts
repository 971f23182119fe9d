/**
 * Loads the fleet side on demand. In the bundle (build.mjs defines POSDIAG_FLEET_BUNDLE as the file
 * name) it comes from dist/fleet.js next to the running bundle, through a require esbuild does not
 * follow, so neither it nor its MQTT client and database drivers are in dist/cli.js. From the TypeScript
 * sources (jest, tsc) the branch is a plain import.
 */
import { join } from 'node:path';

export type FleetBundle = typeof import('./fleet/entry');

declare const POSDIAG_FLEET_BUNDLE: string | undefined;

export function loadFleet(): Promise<FleetBundle> {
  if (typeof POSDIAG_FLEET_BUNDLE !== 'string') return import('./fleet/entry');
  const path = join(__dirname, POSDIAG_FLEET_BUNDLE);
  try {
    require.resolve(path);
  } catch {
    return Promise.reject(new Error(`the fleet side is not installed: no ${path} (posdiag fleet needs it)`));
  }
  return Promise.resolve(require(path) as FleetBundle);
}
