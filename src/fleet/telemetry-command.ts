/**
 * `posdiag telemetry run|flush|status`: the fleet link (README "Telemetry"). In dist/telemetry.js.
 *
 *  - run: the resident shipper (a systemd service, or the host app's foreground service on Android);
 *    it holds the link, so the broker's last will tells the fleet when the terminal drops off.
 *  - flush: one pass, bounded by telemetry.flushTimeoutMs: what is not acknowledged by then stays in the
 *    journal for the next one. Started detached after every diagnosis.
 *  - status: what the terminal knows without the network: epoch, acknowledgement, pending, gap.
 * One shipper at a time per data directory (telemetry.lock): a flush finding one running leaves it be.
 */
import { join } from 'node:path';
import { HalError } from '../../hal/errors';
import type { CommandSpec } from '../cli/spec';
import { EXIT } from '../cli/io';
import { configOf } from '../cli/context';
import { dataDirFor } from '../journal/data-dir';
import { openJournal } from '../journal/journal';
import { examineLock, LockTimeoutError, withFileLock } from '../journal/lock-file';
import { loadEpoch, readCursor, readOutbox } from './outbox';
import { ship, type ShipResult } from './shipper';

export const TELEMETRY_LOCK = 'telemetry.lock';
const ACTIONS = ['run', 'flush', 'status'] as const;

export const telemetryCommand: CommandSpec = {
  name: 'telemetry',
  arguments: [{ name: 'action', help: ACTIONS.join(', '), default: 'status' }],
  notes: 'Needs a configuration with a "telemetry" section (--config or POSDIAG_CONFIG).',
  examples: [
    'posdiag telemetry status --config /etc/posdiag.json',
    'posdiag telemetry flush --config /etc/posdiag.json',
    'posdiag telemetry run --config /etc/posdiag.json',
  ],
  async run({ args }, ctx) {
    const action = args.action ?? 'status';
    if (!(ACTIONS as readonly string[]).includes(action))
      throw new HalError('Usage_Invalid', `telemetry: unknown action "${action}" (expected ${ACTIONS.join(', ')})`);
    const config = await configOf(ctx);
    if (!config?.telemetry)
      throw new HalError(
        'Config_Invalid',
        'telemetry needs a configuration with a "telemetry" section (broker, cert, key, ca): give --config or POSDIAG_CONFIG',
      );
    const dataDir = dataDirFor(config, false, ctx.io.env);

    if (action === 'status') {
      const journal = openJournal(dataDir);
      const epoch = await loadEpoch(dataDir, journal);
      const ack = readCursor(dataDir, epoch);
      const box = await readOutbox(dataDir, epoch, ack, journal);
      const lock = await examineLock(join(dataDir, TELEMETRY_LOCK));
      const json = {
        broker: config.telemetry.broker,
        epoch: epoch.epoch,
        firstSeq: epoch.firstSeq,
        ack,
        lastSeq: box.lastSeq,
        pending: box.pending.length,
        gap: box.gap,
        gaps: box.gaps,
        shipperRunning: lock !== null,
      };
      const text = [
        `broker      ${json.broker}`,
        `epoch       ${json.epoch} (from seq ${json.firstSeq})`,
        `acknowledged up to ${ack}; journal up to ${box.lastSeq}; ${json.pending} waiting`,
        `gap         ${box.gap}${box.gap ? ` (records the fleet never acknowledged that the journal no longer holds: seqs ${box.gaps.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(', ')}; announced to the fleet, which acknowledges past them)` : ''}`,
        `shipper     ${lock ? 'running' : 'not running'}`,
      ].join('\n');
      return { exitCode: EXIT.ok, json, text: text + '\n' };
    }

    const mode = action as 'run' | 'flush';
    const controller = new AbortController();
    const stop = () => controller.abort();
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
    let result: ShipResult;
    try {
      // Held for the shipper's life: taken over only when its holder is gone (kill -9, power cut).
      result = await withFileLock(
        join(dataDir, TELEMETRY_LOCK),
        () => ship({ config, dataDir, mode, signal: controller.signal, log: ctx.progress, appVersion: APP_VERSION }),
        {
          timeoutMs: 200,
          staleMs: 2 ** 31,
        },
      );
    } catch (err) {
      if (!(err instanceof LockTimeoutError)) throw err;
      if (mode === 'flush') return { exitCode: EXIT.ok, json: { running: true }, text: 'another shipper is running: it sends the records\n' };
      throw new HalError('Usage_Invalid', 'another shipper is running on this data directory');
    } finally {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
    }
    const text = `sent ${result.sent}, refused ${result.refused}, acknowledged up to ${result.ack} of ${result.lastSeq}, gap ${result.gap}${result.complete ? '' : ' (not all acknowledged yet)'}\n`;
    return { exitCode: result.complete || mode === 'run' ? EXIT.ok : EXIT.failed, json: result, text };
  },
};

declare const POSDIAG_VERSION: string | undefined;
const APP_VERSION = typeof POSDIAG_VERSION === 'string' ? POSDIAG_VERSION : undefined;
