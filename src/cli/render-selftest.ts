/** The self-test result as a person reads it on a terminal screen. */
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
  for (const d of result.devices) {
    const m = MARK[d.status];
    lines.push(`${paint(color, m.color, m.sign)} ${(d.name ? `${d.device} ${d.name}` : d.device).padEnd(8)} ${String(d.ms).padStart(6)} ms`);
    for (const f of d.findings) {
      const fm = MARK[f.status];
      const value = f.value === undefined ? '' : ` ${f.value}${f.unit ? ' ' + f.unit : ''}`;
      lines.push(`     ${paint(color, fm.color, fm.sign)} ${f.id}${value}  ${translate(f.message, f.params ?? {}, locale)}`);
    }
  }
  lines.push(`total ${result.ms} ms`);
  return lines.join('\n');
}
