/**
 * A failed transaction, end to end: the checks the code calls for, the cause, the slip (kept, and
 * printed), and the journal record. This file owns the I/O; every decision is made by
 * decideDiagnosis (./diagnosis-decision.ts), from the code looked up once and what the checks found.
 *
 * The card number is masked on the first line of runDiagnosis and only the mask travels further; the
 * journal scrubs again, so a caller's slip cannot put a whole PAN on disk.
 */
import { PROFILE_DEFAULTS, STOPS_EARLY, type DeadlineProfile } from '../../hal/deadline-profiles';
import { moduleOf, type CheckedDevice } from '../../hal/devices';
import { resolveProfile } from '../../hal/printer/profiles';
import { maskPan } from '../../hal/reader/card-mask';
import type { DeviceResult, SelfTestResult } from '../../hal/selfcheck';
import type { ExplainResult } from '../codes/explain';
import { lookup } from '../codes/lookup';
import { causeSettled, type CodeShape, type Diagnosis } from '../diagnosis';
import { setAsideMark, setAsideSince, type SetAsideFile } from '../files/set-aside';
import { resolveLocale } from '../i18n/locale';
import { isoWithOffset, journalCause, journalDevices, newSlipId, openJournal, saveSlip, type NewJournalRecord, type SlipState } from '../journal';
import type { Environment } from '../environment';
import { previewText } from '../slip/preview';
import { printSlip, type EarlierSlip, type SlipPrintOutcome } from './print-slip';
import { decideDiagnosis, devicesFor, type DiagnosisDecision } from './diagnosis-decision';
import { diagnosisStart, type DiagnosisEvent } from './diagnosis-events';
import { runSelfTest } from './selftest';

export interface DiagnoseRequest {
  code: string;
  acquirer?: string;
  locale?: string;
  /** As typed or read; masked before anything else sees it. */
  pan?: string;
  /** Major units. */
  amount?: number;
  /** Print the slip (default true). It is kept in the slip store either way. */
  print?: boolean;
  dataDir: string;
  /** All checks together. Default 30 s. */
  budgetMs?: number;
  now?: () => Date;
  /** A line per device as its checks finish. */
  progress?: (line: string) => void;
  /** The journal's rotation guard for telemetry (JournalOptions.holdUnacked). */
  holdUnacked?: number;
  /** The checks' deadlines (hal/deadline-profiles.ts). Default: the configuration's checks.profile, else `cashier`. */
  profile?: DeadlineProfile;
  /**
   * Each step as it happens (src/services/diagnosis-events.ts): start (the catalog's hint), each device's
   * result, the cause, the slip, the journal record. Called synchronously; an exception it throws is ignored.
   */
  onEvent?: (event: DiagnosisEvent) => void;
  /** The start event was already given out (the CLI shows it before opening the devices): not again. */
  announced?: boolean;
}

/** DESIGN's diagnose shape: explain's fields, but `checks` holds what the checks found (selftest devices). */
export interface DiagnoseReport extends Omit<ExplainResult, 'checks'> {
  /** The checks the catalog asks for this code (explain's `checks`). */
  checksWanted: ExplainResult['checks'];
  checks: DeviceResult[];
  cause: Diagnosis['cause'];
  alsoFound: Diagnosis['alsoFound'];
  terminalClear: boolean;
  /**
   * `earlier`: slips waiting from before that this print settled (printed first, or given up). A slip
   * that could not be made has no bytes, reason `not-made` and the `error` that stopped it.
   */
  slip: { id: string; bytes: number; printed: boolean; state: SlipState; reason?: string; error?: string; earlier?: EarlierSlip[]; preview: string };
  /** The journal record's id; null when the record could not be written (see `store`). */
  journalId: string | null;
  /** Whether the slip and the record were kept in the data directory; the diagnosis stands either way. */
  store: StoreOutcome;
  /** Files of the data directory found damaged on the way (a FIFO, a device, a link, an oversized file) and set aside into damaged/. */
  setAside: SetAsideFile[];
  /** The PAN as it may be shown: first 6 / last 4. */
  pan?: string;
  /** The deadline profile the checks ran with. */
  profile: DeadlineProfile;
}

export type StoreOutcome = { ok: true } | { ok: false; slipKept: boolean; journalKept: boolean; error: string };

