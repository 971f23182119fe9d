/**
 * Lookup never throws. The table is the contract of issue 3 (96, "96", " 96 ", "a0", "A0" found; empty,
 * too long, non-strings and control bytes give the unknown entry), plus what serial lines and Chinese
 * keyboards produce (CRLF, full-width digits, the ideographic space). Then a property test: any value at
 * all returns an entry with a rendered hint.
 */
import { explain } from '../../../src/codes/explain';
import { lookup } from '../../../src/codes/lookup';
import { foldWidth, MAX_INPUT, normalizeCode } from '../../../src/codes/normalize';

test.each<[string, unknown, string]>([
  ['number', 96, '96'],
  ['string', '96', '96'],
  ['padded string', ' 96 ', '96'],
  ['lower-case letter code', 'a0', 'A0'],
  ['letter code', 'A0', 'A0'],
  ['single digit number', 5, '05'],
  ['single digit string', '5', '05'],
  ['zero', 0, '00'],
  ['line read from a serial port', '96\r\n', '96'],
  ['tab-padded', '\t05\t', '05'],
  ['full-width digits (Chinese IME)', '９６', '96'],
  ['full-width letter code', 'ａ０', 'A0'],
  ['ideographic space around', '\u300096\u3000', '96'],
  ['bigint', 96n, '96'],
])('%s is a field-39 code', (_why, input, code) => {
  expect(normalizeCode(input)).toEqual({ kind: 'field39', code });
  expect(lookup(input)).toMatchObject({ code, known: true });
});

test.each<[string, unknown]>([
  ['empty', ''],
  ['blank', '   '],
  ['too long', '9'.repeat(MAX_INPUT + 1)],
  ['very long', 'x'.repeat(1_000_000)],
  ['NUL inside', '9\u00006'],
  ['escape in front (ESC/POS injection)', '\u001b96'],
  ['bell after', '96\u0007'],
  ['DEL', '96\u007f'],
  ['C1 control', '\u009b96'],
  ['three digits', '096'],
  ['negative', -1],
  ['over 99', 100],
  ['fraction', 9.6],
  ['NaN', NaN],
  ['Infinity', Infinity],
  ['big bigint', 1000n],
  ['null', null],
  ['undefined', undefined],
  ['boolean', true],
  ['object', { code: '96' }],
  ['array', ['96']],
  ['symbol', Symbol('96')],
  ['function', () => '96'],
  ['Date', new Date(0)],
  ['boxed string', Object('96')],
  [
    'object whose toString throws',
    {
      toString: () => {
        throw new Error('boom');
      },
    },
  ],
  ['lone surrogate', '\ud800'],
  ['punctuation', '9-6'],
])('%s gives the unknown entry', (_why, input) => {
  const r = lookup(input);
  expect(r.known).toBe(false);
  expect(r.id).toBe('unknown');
  expect(r.entry.hint).toBe('unknown');
});

test('a code nobody defines keeps its code on screen; garbage shows "??"', () => {
  expect(lookup('ZZ')).toMatchObject({ code: 'ZZ', known: false });
  expect(lookup('x'.repeat(200))).toMatchObject({ code: '??' });
  expect(lookup('\u001b[2J')).toMatchObject({ code: '??' });
  expect(explain('ZZ', { locale: 'en' }).hint.title).toBe('ZZ Transaction not completed');
});

test('the unknown hint is still useful: it says to note the code and time, retry once, then call', () => {
  const r = explain('', { locale: 'zh-CN' });
  expect(r).toMatchObject({ known: false, category: 'unknown', retry: 'later' });
  expect(r.hint.action).toContain('记下代码');
  expect(r.hint.action).toContain('客服');
  expect(explain(null, { locale: 'en' }).hint.action).toMatch(/call support/);
});

