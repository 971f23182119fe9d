/**
 * Journal records as a person reads them: one line per record for a list (time, id, code, cause, slip
 * state), and a block for one record. Words in the terminal's language; codes, ids and finding ids as
 * they are (a technician quotes them to support). Times are shown as recorded, in the terminal's own
 * local time. Pure.
 */
import { cleanText } from '../i18n/format';
import { maskCardNumbers } from '../../hal/safe-text';
import { ID_FIELDS } from './scrub';
import { resolveLocale, type Locale } from '../i18n/locale';
import type { JournalDevice, JournalKind, JournalRecord, MenuEvent, SlipState } from './types';

interface JournalLabels {
  kind: Record<JournalKind, string>;
  slip: Record<SlipState, string>;
  event: Record<MenuEvent, string>;
  noRecords: string;
  skipped: (n: number) => string;
  exported: (n: number, file: string) => string;
  field: {
    time: string;
    terminal: string;
    merchant: string;
    location: string;
    code: string;
    category: string;
    hint: string;
    cause: string;
    checks: string;
    slip: string;
    card: string;
    amount: string;
    level: string;
    event: string;
    bytes: string;
  };
}

const LABELS: Record<Locale, JournalLabels> = {
  'zh-CN': {
    kind: { diagnosis: '诊断', menu: '菜单', selftest: '自检' },
    slip: { printed: '已打印', queued: '待打印', 'not-printed': '未打印', skipped: '不打印' },
    event: { 'pin-ok': '密码正确', 'pin-wrong': '密码错误', lockout: '已锁定', test: '测试', reprint: '重打', exit: '退出' },
    noRecords: '日志中没有记录 (no records)',
    skipped: (n) => `有 ${n} 行损坏，已跳过`,
    exported: (n, file) => `已导出 ${n} 条记录到 ${file}`,
    field: {
      time: '时间', terminal: '终端号', merchant: '商户号', location: '地点', code: '响应码', category: '类别', hint: '提示',
      cause: '原因', checks: '检查', slip: '诊断单', card: '卡号', amount: '金额', level: '级别', event: '事件', bytes: '字节',
    },
  },
  'zh-TW': {
    kind: { diagnosis: '診斷', menu: '選單', selftest: '自我檢測' },
    slip: { printed: '已列印', queued: '待列印', 'not-printed': '未列印', skipped: '不列印' },
    event: { 'pin-ok': '密碼正確', 'pin-wrong': '密碼錯誤', lockout: '已鎖定', test: '測試', reprint: '重印', exit: '離開' },
    noRecords: '日誌中沒有記錄 (no records)',
    skipped: (n) => `有 ${n} 行損壞，已略過`,
    exported: (n, file) => `已匯出 ${n} 筆記錄到 ${file}`,
    field: {
      time: '時間', terminal: '終端機號', merchant: '商店代號', location: '地點', code: '回應碼', category: '類別', hint: '提示',
      cause: '原因', checks: '檢查', slip: '診斷單', card: '卡號', amount: '金額', level: '等級', event: '事件', bytes: '位元組',
    },
  },
  en: {
    kind: { diagnosis: 'diagnosis', menu: 'menu', selftest: 'self-test' },
    slip: { printed: 'printed', queued: 'waiting for paper', 'not-printed': 'not printed', skipped: 'not requested' },
    event: { 'pin-ok': 'PIN ok', 'pin-wrong': 'wrong PIN', lockout: 'locked out', test: 'test', reprint: 'reprint', exit: 'exit' },
    noRecords: 'no records',
    skipped: (n) => `${n} damaged line${n === 1 ? '' : 's'} skipped`,
    exported: (n, file) => `exported ${n} record${n === 1 ? '' : 's'} to ${file}`,
    field: {
      time: 'Time', terminal: 'Terminal', merchant: 'Merchant', location: 'Location', code: 'Code', category: 'Category', hint: 'Hint',
      cause: 'Cause', checks: 'Checks', slip: 'Slip', card: 'Card', amount: 'Amount', level: 'Level', event: 'Event', bytes: 'bytes',
    },
  },
};

export function journalLabels(locale?: unknown): JournalLabels {
  return LABELS[resolveLocale(locale)];
}

/** `2024-05-01T10:15:00.000+08:00` -> `2024-05-01 10:15`: the time the terminal showed when it happened. */
export function shortTime(iso: string): string {
  const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)/.exec(iso);
  return m ? `${m[1]} ${m[2]}` : cleanText(iso).slice(0, 16);
}

