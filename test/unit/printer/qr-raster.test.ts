/**
 * The QR raster fallback for printers without GS ( k: matrix encoding, packing into GS v 0, and the
 * proof that what the printer receives is the matrix, module for module.
 */
import { qrcode as receiptlineQr } from 'receiptline';
import { EscPosBuilder, rasterQrEcc } from '../../../hal/printer/builder';
import { tokenize } from '../../../hal/printer/escpos-tokenizer';
import { PrinterDriver } from '../../../hal/printer/driver';
import { PRINTER_PROFILES, PrinterProfile } from '../../../hal/printer/profiles';
import { encodeQrMatrix } from '../../../hal/printer/qr-matrix';
import { QR_QUIET_MODULES, qrModuleDots, qrToRaster } from '../../../hal/printer/qr-raster';
import type { RollItem } from '../../../hal/printer/paper-roll';
import { InProcessBinding } from '../../../mocks/in-process-binding';
import { PrinterSimulator } from '../../../mocks/printer-sim';
import { layoutSlip, SlipInput } from '../../../src/slip/layout';

const basic = PRINTER_PROFILES['basic-58'];
const basic80: PrinterProfile = { ...basic, id: 'basic-80-test', paperWidth: 80, columns: 48, dots: 576 };
const hex = (b: Uint8Array) =>
  Buffer.from(b)
    .toString('hex')
    .replace(/(..)(?=.)/g, '$1 ');

/** '#' dark, '.' light, one string per row. */
const draw = (m: readonly (readonly boolean[])[]) => m.map((r) => r.map((d) => (d ? '#' : '.')).join(''));

describe('qrToRaster packs modules MSB first, quiet zone included (golden bytes)', () => {
  test('one dark module at 1 dot: 9×9 image, the dot at (4,4), rows of 2 bytes', () => {
    const r = qrToRaster([[true]], 1, 384)!;
    expect(r).toMatchObject({ width: 9, height: 9, moduleDots: 1, modules: 1 });
    // Row 4 holds the dot at x = 4: 0000 1000 0 -> 08 00; every other row is white.
    expect(hex(r.bits)).toBe(['00 00', '00 00', '00 00', '00 00', '08 00', '00 00', '00 00', '00 00', '00 00'].join(' '));
  });

  test('a 2×2 diagonal at 2 dots: 20×20 image, rows of 3 bytes', () => {
    const r = qrToRaster(
      [
        [true, false],
        [false, true],
      ],
      2,
      384,
    )!;
    expect(r).toMatchObject({ width: 20, height: 20, moduleDots: 2 });
    const rows = Array.from({ length: 20 }, (_, y) => hex(r.bits.subarray(y * 3, y * 3 + 3)));
    // Dark module (0,0) covers dots x 8–9 of rows 8–9: byte 1 = 1100 0000; module (1,1): x 10–11 of rows 10–11: 0011 0000.
    expect(rows.slice(0, 8)).toEqual(Array(8).fill('00 00 00'));
    expect(rows.slice(8, 10)).toEqual(['00 c0 00', '00 c0 00']);
    expect(rows.slice(10, 12)).toEqual(['00 30 00', '00 30 00']);
    expect(rows.slice(12)).toEqual(Array(8).fill('00 00 00'));
  });

  test('the builder sends it as one GS v 0 with width in bytes and height in rows', () => {
    const bytes = new EscPosBuilder(basic, { qrMatrix: () => [[true]] }).qr('A', { moduleDots: 1 }).encode();
    expect(hex(bytes)).toBe('1d 76 30 00 02 00 09 00 ' + '00 '.repeat(8) + '08 00 ' + '00 00 '.repeat(4).trim());
  });
});

describe('module size fits the paper', () => {
  test.each([
    // [modules, wanted dots, paper dots, used] — span is modules + 8 quiet modules
    [21, 4, 384, 4], // 29×4 = 116 dots
    [57, 8, 384, 5], // version 10 on 58 mm: 65×5 = 325 ≤ 384 < 65×6
    [57, 8, 576, 8], // the same on 80 mm: 65×8 = 520
    [177, 4, 384, 2], // version 40: 185×2 = 370
    [177, 4, 576, 3], // 185×3 = 555
    [400, 3, 384, 0], // cannot fit at all
  ])('%i modules, %i dots wanted, %i dots of paper: %i', (modules, wanted, paper, used) => {
    expect(qrModuleDots(modules, wanted, paper)).toBe(used);
    if (used) expect((modules + 2 * QR_QUIET_MODULES) * used).toBeLessThanOrEqual(paper);
  });

  test('a code that cannot fit even at one dot per module gives no raster', () => {
    const big = Array.from({ length: 400 }, () => Array<boolean>(400).fill(true));
    expect(qrToRaster(big, 1, 384)).toBeNull();
    expect(Buffer.from(new EscPosBuilder(basic, { qrMatrix: () => big }).qr('PD1').encode()).toString('latin1')).toBe('PD1\n');
  });
});

