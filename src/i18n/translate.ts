/**
 * `translate(key, params, locale)`: the text of a self-check finding message (Finding.message) in the
 * cashier's or technician's language. Never throws and never shows nothing: a missing text falls back
 * along zh-HK -> zh-TW -> zh-CN -> en; a missing `check.error.*` key uses `check.error.unexpected`; any
 * other missing key comes back as the key itself, so the finding is still traceable.
 */
import { lookup } from './catalog';
import { interpolate, type Params } from './format';

export function translate(key: string, params: Params = {}, locale?: unknown): string {
  let chosen = typeof key === 'string' ? lookup(key, locale) : undefined;
  if (!chosen && typeof key === 'string' && key.startsWith('check.error.')) chosen = lookup('check.error.unexpected', locale);
  if (!chosen) return typeof key === 'string' ? key : String(key);
  return interpolate(chosen.value, params ?? {}, chosen.locale);
}
