/**
 * The shape of the response-code catalog. Everything here is data about a code: what it means, whose
 * side the fault is on, whether the cashier should try again, which self-checks can confirm or rule out
 * a terminal-side cause, and which hint (`hint.<key>.*` in src/i18n/locales/) the cashier sees.
 *
 * The value sets of `category`, `retry` and `checks` are the ones DESIGN.md fixes for `explain --json`.
 */
import { CHECK_IDS } from '../../hal/device-lists.generated';

// Category, retry and side are the causes' terms too, so they live with the cause rules in hal/.
export { CATEGORIES, RETRY_ADVICE, FAULT_SIDES, type Category, type Retry, type FaultSide } from '../../hal/cause-rule';
import type { Category, FaultSide, Retry } from '../../hal/cause-rule';

/** The self-checks the catalog can ask for: devices, plus terminal state (keys, parameters, journal), derived from the device modules. */
export const CHECK_NAMES = CHECK_IDS;
export type CheckName = (typeof CHECK_NAMES)[number];

/** info: approved (maybe with a note); warning: temporary, usually passes on retry; error: declined or
 *  failed, needs a different card, payment or fix; critical: needs attention beyond the counter (card to
 *  retain, security or registration problem, technician). */
export const SEVERITIES = ['info', 'warning', 'error', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** One catalog entry, as data. */
export interface CodeEntry {
  /** Short English meaning for technicians and logs (the cashier gets the hint instead). */
  readonly meaning: string;
  readonly category: Category;
  readonly retry: Retry;
  /** Self-checks that can confirm or rule out a terminal-side cause, most telling first. */
  readonly checks: readonly CheckName[];
  readonly severity: Severity;
  readonly side: FaultSide;
  /** Key of the hint texts (`hint.<key>.title` and `.action` in src/i18n/locales/), in every locale. */
  readonly hint: string;
  /** ISO marks the code reserved (for ISO, national or private use): the scheme gives it no meaning. */
  readonly reserved?: boolean;
  /** The terminal or cashier is to retain the card (pick-up codes). */
  readonly retainCard?: boolean;
  /** Source keys of reference/response-codes.md the entry rests on (AM, TF, QC, V1, V3, AV, VI, MC). */
  readonly sources?: readonly string[];
}

/** A table of one scheme or acquirer: code -> entry. Codes are stored normalized ("05", "A0"). */
export type CodeTable = Readonly<Record<string, CodeEntry>>;

/** A terminal-local failure: no field 39 came back, the terminal itself reports the failure. */
export interface LocalCodeEntry extends CodeEntry {
  /** Stable namespaced id, e.g. `local.no-communication`. Never renamed. */
  readonly id: string;
  /** Short code shown to the cashier and read to the hotline (`T01`…); two-line displays have no room for the id. */
  readonly display: string;
  /** What terminals show for this failure, as they show it; `explain` accepts any of these. */
  readonly texts: readonly string[];
}
