/**
 * The locales posdiag writes in, and how any locale tag a terminal or a person gives maps onto them.
 * Fallback chain: zh-HK (and zh-MO, zh-Hant) -> zh-TW -> zh-CN -> en. Every catalog entry is meant to have
 * all three (tests enforce it); the chain is what keeps a missing one from showing a bare key.
 */
export const LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** A text in every locale. */
export type Localized<T = string> = Record<Locale, T>;

/**
 * A text in every locale, given in the catalogs' order: Simplified Chinese, Traditional Chinese, English.
 * The catalogs write their texts through this (not as object literals) so the bundle spells the locale
 * names once instead of once per text.
 */
export function localized<T = string>(zhCN: T, zhTW: T, en: T): Localized<T> {
  return { 'zh-CN': zhCN, 'zh-TW': zhTW, en };
}

export const DEFAULT_LOCALE: Locale = 'zh-CN';

const CHAINS: Readonly<Record<Locale, readonly Locale[]>> = {
  'zh-TW': ['zh-TW', 'zh-CN', 'en'],
  'zh-CN': ['zh-CN', 'en'],
  en: ['en'],
};

/** The supported locale to write in for a tag; never throws. Empty/absent -> zh-CN; non-Chinese -> en. */
export function resolveLocale(tag: unknown): Locale {
  if (typeof tag !== 'string' || tag.trim() === '' || tag.length > 35) return DEFAULT_LOCALE;
  const t = tag.trim().replace(/_/g, '-').toLowerCase();
  if (t === 'zh' || t.startsWith('zh-')) {
    // Traditional script: explicit Hant, or the regions that write it.
    if (/^zh-(hant|tw|hk|mo)\b/.test(t)) return 'zh-TW';
    return 'zh-CN';
  }
  return 'en';
}

/** The locales to try, in order, for a tag (zh-HK -> zh-TW, zh-CN, en). */
export function localeChain(tag: unknown): readonly Locale[] {
  return CHAINS[resolveLocale(tag)];
}

/** A well-formed locale tag (BCP 47 shape, `_` tolerated), for rejecting typos at the command line. */
export function isLocaleTag(tag: string): boolean {
  return /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/.test(tag);
}

/** Picks the text for a locale from a possibly incomplete record, along the chain; undefined if none. */
export function pick<T>(record: Partial<Record<Locale, T>> | undefined, tag: unknown): { locale: Locale; value: T } | undefined {
  if (!record) return undefined;
  for (const locale of localeChain(tag)) {
    const value = record[locale];
    if (value !== undefined && value !== null && (value as unknown) !== '') return { locale, value };
  }
  return undefined;
}
