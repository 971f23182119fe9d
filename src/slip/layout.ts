/**
 * The diagnostic slip, pure: a plain input (already-rendered texts from the catalog and the diagnosis)
 * in, printer commands out, sized to the printer profile (58 mm: 32 columns, 80 mm: 48).
 *
 * Layout, top to bottom: heading; terminal, merchant, time, masked card; the host code with its title
 * in the slip's locale and in English beneath it (for the support desk); the cause; each check with its
 * status; next steps; a QR with a compact summary; the footer. Every text from outside goes through the
 * builder, which strips control bytes; the card number is masked here again, whatever the caller did,
 * and so is any card number in the texts (the merchant's name from the configuration, a cause or detail
 * quoting a device), by hal/safe-text.ts's rule for slips: the terminal and merchant ids, dates and
 * times, and `+` telephone numbers print whole.
 */
import { maskCardNumbers } from '../../hal/safe-text';
import { EscPosBuilder, BuilderOptions } from '../../hal/printer/builder';
import type { PrinterProfile } from '../../hal/printer/profiles';
import type { CheckStatus } from '../../hal/selfcheck';
import { isMaskedPan, maskPan } from '../../hal/reader/card-mask';
import type { Locale } from '../i18n/locale';
import { slipLabels } from './labels';
import { slipSummary } from './summary';

export interface SlipCheck {
  /** Finding id (`modem.signal`): goes into the QR summary. */
  id: string;
  /** What was checked, in the slip locale ("调制解调器信号"). */
  label: string;
  status: CheckStatus;
  /** A short rendered detail ("信号弱 -97 dBm"); printed under the line when not a pass. */
  detail?: string;
}

export interface SlipInput {
  locale: Locale;
  terminalId: string;
  merchantId: string;
  merchantName: string;
  /** Local time as it should be printed: "2026-11-22 10:30:15". */
  time: string;
  /** ISO 8583 field 39 or a terminal-local code. */
  code: string;
  /** Title of the code in the slip locale, and in English for the support desk. */
  title: string;
  titleEn: string;
  /** The cause found, in the slip locale. */
  cause: string;
  checks: readonly SlipCheck[];
  nextSteps: readonly string[];
  /** A card number in any form; only first 6 / last 4 ever print. */
  pan?: string;
  /** Already formatted, e.g. "¥12.50" (¥ prints as ￥). */
  amount?: string;
}

export interface SlipOptions extends BuilderOptions {
  /** Print the QR summary (default true). */
  qr?: boolean;
}

/**
 * The locale to render the slip's texts in for this printer: the wanted one, or English when the
 * printer has no Chinese font. Call it before rendering title, cause, checks and steps.
 */
export function slipLocaleFor(profile: PrinterProfile, wanted: Locale): Locale {
  return profile.chineseFont ? wanted : 'en';
}

/** Builds the slip; `.encode()` on the result gives the bytes, `.commands()` the typed list. */
export function layoutSlip(input: SlipInput, profile: PrinterProfile, options: SlipOptions = {}): EscPosBuilder {
  // Without a Chinese font a Chinese slip would print as '?': fall back to the English words.
  const locale = slipLocaleFor(profile, input.locale);
  const L = slipLabels(locale);
  const b = new EscPosBuilder(profile, options);
  const wide = profile.columns >= 48;
  const t = (text: string) => maskCardNumbers(text, { phones: true, keep: [input.terminalId, input.merchantId] });

  b.init().align('center').bold().size(1, 2).line(L.heading).size(1).bold(false);
  if (locale !== 'en') b.line(slipLabels('en').heading);
  b.align('left').rule('=');

  b.pair(L.terminalId, input.terminalId);
  b.pair(L.merchantId, input.merchantId);
  b.pair(L.merchantName, t(input.merchantName));
  b.pair(L.time, input.time);
  const compact = input.pan === undefined ? '' : String(input.pan).replace(/[\s-]/g, '');
  // A PAN masked upstream (the diagnose flow masks first) prints as it is; anything else is masked here.
  const pan = compact ? (isMaskedPan(compact) ? compact : maskPan(compact)) : null;
  if (pan) b.pair(L.card, pan);
  if (input.amount) b.pair(L.amount, input.amount);
  b.rule();

  b.bold()
    .size(wide ? 2 : 1, 2)
    .line(`${L.code} ${input.code}`)
    .size(1)
    .bold(false);
  b.line(t(locale === 'en' ? input.titleEn : input.title));
  if (locale !== 'en' && input.titleEn) b.line(t(input.titleEn));
  b.rule();

  b.bold().line(L.cause).bold(false).line(t(input.cause)).rule();

  b.bold().line(L.checks).bold(false);
  for (const c of input.checks) {
    b.pair(c.label, L.status[c.status]);
    if (c.status !== 'pass' && c.detail) b.line(` ${t(c.detail)}`);
  }
  b.rule();

  if (input.nextSteps.length) {
    b.bold().line(L.nextSteps).bold(false);
    input.nextSteps.forEach((s, i) => b.line(`${i + 1}.${t(s)}`));
  }

  if (options.qr !== false) {
    b.align('center')
      .qr(slipSummary(input), { moduleDots: wide ? 4 : 3, ecc: 'L' })
      .align('left');
  }
  b.line(L.footer);
  return b.cut();
}