export const DIAGNOSE_BUDGET_MS = 30_000;

/**
 * Each device at the level its module runs at during a diagnosis (hal/<device>/module.ts): most look
 * without acting; the card reader runs its external self-test too, so a card code is only put on the
 * card once the reader has shown it can read one. The levels run at the same time, and the results come
 * back in the order of `devices`. Under a profile that stops early, as soon as the results in hand decide
 * the cause whatever the checks still running would find (causeSettled), those are cut short: a dead
 * modem proves a 96 without the host.
 */
async function runChecksFor(
  devices: CheckedDevice[],
  env: Environment,
  o: { budgetMs: number; profile: DeadlineProfile; code: CodeShape; progress?: (line: string) => void; onDevice?: (r: DeviceResult) => void },
): Promise<SelfTestResult> {
  const checkEnv = { ...env.checkEnv, profile: o.profile };
  // Instances still running, by kind (a terminal may have several readers; an unconfigured device still reports).
  const running = devices.flatMap((d) => Array<string>(Math.max(1, moduleOf(d)!.configs(checkEnv).length)).fill(d));
  const done: DeviceResult[] = [];
  const stop = new AbortController();
  const onDeviceDone = (r: DeviceResult) => {
    done.push(r);
    const at = running.indexOf(r.device);
    if (at >= 0) running.splice(at, 1);
    o.onDevice?.(r);
    if (STOPS_EARLY[o.profile] && !stop.signal.aborted && running.length > 0 && causeSettled(o.code, done, running, devices)) stop.abort();
  };
  const levels = [...new Set(devices.map((d) => moduleOf(d)!.diagnosisLevel))];
  const runs = await Promise.all(
    levels.map((level) =>
      runSelfTest(
        devices.filter((d) => moduleOf(d)!.diagnosisLevel === level),
        checkEnv,
        level,
        o.budgetMs,
        o.progress,
        { onDeviceDone, stop: stop.signal },
      ),
    ),
  );
  const all = runs.flatMap((r) => r.devices);
  return { devices: devices.flatMap((d) => all.filter((r) => r.device === d)), ms: Math.max(0, ...runs.map((r) => r.ms)) };
}

export async function runDiagnosis(env: Environment, req: DiagnoseRequest): Promise<DiagnoseReport> {
  const mark = setAsideMark();
  const pan = req.pan === undefined ? undefined : (maskPan(String(req.pan).replace(/[\s-]/g, '')) ?? undefined);
  const now = (req.now ?? (() => new Date()))();
  const terminal = env.config.terminal;
  const profile = req.profile ?? env.config.checks?.profile ?? PROFILE_DEFAULTS.diagnose;
  const emit = (event: DiagnosisEvent) => {
    try {
      req.onEvent?.(event);
    } catch {
      // A screen that fails to draw must not stop the diagnosis.
    }
  };
  const acquirer = req.acquirer ?? terminal.acquirer;
  const locale = req.locale ?? terminal.locale;
  // The code is looked up once; which devices it calls for does not depend on the language.
  const resolved = lookup(req.code, { acquirer });
  if (!req.announced) emit(diagnosisStart(resolved, { locale, amount: req.amount, profile }));
  const checked = devicesFor(resolved.entry);
  const budgetMs = req.budgetMs ?? env.config.checks?.budgetMs ?? DIAGNOSE_BUDGET_MS;
  const result = checked.length
    ? await runChecksFor(checked, env, {
        budgetMs,
        profile,
        code: resolved.entry,
        progress: req.progress,
        onDevice: (r) => emit({ event: 'device', result: r }),
      })
    : { devices: [], ms: 0 };
  const printer = env.config.devices.printer;
  const printerProfile = resolveProfile({ paperWidth: printer?.paperWidth ?? 58, profile: printer?.profile });
  const decision = decideDiagnosis(resolved, result.devices, printerProfile, { locale: resolveLocale(locale), terminal, time: now, pan, amount: req.amount });
  const { entry, diagnosis } = decision;
  emit({ event: 'cause', cause: diagnosis.cause, alsoFound: diagnosis.alsoFound, terminalClear: diagnosis.terminalClear });
  const kept = await keepDiagnosis(env, req, decision, result.devices, now, pan, emit);
  emit({ event: 'journal', journalId: kept.journalId, store: kept.store });
  return {
    ...entry,
    checksWanted: entry.checks,
    checks: result.devices,
    cause: diagnosis.cause,
    alsoFound: diagnosis.alsoFound,
    terminalClear: diagnosis.terminalClear,
    ...kept,
    setAside: setAsideSince(mark, req.dataDir),
    ...(pan ? { pan } : {}),
    profile,
  };
}