describe('encodeQrMatrix (lean-qr, byte mode, UTF-8)', () => {
  test('golden: "PD1" at level M is version 1 (21 modules)', () => {
    // Checked independently below against receiptline's encoder (same codewords, ISO mask rules).
    expect(draw(encodeQrMatrix('PD1', 'M')!)).toEqual([
      '#######.##.##.#######',
      '#.....#..##...#.....#',
      '#.###.#..###..#.###.#',
      '#.###.#.####..#.###.#',
      '#.###.#.#...#.#.###.#',
      '#.....#.#..#..#.....#',
      '#######.#.#.#.#######',
      '........##.##........',
      '#...#.####.#.#####..#',
      '..#.....#..##..#.####',
      '#..#####.#.#..####.#.',
      '#.#....#.#...##.##...',
      '.##.#.#.#...###..#.##',
      '........##..###...#.#',
      '#######.###.##.....#.',
      '#.....#..#.##..#.#.##',
      '#.###.#.####..###.###',
      '#.###.#...###..#.#.##',
      '#.###.#...##..#####..',
      '#.....#......##.#.#..',
      '#######.##..###...#.#',
    ]);
  });

  test('the raster fallback asks for at least level M', () => {
    expect(['L', 'M', 'Q', 'H'].map((l) => rasterQrEcc(l as 'L'))).toEqual(['M', 'M', 'Q', 'H']);
  });

  test('text is encoded as its UTF-8 bytes (a Hanzi is 3 bytes)', () => {
    // Version 1-M holds 14 bytes in byte mode: 4 Hanzi (12 bytes) fit, 5 (15 bytes) do not.
    expect(encodeQrMatrix('交易失败', 'M')).toHaveLength(21);
    expect(encodeQrMatrix('交易失败了', 'M')).toHaveLength(25);
  });

  test('too long for version 40 gives null, not an exception', () => {
    expect(encodeQrMatrix('x'.repeat(3000), 'M')).toBeNull();
  });

  // Two encoders may choose different masks (the penalty rules leave room); with each one's own mask
  // taken off, the data modules must be the same. receiptline's QR code is written independently.
  test.each(['PD1', 'hi', '1', 'PD1|96|20261122103015|10000001|modem.signal=F', 'posdiag 交易失败'])(
    "same data modules as receiptline's encoder: %s",
    (text) => {
      for (const level of ['L', 'M', 'Q', 'H'] as const) {
        const ours = encodeQrMatrix(text, level)!;
        const theirs = receiptlineMatrix(text, level);
        expect(formatInfo(ours).ecc).toBe(level);
        expect(formatInfo(theirs).ecc).toBe(level);
        expect(draw(unmasked(ours))).toEqual(draw(unmasked(theirs)));
      }
    },
  );
});

