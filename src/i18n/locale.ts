/**
 * The locales posdiag writes in, and how any locale tag a terminal or a person gives maps onto them.
 * Each locale's texts are one file, src/i18n/locales/<tag>.json (loaded by ./catalog.ts); LOCALE_LIST
 * below says which files there are, which tags each one serves, and where a missing text falls back.
 * A new language is its file plus one entry here. Fallback chain today: zh-HK (and zh-MO, zh-Hant) ->
 * zh-TW -> zh-CN -> en. Every catalog is meant to have every text (tests enforce it); the chain is what
 * keeps a missing one, or a missing file, from showing a bare id.
 */
export const LOCALE_LIST = [
  // `serves`: tag prefixes (lower case, `-` separated) this locale is chosen for; the longest match wins.
  // `config`: the tags the configuration file's terminal.locale accepts for it (src/config/schema.ts).
  { tag: 'zh-CN', fallback: 'en', serves: ['zh'], config: ['zh-CN'] },
  // Traditional script: explicit Hant, or the regions that write it.
  { tag: 'zh-TW', fallback: 'zh-CN', serves: ['zh-hant', 'zh-tw', 'zh-hk', 'zh-mo'], config: ['zh-TW', 'zh-HK'] },
  { tag: 'en', fallback: null, serves: ['en'], config: ['en'] },
] as const;

export type Locale = (typeof LOCALE_LIST)[number]['tag'];

export const LOCALES: readonly Locale[] = LOCALE_LIST.map((l) => l.tag);

/** A locale a configuration file may name (terminal.locale). */
export type ConfigLocale = (typeof LOCALE_LIST)[number]['config'][number];
export const CONFIG_LOCALES: readonly ConfigLocale[] = LOCALE_LIST.flatMap((l) => l.config);

/** A text in every locale. */
export type Localized<T = string> = Record<Locale, T>;

/** An empty or absent tag (no terminal locale configured): the terminals' home market. */
export const DEFAULT_LOCALE: Locale = 'zh-CN';
/** A tag no locale serves (fr, de, ja …): English, the language a technician anywhere can read. */
const LAST_RESORT: Locale = 'en';

const CHAINS = new Map<Locale, readonly Locale[]>();
for (const { tag } of LOCALE_LIST) {
  const chain: Locale[] = [];
  for (let l: Locale | null = tag; l && !chain.includes(l); l = LOCALE_LIST.find((e) => e.tag === l)!.fallback) chain.push(l);
  CHAINS.set(tag, chain);
}

/** The supported locale to write in for a tag; never throws. Empty/absent -> zh-CN; not served -> en. */
export function resolveLocale(tag: unknown): Locale {
  if (typeof tag !== 'string' || tag.trim() === '' || tag.length > 35) return DEFAULT_LOCALE;
  const t = tag.trim().replace(/_/g, '-').toLowerCase();
  let best: Locale = LAST_RESORT;
  let bestLength = 0;
  for (const { tag: locale, serves } of LOCALE_LIST) {
    for (const prefix of serves) {
      // A whole subtag: `zh-tw` serves zh-TW, zh-TW-x and zh_TW.UTF-8, not zh-twx.
      if (prefix.length > bestLength && t.startsWith(prefix) && !/[a-z0-9]/.test(t.charAt(prefix.length))) {
        best = locale;
        bestLength = prefix.length;
      }
    }
  }
  return best;
}

/** The locales to try, in order, for a tag (zh-HK -> zh-TW, zh-CN, en). */
export function localeChain(tag: unknown): readonly Locale[] {
  return CHAINS.get(resolveLocale(tag))!;
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
