/**
 * posdiag's GB18030 (hal/printer/gb18030.ts: Node's ICU decoder, inverted) against iconv-lite's table
 * encoder over every BMP code point and a sample of the supplementary planes, and the single-byte code
 * pages of ESC t against iconv-lite's. The only differences allowed are the characters GB18030-2022
 * remapped: ICU follows the 2022 edition, iconv-lite 0.7 the 2005 one.
 */
import * as iconv from 'iconv-lite';
import { decodeGb18030, encodeGb18030, gb18030Bytes, gb18030TwoBytes } from '../../../hal/printer/gb18030';
import { decodeCodePage } from '../../../hal/printer/code-pages';
import { tokenize } from '../../../hal/printer/escpos-tokenizer';
import { printerChar, printerChars } from '../../../hal/printer/text';
import { loadWithoutGb18030 } from '../../helpers/without-gb18030';

const hex = (b: ArrayLike<number> | null) => (b ? Buffer.from(Array.from(b)).toString('hex') : 'null');
const icuDecode = (b: ArrayLike<number>) => new TextDecoder('gb18030').decode(Uint8Array.from(Array.from(b)));

/**
 * GB18030-2022 (GB 18030-2022 Annex, and the WHATWG Encoding Standard since 2023): 18 characters that
 * 2005 had only in the private use area now decode from their two-byte codes to the standard code points
 * (vertical forms U+FE10–U+FE19, CJK U+9FB4–U+9FBB). So those encode to two bytes where 2005 gave four,
 * and the private-use code points 2005 gave those two-byte codes (plus U+E5E5, A3A0) no longer encode.
 */
const REMAPPED_2022 = [
  ...Array.from({ length: 10 }, (_, i) => 0xfe10 + i),
  ...Array.from({ length: 8 }, (_, i) => 0x9fb4 + i),
  0xe5e5,
  ...Array.from({ length: 10 }, (_, i) => 0xe78d + i),
  0xe81e,
  0xe826,
  0xe82b,
  0xe82c,
  0xe832,
  0xe843,
  0xe854,
  0xe864,
];

describe('encoding, against iconv-lite', () => {
  test('every BMP code point encodes as iconv-lite does, apart from the GB18030-2022 remappings', () => {
    const differ: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ours = hex(gb18030Bytes(cp));
      const theirs = iconv.encode(String.fromCharCode(cp), 'gb18030').toString('hex');
      if (ours !== theirs && !(ours === 'null' && theirs === '3f')) differ.push(cp.toString(16));
    }
    // On an ICU that still follows 2005 there are none; on ICU 73+ exactly these.
    expect(differ.filter((cp) => !REMAPPED_2022.includes(parseInt(cp, 16)))).toEqual([]);
  });

  test('the remapped characters follow the decoder: what we encode decodes back to the character', () => {
    for (const cp of REMAPPED_2022) {
      const bytes = gb18030Bytes(cp);
      if (bytes) expect(icuDecode(bytes)).toBe(String.fromCharCode(cp));
    }
    expect(hex(gb18030Bytes(0xfe10))).toMatch(/^(a6d9|84318236)$/); // 2022 | 2005
  });

  test('supplementary planes: arithmetic from 0x90308130, as iconv-lite, for a sample across U+10000–U+10FFFF', () => {
    const sample = [0x10000, 0x10001, 0x1f600, 0x20000, 0x2a6d6, 0x10fffe, 0x10ffff];
    for (let cp = 0x10000; cp <= 0x10ffff; cp += 997) sample.push(cp);
    for (const cp of sample) {
      const ch = String.fromCodePoint(cp);
      expect([cp.toString(16), hex(gb18030Bytes(cp))]).toEqual([cp.toString(16), iconv.encode(ch, 'gb18030').toString('hex')]);
      expect(icuDecode(gb18030Bytes(cp)!)).toBe(ch);
    }
  });

  test.each([
    // text, bytes: as iconv-lite encodes them (lone surrogates become '?')
    ['信号弱', 'd0c5bac5c8f5'],
    ['¥', '81308436'], // four bytes: why text.ts prints ￥ instead
    ['￥', 'a3a4'],
    ['€', 'a2e3'],
    ['\u3000', 'a1a1'], // A3A0 decodes to U+3000 too; the encoder keeps A1A1
    ['\ufffd', '8431a437'],
    ['\u0080', '81308130'],
    ['\ud800', '3f'],
    ['\udc00x', '3f78'],
    ['a\ud83d', '613f'],
    ['😀', '9439fc36'],
  ])('encodeGb18030(%j) = %s', (text, bytes) => {
    expect(hex(encodeGb18030(text))).toBe(bytes);
    expect(iconv.encode(text, 'gb18030').toString('hex')).toBe(bytes);
  });

  test('gb18030TwoBytes: only two-byte codes, never ASCII, four-byte, surrogates or beyond the BMP', () => {
    expect(hex(gb18030TwoBytes(0x4fe1))).toBe('d0c5');
    expect(hex(gb18030TwoBytes(0x00e9))).toBe('a8a6'); // é: pinyin letters are two-byte
    for (const cp of [0x41, 0xa5, 0x2713, 0xd800, 0xdfff, 0xfffd, 0x1f600]) expect(gb18030TwoBytes(cp)).toBeNull();
  });
});

