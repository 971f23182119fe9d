/**
 * The scrubber's promise, tried on thousands of random texts (seeded: a failure names its case and
 * reproduces): card numbers of 13–19 digits, cut into groups by random separators, full-width or not,
 * glued to other text, with random control characters and escape sequences anywhere, pass through every
 * error path and every screen renderer. Out comes no run of 13 or more digits (separators of 1–3
 * characters between them, as the scrubber reads them) and no control character but a line break.
 */
import { HalError } from '../../../hal/errors';
import type { DeviceResult, SelfTestResult } from '../../../hal/selfcheck';
import { main } from '../../../src/cli/program';
import { describe as describeExplain } from '../../../src/cli/commands/explain';
import { earlierSlipLines, hintBox, renderDiagnosis } from '../../../src/cli/render-diagnosis';
import { renderSelfTest } from '../../../src/cli/render-selftest';
import { explain } from '../../../src/codes/explain';
import { validateConfig } from '../../../src/config/load';
import { interpolate } from '../../../src/i18n/format';
import { recordDetail, recordLine } from '../../../src/journal/render';
import type { JournalRecord } from '../../../src/journal/types';
import { renderScreen } from '../../../src/menu/render';
import type { DiagnoseReport } from '../../../src/services/diagnose';
import { previewText } from '../../../src/slip/preview';
import { safeText } from '../../../hal/safe-text';
import { capturedIo } from '../../helpers/captured-io';
import { seeded } from '../../helpers/journal-fixtures';

// 1,200 texts through 14 exits: 16,800 scrubbed outputs, a few seconds.
const CASES = 1200;
/** The exits that print on (or show) the slip, where '+' telephone numbers stay. */
const SLIP_RULE = new Set(['slip --text', 'configuration free text']);

const SEPARATORS = [' ', '  ', '.', '/', '_', ',', '+', ':', '-', ' - ', '\u00a0', '\u3000', '·', '|', '#', '¥'];
const CONTROLS = [
  '\u0000',
  '\u0007',
  '\b',
  '\t',
  '\n',
  '\r',
  '\u000b',
  '\u001b',
  '\u001b[2J',
  '\u001b]0;title\u0007',
  '\u007f',
  '\u0085',
  '\u009b',
  '\u202e',
  '\u2066',
  '\u200b',
  '\u200f',
  '\ufeff',
  '\ud800',
];
const FILLER = ['Shop ', '上海静安便利店', 'got ', '¥', '¥12.50 ', 'ref ', 'x', '"', 'A', 'ok ', '(', ') ', '96', '7', '= ', 'é'];

function generator(seed: number) {
  const r = seeded(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
  const card = (): string => {
    const length = 13 + Math.floor(r() * 7);
    let digits = pick(['4', '5', '6', '3', '2', '62']);
    while (digits.length < length) digits += String(Math.floor(r() * 10));
    const wide = r() < 0.15;
    let out = '';
    for (let i = 0; i < digits.length; i++) {
      const d = wide ? String.fromCharCode(0xff10 + Number(digits[i])) : digits[i]!;
      out += d;
      if (i < digits.length - 1 && r() < 0.3) out += r() < 0.8 ? pick(SEPARATORS) : pick(CONTROLS);
    }
    return out;
  };
  return (): string => {
    let text = '';
    const parts = 1 + Math.floor(r() * 6);
    for (let i = 0; i < parts; i++) {
      const p = r();
      text += p < 0.45 ? card() : p < 0.75 ? pick(FILLER) : pick(CONTROLS);
    }
    if (r() < 0.05) text = pick(FILLER).repeat(Math.floor(r() * 200)) + text; // long: the cut comes after the mask
    return text;
  };
}

// What a card number looks like to the scrubber, written again here so the test does not borrow its code.
const RUN = /\p{Nd}+(?:[^\p{L}\p{Nd}]{1,3}\p{Nd}+)*/gu;
const CONTROL = /(?!\n)[\p{Cc}\p{Cf}\p{Cs}]/u;

/** With `phones` (the slip's rule), a run right after '+' of at most 15 digits is a telephone number. */
function problems(text: string, phones = false): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(RUN)) {
    const digits = (m[0].match(/\p{Nd}/gu) ?? []).length;
    if (digits >= 13 && !(phones && digits <= 15 && text[m.index! - 1] === '+')) out.push(`digits: ${JSON.stringify(m[0])}`);
  }
  const c = CONTROL.exec(text);
  if (c) out.push(`control U+${c[0].charCodeAt(0).toString(16).padStart(4, '0')}`);
  return out;
}

const finding = (s: string, id = 'modem.identity') => ({
  id,
  status: 'warn' as const,
  value: s,
  unit: s,
  message: 'check.modem.identity.ok',
  params: { manufacturer: s, model: s, revision: s },
});
const devices = (s: string): DeviceResult[] => [{ device: 'modem', status: 'warn', ms: 12, findings: [finding(s), finding(s, 'modem.iccid')] }];

