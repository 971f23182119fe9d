/** dist/telemetry.js: the fleet link and its command, loaded by src/fleet/load-telemetry.ts when `posdiag telemetry` runs. */
export { telemetryCommand } from './telemetry-command';
