/** What the reader kinds' checks share: the step that maps a failure to its finding, passes, the window. */
import type { DeviceEnv } from '../check-env';
import { step, transportFinding } from '../check-step';
import { isHalError } from '../errors';
import type { CheckContext, Finding } from '../selfcheck';
import { lineSettingsOf } from '../transport/line-settings';
import type { ReaderConfig } from './config';

/** What a kind's run is given, resolved by the reader check from the configuration and the caller. */
export interface KindRunOptions {
  interactiveMs: number;
  antennaThreshold: number;
  /** The configured driver timing with the caller's over it; each driver resolves the keys of its own spec. */
  timing: Partial<Record<string, number>>;
}

/** Kept back from the deadline so the device can be reset and the port closed inside the budget. */
const CLOSE_MARGIN_MS = 400;

/** Runs one reader step; what went wrong is reported as the step's finding and stops the run. */
export function readerStep<T>(ctx: CheckContext, id: string, fn: () => Promise<T>, extra: { checksumErrors?: () => number } = {}): Promise<T> {
  return step(ctx, (err) => findingForError(id, err, extra.checksumErrors?.() ?? 0), fn);
}

export function findingForError(id: string, err: unknown, checksumErrors: number): Finding {
  if (isHalError(err, 'Reader_Checksum'))
    return { id, status: 'fail', value: checksumErrors, message: 'check.reader.checksum', params: { count: checksumErrors } };
  return transportFinding('reader', id, err);
}

export function pass(id: string, message: string, extra: Partial<Finding> = {}): Finding {
  return { id, status: 'pass', message, ...extra };
}

export function interactiveWindow(ctx: CheckContext, wanted: number): number {
  return Math.max(0, Math.min(wanted, ctx.deadline - ctx.clock.now() - CLOSE_MARGIN_MS));
}

/** What a reader kind's driver opens its line with: the instance's port and line settings, the check's clock, the kind's timing. */
export function driverOpenOptions<T>(env: DeviceEnv<ReaderConfig>, o: { timing: T }, ctx: CheckContext) {
  return {
    binding: env.binding,
    path: env.config.path,
    baudRate: env.config.baudRate,
    clock: ctx.clock,
    timing: o.timing,
    line: lineSettingsOf(env.config),
  };
}
