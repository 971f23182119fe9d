/**
 * What a device declares about the causes its self-check can prove (its module's `causes`, written as
 * data beside it, hal/<device>/causes.ts): which findings show each one, whose side it is, whether the
 * cashier may retry, and what to do next. The diagnosis (src/diagnosis/) ranks them against a host code.
 *
 * The value sets of side, category and retry are the catalog's too (src/codes/types.ts re-exports them):
 * a cause speaks of a fault in the same terms as a code does.
 */
import type { CheckStatus } from './selfcheck';

export const CATEGORIES = ['approved', 'card', 'issuer', 'network', 'config', 'security', 'host', 'terminal', 'unknown'] as const;
export type Category = (typeof CATEGORIES)[number];

/** now: the same transaction may be sent again at once; after-fix: once something named is fixed (re-read
 *  the card, sign on, reload paper); later: minutes, not seconds; never: this card/transaction will not
 *  succeed; n/a: nothing failed. */
export const RETRY_ADVICE = ['now', 'after-fix', 'later', 'never', 'n/a'] as const;
export type Retry = (typeof RETRY_ADVICE)[number];

/** Whose side the fault is on. `bank` is the card issuer; `host` is the acquirer or the switch (e.g. the
 *  UnionPay centre). `none` is for approvals, `unknown` for codes that do not say (generic failures and
 *  unrecognised codes), so that nobody is blamed without evidence. */
export const FAULT_SIDES = ['cardholder', 'merchant', 'terminal', 'bank', 'host', 'none', 'unknown'] as const;
export type FaultSide = (typeof FAULT_SIDES)[number];

/** The statuses that count as a failure, and as a warning, in a rule's match. */
export const BAD: readonly CheckStatus[] = ['fail', 'absent', 'timeout'];
export const WARN: readonly CheckStatus[] = ['warn'];

/**
 * One cause as its device writes it. Within a device the rules are ordered from the most basic failure to
 * the least: a modem that does not answer explains everything after it, a missing SIM explains the missing
 * registration, no signal explains no data. Only the first rule that matches names the device's cause;
 * later matches are consequences and are listed as "also found" only when they are a different cause.
 */
export interface DeviceCauseRule {
  /** Stable id: the journal, the JSON output and the texts (`cause.<id>.*` in the locale files) use it. */
  id: string;
  side: FaultSide;
  category: Category;
  retry: Retry;
  /**
   * Findings that show the cause: an id (exact, or a prefix ending in '.'), the statuses that count and,
   * where one status covers outcomes with different causes, the finding messages or values that count.
   */
  match: ReadonlyArray<{ finding: string; status: readonly CheckStatus[]; message?: readonly string[]; value?: readonly string[] }>;
  /**
   * The fault can make an online transaction fail (no reply, a code from the host). A printer fault
   * cannot: it is reported, but it never becomes the cause of a host code.
   */
  online: boolean;
  /** Next steps (`step.<id>` texts in the locale files), most useful first. */
  steps: readonly string[];
  /** The finding whose value the hint quotes, and the parameter it becomes ("dbm", "ms"). */
  quote?: { finding: string; param: string };
}

/** A rule with the device that declared it (the module's id), as the diagnosis reads them. */
export interface CauseRule<Device extends string = string> extends DeviceCauseRule {
  device: Device;
}
