/**
 * Journal records as a person reads them: one line per record for a list (time, id, code, cause, slip
 * state), and a block for one record. Words in the terminal's language; codes, ids and finding ids as
 * they are (a technician quotes them to support). Times are shown as recorded, in the terminal's own
 * local time. Pure.
 */
import { maskCardNumbers } from '../../hal/safe-text';
import { fill, text as catalogText } from '../i18n/catalog';
import { cleanText, type Params } from '../i18n/format';
import { resolveLocale } from '../i18n/locale';
import { ID_FIELDS } from './scrub';
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

const KINDS: readonly JournalKind[] = ['diagnosis', 'menu', 'selftest'];
const SLIP_STATES: readonly SlipState[] = ['printed', 'queued', 'not-printed', 'skipped'];
const EVENTS: readonly MenuEvent[] = ['pin-ok', 'pin-wrong', 'lockout', 'test', 'reprint', 'exit'];
const FIELDS = [
  'time',
  'terminal',
  'merchant',
  'location',
  'code',
  'category',
  'hint',
  'cause',
  'checks',
  'slip',
  'card',
  'amount',
  'level',
  'event',
  'bytes',
] as const;

/** The journal's words in the terminal's language: the catalog's `journal.*` texts. */
export function journalLabels(locale?: unknown): JournalLabels {
  const lang = resolveLocale(locale);
  const say = (id: string) => catalogText(`journal.${id}`, lang);
  const of = <K extends string>(prefix: string, keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, say(`${prefix}.${k}`)])) as Record<K, string>;
  // A count of one has its own text where the language marks the plural (en); the others say it twice.
  const count = (id: string, n: number, params: Params = {}) => fill(say(`${id}.${n === 1 ? 'one' : 'other'}`), { ...params, n });
  return {
    kind: of('kind', KINDS),
    slip: of('slip', SLIP_STATES),
    event: of('event', EVENTS),
    noRecords: say('noRecords'),
    skipped: (n) => count('skipped', n),
    exported: (n, file) => count('exported', n, { file }),
    field: of('field', FIELDS),
  };
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
  const lines = [
    `${text(r.id)}  ${word(L.kind, r.kind)}  #${text(r.seq)}`,
    `  ${F.time}: ${text(r.time)}`,
    `  ${F.terminal}: ${id(r.terminalId, 'terminalId')}   ${F.merchant}: ${id(r.merchantId, 'merchantId')}`,
  ];
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
    if (slip)
      lines.push(`  ${F.slip}: ${text(slip.id)}  ${word(L.slip, slip.state)}  ${text(slip.bytes)} ${F.bytes}${slip.reason ? `  (${text(slip.reason)})` : ''}`);
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
