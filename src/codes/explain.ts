/**
 * `explain(code, {acquirer, locale, params})`: the catalog's whole answer about one code, in the JSON
 * shape of DESIGN.md (`posdiag explain --json` prints exactly this). Pure, never throws: an unknown code is
 * an answer too (known: false, the generic hint).
 */
import type { Params } from '../i18n/format';
import { renderHint, type RenderedHint } from '../i18n/hint';
import { lookup, type Resolved } from './lookup';
import type { Category, CheckName, FaultSide, Retry, Severity } from './types';

export interface ExplainOptions {
  /** Acquirer profile (`cup`, `lakala`, `iso`, `as2805`, aliases); default `cup`. */
  acquirer?: string;
  /** Any locale tag; falls back zh-HK -> zh-TW -> zh-CN -> en. Default zh-CN. */
  locale?: string;
  /** Values for the hint: amount, limit (major units), currency, time. Never card data. */
  params?: Params;
}

export interface ExplainResult {
  /** "96", "A0", "T01"; for input that is not a code, the input as a short token or "??". */
  code: string;
  acquirer: string;
  known: boolean;
  category: Category;
  retry: Retry;
  checks: CheckName[];
  hint: RenderedHint;
  // Added to the DESIGN.md shape (integrators may ignore them):
  /** "cup:96", "iso:45", "local.no-communication", "unknown". */
  id: string;
  /** The table that answered: a profile id, "local" or "none". */
  scheme: string;
  severity: Severity;
  side: FaultSide;
  /** English meaning for technicians. */
  meaning: string;
  reserved: boolean;
  retainCard: boolean;
}

export function explain(code: unknown, options: ExplainOptions = {}): ExplainResult {
  return explainResolved(lookup(code, options), options);
}

/**
 * The answer for a code already looked up, in one locale: a caller that needs it in several languages
 * (the screen's and the slip's) looks the code up once and renders it per locale from here.
 */
export function explainResolved(r: Resolved, options: Pick<ExplainOptions, 'locale' | 'params'> = {}): ExplainResult {
  const e = r.entry;
  return {
    code: r.code,
    acquirer: r.acquirer,
    known: r.known,
    category: e.category,
    retry: e.retry,
    checks: [...e.checks],
    hint: renderHint(e.hint, r.code, options.locale, options.params ?? {}),
    id: r.id,
    scheme: r.scheme,
    severity: e.severity,
    side: e.side,
    meaning: e.meaning,
    reserved: Boolean(e.reserved),
    retainCard: Boolean(e.retainCard),
  };
}
