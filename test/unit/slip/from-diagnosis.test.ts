/** The slip's lines from a diagnosis (pure): what the hotline asks for is on it, in the slip's locale. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DeviceResult } from '../../../hal/selfcheck';
import { explain } from '../../../src/codes/explain';
import { diagnose } from '../../../src/diagnosis';
import { slipChecks, slipInputFor, slipTime } from '../../../src/slip/from-diagnosis';

const state = (name: string): DeviceResult[] => JSON.parse(readFileSync(join(__dirname, '../../fixtures/findings', `${name}.json`), 'utf8')).devices;
const terminal = { id: '10000001', merchantId: '898310048990001', merchantName: '静安便利店' };

test("slipTime prints the terminal's local time, as people read it", () => {
  expect(slipTime(new Date('2026-11-22T02:30:15Z'), 'Asia/Shanghai')).toBe('2026-11-22 10:30:15');
  expect(slipTime(new Date('2026-11-22T02:30:15Z'), 'UTC')).toBe('2026-11-22 02:30:15');
});

test('96 with a weak signal: the code in both languages, the cause with its level, the signal line first', () => {
  const devices = state('modem-weak-signal');
  const local = explain('96', { locale: 'zh-CN' });
  const d = diagnose({ explain: local, devices, locale: 'zh-CN' });
  const input = slipInputFor(d, { local, en: explain('96', { locale: 'en' }) }, devices, {
    locale: 'zh-CN',
    terminal,
    time: new Date(0),
    timeZone: 'UTC',
    amount: 128,
    pan: '622848*********0018',
  });
  expect(input).toMatchObject({ code: '96', title: '支付系统暂时故障', titleEn: 'Payment system fault', amount: '¥128.00', pan: '622848*********0018' });
  expect(input.cause).toMatch(/^终端信号弱。.*-101 dBm/);
  expect(input.checks[0]).toEqual({ id: 'modem.signal', label: '无线信号', status: 'warn', detail: '-101 dBm' });
  expect(input.checks.map((c) => c.label)).toEqual(['无线信号', '通讯模块', '读卡器', '打印机', '收单主机连接']);
  expect(input.nextSteps.at(-1)).toContain('96');
});

test("a card code on a terminal that checked out says the terminal is fine before the code's advice", () => {
  const devices = state('healthy').filter((r) => r.device === 'reader');
  const local = explain('14', { locale: 'en' });
  const d = diagnose({ explain: local, devices, locale: 'en' });
  const input = slipInputFor(d, { local, en: local }, devices, { locale: 'en', terminal, time: new Date(0) });
  expect(input.cause.startsWith('Terminal self-test: all OK. ')).toBe(true);
  expect(input.cause).toContain(local.hint.action);
});

test('a failed device shows what failed first', () => {
  const lines = slipChecks(state('printer-paper-out'), 'en');
  expect(lines.find((l) => l.id === 'printer')).toMatchObject({ status: 'fail', detail: expect.stringMatching(/paper/i) });
});

test('a PAN masked upstream still prints on the slip, as 6+4', async () => {
  const { layoutSlip } = await import('../../../src/slip/layout');
  const { previewText } = await import('../../../src/slip/preview');
  const { PRINTER_PROFILES } = await import('../../../hal/printer/profiles');
  const devices = state('healthy');
  const local = explain('96', { locale: 'en' });
  const input = slipInputFor(diagnose({ explain: local, devices, locale: 'en' }), { local, en: local }, devices, {
    locale: 'en',
    terminal,
    time: new Date(0),
    pan: '622848*********0018',
  });
  const text = previewText(layoutSlip(input, PRINTER_PROFILES['generic-58']!).encode());
  expect(text).toMatch(/Card\s+622848\*{9}0018/);
  // Anything that is neither a whole PAN nor a 6+4 mask prints no card line at all.
  const odd = previewText(layoutSlip({ ...input, pan: '6228 48** 1234' }, PRINTER_PROFILES['generic-58']!).encode());
  expect(odd).not.toMatch(/Card\s+\d/);
});
