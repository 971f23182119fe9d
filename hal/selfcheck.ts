/**
 * Self-checks after UnifiedPOS `checkHealth`: a device check runs at a level (internal: look without
 * changing anything; external: may act, e.g. print a test page; interactive: needs a person, e.g. a
 * tap) and reports findings as it goes, so a menu can show live progress.
 *
 * The runner owns the budgets. A device check only has to honour `ctx.signal` (close its port when it
 * aborts); the runner guarantees that a hanging device costs its budget and no more, and that a check
 * that throws becomes a finding instead of an exception.
 */
import { Clock, systemClock } from './clock';
import { isHalError } from './errors';
import type { OptionSpec } from './options';

export type CheckLevel = 'internal' | 'external' | 'interactive';
export const CHECK_LEVELS: readonly CheckLevel[] = ['internal', 'external', 'interactive'];

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'absent' | 'timeout';

export interface Finding {
  /** Stable id, namespaced by device: `modem.signal`, `printer.paper`. */
  id: string;
  status: CheckStatus;
  value?: number | string;
  unit?: string;
  /** A message key that the i18n catalogs translate (`check.modem.signal.weak`). */
  message: string;
  /** Values the message interpolates; never card data. */
  params?: Record<string, string | number>;
}

export interface CheckContext {
  level: CheckLevel;
  /** Aborts when the device's budget or the run's total budget is spent. */
  signal: AbortSignal;
  /** Absolute time (on `clock`) by which the device check must be done. */
  deadline: number;
  clock: Clock;
  report(finding: Finding): void;
}

export interface DeviceCheck {
  /** `modem`, `reader`, `printer`, `network`, … */
  device: string;
  /** Which one of several devices of the same kind (a terminal's readers): its configured or derived name. */
  name?: string;
  /** Default budget for this device, in ms; the run may give less. */
  budgetMs: number;
  run(ctx: CheckContext): Promise<void>;
}

export interface DeviceResult {
  device: string;
  /** The device's name when the terminal has several of its kind (DeviceCheck.name). */
  name?: string;
  status: CheckStatus;
  ms: number;
  findings: Finding[];
}

export interface SelfTestResult {
  devices: DeviceResult[];
  ms: number;
}

export interface RunOptions {
  level: CheckLevel;
  /** Whole run, all devices together. Default 30 000 ms, range 100–600 000. */
  totalBudgetMs?: number;
  /** After a budget is spent, how long the runner waits for the check to release its port. Default 250 ms. */
  cleanupGraceMs?: number;
  clock?: Clock;
  /**
   * Ends the checks still running, as soon as it aborts (a diagnosis whose cause is already proven): each
   * is told through its signal to close its port, and says it was cut short (`<device>.cut-short`, a
   * warning no cause rule reads) beside what it had found.
   */
  stop?: AbortSignal;
  onFinding?(device: string, finding: Finding): void;
  onDeviceDone?(result: DeviceResult): void;
}

export const RUN_DEFAULTS = { totalBudgetMs: 30_000, cleanupGraceMs: 250 } as const;

/** The whole run's budget as a named option: the configuration's `checks.budgetMs`, the CLI's --budget. */
export const RUN_BUDGET: OptionSpec<'budgetMs'> = { budgetMs: { default: RUN_DEFAULTS.totalBudgetMs, min: 100, max: 600_000 } };

const STATUS_RANK: Record<CheckStatus, number> = { pass: 0, warn: 1, timeout: 2, fail: 3, absent: 4 };

/** The worst status of findings (a device's overall status) or of devices (a run's); none is a pass. */
export function worstStatus(findings: ReadonlyArray<{ status: CheckStatus }>): CheckStatus {
  let worst: CheckStatus = 'pass';
  for (const f of findings) if (STATUS_RANK[f.status] > STATUS_RANK[worst]) worst = f.status;
  return worst;
}

/** Whether a device's check was cut short once the run's cause was known (RunOptions.stop). */
export function wasCutShort(r: Pick<DeviceResult, 'device' | 'findings'>): boolean {
  return r.findings.some((f) => f.id === `${r.device}.cut-short`);
}

