/** Chinese punctuation never starts a printed line: the character before it moves down with it. */
import { PRINTER_PROFILES } from '../../../hal/printer/profiles';
import { wrapText } from '../../../hal/printer/text';

const opts = { chineseFont: true } as Parameters<typeof wrapText>[2];

test.each([
  // 16 Hanzi fill 32 columns; the comma would open line 2.
  ['问题在银行或主机端请稍后重试仍失，请记下代码', 32, ['问题在银行或主机端请稍后重试仍', '失，请记下代码']],
  ['报上代码96和时间和终端号码的情况、时间和终端号', 32, ['报上代码96和时间和终端号码的情', '况、时间和终端号']],
  // Nothing to move: the line break falls before a Hanzi.
  ['一二三四五六七八九十一二三四五六七', 32, ['一二三四五六七八九十一二三四五六', '七']],
])('%s', (text, width, lines) => {
  expect(PRINTER_PROFILES['generic-58']).toBeDefined();
  const got = wrapText(text, width, opts);
  expect(got).toEqual(lines);
  for (const l of got.slice(1)) expect('，。、；：！？'.includes(l[0]!)).toBe(false);
});

test.each([
  // A response code is never split across lines, after a Hanzi as after a space.
  ['仍未解决：请致电客服，报上代码96、时间和终端号', 32, ['仍未解决：请致电客服，报上代码', '96、时间和终端号']],
  ['请记下响应代码A0和时间', 15, ['请记下响应代码', 'A0和时间']],
  ['Call support with code 96 and the time', 24, ['Call support with code', '96 and the time']],
])('%s keeps its codes whole', (text, width, lines) => {
  expect(wrapText(text, width, opts)).toEqual(lines);
});
