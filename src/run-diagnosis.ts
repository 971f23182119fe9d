/**
 * A failed transaction, end to end: the checks the code calls for, the cause, the slip (kept, and
 * printed), and the journal record. This file owns the I/O; every decision is in the pure parts
 * (src/codes, src/diagnosis, src/slip).
 *
 * The card number is masked on the first line of runDiagnosis and only the mask travels further; the
 * journal scrubs again, so a caller's slip cannot put a whole PAN on disk.
 */
import { CHECKED_DEVICES, moduleOf, type CheckedDevice } from '../hal/devices';
import { resolveProfile } from '../hal/printer/profiles';
import { maskPan } from '../hal/reader/card-mask';
import type { DeviceResult, SelfTestResult } from '../hal/selfcheck';
import { runSelfTest } from './cli/commands/selftest';
import { explain, type ExplainResult } from './codes/explain';
import { diagnose, type Diagnosis } from './diagnosis';
import { checkPosition } from './diagnosis/causes';
import { resolveLocale, type Locale } from './i18n/locale';
import { isoWithOffset, journalCause, journalDevices, newSlipId, openJournal, saveSlip, type NewJournalRecord, type SlipState } from './journal';
import type { Environment } from './runtime';
import { slipInputFor } from './slip/from-diagnosis';
import { layoutSlip, slipLocaleFor } from './slip/layout';
import { previewText } from './slip/preview';
import { printSlip, type EarlierSlip } from './slip/print';
import { setAsideMark, setAsideSince, type SetAsideFile } from './files/set-aside';

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
}

/** DESIGN's diagnose shape: explain's fields, but `checks` holds what the checks found (selftest devices). */
export interface DiagnoseReport extends Omit<ExplainResult, 'checks'> {
  /** The checks the catalog asks for this code (explain's `checks`). */
  checksWanted: ExplainResult['checks'];
  checks: DeviceResult[];
  cause: Diagnosis['cause'];
  alsoFound: Diagnosis['alsoFound'];
  terminalClear: boolean;
  /** `earlier`: slips waiting from before that this print settled (printed first, or given up). */
  slip: { id: string; bytes: number; printed: boolean; state: SlipState; reason?: string; earlier?: EarlierSlip[]; preview: string };
  /** The journal record's id; null when the record could not be written (see `store`). */
  journalId: string | null;
  /** Whether the slip and the record were kept in the data directory; the diagnosis stands either way. */
  store: StoreOutcome;
  /** Files of the data directory found damaged on the way (a FIFO, a device, a link, an oversized file) and set aside into damaged/. */
  setAside: SetAsideFile[];
  /** The PAN as it may be shown: first 6 / last 4. */
  pan?: string;
}

export type StoreOutcome = { ok: true } | { ok: false; slipKept: boolean; journalKept: boolean; error: string };

export const DIAGNOSE_BUDGET_MS = 30_000;

/** The devices a code's catalog entry asks to check (the network's also asks about the modem), in CHECKED_DEVICES order. */
export function devicesFor(entry: Pick<ExplainResult, 'checks'>): CheckedDevice[] {
  return CHECKED_DEVICES.filter((d) => checkPosition(entry.checks, d) >= 0);
}

/**
 * Each device at the level its module runs at during a diagnosis (hal/<device>/module.ts): most look
 * without acting; the card reader runs its external self-test too, so a card code is only put on the
 * card once the reader has shown it can read one. The levels run at the same time.
 */
async function runChecksFor(devices: CheckedDevice[], env: Environment, budgetMs: number, progress?: (line: string) => void): Promise<SelfTestResult> {
  const levels = [...new Set(devices.map((d) => moduleOf(d)!.diagnosisLevel))];
  const runs = await Promise.all(levels.map((level) => runSelfTest(devices.filter((d) => moduleOf(d)!.diagnosisLevel === level), env.checkEnv, level, budgetMs, progress)));
  const all = runs.flatMap((r) => r.devices);
  return { devices: devices.flatMap((d) => all.filter((r) => r.device === d)), ms: Math.max(0, ...runs.map((r) => r.ms)) };
}

