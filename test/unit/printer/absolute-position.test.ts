/**
 * ESC $ in the builder's key–value rows prints the same line as the padding spaces it replaces: the
 * printer simulator (tokenizer + paper roll) decodes both byte streams to the same text and the same
 * glyphs (so the same PNG), and a right-aligned value ends exactly at the right edge.
 */
import { EscPosBuilder } from '../../../hal/printer/builder';
import { EscPosTokenizer, tokenize } from '../../../hal/printer/escpos-tokenizer';
import { GEOMETRY_58, GEOMETRY_80, PaperRoll, rollToText } from '../../../hal/printer/paper-roll';
import { PRINTER_PROFILES } from '../../../hal/printer/profiles';
import { PrinterSimulator } from '../../../mocks/printer-sim';
import { memoryLink } from '../../helpers/memory-link';

/** Feeds bytes to a simulator the way a serial line would, and waits until it has printed them. */
async function printOn(sim: PrinterSimulator, bytes: Uint8Array): Promise<void> {
  memoryLink(sim).toDevice(bytes);
  await sim.flushed();
}

const ESC_DOLLAR = (bytes: Uint8Array) => tokenize(bytes).filter((t) => t.kind === 'cmd' && t.name === 'ESC $').length;

// [what, paper, width, key, value, gap in columns at that width]. Gaps worked out by hand: 58 mm has
// 32 font-A columns, 80 mm 48; a Hanzi or ￥ is 2 columns; double width halves the columns of a line.
// The keys and values are the code-96 slip's (test/fixtures/slip/code96-weak-signal.ts).
const ROWS: Array<[string, 58 | 80, 1 | 2, string, string, number]> = [
  ['Hanzi key, digits', 58, 1, '终端号', '10000001', 32 - 6 - 8],
  ['Hanzi key, Hanzi value', 58, 1, '商户名称', '上海静安便利店', 32 - 8 - 14],
  ['Hanzi key, Hanzi status', 58, 1, '无线信号', '注意', 32 - 8 - 4],
  ['Hanzi key, ￥ amount', 58, 1, '金额', '¥128.00', 32 - 4 - 8],
  ['ASCII key and value', 58, 1, 'Terminal ID', '10000001', 32 - 11 - 8],
  ['Hanzi key, digits', 80, 1, '终端号', '10000001', 48 - 6 - 8],
  ['Hanzi key, Hanzi value', 80, 1, '商户名称', '上海静安便利店', 48 - 8 - 14],
  ['double width, Hanzi key and value', 58, 2, '状态', '正常', 16 - 4 - 4],
  ['double width, digits', 58, 2, '码', '96', 16 - 2 - 2],
  ['double width, Hanzi key and value', 80, 2, '响应码', '系统故障', 24 - 6 - 8],
];

describe.each(ROWS)('%s on %i mm at width %i', (_what, paper, width, key, value, gap) => {
  const profile = PRINTER_PROFILES[paper === 80 ? 'generic-80' : 'generic-58'];
  const geometry = paper === 80 ? GEOMETRY_80 : GEOMETRY_58;
  const positioned = new EscPosBuilder(profile).size(width).pair(key, value).encode();
  const spaced = new EscPosBuilder(profile)
    .size(width)
    .text(`${key}${' '.repeat(gap)}${value}`)
    .newline()
    .encode();

  test('the pair goes out with ESC $, and fewer bytes than with spaces', () => {
    expect(ESC_DOLLAR(positioned)).toBe(1);
    expect(ESC_DOLLAR(spaced)).toBe(0);
    expect(positioned.length).toBe(spaced.length - gap + 4);
  });

  test('the simulator prints the same line, glyph for glyph', async () => {
    const a = new PrinterSimulator('healthy', { paperWidth: paper });
    const b = new PrinterSimulator('healthy', { paperWidth: paper });
    await printOn(a, positioned);
    await printOn(b, spaced);
    expect(a.text()).toBe(b.text());
    expect(a.roll.items).toEqual(b.roll.items);
    expect(a.text()).toBe(`${key}${' '.repeat(gap)}${value.replace('¥', '￥')}`);
  });

  test('the value ends exactly at the right edge', () => {
    const roll = new PaperRoll(geometry);
    roll.apply(tokenize(positioned));
    const line = roll.items[0];
    if (line?.kind !== 'text') throw new Error('expected a text line');
    expect(line.glyphs.reduce((n, g) => n + g.cols * g.width, 0) * geometry.cellDots).toBe(geometry.dots);
  });

  test('fed at every split offset, the tokenizer gives the same tokens', () => {
    const whole = tokenize(positioned);
    for (let at = 0; at <= positioned.length; at++) {
      const t = new EscPosTokenizer();
      const parts = [...t.push(positioned.subarray(0, at)), ...t.push(positioned.subarray(at))];
      const roll = new PaperRoll(geometry);
      roll.apply(parts);
      const ref = new PaperRoll(geometry);
      ref.apply(whole);
      expect(rollToText(roll)).toBe(rollToText(ref));
    }
  });
});

describe('paper roll: ESC $ as printers treat it', () => {
  const text = (bytes: number[]) => {
    const roll = new PaperRoll(GEOMETRY_58);
    const events = roll.apply(tokenize(bytes));
    return { text: rollToText(roll), events };
  };

  test('at the start of a line it indents (5 columns = 60 dots)', () => {
    expect(text([0x1b, 0x24, 60, 0, 0x41, 0x0a]).text).toBe('     A');
  });

  test('a position past the printing area (384 dots on 58 mm) is ignored', () => {
    expect(text([0x41, 0x1b, 0x24, 0x80, 0x01, 0x42, 0x0a]).text).toBe('AB');
  });

  test('a move back over printed text is not modelled: reported, line unchanged', () => {
    const r = text([0x41, 0x42, 0x43, 0x1b, 0x24, 12, 0, 0x44, 0x0a]);
    expect(r.text).toBe('ABCD');
    expect(r.events).toEqual([{ kind: 'unknown', name: 'ESC $ (backwards)' }]);
  });
});
