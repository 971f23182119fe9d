/**
 * The terminal's bundle side of telemetry: loading dist/telemetry.js (mqtt.js and the shipper stay out
 * of dist/cli.js), and the detached flush after a diagnosis: the cashier never waits for the network.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export type TelemetryModule = typeof import('./telemetry-entry');
declare const POSDIAG_TELEMETRY_BUNDLE: string | undefined;

export function loadTelemetry(): Promise<TelemetryModule> {
  return typeof POSDIAG_TELEMETRY_BUNDLE === 'string'
    ? Promise.resolve().then(() => require(join(__dirname, POSDIAG_TELEMETRY_BUNDLE as string)) as TelemetryModule)
    : import('./telemetry-entry');
}

/**
 * Starts `posdiag telemetry flush` on its own: not waited for, no terminal, no output; failures stay its
 * own. Started when this process has nothing left to do (beforeExit: the diagnosis is on the screen and
 * its output written), because starting a process takes 5–20 ms of this one's time: then that is after
 * the cashier has the result, not before.
 */
export function flushDetached(configPath: string): void {
  process.once('beforeExit', () => {
    try {
      spawn(process.execPath, [process.argv[1]!, 'telemetry', 'flush', '--config', configPath], { detached: true, stdio: 'ignore' }).unref();
    } catch {
      // The records wait in the journal for the next flush or the resident shipper.
    }
  });
}
