/** Menu screens fit a 32-column display in every locale; PIN as '*'; colour only when asked. */
import { displayWidth } from '../../../src/i18n/width';
import { LOCALES } from '../../../src/i18n/locale';
import type { Screen } from '../../../src/menu/model';
import { fitLine, MENU_COLUMNS, renderScreen, wrap } from '../../../src/menu/render';
import { catalogOf } from '../../../src/i18n/catalog';
import { MENU_TEXT_IDS } from '../../../src/menu/texts';

const SCREENS: Array<[string, Screen]> = [
  ['pin, 6 digits, wrong', { kind: 'pin', digits: 6, notice: 'wrong', attemptsLeft: 4, lockedMs: 0 }],
  ['pin, 12 digits, locked', { kind: 'pin', digits: 12, notice: 'locked', attemptsLeft: 1, lockedMs: 1_800_000 }],
  ['pin, lock state not saved', { kind: 'pin', digits: 0, notice: 'unavailable', attemptsLeft: 5, lockedMs: 0 }],
  ['main', { kind: 'main' }],
  ['running reader', { kind: 'running', item: 'reader', readerWindowMs: 120_000, devices: [{ device: 'reader', state: 'running' }], cancelling: false }],
  [
    'running full',
    {
      kind: 'running',
      item: 'selftest',
      devices: [
        { device: 'modem', state: 'done', status: 'timeout', ms: 123_456 },
        { device: 'network', state: 'running' },
      ],
      cancelling: true,
    },
  ],
  [
    'result checks',
    {
      kind: 'result',
      item: 'printer-page',
      result: {
        kind: 'checks',
        result: {
          ms: 900,
          devices: [
            {
              device: 'printer',
              status: 'warn',
              ms: 900,
              findings: [
                { id: 'printer.paper', status: 'warn', message: 'check.printer.paper.near-end' },
                { id: 'printer.test-page', status: 'pass', message: 'check.printer.test-page.printed' },
              ],
            },
          ],
        },
      },
    },
  ],
  [
    'result reprint queued',
    {
      kind: 'result',
      item: 'reprint',
      result: {
        kind: 'reprint',
        outcome: { state: 'queued', slipId: '000123', reason: 'paper out: the slip waits in the print queue and prints when paper is loaded' },
      },
    },
  ],
  [
    'result journal',
    {
      kind: 'result',
      item: 'journal',
      result: {
        kind: 'journal',
        lines: [{ seq: 1234, time: '2026-11-22T10:04:05+08:00', kind: 'diagnosis', summary: '96 network: modem signal weak and more words' }],
      },
    },
  ],
  ['result error', { kind: 'result', item: 'selftest', result: { kind: 'error', message: 'x'.repeat(80) } }],
  ['exit idle', { kind: 'exit', reason: 'idle' }],
];

describe.each(LOCALES.map((l) => [l]))('%s', (locale) => {
  test.each(SCREENS)('%s: every line fits %#', (_name, screen) => {
    const lines = renderScreen(screen, { locale });
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(MENU_COLUMNS);
  });
});

test('every menu text is there in every locale and fits a line with 3-digit parameters', () => {
  for (const key of MENU_TEXT_IDS) {
    for (const locale of LOCALES) {
      const text = catalogOf(locale)[`menu.${key}`];
      expect(`${key} ${locale} ${typeof text}`).toBe(`${key} ${locale} string`);
      const filled = text.replace(/\{\w+\}/g, '999');
      expect(`${key} ${locale} ${displayWidth(filled) <= MENU_COLUMNS}`).toBe(`${key} ${locale} true`);
    }
  }
});

test('the PIN is shown as stars only; zh-CN is the default locale', () => {
  const lines = renderScreen({ kind: 'pin', digits: 4, notice: 'wrong', attemptsLeft: 3, lockedMs: 0 });
  expect(lines).toContain('> ****');
  expect(lines.join('\n')).toContain('密码错误，还可试3次');
  expect(renderScreen({ kind: 'pin', digits: 0, notice: 'locked', attemptsLeft: 0, lockedMs: 29_001 }, { locale: 'en' }).join('\n')).toContain(
    'Locked, try again in 30 s',
  );
  expect(renderScreen({ kind: 'main' }, { locale: 'zh-TW' }).join('\n')).toContain('列印測試頁');
  expect(renderScreen({ kind: 'pin', digits: 0, notice: 'unavailable', attemptsLeft: 5, lockedMs: 0 }, { locale: 'en' }).join('\n')).toContain(
    'PIN check unavailable',
  );
});

test('a result names the device, its status and the test page outcome', () => {
  const screen = SCREENS.find(([n]) => n === 'result checks')![1];
  const text = renderScreen(screen, { locale: 'zh-CN' }).join('\n');
  expect(text).toMatch(/打印机\s+注意 0\.9s/);
  expect(text).toContain('测试页');
});

test('colour codes only with color: true', () => {
  expect(renderScreen({ kind: 'main' }).join('')).not.toContain('\u001b[');
  expect(renderScreen({ kind: 'main' }, { color: true }).join('')).toContain('\u001b[');
});

test.each([
  ['short', 'abc', 0, ['abc']],
  ['latin at spaces', 'Printer is offline; check the printer and try again', 0, ['Printer is offline; check the', 'printer and try again']],
  [
    'Hanzi anywhere, punctuation never first',
    '打印机离线，请检查打印机后重试，仍不行请联系客服',
    2,
    ['  打印机离线，请检查打印机后重', '  试，仍不行请联系客服'],
  ],
  ['Hanzi, full line', '打印机离线，请检查打印机后重试，仍不行请联系客服', 0, ['打印机离线，请检查打印机后重试，', '仍不行请联系客服']],
  ['one long word', 'x'.repeat(40), 0, ['x'.repeat(32), 'x'.repeat(8)]],
])('wrap: %s', (_name, text, indent, expected) => {
  expect(wrap(text, indent)).toEqual(expected);
});

test('fitLine cuts with an ellipsis at the column limit', () => {
  expect(fitLine('测'.repeat(20))).toBe('测'.repeat(15) + '…');
  expect(displayWidth(fitLine('测'.repeat(20)))).toBeLessThanOrEqual(MENU_COLUMNS);
});

test('text from the journal, a printer or an error reaches the screen without control characters', () => {
  const hostile = 'x\u001b[2J\u001b]0;owned\u0007\r\ny';
  const screens: Screen[] = [
    {
      kind: 'result',
      item: 'journal',
      result: { kind: 'journal', lines: [{ seq: 7, time: '2026-11-22T10:04:05+08:00', kind: 'diagnosis', summary: hostile }] },
    },
    { kind: 'result', item: 'reprint', result: { kind: 'reprint', outcome: { state: 'not-printed', slipId: 'S1', reason: hostile } } },
    { kind: 'result', item: 'selftest', result: { kind: 'error', message: hostile } },
  ];
  for (const screen of screens) {
    const text = renderScreen(screen, { locale: 'en' }).join('\n');
    expect(text).toContain('x');
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
  }
  // Blanked, not shortened: a long message is wrapped whole.
  expect(
    wrap('\u0007' + 'y'.repeat(200))
      .join('')
      .replace(/ /g, ''),
  ).toBe('y'.repeat(200));
});

test('a journal row: sequence, month-day and time as recorded, summary', () => {
  const screen = SCREENS.find(([n]) => n === 'result journal')![1];
  expect(renderScreen(screen, { locale: 'en' })).toContain('#1234 11-22 10:04 96 network: m…');
});
