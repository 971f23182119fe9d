/**
 * GB18030 from either source gives the same bytes and the same text: Node's TextDecoder (full ICU), or
 * the unit tables of gb18030.bin (made from iconv-lite by gb18030-table-codegen.ts) on a Node whose
 * TextDecoder has no GB18030. The second module instance below is loaded with a TextDecoder that knows
 * only UTF-8 and UTF-16, as on small ICU or without Intl; from the sources it makes the table file's
 * contents in memory, as build.mjs does.
 */
import { HalError } from '../../../hal/errors';
import * as icu from '../../../hal/printer/gb18030';
import * as codes from '../../../hal/printer/gb18030-codes';
import { gb18030TableFile } from '../../../hal/printer/gb18030-table-codegen';
import { catalogOf } from '../../../src/i18n/catalog';
import { LOCALES } from '../../../src/i18n/locale';
import { loadWithoutGb18030 } from '../../helpers/without-gb18030';

type Gb = typeof import('../../../hal/printer/gb18030');

const load = () => require('../../../hal/printer/gb18030') as Gb;
// From the sources the table file's contents are made in memory, as build.mjs makes the file.
const table = loadWithoutGb18030(load, { table: true }).module;
const hex = (b: ArrayLike<number> | null) => (b ? Buffer.from(Array.from(b)).toString('hex') : 'null');

test('each module reports its source', () => {
  expect(icu.gb18030Source()).toBe('TextDecoder');
  expect(table.gb18030Source()).toBe('table file');
});

test('the table file holds what TextDecoder decodes, code by code (two-byte, then BMP four-byte)', () => {
  const file = gb18030TableFile();
  expect(file.length).toBe(codes.GB18030_TABLE_BYTES);
  const d = new TextDecoder('gb18030');
  const two = codes.decodeEach((b) => d.decode(b), codes.twoByteCodes(), 2);
  const four = codes.decodeEach((b) => d.decode(b), codes.fourByteCodes(), 4);
  const fromFile = file.toString('utf16le');
  const differ: string[] = [];
  for (let i = 0; i < two.length + four.length; i++) {
    const want = i < two.length ? two[i] : four[i - two.length];
    if (fromFile[i] !== want) differ.push(`${i}: ${fromFile.charCodeAt(i).toString(16)} != ${want!.charCodeAt(0).toString(16)}`);
  }
  expect(differ).toEqual([]);
});

test('every BMP code point and a sample beyond it: the same bytes from both sources (two- and four-byte codes)', () => {
  const differ: string[] = [];
  const codePoints: number[] = [];
  for (let cp = 0; cp <= 0xffff; cp++) codePoints.push(cp);
  for (let cp = 0x10000; cp <= 0x10ffff; cp += 4099) codePoints.push(cp);
  codePoints.push(0x10ffff, 0x110000, -1);
  for (const cp of codePoints) {
    const a = hex(icu.gb18030Bytes(cp));
    const b = hex(table.gb18030Bytes(cp));
    if (a !== b) differ.push(`${cp.toString(16)}: ${a} != ${b}`);
    if (hex(icu.gb18030TwoBytes(cp)) !== hex(table.gb18030TwoBytes(cp))) differ.push(`two-byte ${cp.toString(16)}`);
  }
  expect(differ).toEqual([]);
  // As before: four-byte codes where there is no two-byte one, ¥ among them (the printer gets ￥ instead).
  expect(hex(table.encodeGb18030('¥￥✓😀\u0080'))).toBe('81308436a3a4' + '8137bd37' + '9439fc36' + '81308130');
});

test('every character of the hint catalog encodes to the same bytes and decodes back to itself', () => {
  const text = JSON.stringify(LOCALES.map((l) => catalogOf(l)));
  const a = icu.encodeGb18030(text);
  expect(hex(table.encodeGb18030(text))).toBe(hex(a));
  expect(table.decodeGb18030(a)).toBe(text);
});

describe('decoding without TextDecoder, as TextDecoder does (the WHATWG decoder, malformed input included)', () => {
  test.each([
    '80',
    'ff',
    '81',
    '810a',
    '817f',
    '81ff',
    '8180',
    '81fe',
    '8130',
    '81300a',
    '813081',
    '8130810a',
    '81308130',
    '8130ff30',
    '81308130ff',
    '8431a439',
    '8431a530',
    '84318236',
    '8135f437',
    'e3329a35',
    'e3329a36',
    'fe39fe39',
    '90308130',
    'a3a0',
    'a1a1',
    'a6d9',
    'fe51',
    'e4b8ade69687',
    '41d0c542',
    'd0c5bac5c8f5',
  ])('%s', (bytes) => {
    const b = Buffer.from(bytes, 'hex');
    expect(table.decodeGb18030(b)).toBe(icu.decodeGb18030(b));
  });

  test('random byte strings, weighted towards leads, digits and trails', () => {
    let seed = 20261122;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) % n;
    const POOL = [0x00, 0x0a, 0x30, 0x35, 0x39, 0x40, 0x41, 0x7e, 0x7f, 0x80, 0x81, 0x82, 0x84, 0x90, 0xa1, 0xa3, 0xd0, 0xe3, 0xfe, 0xff];
    const differ: string[] = [];
    for (let k = 0; k < 5000; k++) {
      const bytes = Uint8Array.from({ length: 1 + rnd(10) }, () => (rnd(3) ? POOL[rnd(POOL.length)]! : rnd(256)));
      if (table.decodeGb18030(bytes) !== icu.decodeGb18030(bytes)) differ.push(hex(bytes));
    }
    expect(differ).toEqual([]);
  });
});

test('without the table file either: Printer_NoGb18030 saying what is missing; ASCII still decodes', () => {
  const { module: gb, restore } = loadWithoutGb18030(load, { table: false });
  let err: unknown;
  try {
    expect(gb.gb18030Source()).toBe('unavailable');
    expect(gb.decodeGb18030(Uint8Array.of(0x41, 0x42))).toBe('AB');
    gb.gb18030TwoBytes(0x4fe1);
  } catch (e) {
    err = e;
  } finally {
    restore();
  }
  expect(err).toBeInstanceOf(HalError);
  expect(err).toMatchObject({ code: 'Printer_NoGb18030', message: expect.stringMatching(/GB18030.*ENOENT/) });
});