describe('decoding', () => {
  test('every two-byte code decodes as iconv-lite does, apart from the GB18030-2022 remappings', () => {
    const differ: string[] = [];
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ours = decodeGb18030(Uint8Array.of(lead, trail));
        const theirs = iconv.decode(Buffer.from([lead, trail]), 'gb18030');
        if (ours !== theirs && !REMAPPED_2022.includes(ours.charCodeAt(0))) differ.push(hex([lead, trail]));
      }
    }
    expect(differ).toEqual([]);
  });

  test.each([
    // bytes (malformed or edge cases a line can deliver), as iconv-lite decodes them
    ['80'],
    ['ff'],
    ['810a'],
    ['81300a'],
    ['8130810a'],
    ['84318236'], // the four-byte code of U+FE10 in 2005, still decoded one way
    ['e4b8ade69687'], // UTF-8 sent to a GB printer
    ['41d0c542'],
  ])('%s', (bytes) => {
    const b = Buffer.from(bytes, 'hex');
    expect(decodeGb18030(b)).toBe(iconv.decode(b, 'gb18030'));
  });

  test('a four-byte code cut short by the end of the input is one replacement character (WHATWG; iconv-lite gives two)', () => {
    // The tokenizer never decodes a cut code (it waits for the rest), so this difference does not reach a preview.
    expect(decodeGb18030(Uint8Array.of(0x81, 0x30))).toBe('\ufffd');
    expect(tokenize([0x1c, 0x26, 0x41, 0x81, 0x30])).toEqual([
      { kind: 'cmd', name: 'FS &', args: [] },
      { kind: 'text', text: 'A' },
    ]);
  });

  test('the tokenizer in Chinese mode (FS &) decodes as iconv-lite does', () => {
    const bytes = [0x1c, 0x26, ...iconv.encode('交易失败 ¥128 ￥5', 'gb18030'), 0x0a];
    expect(tokenize(bytes).filter((t) => t.kind === 'text')).toEqual([{ kind: 'text', text: '交易失败 ¥128 ￥5' }]);
  });
});

describe('text.ts on top of it', () => {
  const zh = { chineseFont: true };
  test.each([
    // character, what the printer gets (bytes, columns): two-byte codes print, everything else is '?'
    ['信', 'd0c5', 2],
    ['￥', 'a3a4', 2],
    ['¥', '3f', 1], // four-byte in GB18030; printerChars substitutes ￥ before it gets here
    ['✓', '3f', 1], // four-byte
    ['😀', '3f', 1], // beyond the BMP: four-byte
    ['\ud800', '3f', 1], // a lone surrogate has no code at all
    ['\udfff', '3f', 1],
    ['\ue5e5', '3f', 1], // private use, unmapped since GB18030-2022
  ])('printerChar(%j) -> %s, %i column(s)', (ch, bytes, columns) => {
    expect(printerChar(ch, zh)).toMatchObject({ bytes: [...Buffer.from(bytes, 'hex')], columns, doubleByte: columns === 2 });
  });

  test('¥ becomes ￥ (A3A4) in a line; lone surrogates are dropped before encoding', () => {
    expect(printerChars('¥5\ud800', zh).map((c) => [c.ch, hex(c.bytes)])).toEqual([
      ['￥', 'a3a4'],
      ['5', '35'],
    ]);
  });

  test('without a Chinese font a Hanzi is one "?"', () => {
    expect(printerChar('信', { chineseFont: false })).toMatchObject({ bytes: [0x3f], columns: 1 });
  });
});

describe('single-byte code pages (ESC t n)', () => {
  const bytes = Array.from({ length: 0xe0 }, (_, i) => 0x20 + i).filter((b) => b !== 0x7f);
  test.each([
    // ESC t n, iconv-lite's name for the page
    [0, 'cp437'],
    [2, 'cp850'],
    [16, 'windows1252'],
    [17, 'cp866'],
    [19, 'cp858'],
    [5, 'cp437'], // a page posdiag does not know reads as the power-on page
  ])('ESC t %i decodes bytes 0x20–0xFF as iconv-lite %s', (page, name) => {
    expect(decodeCodePage(bytes, page)).toBe(iconv.decode(Buffer.from(bytes), name));
  });

  test('the tokenizer follows ESC t', () => {
    const text = (bytes: number[]) =>
      tokenize(bytes)
        .filter((t) => t.kind === 'text')
        .map((t) => (t as { text: string }).text);
    expect(text([0x1b, 0x74, 17, 0x8f, 0xe0, 0x0a, 0x1b, 0x74, 19, 0xd5, 0x0a, 0x1b, 0x40, 0x9c])).toEqual(['Пр', '€', '£']);
  });
});

describe('a Node.js without GB18030 in TextDecoder (small ICU, no Intl)', () => {
  test('Chinese text still encodes and decodes (from the table file: gb18030-sources.test.ts); a long ASCII run needs no table', () => {
    const { module: text, restore } = loadWithoutGb18030(
      () =>
        [require('../../../hal/printer/gb18030'), require('../../../hal/printer/text')] as [
          typeof import('../../../hal/printer/gb18030'),
          typeof import('../../../hal/printer/text'),
        ],
      { table: true },
    );
    const [gb, printer] = text;
    try {
      expect(gb.gb18030Source()).toBe('table file');
      expect(gb.decodeGb18030(Uint8Array.of(0x41, 0x42))).toBe('AB');
      expect(gb.decodeGb18030(new Uint8Array(300_000).fill(0x41))).toHaveLength(300_000); // a long run, no argument-list limit
      expect(printer.printable('OK 128 信号', { chineseFont: true })).toBe('OK 128 信号');
      expect(hex(gb.gb18030TwoBytes(0x4fe1))).toBe('d0c5');
      expect(gb.decodeGb18030(Uint8Array.of(0xd0, 0xc5))).toBe('信');
    } finally {
      restore();
    }
  });
});
