/**
 * The runtime posdiag runs on, as the self-test's `terminal` finding: Node's version, how much ICU it was
 * built with, and where GB18030 (Chinese printing) comes from. A Node with small ICU or none runs posdiag
 * the same (src/i18n/local-format.ts, hal/printer/gb18030.ts); only a Node that has neither ICU's
 * GB18030 nor posdiag's table file cannot print Chinese slips, which is a warning.
 */
import { gb18030Source } from './printer/gb18030';
import type { DeviceResult } from './selfcheck';

export type IcuLevel = 'full' | 'small' | 'none';

/** `none`: no Intl at all (--without-intl); `small`: English only (--with-intl=small-icu); else `full`. */
export function icuLevel(): IcuLevel {
  if (typeof Intl !== 'object') return 'none';
  return Intl.DateTimeFormat.supportedLocalesOf(['zh-CN']).length ? 'full' : 'small';
}

export function runtimeResult(): DeviceResult {
  const started = Date.now();
  const gb18030 = gb18030Source();
  const status = gb18030 === 'unavailable' ? 'warn' : 'pass';
  const message = status === 'pass' ? 'check.terminal.runtime' : 'check.terminal.runtime.no-gb18030';
  const params = { node: process.version, icu: icuLevel(), gb18030 };
  return { device: 'terminal', status, ms: Date.now() - started, findings: [{ id: 'terminal.runtime', status, value: process.version, message, params }] };
}