export async function runDiagnosis(env: Environment, req: DiagnoseRequest): Promise<DiagnoseReport> {
  const mark = setAsideMark();
  const pan = req.pan === undefined ? undefined : maskPan(String(req.pan).replace(/[\s-]/g, '')) ?? undefined;
  const now = (req.now ?? (() => new Date()))();
  const terminal = env.config.terminal;
  const acquirer = req.acquirer ?? terminal.acquirer;
  const locale = resolveLocale(req.locale ?? terminal.locale);
  const params = req.amount !== undefined ? { amount: req.amount } : {};
  // Which devices the code calls for does not depend on the language.
  const checked = devicesFor(explain(req.code, { acquirer }));
  const result = checked.length
    ? await runChecksFor(checked, env, req.budgetMs ?? env.config.checks?.budgetMs ?? DIAGNOSE_BUDGET_MS, req.progress)
    : { devices: [], ms: 0 };
  // Pure and cheap: done again for the slip when it is printed in another language than the screen's.
  const diagnoseIn = (l: Locale) => {
    const e = explain(req.code, { acquirer, locale: l, params });
    return { entry: e, diagnosis: diagnose({ explain: e, devices: result.devices, locale: l }) };
  };
  const { entry, diagnosis } = diagnoseIn(locale);

  // The slip speaks the printer's language: English on a printer without a Chinese font.
  const printerConfig = env.config.devices.printer;
  const profile = resolveProfile({ paperWidth: printerConfig?.paperWidth ?? 58, profile: printerConfig?.profile });
  const slipLocale = slipLocaleFor(profile, locale);
  const paperWidth = profile.columns >= 48 ? 80 : 58;
  const onSlip = slipLocale === locale ? { entry, diagnosis } : diagnoseIn(slipLocale);
  const input = slipInputFor(onSlip.diagnosis, { local: onSlip.entry, en: explain(req.code, { acquirer, locale: 'en' }) }, result.devices, {
    locale: slipLocale,
    terminal,
    time: now,
    pan,
    amount: req.amount,
  });
  const bytes = layoutSlip(input, profile).encode();

  // Keeping the slip and the record must never sink the diagnosis (a full, read-only or missing data
  // directory): each step's failure is caught and reported, and the slip is printed regardless.
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
  const slipKept = await keep(() => saveSlip(req.dataDir, id, bytes, { paperWidth, locale: slipLocale, code: entry.code, time: isoWithOffset(now) }));
  // Without a store the print queue lives in memory: the slip still prints now if the printer can.
  const printed =
    req.print === false ? { state: 'skipped' as const, reason: undefined } : await printSlip(env.checkEnv, bytes, { id, ...(slipKept ? { dataDir: req.dataDir } : {}) });

  const record: NewJournalRecord = {
    kind: 'diagnosis',
    time: isoWithOffset(now),
    terminalId: terminal.id,
    merchantId: terminal.merchantId,
    ...(terminal.location ? { location: terminal.location } : {}),
    code: entry.code,
    acquirer: entry.acquirer,
    category: entry.category,
    hintTitle: diagnosis.cause.hint.title,
    cause: journalCause(diagnosis.cause),
    devices: journalDevices(result.devices),
    slip: { id, bytes: bytes.length, state: printed.state, ...(printed.reason ? { reason: printed.reason } : {}) },
    ...(pan ? { pan } : {}),
    ...(req.amount !== undefined ? { amount: String(req.amount) } : {}),
  };
  let journalId: string | null = null;
  const journalKept = await keep(async () => {
    journalId = (await openJournal(req.dataDir).append(record)).id;
  });
  const store: StoreOutcome = storeError === undefined ? { ok: true } : { ok: false, slipKept, journalKept, error: storeError };

  return {
    ...entry,
    checksWanted: entry.checks,
    checks: result.devices,
    cause: diagnosis.cause,
    alsoFound: diagnosis.alsoFound,
    terminalClear: diagnosis.terminalClear,
    slip: {
      id,
      bytes: bytes.length,
      printed: printed.state === 'printed',
      state: printed.state,
      ...(printed.reason ? { reason: printed.reason } : {}),
      ...('earlier' in printed && printed.earlier ? { earlier: printed.earlier } : {}),
      preview: previewText(bytes, paperWidth),
    },
    journalId,
    store,
    setAside: setAsideSince(mark, req.dataDir),
    ...(pan ? { pan } : {}),
  };
}
