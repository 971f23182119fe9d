/**
 * Every text posdiag shows, looked up by a stable id in the active locale's fallback chain. The texts are
 * data, one file per locale (src/i18n/locales/<tag>.json, a flat map id -> text, placeholders as in
 * ./format.ts); a locale's file is read the first time one of its texts is wanted, so a run reads only
 * the files of its chain (zh-HK: zh-TW, then zh-CN and en only for a text zh-TW lacks).
 *
 * Ids say what the code already names:
 *   hint.<hint key>.title|action    the cashier's hint for a code (src/codes rows' `hint`)
 *   cause.<cause id>.title|action   the hint when the checks found the cause (hal/<device>/causes.ts)
 *   step.<step id>                  a next step on the slip
 *   check.<device>.<…>              a self-check finding's `message` (check.error.<HalError code> …)
 *   menu.<…>, slip.<…>, journal.<…> the technician menu's, the slip's and the journal's own words
 *
 * A locale file that is missing or damaged counts as empty: its texts come from the next locale of the
 * chain. Never throws.
 */
import type { Params } from './format';
import { localeChain, type Locale } from './locale';
import { readLocaleFile, type LocaleSource } from './locale-files';

export type Catalog = Readonly<Record<string, string>>;

const EMPTY: Catalog = Object.freeze({});
let source: LocaleSource = readLocaleFile;
const loaded = new Map<string, Catalog>();

/** A locale's texts as loaded (empty when its file is missing or damaged); read once per process. */
export function catalogOf(locale: Locale): Catalog {
  let catalog = loaded.get(locale);
  if (!catalog) {
    catalog = parse(locale);
    loaded.set(locale, catalog);
  }
  return catalog;
}

function parse(locale: Locale): Catalog {
  let raw: unknown;
  try {
    raw = source(locale);
  } catch {
    return EMPTY;
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return EMPTY;
  // Only non-empty strings count: a damaged entry falls back like a missing one. A sound file (the usual
  // case) is used as parsed, without a copy.
  const usable = (text: unknown): text is string => typeof text === 'string' && text.trim() !== '';
  const entries = Object.entries(raw);
  if (entries.every(([, text]) => usable(text))) return Object.freeze(raw as Record<string, string>);
  return Object.freeze(Object.fromEntries(entries.filter(([, text]) => usable(text))) as Record<string, string>);
}

/** The locales whose file has been read so far, in the order they were. */
export function loadedLocales(): string[] {
  return [...loaded.keys()];
}

/**
 * Where the texts come from (tests: a stand-in for the files, or a locale that is not in the repo); no
 * argument restores the files. Forgets what was loaded.
 */
export function setLocaleSource(next?: LocaleSource): void {
  source = next ?? readLocaleFile;
  loaded.clear();
}

/** The text for an id along the chain of a locale tag, with the locale it is in; undefined if none has it. */
export function lookup(id: string, tag: unknown): { locale: Locale; value: string } | undefined {
  if (typeof id !== 'string') return undefined;
  for (const locale of localeChain(tag)) {
    const catalog = catalogOf(locale);
    if (Object.hasOwn(catalog, id)) return { locale, value: catalog[id] };
  }
  return undefined;
}

/** The text for an id, or the id itself when no locale of the chain has it (traceable, never empty). */
export function text(id: string, tag: unknown): string {
  return lookup(id, tag)?.value ?? id;
}

/**
 * `{name}` filled with the parameter as it is, for the short words of the menu and the journal (counts,
 * ids, seconds: no locale formatting wanted); an unknown name stays as written.
 */
export function fill(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : m));
}
