/**
 * A diagnosis as it happens, for a screen that cannot wait for the whole run: first the code's own
 * hint from the catalog (before any device has answered), then each device's result as it comes, the
 * cause once it is known, the slip, and the journal record. `posdiag diagnose --events` prints these as
 * JSON Lines (schemas/diagnose-events.json); the library hands them to DiagnoseRequest.onEvent.
 */
import type { DeadlineProfile } from '../../hal/deadline-profiles';
import type { DeviceResult } from '../../hal/selfcheck';
import type { CheckName } from '../codes/types';
import type { Resolved } from '../codes/lookup';
import { explainResolved } from '../codes/explain';
import type { Cause } from '../diagnosis';
import type { RenderedHint } from '../i18n/hint';
import { resolveLocale } from '../i18n/locale';
import type { SlipState } from '../journal';
import type { EarlierSlip } from './print-slip';

export interface DiagnosisStart {
  event: 'start';
  code: string;
  acquirer: string;
  category: string;
  /** The catalog's hint for the code, before any check: what the screen shows while the checks run. */
  hint: RenderedHint;
  /** The checks the catalog asks for this code. */
  checks: CheckName[];
  profile: DeadlineProfile;
}

export type DiagnosisEvent =
  | DiagnosisStart
  | { event: 'device'; result: DeviceResult }
  | { event: 'cause'; cause: Cause; alsoFound: Cause[]; terminalClear: boolean }
  | {
      event: 'slip';
      slip: { id: string; bytes: number; printed: boolean; state: SlipState; reason?: string; error?: string; earlier?: EarlierSlip[] };
    }
  | { event: 'journal'; journalId: string | null; store: { ok: boolean; slipKept?: boolean; journalKept?: boolean; error?: string } };

/** The start of a diagnosis: the code as looked up in the catalog, alone (no device, no file). */
export function diagnosisStart(resolved: Resolved, o: { locale?: string; amount?: number; profile: DeadlineProfile }): DiagnosisStart {
  const params = o.amount !== undefined ? { amount: o.amount } : {};
  const entry = explainResolved(resolved, { locale: resolveLocale(o.locale), params });
  return { event: 'start', code: entry.code, acquirer: entry.acquirer, category: entry.category, hint: entry.hint, checks: entry.checks, profile: o.profile };
}
