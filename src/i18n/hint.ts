/**
 * Renders a hint for the cashier: the code in front of the title (so it is always on screen), the action
 * line with its parameters formatted for the locale. Never throws; an unknown key gets the generic hint.
 */
import { interpolate, type Params } from './format';
import { HINTS } from './hints';
import { pick, type Locale } from './locale';

export interface RenderedHint {
  /** The locale the text is actually in, after fallback (zh-HK -> zh-TW). */
  locale: Locale;
  title: string;
  action: string;
}

export function renderHint(key: string, code: string, locale?: unknown, params: Params = {}): RenderedHint {
  const record = Object.prototype.hasOwnProperty.call(HINTS, key) ? HINTS[key] : HINTS.unknown;
  const chosen = pick(record, locale) ?? pick(HINTS.unknown, locale)!;
  const all: Params = { ...params, code };
  return {
    locale: chosen.locale,
    title: `${code} ${interpolate(chosen.value.title, all, chosen.locale)}`,
    action: interpolate(chosen.value.action, all, chosen.locale),
  };
}
