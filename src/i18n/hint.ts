/**
 * Renders a hint for the cashier: the code in front of the title (so it is always on screen), the action
 * line with its parameters formatted for the locale. Never throws; an unknown key gets the generic hint.
 */
import { interpolate, type Params } from './format';
import { CAUSE_HINTS, STEP_TEXTS } from './causes';
import { HINTS, type HintText } from './hints';
import { pick, type Locale } from './locale';

export interface RenderedHint {
  /** The locale the text is actually in, after fallback (zh-HK -> zh-TW). */
  locale: Locale;
  title: string;
  action: string;
}

export function renderHint(key: string, code: string, locale?: unknown, params: Params = {}): RenderedHint {
  const record = Object.hasOwn(HINTS, key) ? HINTS[key] : HINTS.unknown;
  return render(pick(record, locale) ?? pick(HINTS.unknown, locale)!, code, params);
}

/** A cause's hint (src/i18n/causes.ts), rendered like a code hint: the code in front of the title. */
export function renderCauseHint(causeId: string, code: string, locale?: unknown, params: Params = {}): RenderedHint | null {
  const chosen = Object.hasOwn(CAUSE_HINTS, causeId) ? pick(CAUSE_HINTS[causeId], locale) : undefined;
  return chosen ? render(chosen, code, params) : null;
}

function render(chosen: { locale: Locale; value: HintText }, code: string, params: Params): RenderedHint {
  const all: Params = { ...params, code };
  return {
    locale: chosen.locale,
    title: `${code} ${interpolate(chosen.value.title, all, chosen.locale)}`,
    action: interpolate(chosen.value.action, all, chosen.locale),
  };
}

/** One next step for the slip; an unknown step id comes back as itself (traceable, never empty). */
export function renderStep(stepId: string, locale?: unknown, params: Params = {}): string {
  const chosen = Object.hasOwn(STEP_TEXTS, stepId) ? pick(STEP_TEXTS[stepId], locale) : undefined;
  return chosen ? interpolate(chosen.value, params, chosen.locale) : stepId;
}
