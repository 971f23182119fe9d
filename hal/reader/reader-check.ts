/**
 * The self-check of one card reader, whichever its kind (`kind`, looked up in hal/reader/kinds.ts):
 *
 *   internal     communication, firmware, ROM (PN532), RAM
 *   external     + antenna self-test (PN532)
 *   interactive  + a tap (PN532) or a swipe (MSR605) within the interactive window
 *
 * Finding ids are `reader.<step>`; messages are `check.reader.*` ids of src/i18n/locales/. The card number is
 * only ever reported masked (first 6 / last 4); no track data leaves the driver. A terminal with
 * several readers runs one check per reader, each under the reader's name.
 */
import type { DeviceEnv } from '../check-env';
import type { OptionSpec } from '../options';
import type { DeviceCheck } from '../selfcheck';
import type { ReaderConfig } from './config';
import { READER_KINDS, readerKind } from './kinds';

export { findingForError } from './check-parts';
export { swipeFindings } from './msr605-check';

export interface ReaderCheckOptions {
  /** How long the interactive test waits for a tap or a swipe. Default 10 000 ms, range 1 000–120 000. */
  interactiveMs?: number;
  /** Diagnose 07 parameter: the antenna detector's threshold setting (UM0701). Default 0x0D. */
  antennaThreshold?: number;
  /** Driver timing by reader kind (`pn532: { commandTimeoutMs }`), over the configured timing. */
  [kind: string]: number | Partial<Record<string, number>> | undefined;
}

export const READER_CHECK_DEFAULTS = { interactiveMs: 10_000, antennaThreshold: 0x0d } as const;

/** The check's own timing option: how long the interactive test waits for a tap or a swipe. */
export const READER_CHECK_TIMING: OptionSpec<'interactiveMs'> = {
  interactiveMs: { default: READER_CHECK_DEFAULTS.interactiveMs, min: 1_000, max: 120_000 },
};

/** What a reader's `timing` may hold, by kind: the interactive window plus the driver timing of the kind. */
export const READER_TIMING: Readonly<Record<string, OptionSpec<string>>> = Object.fromEntries(
  Object.entries(READER_KINDS).map(([id, kind]) => [id, { ...READER_CHECK_TIMING, ...kind.timing }]),
);

/** Time the non-interactive steps may take together, worst case (every step at its own timeout). */
const BASE_BUDGET_MS = 8_000;

export function createReaderCheck(env: DeviceEnv<ReaderConfig>, options: ReaderCheckOptions = {}): DeviceCheck {
  const config = env.config;
  const kind = readerKind(config.kind, 'reader.kind');
  // The caller's choice (the menu's window, a test's deadlines) over the configured timing, over the defaults.
  const timing = config.timing ?? {};
  const interactiveMs = options.interactiveMs ?? timing.interactiveMs ?? READER_CHECK_DEFAULTS.interactiveMs;
  const own = options[config.kind];
  const run = {
    interactiveMs,
    antennaThreshold: options.antennaThreshold ?? READER_CHECK_DEFAULTS.antennaThreshold,
    timing: { ...timing, ...(typeof own === 'object' ? own : {}) },
  };
  return {
    device: 'reader',
    ...(config.name ? { name: config.name } : {}),
    budgetMs: (kind.baseBudgetMs ?? BASE_BUDGET_MS) + (kind.windows ?? 1) * interactiveMs,
    run: (ctx) => kind.run(env, run, ctx),
  };
}
