/**
 * The slip's input from a diagnosis, pure: which lines the slip shows for the code, the cause and each
 * check, in the slip's locale. The layout (src/slip/layout.ts) then places them for the paper width.
 *
 * The mobile signal gets a line of its own with its level, whatever the cause: it is the first thing a
 * hotline asks about. Each checked device then gets one line with its status and, when it is not fine,
 * the first thing that was wrong.
 */
import type { DeviceResult } from '../../hal/selfcheck';
import type { ExplainResult } from '../codes/explain';
import type { Diagnosis } from '../diagnosis/diagnose';
import { interpolate, type Params } from '../i18n/format';
import type { Locale } from '../i18n/locale';
import { fullTime, wallClock } from '../i18n/local-format';
import { translate } from '../i18n/translate';
import { slipLabels } from './labels';
import type { SlipCheck, SlipInput } from './layout';

export interface SlipContext {
  locale: Locale;
  terminal: { id: string; merchantId: string; merchantName?: string };
  time: Date;
  /** IANA zone for the printed time; default the process's own. */
  timeZone?: string;
  /** Already masked to first 6 / last 4 (the layout masks again). */
  pan?: string;
  /** Major units (yuan). */
  amount?: number;
  currency?: string;
}

/** "2026-11-22 10:30:15" in the terminal's zone: what a person reads off a slip and says on the phone. */
export function slipTime(time: Date, timeZone?: string): string {
  return fullTime(wallClock(time, timeZone));
}

function withoutCode(title: string, code: string): string {
  return title.startsWith(`${code} `) ? title.slice(code.length + 1) : title;
}

export function slipInputFor(
  diagnosis: Diagnosis,
  entry: { local: ExplainResult; en: ExplainResult },
  devices: readonly DeviceResult[],
  ctx: SlipContext,
): SlipInput {
  const L = slipLabels(ctx.locale);
  const sep = L.sentenceSeparator;
  const cause = diagnosis.cause;
  const causeTitle = withoutCode(cause.hint.title, diagnosis.code);
  const codeTitle = withoutCode(entry.local.hint.title, diagnosis.code);
  let causeText = cause.id.startsWith('code.') ? cause.hint.action : `${causeTitle}${sep}${cause.hint.action}`;
  if (diagnosis.terminalClear && cause.id !== 'host-side') causeText = `${L.terminalClear}${sep}${causeText}`;

  return {
    locale: ctx.locale,
    terminalId: ctx.terminal.id,
    merchantId: ctx.terminal.merchantId,
    merchantName: ctx.terminal.merchantName ?? '',
    time: slipTime(ctx.time, ctx.timeZone),
    code: diagnosis.code,
    title: codeTitle,
    titleEn: withoutCode(entry.en.hint.title, diagnosis.code),
    cause: causeText,
    checks: slipChecks(devices, ctx.locale),
    nextSteps: cause.steps,
    ...(ctx.pan ? { pan: ctx.pan } : {}),
    ...(ctx.amount !== undefined ? { amount: interpolate('{amount}', { amount: ctx.amount, currency: ctx.currency } as Params, ctx.locale) } : {}),
  };
}

export function slipChecks(devices: readonly DeviceResult[], locale: Locale): SlipCheck[] {
  const L = slipLabels(locale);
  const lines: SlipCheck[] = [];
  const signal = devices.find((d) => d.device === 'modem')?.findings.find((f) => f.id === 'modem.signal');
  if (signal) {
    const level = typeof signal.value === 'number' ? `${signal.value} ${signal.unit ?? ''}`.trim() : translate(signal.message, signal.params as Params, locale);
    lines.push({ id: 'modem.signal', label: L.devices.signal, status: signal.status, detail: level });
  }
  for (const d of devices) {
    // One of several readers is named after its device word: "读卡器 pn532-1".
    const word = (L.devices as Record<string, string>)[d.device] ?? d.device;
    const label = d.name ? `${word} ${d.name}` : word;
    const first = d.findings.find((f) => f.status !== 'pass' && f.id !== 'modem.signal');
    lines.push({
      id: d.name ? `${d.device}:${d.name}` : d.device,
      label,
      status: d.status,
      ...(first ? { detail: translate(first.message, first.params as Params, locale) } : {}),
    });
  }
  return lines;
}
