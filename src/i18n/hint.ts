/**
 * Renders a hint for the cashier: the code in front of the title (so it is always on screen), the action
 * line with its parameters formatted for the locale. Never throws; an unknown key gets the generic hint.
 * The texts are the catalog's `hint.<key>.*` and `cause.<id>.*` (./catalog.ts).
 */
import { lookup } from './catalog';
import { interpolate, type Params } from './format';
import type { Locale } from './locale';

export interface RenderedHint {
  /** The locale the text is actually in, after fallback (zh-HK -> zh-TW). */
  locale: Locale;
  title: string;
  action: string;
}

/** What a title and an action line are: the catalog holds them as `<prefix>.title` and `<prefix>.action`. */
export interface HintText {
  title: string;
  action: string;
}

/**
 * The generic hint in English, kept in the bundle: with every locale file of the chain missing or
 * damaged, the cashier still reads the code and what to do.
 */
const LAST_RESORT: { locale: Locale; value: HintText } = {
  locale: 'en',
  value: { title: 'Transaction not completed', action: 'Note code {code} and the time[[ ({time})]], retry once later; if it fails, call support.' },
};

/** A title and its action line along the chain; the action from the title's locale where it has one. */
function hintText(prefix: string, tag: unknown): { locale: Locale; value: HintText } | undefined {
  const title = lookup(`${prefix}.title`, tag);
  if (!title) return undefined;
  const action = lookup(`${prefix}.action`, title.locale) ?? lookup(`${prefix}.action`, tag);
  return action ? { locale: title.locale, value: { title: title.value, action: action.value } } : undefined;
}

export function renderHint(key: string, code: string, locale?: unknown, params: Params = {}): RenderedHint {
  const chosen = hintText(`hint.${key}`, locale) ?? hintText('hint.unknown', locale) ?? LAST_RESORT;
  return render(chosen, code, params);
}

/** A cause's hint (`cause.<id>.*`), rendered like a code hint: the code in front of the title. */
export function renderCauseHint(causeId: string, code: string, locale?: unknown, params: Params = {}): RenderedHint | null {
  const chosen = hintText(`cause.${causeId}`, locale);
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

/** One next step for the slip (`step.<id>`); an unknown step id comes back as itself (traceable, never empty). */
export function renderStep(stepId: string, locale?: unknown, params: Params = {}): string {
  const chosen = lookup(`step.${stepId}`, locale);
  return chosen ? interpolate(chosen.value, params, chosen.locale) : stepId;
}