// --- property test: a seeded generator, so a failure names an input that reproduces ---

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomValue(r: () => number, depth = 0): unknown {
  const pick = Math.floor(r() * 14);
  const randomString = (max: number) => {
    let s = '';
    const n = Math.floor(r() * max);
    for (let i = 0; i < n; i++) {
      const range = r();
      // Mostly ASCII, with controls, CJK, full-width forms and surrogate halves thrown in.
      const cp =
        range < 0.5
          ? Math.floor(r() * 128)
          : range < 0.7
            ? 0x4e00 + Math.floor(r() * 0x5000)
            : range < 0.85
              ? 0xff00 + Math.floor(r() * 0x60)
              : Math.floor(r() * 0x10000);
      s += String.fromCharCode(cp);
    }
    return s;
  };
  switch (pick) {
    case 0:
      return Math.floor(r() * 200) - 50;
    case 1:
      return (r() - 0.5) * 1e6;
    case 2:
      return [NaN, Infinity, -Infinity, -0, Number.MAX_SAFE_INTEGER][Math.floor(r() * 5)];
    case 3:
      return randomString(6);
    case 4:
      return randomString(100);
    case 5:
      return ` ${String(Math.floor(r() * 100))}\r\n`;
    case 6:
      return ['A', 'B', 'C', 'D', 'F', 'N', 'P', 'Y', 'Z', 'a', 'q'][Math.floor(r() * 11)]! + String(Math.floor(r() * 10));
    case 7:
      return BigInt(Math.floor(r() * 300) - 100);
    case 8:
      return [null, undefined, true, false][Math.floor(r() * 4)];
    case 9:
      return Symbol(randomString(4));
    case 10:
      return depth < 2 ? [randomValue(r, depth + 1)] : {};
    case 11:
      return depth < 2
        ? {
            code: randomValue(r, depth + 1),
            toString: () => {
              throw new Error('no');
            },
          }
        : () => 0;
    case 12:
      return new Date(r() * 1e13);
    default:
      return 'x'.repeat(Math.floor(r() * 200));
  }
}

test('property: 20 000 random inputs (any type) never throw and always give an entry and a hint', () => {
  const r = rng(20250301);
  const acquirers = [undefined, 'cup', 'lakala', 'iso', 'as2805', 'nope', 42, null];
  const locales = [undefined, 'zh-CN', 'zh-TW', 'zh-HK', 'en', 'fr', '', 7];
  // Failures are collected and asserted once: 100 000 expect() calls would cost seconds for nothing.
  const failures: string[] = [];
  for (let i = 0; i < 20_000; i++) {
    const input = randomValue(r);
    const acquirer = acquirers[i % acquirers.length] as string | undefined;
    const locale = locales[(i >> 3) % locales.length] as string | undefined;
    try {
      const result = explain(input, { acquirer, locale });
      const ok =
        result.hint.title.length > 0 &&
        result.hint.action.length > 0 &&
        result.code.length > 0 &&
        !/[\u0000-\u001f\u007f-\u009f]/.test(result.hint.title + result.hint.action) &&
        typeof result.known === 'boolean';
      if (!ok) failures.push(`#${i}: bad result ${JSON.stringify(result)}`);
    } catch (err) {
      failures.push(`#${i}: threw ${err instanceof Error ? err.message : 'non-error'}`);
    }
    if (failures.length > 5) break;
  }
  expect(failures).toEqual([]);
});

describe('without NFKC (a Node without ICU: normalize() changes nothing, or is missing)', () => {
  const original = Object.getOwnPropertyDescriptor(String.prototype, 'normalize')!;
  afterEach(() => Object.defineProperty(String.prototype, 'normalize', original));

  test('foldWidth gives what NFKC gives for full-width ASCII and the ideographic space', () => {
    for (let cp = 0xff01; cp <= 0xff5e; cp++) expect(foldWidth(String.fromCharCode(cp))).toBe(String.fromCharCode(cp).normalize('NFKC'));
    expect(foldWidth('\u3000')).toBe('\u3000'.normalize('NFKC'));
    expect(foldWidth('交易终止！')).toBe('交易终止!');
  });

  test.each<[string, (this: string, form?: string) => string]>([
    [
      'a no-op',
      function (this: string) {
        return String(this);
      },
    ],
    ['missing', undefined as unknown as (this: string) => string],
  ])('normalize() %s: full-width codes and display texts are still found', (_how, normalize) => {
    Object.defineProperty(String.prototype, 'normalize', { ...original, value: normalize });
    expect(normalizeCode('９６')).toEqual({ kind: 'field39', code: '96' });
    expect(normalizeCode('ａ０')).toEqual({ kind: 'field39', code: 'A0' });
    expect(normalizeCode('\u300096\u3000')).toEqual({ kind: 'field39', code: '96' });
    expect(normalizeCode('ＮＯ　ＣＯＭＭＵＮＩＣＡＴＩＯＮ')).toMatchObject({ kind: 'local', entry: { display: 'T01' } });
    expect(lookup('ｎｏ　ｃｏｍｍｕｎｉｃａｔｉｏｎ！')).toMatchObject({ code: 'T01', known: true });
  });
});
