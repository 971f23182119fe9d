/** Localized texts: hints for the cashier, finding messages for self-checks, and the locale fallback chain. */
export { LOCALES, LOCALE_LIST, DEFAULT_LOCALE, resolveLocale, localeChain, isLocaleTag, pick, type Locale, type Localized } from './locale';
export { interpolate, placeholders, cleanText, type Params, type ParamValue } from './format';
export { lookup, text, catalogOf, type Catalog } from './catalog';
export { renderHint, renderCauseHint, renderStep, type RenderedHint, type HintText } from './hint';
export { translate } from './translate';
export { displayWidth, TITLE_MAX_COLUMNS } from './width';
