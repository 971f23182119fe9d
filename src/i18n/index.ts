/** Localized texts: hints for the cashier, finding messages for self-checks, and the locale fallback chain. */
export { LOCALES, DEFAULT_LOCALE, resolveLocale, localeChain, isLocaleTag, pick, type Locale, type Localized } from './locale';
export { interpolate, placeholders, cleanText, type Params, type ParamValue } from './format';
export { HINTS, type HintText } from './hints';
export { renderHint, renderCauseHint, renderStep, type RenderedHint } from './hint';
export { CAUSE_HINTS, STEP_TEXTS } from './causes';
export { translate } from './translate';
export { CHECK_MESSAGES, CHECK_MESSAGE_SOURCES, type CheckMessages } from './checks';
export { displayWidth, TITLE_MAX_COLUMNS } from './width';
