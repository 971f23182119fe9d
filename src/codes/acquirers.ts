/**
 * Acquirer profiles: which table answers first, and what it falls back to. An acquirer may mean something
 * else by a code than its scheme does (reference §5.1: 97/98 differ between CUP and AS2805), so lookups go
 * acquirer overlay -> base scheme -> ISO 8583.
 *
 * Lakala: no Lakala-specific field-39 table is public (reference §4); its terminals follow CUP, and the
 * seed articles describe its 96 differently (invalid transaction, with network and merchant-status causes),
 * which is the one overlay row.
 */
import { CUP } from './cup';
import { ISO8583 } from './iso8583';
import { row } from './row';
import type { CodeTable } from './types';

export interface AcquirerProfile {
  readonly id: string;
  /** Shown to technicians. */
  readonly name: string;
  readonly table: CodeTable;
  /** The profile consulted when this one has no row for a code; null for ISO. */
  readonly base: string | null;
}

const LAKALA: CodeTable = Object.freeze({
  '96': row(
    'Invalid transaction or system fault (Lakala reading of 96)',
    'host',
    'later',
    ['network', 'modem', 'params', 'reader', 'printer'],
    'warning',
    'host',
    'lakala-96',
    { sources: ['seed-000'] },
  ),
});

/** AS2805 (Australian ISO 8583 profile, from the AM gateway table): national-use codes mean other things. */
const AS2805: CodeTable = Object.freeze({
  '97': row('Reconciliation totals reset', 'host', 'n/a', ['journal'], 'info', 'none', 'not-for-pos', { sources: ['AM'] }),
  '98': row('MAC error', 'security', 'after-fix', ['keys'], 'error', 'terminal', 'mac-error', { sources: ['AM'] }),
});

export const ACQUIRERS: Readonly<Record<string, AcquirerProfile>> = Object.freeze({
  iso: { id: 'iso', name: 'ISO 8583:1987', table: ISO8583, base: null },
  cup: { id: 'cup', name: 'China UnionPay', table: CUP, base: 'iso' },
  lakala: { id: 'lakala', name: 'Lakala (CUP)', table: LAKALA, base: 'cup' },
  as2805: { id: 'as2805', name: 'AS2805', table: AS2805, base: 'iso' },
});

/** The terminals posdiag targets speak CUP unless configured otherwise. */
export const DEFAULT_ACQUIRER = 'cup';

/** Other names people write for a profile. */
const ALIASES: Readonly<Record<string, string>> = {
  unionpay: 'cup',
  'china-unionpay': 'cup',
  银联: 'cup',
  銀聯: 'cup',
  lkl: 'lakala',
  拉卡拉: 'lakala',
  iso8583: 'iso',
  'iso-8583': 'iso',
};

/** The profile id for a name, or null when posdiag has no such profile. Never throws. */
export function findAcquirer(name: unknown): string | null {
  if (typeof name !== 'string' || name.length > 40) return null;
  const key = name.trim().toLowerCase();
  if (Object.hasOwn(ACQUIRERS, key)) return key;
  return Object.hasOwn(ALIASES, key) ? ALIASES[key]! : null;
}