describe('the raster on the wire is the matrix, module for module (printer simulator)', () => {
  test.each([
    ['58 mm, the slip summary', basic, 'PD1|96|20261122103015|10000001|modem.signal=F,printer.paper=W', 3, 1],
    ['80 mm, the slip summary', basic80, 'PD1|96|20261122103015|10000001|modem.signal=F,printer.paper=W', 6, 1],
    ['58 mm, taller than 255 rows (sent in two slices)', basic, 'https://support.example.cn/case?'.padEnd(200, 'x'), 8, 2],
  ])('%s', async (_name, profile, data, moduleDots, slices) => {
    const matrix = encodeQrMatrix(data, 'M')!;
    const bytes = new EscPosBuilder(profile).init().align('center').qr(data, { moduleDots }).cut().encode();
    const sim = new PrinterSimulator('healthy', { paperWidth: profile.paperWidth });
    const binding = new InProcessBinding();
    binding.connect('/dev/ttySIMQR', sim);
    const driver = await PrinterDriver.open({
      binding,
      config: { path: '/dev/ttySIMQR', baudRate: 115200, paperWidth: profile.paperWidth, profile: profile === basic ? 'basic-58' : undefined },
    });
    try {
      expect(await driver.print(bytes)).toMatchObject({ state: 'printed' });
    } finally {
      await driver.close();
      await sim.stop();
    }
    expect(sim.roll.items.filter((i) => i.kind === 'raster')).toHaveLength(slices);
    const image = stitch(sim.roll.items);
    const used = qrModuleDots(matrix.length, moduleDots, profile.dots);
    expect(image.height).toBe((matrix.length + 2 * QR_QUIET_MODULES) * used);
    expect(image.width).toBeLessThanOrEqual(profile.dots);
    // Every dot: dark exactly where its module is dark; the quiet zone and the row padding white.
    const mismatches: string[] = [];
    for (let y = 0; y < image.height; y++) {
      for (let x = 0; x < image.width; x++) {
        const mx = Math.floor(x / used) - QR_QUIET_MODULES;
        const my = Math.floor(y / used) - QR_QUIET_MODULES;
        const want = matrix[my]?.[mx] === true;
        if (dot(image, x, y) !== want) mismatches.push(`(${x},${y})`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(sim.roll.items.some((i) => i.kind === 'qr')).toBe(false);
  });
});

describe('a profile without native QR never emits GS ( k', () => {
  const slip: SlipInput = {
    locale: 'zh-CN',
    terminalId: '10000001',
    merchantId: '898310048990001',
    merchantName: '上海便利店',
    time: '2026-11-22 10:30:15',
    code: '96',
    title: '系统故障',
    titleEn: 'System malfunction',
    cause: 'Host error',
    checks: [{ id: 'printer.paper', label: 'Paper', status: 'warn' }],
    nextSteps: ['Call support'],
  };
  const cmdNames = (bytes: Uint8Array) => tokenize(bytes).flatMap((t) => (t.kind === 'cmd' ? [t.name] : []));

  test('the diagnostic slip on basic-58 carries its QR as GS v 0', () => {
    const names = cmdNames(layoutSlip(slip, basic).encode());
    expect(names).not.toContain('GS ( k');
    expect(names).toContain('GS v 0');
    // and the native profile still uses GS ( k, with no raster
    const native = cmdNames(layoutSlip(slip, PRINTER_PROFILES['generic-58']).encode());
    expect(native).toContain('GS ( k');
    expect(native).not.toContain('GS v 0');
  });

  test('whatever the data: 80 generated payloads', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
    for (let i = 0; i < 80; i++) {
      const len = next() % 120;
      const data = Array.from({ length: len }, () => String.fromCharCode(next() % 0x3000)).join('');
      const names = cmdNames(new EscPosBuilder(basic).qr(data, { moduleDots: 1 + (next() % 8) }).encode());
      expect(names).not.toContain('GS ( k');
    }
  });
});

// ---- helpers ----

type Image = { width: number; height: number; bits: Uint8Array };

/** The raster slices on the roll, one under the other, as one image. */
function stitch(items: readonly RollItem[]): Image {
  const slices = items.filter((i): i is Extract<RollItem, { kind: 'raster' }> => i.kind === 'raster');
  expect(slices.length).toBeGreaterThan(0);
  const width = slices[0].width;
  for (const s of slices) expect(s.width).toBe(width);
  const height = slices.reduce((n, s) => n + s.height, 0);
  const bits = new Uint8Array((width / 8) * height);
  let at = 0;
  for (const s of slices) {
    bits.set(s.bits.subarray(0, (width / 8) * s.height), at);
    at += (width / 8) * s.height;
  }
  return { width, height, bits };
}

function dot(img: Image, x: number, y: number): boolean {
  return (img.bits[y * Math.ceil(img.width / 8) + (x >> 3)] & (0x80 >> (x & 7))) !== 0;
}

/** receiptline's QR code for `text` (its own encoder: byte mode over UTF-8, like ours). */
function receiptlineMatrix(text: string, level: string): boolean[][] {
  return receiptlineQr
    .generate({ data: text, type: 'qrcode', cell: 3, level: level.toLowerCase() } as Parameters<typeof receiptlineQr.generate>[0])
    .map((row) => [...row].map((v) => v !== 0));
}

/** The 15 format bits next to the top-left finder, unmasked (ISO/IEC 18004 7.9): level and mask. */
function formatInfo(m: boolean[][]): { ecc: string; mask: number } {
  const cells = [
    [8, 0],
    [8, 1],
    [8, 2],
    [8, 3],
    [8, 4],
    [8, 5],
    [8, 7],
    [8, 8],
    [7, 8],
    [5, 8],
    [4, 8],
    [3, 8],
    [2, 8],
    [1, 8],
    [0, 8],
  ];
  const v = cells.reduce((acc, [r, c]) => (acc << 1) | (m[r][c] ? 1 : 0), 0) ^ 0x5412;
  return { ecc: ['M', 'L', 'H', 'Q'][v >> 13], mask: (v >> 10) & 7 };
}

const MASKS: Array<(i: number, j: number) => boolean> = [
  (i, j) => (i + j) % 2 === 0,
  (i) => i % 2 === 0,
  (_i, j) => j % 3 === 0,
  (i, j) => (i + j) % 3 === 0,
  (i, j) => (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0,
  (i, j) => ((i * j) % 2) + ((i * j) % 3) === 0,
  (i, j) => (((i * j) % 2) + ((i * j) % 3)) % 2 === 0,
  (i, j) => (((i + j) % 2) + ((i * j) % 3)) % 2 === 0,
];

/**
 * The data region with the symbol's mask taken off; function patterns blanked. Versions 1–6 only
 * (one alignment pattern at most, no version information), which is all these tests use.
 */
function unmasked(m: boolean[][]): boolean[][] {
  const n = m.length;
  expect(n).toBeLessThanOrEqual(41);
  const mask = MASKS[formatInfo(m).mask];
  const isFunction = (r: number, c: number) =>
    (r < 9 && c < 9) ||
    (r < 9 && c >= n - 8) ||
    (r >= n - 8 && c < 9) ||
    r === 6 ||
    c === 6 ||
    (n > 21 && Math.abs(r - (n - 7)) <= 2 && Math.abs(c - (n - 7)) <= 2);
  return m.map((row, r) => row.map((d, c) => (isFunction(r, c) ? false : d !== mask(r, c))));
}