/** Runs every device check concurrently, each under min(its budget, what is left of the total). */
export async function runChecks(checks: readonly DeviceCheck[], options: RunOptions): Promise<SelfTestResult> {
  const clock = options.clock ?? systemClock;
  const total = options.totalBudgetMs ?? RUN_DEFAULTS.totalBudgetMs;
  const grace = options.cleanupGraceMs ?? RUN_DEFAULTS.cleanupGraceMs;
  const start = clock.now();
  const devices = await Promise.all(
    checks.map((check) => runOne(check, { clock, level: options.level, budgetMs: Math.min(check.budgetMs, total), grace, options })),
  );
  return { devices, ms: Math.round(clock.now() - start) };
}

interface OneOptions {
  clock: Clock;
  level: CheckLevel;
  budgetMs: number;
  grace: number;
  options: RunOptions;
}

async function runOne(check: DeviceCheck, o: OneOptions): Promise<DeviceResult> {
  const { clock } = o;
  const start = clock.now();
  const findings: Finding[] = [];
  let open = true;
  const controller = new AbortController();
  const report = (f: Finding) => {
    if (!open) return; // a check that keeps talking after its budget is not listened to
    findings.push(f);
    o.options.onFinding?.(check.device, f);
  };

  let timer: unknown;
  const budgetSpent = new Promise<'budget'>((resolve) => {
    timer = clock.setTimeout(() => resolve('budget'), o.budgetMs);
  });
  const running = Promise.resolve()
    .then(() => check.run({ level: o.level, signal: controller.signal, deadline: start + o.budgetMs, clock, report }))
    .then(
      () => 'done' as const,
      (err: unknown) => {
        if (!controller.signal.aborted) report(errorFinding(check.device, err));
        return 'done' as const;
      },
    );

  const stop = o.options.stop;
  let onStop = () => undefined as void;
  const stopped = new Promise<'stop'>((resolve) => {
    onStop = () => resolve('stop');
    if (stop?.aborted) onStop();
    else stop?.addEventListener('abort', onStop, { once: true });
  });

  const outcome = await Promise.race([running, budgetSpent, stopped]);
  clock.clearTimeout(timer);
  stop?.removeEventListener('abort', onStop);
  const ms = Math.round(clock.now() - start);
  if (outcome !== 'done') {
    report(
      outcome === 'budget'
        ? { id: `${check.device}.budget`, status: 'timeout', value: o.budgetMs, unit: 'ms', message: 'check.budget-spent', params: { budgetMs: o.budgetMs } }
        : { id: `${check.device}.cut-short`, status: 'warn', value: ms, unit: 'ms', message: 'check.cut-short', params: { ms } },
    );
    open = false;
    controller.abort(
      new Error(outcome === 'budget' ? `${check.device} check budget of ${o.budgetMs} ms spent` : `${check.device} check cut short: the cause is known`),
    );
    // Let the check close its port; a check that ignores the signal is not waited for past the grace.
    let graceTimer: unknown;
    await Promise.race([running, new Promise<void>((r) => (graceTimer = clock.setTimeout(r, o.grace)))]);
    clock.clearTimeout(graceTimer);
  }
  open = false;
  const result: DeviceResult = { device: check.device, ...(check.name ? { name: check.name } : {}), status: worstStatus(findings), ms, findings };
  o.options.onDeviceDone?.(result);
  return result;
}

function errorFinding(device: string, err: unknown): Finding {
  if (isHalError(err)) {
    const absent = err.code === 'Transport_NotFound' || err.code === 'Transport_Disconnected';
    return {
      id: `${device}.error`,
      status: absent ? 'absent' : 'fail',
      value: err.code,
      message: `check.error.${err.code}`,
      params: { error: err.message },
    };
  }
  return {
    id: `${device}.error`,
    status: 'fail',
    message: 'check.error.unexpected',
    params: { error: err instanceof Error ? err.message : String(err) },
  };
}