/** Every exit, called directly: name -> what a person would see. */
const EXITS: Record<string, (s: string) => string | string[] | Promise<string>> = {
  safeText: (s) => safeText(s),
  'HalError message': (s) => new HalError('Usage_Invalid', `bad value "${s}"`).message,
  'command line error': async (s) => {
    const t = capturedIo();
    await main(['explain', '96', `--acquirer=${s}`], t.handle);
    return t.out() + t.err();
  },
  'command line error (--json)': async (s) => {
    const t = capturedIo();
    // 'x' first: never a valid amount, so nothing runs past the check.
    await main(['diagnose', '--code', '96', `--amount=x${s}`, '--json'], t.handle);
    return JSON.parse(t.out()).error.message as string;
  },
  'configuration error': (s) => {
    try {
      validateConfig({ terminal: { id: s, merchantId: '898310048990001', merchantName: s }, [s]: s });
      return '';
    } catch (err) {
      return (err as Error).message;
    }
  },
  'configuration free text': (s) => {
    const t = validateConfig({ terminal: { id: '10000001', merchantId: '898310048990001', merchantName: s.slice(0, 40), location: s.slice(0, 60) } }).terminal;
    return [t.merchantName ?? '', t.location ?? ''];
  },
  'message parameters': (s) => interpolate('{a} {b:text}', { a: s, b: s }, 'en'),
  selftest: (s) => renderSelfTest({ devices: devices(s), ms: 12 } as unknown as SelfTestResult, false, 'en'),
  diagnose: (s) => {
    // Cause ids, sides, statuses and finding ids are posdiag's own words; the rest may quote a device or a file.
    const cause = {
      id: 'host-side',
      side: 'terminal',
      retry: 'later',
      hint: { title: s, action: s },
      evidence: [{ finding: 'modem.identity', status: 'warn', value: s, unit: s, text: s }],
      steps: [s, s],
    };
    const report = {
      code: '96',
      cause,
      alsoFound: [cause],
      checks: devices(s),
      terminalClear: false,
      slip: { id: s, bytes: 10, state: 'queued', reason: s, earlier: [{ id: s, state: 'dropped', reason: s }] },
      journalId: s,
      store: { ok: false, slipKept: false, journalKept: false, error: s },
      setAside: [{ file: s, reason: s, movedTo: s }],
    };
    return [renderDiagnosis(report as unknown as DiagnoseReport, false, `/data/${s}`), earlierSlipLines([{ id: s, state: 'printed' }]).join('\n')];
  },
  'hint box': (s) => hintBox(safeText(s), safeText(s), false),
  explain: (s) => describeExplain(explain(s, { locale: 'en' }), false),
  'journal list and show': (s) => {
    const r = {
      kind: 'diagnosis',
      id: s,
      seq: s,
      time: s,
      terminalId: s,
      merchantId: s,
      location: s,
      code: s,
      acquirer: s,
      category: s,
      hintTitle: s,
      cause: { id: s, side: s, evidence: [{ finding: s, status: s, value: s, unit: s }] },
      devices: [{ device: s, status: s, findings: [{ id: s, status: s, value: s, unit: s }] }],
      slip: { id: s, state: s, bytes: s, reason: s },
      pan: s,
      amount: s,
    } as unknown as JournalRecord;
    return [recordLine(r, 'en'), recordDetail(r, 'zh-CN')];
  },
  'slip --text': (s) => [
    previewText(new Uint8Array(Buffer.from(`\u001b@${s}\n${s}\n`, 'latin1'))),
    previewText(new Uint8Array(Buffer.from(`\u001b@${s}\n`, 'utf8'))),
  ],
  menu: (s) =>
    [
      renderScreen({ kind: 'result', item: 'selftest', result: { kind: 'error', message: s } }, { locale: 'en' }),
      renderScreen({ kind: 'result', item: 'journal', result: { kind: 'journal', lines: [{ seq: 1, time: s, kind: s, summary: s }] } }, { locale: 'zh-CN' }),
      renderScreen({ kind: 'result', item: 'reprint', result: { kind: 'reprint', outcome: { state: 'queued', slipId: s, reason: s } } }, { locale: 'en' }),
      renderScreen(
        { kind: 'result', item: 'selftest', result: { kind: 'checks', result: { devices: devices(s), ms: 1 } as unknown as SelfTestResult } },
        { locale: 'en' },
      ),
    ].map((lines) => lines.join('\n')),
};

test(`${CASES} random texts with card numbers and control characters through every exit`, async () => {
  const next = generator(20261122);
  const failures: string[] = [];
  for (let i = 0; i < CASES && failures.length < 5; i++) {
    const input = next();
    for (const [name, exit] of Object.entries(EXITS)) {
      const out = await exit(input);
      for (const text of Array.isArray(out) ? out : [out]) {
        for (const p of problems(text, SLIP_RULE.has(name))) failures.push(`case ${i}, ${name}: ${p} from ${JSON.stringify(input)}`);
      }
    }
  }
  expect(failures).toEqual([]);
});

test('the generator does make what the test is about', () => {
  const next = generator(20261122);
  const inputs = Array.from({ length: 300 }, next);
  expect(inputs.filter((s) => problems(s).some((p) => p.startsWith('digits'))).length).toBeGreaterThan(150);
  expect(inputs.filter((s) => problems(s).some((p) => p.startsWith('control'))).length).toBeGreaterThan(100);
  expect(inputs.some((s) => /[０-９]/.test(s))).toBe(true);
});
