/** The hint box: lines fit the box by display width, and Chinese punctuation never opens a line. */
import { hintBox } from '../../../src/cli/render-diagnosis';
import { displayWidth, wrapColumns as wrap } from '../../../src/i18n/width';

test('wraps Chinese by display width and keeps punctuation off a line start', () => {
  const lines = wrap('信号-101 dBm，请把终端移到窗边或改用Wi-Fi后重试，仍失败请致电客服', 20);
  for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(22);
  for (const l of lines.slice(1)) expect('，。、；：'.includes(l[0]!)).toBe(false);
  expect(lines.join('')).toBe('信号-101 dBm，请把终端移到窗边或改用Wi-Fi后重试，仍失败请致电客服');
});

test('English wraps at spaces', () => {
  expect(wrap('Move the terminal near a window or use Wi-Fi, then retry.', 20)).toEqual(['Move the terminal', 'near a window or use', 'Wi-Fi, then retry.']);
});

test('every box line has the same display width, colour or not', () => {
  const box = hintBox('96 终端信号弱', '信号-101 dBm，请把终端移到窗边或改用Wi-Fi后重试', false).split('\n');
  const widths = new Set(box.map((l) => displayWidth(l)));
  expect(widths.size).toBe(1);
  expect(hintBox('96 x', 'y', true)).toContain('\u001b[');
  expect(hintBox('96 x', 'y', false)).not.toContain('\u001b[');
});
