/**
 * The self-test result as a person reads it on a terminal screen. Ids, values and units come from the
 * devices (a modem's +CGMI reply is a value): each goes through safeText before it is laid out.
 */
import { maskCardNumbers, safeText } from '../../hal/safe-text';
import type { CheckStatus, SelfTestResult } from '../../hal/selfcheck';
import { translate } from '../i18n/translate';
import { paint } from './io';

const MARK: Record<CheckStatus, { sign: string; color: number }> = {
  pass: { sign: 'ok  ', color: 32 },
  warn: { sign: 'warn', color: 33 },
  fail: { sign: 'FAIL', color: 31 },
  absent: { sign: 'none', color: 35 },
  timeout: { sign: 'TIME', color: 31 },
};

export function renderSelfTest(result: SelfTestResult, color: boolean, locale?: string): string {
  const lines: string[] = [];
  const iccids: string[] = [];
  for (const d of result.devices) {
    const m = MARK[d.status];
    lines.push(`${paint(color, m.color, m.sign)} ${safeText(d.name ? `${d.device} ${d.name}` : d.device).padEnd(8)} ${String(d.ms).padStart(6)} ms`);
    for (const f of d.findings) {
      const fm = MARK[f.status];
      // The SIM's ICCID is an id the technician reads out whole (in the message it is masked), when it has
      // an ICCID's form: 19–20 digits after the telecom prefix 89, under which no card network issues.
      const keep = f.id === 'modem.iccid' && /^89\d{17,18}F?$/.test(String(f.value)) ? [String(f.value)] : [];
      iccids.push(...keep);
      const value = f.value === undefined ? '' : ` ${safeText(`${f.value}${f.unit ? ' ' + f.unit : ''}`, { keep })}`;
      lines.push(`     ${paint(color, fm.color, fm.sign)} ${safeText(f.id)}${value}  ${safeText(translate(f.message, f.params ?? {}, locale))}`);
    }
  }
  lines.push(`total ${result.ms} ms`);
  // Values scrubbed one by one can still meet on a line (a value's last digits, the next one's first).
  return maskCardNumbers(lines.join('\n'), { keep: iccids });
}
