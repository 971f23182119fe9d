/** dist/fleet.js: the fleet side, loaded by src/fleet-bundle.ts only when `posdiag fleet` runs. */
export { fleetCommand } from './command';