/**
 * The decision's I/O: the slip kept in the slip store, printed, and the journal record written.
 * Keeping the slip and the record must never sink the diagnosis (a full, read-only or missing data
 * directory): each step's failure is caught and reported, and the slip is printed regardless.
 */
async function keepDiagnosis(
  env: Environment,
  req: DiagnoseRequest,
  decision: DiagnosisDecision,
  devices: DeviceResult[],
  now: Date,
  pan: string | undefined,
  emit: (event: DiagnosisEvent) => void,
): Promise<Pick<DiagnoseReport, 'slip' | 'journalId' | 'store'>> {
  const { entry, diagnosis, slip } = decision;
  const terminal = env.config.terminal;
  let storeError: string | undefined;
  async function keep(step: () => Promise<unknown>): Promise<boolean> {
    try {
      await step();
      return true;
    } catch (err) {
      storeError ??= err instanceof Error ? err.message : String(err);
      return false;
    }
  }
  // The slip's own id, not the journal's next one: another process may append first, and two diagnoses
  // at once must never write one slip file. The record names the slip, so `posdiag slip <journal id>` finds it.
  const id = newSlipId(now);
  const time = isoWithOffset(now);
  // A slip that could not be made (no GB18030 on this Node, say) costs the slip alone: the hint, the
  // cause and the journal record still come out, saying why there is no slip.
  let slipError = slip.error;
  let preview = '';
  if (slipError === undefined) {
    try {
      preview = previewText(slip.bytes, slip.paperWidth);
    } catch (err) {
      slipError = err instanceof Error ? err.message : String(err);
    }
  }
  const slipKept =
    slipError === undefined &&
    (await keep(() => saveSlip(req.dataDir, id, slip.bytes, { paperWidth: slip.paperWidth, locale: slip.locale, code: entry.code, time })));
  // Without a store the print queue lives in memory: the slip still prints now if the printer can.
  const printed: Pick<SlipPrintOutcome, 'reason' | 'earlier'> & { state: SlipState } =
    slipError !== undefined
      ? { state: 'not-printed', reason: 'not-made' }
      : req.print === false
        ? { state: 'skipped' }
        : await printSlip(env.checkEnv, slip.bytes, { id, ...(slipKept ? { dataDir: req.dataDir } : {}) });
  // What the record and the report both say of the print.
  const outcome = { state: printed.state, ...(printed.reason ? { reason: printed.reason } : {}) };
  const bytes = slipError === undefined ? slip.bytes.length : 0;
  const slipEvent = {
    id,
    bytes,
    printed: printed.state === 'printed',
    ...outcome,
    ...(printed.earlier ? { earlier: printed.earlier } : {}),
    ...(slipError !== undefined ? { error: slipError } : {}),
  };
  emit({ event: 'slip', slip: slipEvent });

  const record: NewJournalRecord = {
    kind: 'diagnosis',
    time,
    terminalId: terminal.id,
    merchantId: terminal.merchantId,
    ...(terminal.location ? { location: terminal.location } : {}),
    code: entry.code,
    acquirer: entry.acquirer,
    category: entry.category,
    hintTitle: diagnosis.cause.hint.title,
    cause: journalCause(diagnosis.cause),
    devices: journalDevices(devices),
    slip: { id, bytes, ...outcome },
    ...(pan ? { pan } : {}),
    ...(req.amount !== undefined ? { amount: String(req.amount) } : {}),
  };
  let journalId: string | null = null;
  const journalKept = await keep(async () => {
    journalId = (await openJournal(req.dataDir, { holdUnacked: req.holdUnacked }).append(record)).id;
  });
  return {
    slip: { ...slipEvent, preview },
    journalId,
    store: storeError === undefined ? { ok: true } : { ok: false, slipKept, journalKept, error: storeError },
  };
}