/** One line: time, id, code, cause (or what happened), slip state. */
export function recordLine(r: JournalRecord, locale?: unknown): string {
  const L = journalLabels(locale);
  const cols: string[] = [shortTime(r.time), text(r.id)];
  if (r.kind === 'diagnosis') {
    cols.push(text(r.code).padEnd(4), text(r.cause?.id), word(L.slip, r.slip?.state));
  } else if (r.kind === 'menu') {
    cols.push(L.kind.menu.padEnd(4), [word(L.event, r.event), r.detail ? text(r.detail) : ''].filter(Boolean).join(' '));
  } else {
    cols.push(L.kind.selftest.padEnd(4), `${text(r.level)}: ${(r.devices ?? []).map((d) => `${text(d.device)} ${text(d.status)}`).join(', ')}`);
  }
  // Values scrubbed one by one can still meet on a line (a value's last digits, the next one's first).
  return maskCardNumbers(cols.join('  '));
}

/** A block for one record, every field a technician might quote. */
export function recordDetail(r: JournalRecord, locale?: unknown): string {
  const L = journalLabels(locale);
  const F = L.field;
  const lines = [`${text(r.id)}  ${word(L.kind, r.kind)}  #${text(r.seq)}`, `  ${F.time}: ${text(r.time)}`, `  ${F.terminal}: ${id(r.terminalId, 'terminalId')}   ${F.merchant}: ${id(r.merchantId, 'merchantId')}`];
  if (r.location) lines.push(`  ${F.location}: ${text(r.location)}`);
  const devices = (list: JournalDevice[] | undefined) => {
    lines.push(`  ${F.checks}:`);
    for (const d of list ?? []) {
      lines.push(`    ${text(d.device)}: ${text(d.status)}`);
      for (const f of d.findings ?? []) lines.push(`      ${finding(f.id, f.status, f.value, f.unit)}`);
    }
  };
  if (r.kind === 'diagnosis') {
    lines.push(`  ${F.code}: ${text(r.code)} (${text(r.acquirer)})   ${F.category}: ${text(r.category)}`);
    lines.push(`  ${F.hint}: ${text(r.hintTitle)}`);
    lines.push(`  ${F.cause}: ${text(r.cause?.id)} (${text(r.cause?.side)})`);
    for (const e of r.cause?.evidence ?? []) lines.push(`    ${finding(e.finding, e.status, e.value, e.unit)}`);
    devices(r.devices);
    const slip = r.slip;
    if (slip) lines.push(`  ${F.slip}: ${text(slip.id)}  ${word(L.slip, slip.state)}  ${text(slip.bytes)} ${F.bytes}${slip.reason ? `  (${text(slip.reason)})` : ''}`);
    if (r.pan) lines.push(`  ${F.card}: ${text(r.pan)}`);
    if (r.amount) lines.push(`  ${F.amount}: ${text(r.amount)}`);
  } else if (r.kind === 'menu') {
    lines.push(`  ${F.event}: ${word(L.event, r.event)}${r.detail ? `  ${text(r.detail)}` : ''}`);
  } else {
    lines.push(`  ${F.level}: ${text(r.level)}`);
    devices(r.devices);
  }
  return maskCardNumbers(lines.join('\n'), { keep: [r.terminalId, r.merchantId].filter((v, i) => isId(v, i ? 'merchantId' : 'terminalId')) }) + '\n';
}

function finding(id: string, status: string, value?: number | string, unit?: string): string {
  const v = value === undefined ? '' : ` ${text(String(value))}${unit ? ` ${text(unit)}` : ''}`;
  return `${text(id)} ${text(status)}${v}`;
}

/** Records come from disk: whatever is in them reaches the screen scrubbed (hal/safe-text.ts, via cleanText). */
function text(value: unknown): string {
  return value === undefined || value === null ? '—' : cleanText(String(value));
}

/** A label for a value read from disk, or the value itself (scrubbed) when it is not one we know ("constructor" included). */
function word(labels: Readonly<Record<string, string>>, key: unknown): string {
  return typeof key === 'string' && Object.hasOwn(labels, key) ? labels[key]! : text(key);
}

/** A terminal or merchant id is shown whole when it has an id's form (a 15-digit merchant id is not a card number). */
function id(value: unknown, field: 'terminalId' | 'merchantId'): string {
  return isId(value, field) ? value : text(value);
}

function isId(value: unknown, field: 'terminalId' | 'merchantId'): value is string {
  return typeof value === 'string' && ID_FIELDS[field]!.test(value);
}
