/**
 * A compact way to write catalog rows so the tables read as tables: one line per code, columns in the
 * order meaning, category, retry, checks, severity, side, hint. Pure data helpers, no state.
 */
import type { Category, CheckName, CodeEntry, FaultSide, Retry, Severity } from './types';

type Extra = Pick<CodeEntry, 'reserved' | 'retainCard' | 'sources'>;

export function row(
  meaning: string,
  category: Category,
  retry: Retry,
  checks: readonly CheckName[],
  severity: Severity,
  side: FaultSide,
  hint: string,
  extra: Extra = {},
): CodeEntry {
  return { meaning, category, retry, checks, severity, side, hint, ...extra };
}

/** A code the scheme leaves without meaning. The cashier gets the same hint as for an unknown code. */
export function reserved(meaning: string, sources: readonly string[] = ['AM']): CodeEntry {
  return { meaning, category: 'unknown', retry: 'later', checks: [], severity: 'warning', side: 'unknown', hint: 'unknown', reserved: true, sources };
}

/** The same row under another scheme, with that scheme's sources (and any fields that differ). */
export function restate(base: CodeEntry, sources: readonly string[], changes: Partial<CodeEntry> = {}): CodeEntry {
  return { ...base, sources, ...changes };
}
