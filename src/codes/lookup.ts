/**
 * The one way in: `lookup(anything, {acquirer})` returns a catalog entry and never throws. A code the
 * acquirer's profile does not define falls back to its base scheme, then to ISO 8583; a code nobody
 * defines, and input that is not a code at all, give the UNKNOWN entry, whose hint still tells the cashier
 * what to do.
 */
import { ACQUIRERS, DEFAULT_ACQUIRER, findAcquirer } from './acquirers';
import { normalizeCode } from './normalize';
import type { CodeEntry } from './types';

/** For codes nobody defines and input that is not a code: retry once later, then call support with the code. */
export const UNKNOWN_ENTRY: CodeEntry = Object.freeze<CodeEntry>({
  meaning: 'Unrecognised response code',
  category: 'unknown',
  retry: 'later',
  checks: ['network'],
  severity: 'warning',
  side: 'unknown',
  hint: 'unknown',
});

export interface LookupOptions {
  /** Acquirer profile id or alias (`cup`, `lakala`, `iso`, `as2805`, `unionpay`…); default `cup`. Unknown names use ISO. */
  acquirer?: unknown;
}

export interface Resolved {
  /** What the cashier sees as the code: "96", "A0", "T01", or the input itself / "??" when it is not a code. */
  code: string;
  /** Stable id of what answered: "cup:96", "iso:45", "local.no-communication", or "unknown". */
  id: string;
  /** The acquirer profile the lookup used. */
  acquirer: string;
  /** The table that had the entry: a profile id, "local", or "none". */
  scheme: string;
  /** True when the entry gives the code a meaning (not reserved, not unknown). */
  known: boolean;
  entry: CodeEntry;
}

export function lookup(input: unknown, options: LookupOptions = {}): Resolved {
  const requested = options.acquirer === undefined ? DEFAULT_ACQUIRER : findAcquirer(options.acquirer);
  const acquirer = requested ?? 'iso';
  const n = normalizeCode(input);
  if (n.kind === 'local') {
    return { code: n.entry.display, id: n.entry.id, acquirer, scheme: 'local', known: true, entry: n.entry };
  }
  if (n.kind === 'field39') {
    for (let profile: string | null = acquirer; profile !== null; profile = ACQUIRERS[profile]!.base) {
      const table = ACQUIRERS[profile]!.table;
      if (Object.hasOwn(table, n.code)) {
        const entry = table[n.code]!;
        return { code: n.code, id: `${profile}:${n.code}`, acquirer, scheme: profile, known: !entry.reserved, entry };
      }
    }
    return { code: n.code, id: 'unknown', acquirer, scheme: 'none', known: false, entry: UNKNOWN_ENTRY };
  }
  return { code: n.display, id: 'unknown', acquirer, scheme: 'none', known: false, entry: UNKNOWN_ENTRY };
}
