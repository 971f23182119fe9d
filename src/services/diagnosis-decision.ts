/**
 * What a diagnosis decides, from what it was given and what the checks found: the answer about the code
 * in the screen's language, the cause, and the slip in the printer's language. Pure: no file, port or
 * clock; src/services/diagnose.ts does the I/O around it (runs the checks, keeps, prints, journals).
 */
import type { CheckedDevice } from '../../hal/devices';
import type { PrinterProfile } from '../../hal/printer/profiles';
import type { DeviceResult } from '../../hal/selfcheck';
import { explainResolved, type ExplainResult } from '../codes/explain';
import type { Resolved } from '../codes/lookup';
import { CHECKED_DEVICES } from '../../hal/devices';
import { diagnose, type Diagnosis } from '../diagnosis/diagnose';
import { checkPosition } from '../diagnosis/causes';
import type { Locale } from '../i18n/locale';
import { slipInputFor, type SlipContext } from '../slip/from-diagnosis';
import { layoutSlip, slipLocaleFor } from '../slip/layout';

/** The devices a code's catalog entry asks to check (the network's also asks about the modem), in CHECKED_DEVICES order. */
export function devicesFor(entry: { readonly checks: readonly string[] }): CheckedDevice[] {
  return CHECKED_DEVICES.filter((d) => checkPosition(entry.checks, d) >= 0);
}

export interface DiagnosisDecision {
  /** The answer about the code in the screen's language. */
  entry: ExplainResult;
  diagnosis: Diagnosis;
  /** `error`: why the slip could not be made (no GB18030 on this Node, say); `bytes` is then empty. */
  slip: { locale: Locale; paperWidth: PrinterProfile['paperWidth']; bytes: Uint8Array; error?: string };
}

/**
 * `resolved`: the code, looked up once (every language is rendered from it); `devices`: what the checks
 * found; `profile`: the printer's, resolved once by the caller (the slip's language, layout and paper
 * width follow from it); `input`: the slip's context (terminal, time, masked PAN, amount), its `locale`
 * the screen's language.
 */
export function decideDiagnosis(resolved: Resolved, devices: readonly DeviceResult[], profile: PrinterProfile, input: SlipContext): DiagnosisDecision {
  const params = input.amount !== undefined ? { amount: input.amount } : {};
  const inLocale = (locale: Locale) => {
    const entry = explainResolved(resolved, { locale, params });
    return { entry, diagnosis: diagnose({ explain: entry, devices, locale, resolved }) };
  };
  const screen = inLocale(input.locale);
  // The slip speaks the printer's language: English on a printer without a Chinese font.
  const slipLocale = slipLocaleFor(profile, input.locale);
  const onSlip = slipLocale === input.locale ? screen : inLocale(slipLocale);
  // The slip's English line for technicians is the catalog's own wording, without the cashier's values.
  const en = explainResolved(resolved, { locale: 'en' });
  const slip = { locale: slipLocale, paperWidth: profile.paperWidth };
  // A slip that cannot be made costs the slip alone, never the answer about the code.
  try {
    const slipInput = slipInputFor(onSlip.diagnosis, { local: onSlip.entry, en }, devices, { ...input, locale: slipLocale });
    return { ...screen, slip: { ...slip, bytes: layoutSlip(slipInput, profile).encode() } };
  } catch (err) {
    return { ...screen, slip: { ...slip, bytes: new Uint8Array(0), error: err instanceof Error ? err.message : String(err) } };
  }
}
