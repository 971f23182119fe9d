/**
 * `translate(key, params, locale)`: the text of a self-check finding message (Finding.message) in the
 * cashier's or technician's language. Never throws and never shows nothing: a missing locale falls back
 * along zh-HK -> zh-TW -> zh-CN -> en; a missing `check.error.*` key uses `check.error.unexpected`; any
 * other missing key comes back as the key itself, so the finding is still traceable.
 */
import { CHECK_MESSAGES } from './checks';
import { interpolate, type Params } from './format';
import { pick } from './locale';

export function translate(key: string, params: Params = {}, locale?: unknown): string {
  const messages = CHECK_MESSAGES;
  let record = typeof key === 'string' && Object.hasOwn(messages, key) ? messages[key] : undefined;
  if (!record && typeof key === 'string' && key.startsWith('check.error.')) record = messages['check.error.unexpected'];
  const chosen = pick(record, locale);
  if (!chosen) return typeof key === 'string' ? key : String(key);
  return interpolate(chosen.value, params ?? {}, chosen.locale);
}
