/**
 * Each seed scenario (reference/seed-scenarios.md) resolves to an entry whose checks cover what the seed
 * tells merchants to check. Rows: the seed, what the terminal shows, the acquirer, the checks the seed
 * implies (card -> reader; terminal parts -> reader, printer; network/signal -> network, modem;
 * merchant status or limits -> params; host/bank -> network, whose host echo tells a host outage from
 * a local one), and words the cashier's hint must or must not contain.
 */
import { explain } from '../../../src/codes/explain';
import type { CheckName } from '../../../src/codes/types';

interface SeedRow {
  seed: string;
  shows: string | number;
  acquirer?: string;
  id: string;
  checks: CheckName[];
}

const ROWS: SeedRow[] = [
  // Seed 000: 96 — card, terminal parts (keypad, display, printer), bank/host, network (Lakala).
  { seed: '000 code 96 (UnionPay reading)', shows: 96, acquirer: 'cup', id: 'cup:96', checks: ['reader', 'printer', 'network', 'modem'] },
  {
    seed: '000 code 96 (Lakala: + merchant qualification)',
    shows: '96',
    acquirer: 'lakala',
    id: 'lakala:96',
    checks: ['reader', 'printer', 'network', 'modem', 'params'],
  },
  // Seed 002: 96 as a communication or system fault — signal, configuration, host.
  { seed: '002 code 96 (signal, IP settings, host)', shows: ' 96 ', id: 'cup:96', checks: ['network', 'modem'] },
  // Seed 001: the five English error classes.
  { seed: '001 NO COMMUNICATION (power, cables, ports, signal)', shows: 'NO COMMUNICATION', id: 'local.no-communication', checks: ['modem', 'network'] },
  {
    seed: '001 Transaction Failed (card data, amount, merchant account)',
    shows: 'Transaction Failed',
    id: 'local.transaction-failed',
    checks: ['reader', 'params'],
  },
  { seed: '001 Invalid Card (expiry, damage, stripe)', shows: 'Invalid Card', id: 'local.invalid-card', checks: ['reader'] },
  { seed: '001 Transaction Exceeds Limit (merchant limits, permissions)', shows: 'Transaction Exceeds Limit', id: 'local.exceeds-limit', checks: ['params'] },
  { seed: '001 Customer Not Registered (enrolment)', shows: 'Customer Not Registered', id: 'local.customer-not-registered', checks: ['params'] },
  // Seed 003: 交易终止 — network, device, card, over limit, maintenance.
  {
    seed: '003 交易终止',
    shows: '交易终止',
    acquirer: 'lakala',
    id: 'local.transaction-terminated',
    checks: ['network', 'modem', 'reader', 'printer', 'params'],
  },
  // Seed 004: 用户异常 — card inserted wrongly / damaged / expired, network.
  { seed: '004 用户异常', shows: '用户异常', id: 'local.user-exception', checks: ['reader', 'network'] },
];

test.each(ROWS.map((r) => [r.seed, r] as const))('seed %s', (_name, row) => {
  const r = explain(row.shows, { acquirer: row.acquirer, locale: 'zh-CN' });
  expect(r.id).toBe(row.id);
  expect(r.known).toBe(true);
  expect(r.checks).toEqual(expect.arrayContaining(row.checks));
});

test('96 does not blame the card, in any locale, and tells the cashier to note the code and time', () => {
  for (const acquirer of ['cup', 'lakala', 'iso']) {
    const zh = explain(96, { acquirer, locale: 'zh-CN' }).hint;
    const tw = explain(96, { acquirer, locale: 'zh-TW' }).hint;
    const en = explain(96, { acquirer, locale: 'en' }).hint;
    for (const text of [zh.title, zh.action, tw.title, tw.action]) expect(text).not.toMatch(/卡片(无效|有误|問題有|问题有)|换卡|換卡|持卡人/);
    for (const text of [en.title, en.action]) expect(text).not.toMatch(/another card|card (is )?(invalid|declined)|cardholder/i);
    expect(zh.title.startsWith('96 ')).toBe(true);
    expect(zh.action).toMatch(/代码96/);
    expect(tw.action).toMatch(/代碼96/);
    expect(en.action).toMatch(/code 96/);
    expect(zh.action).toContain('时间');
  }
  expect(explain(96, { locale: 'zh-CN' }).hint.action).toContain('非卡片问题');
});

test('all five seeds share: record the code and the time, then call support (the unknown hint says it too)', () => {
  for (const shows of [96, 'ZZ']) {
    const a = explain(shows, { locale: 'zh-CN' }).hint.action;
    expect(a).toContain('记下代码');
    expect(a).toContain('时间');
  }
});
