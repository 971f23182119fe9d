/**
 * Slip size (bench/run.mjs bundles and runs this; never part of npm test): the reference code-96 slip in
 * bytes and in time on the wire, the same content through three other ESC/POS encoders, and the same slip
 * as a raster image.
 *
 * "The same content" is taken from posdiag's own command list (EscPosBuilder.commands()): every line of
 * text as posdiag lays it out, padded to 32 columns with spaces where posdiag jumps with ESC $ (no peer
 * has an absolute-position call; see peerOps), the same bold and double-height spans, the
 * same alignment, a native QR code of the same payload and module size, and the same feed at the end.
 * Each peer encodes that list with its own API. A peer that cannot print Chinese (ReceiptPrinterEncoder:
 * no double-byte support) gets the English slip, and posdiag's English slip is measured beside it.
 */
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import { CharacterSet, PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import * as receiptline from 'receiptline';
import { GEOMETRY_58, PaperRoll } from '../hal/printer/paper-roll';
import { EscPosTokenizer } from '../hal/printer/escpos-tokenizer';
import { PRINTER_PROFILES } from '../hal/printer/profiles';
import { textColumns } from '../hal/printer/text';
import { layoutSlip, SlipInput } from '../src/slip/layout';
import { rollToPng } from '../src/slip/roll-png';
import { CODE96_WEAK_SIGNAL_EN, CODE96_WEAK_SIGNAL_ZH } from '../test/fixtures/slip/code96-weak-signal';
import { PNG } from 'pngjs';

type Op =
  | { op: 'init' }
  | { op: 'align'; align: 'left' | 'center' | 'right' }
  | { op: 'bold'; on: boolean }
  | { op: 'size'; width: number; height: number }
  | { op: 'text'; text: string }
  | { op: 'newline' }
  | { op: 'qr'; data: string; moduleDots: number; ecc: string }
  | { op: 'feed'; lines: number }
  | { op: string; [k: string]: unknown };

const PROFILE = PRINTER_PROFILES['generic-58'];

export function posdiagSlip(input: SlipInput): { bytes: Uint8Array; ops: Op[] } {
  const b = layoutSlip(input, PROFILE);
  return { bytes: b.encode(), ops: peerOps(b.commands() as Op[]) };
}

/** The command list for the peers: each ESC $ jump becomes the run of spaces it stands for. */
function peerOps(ops: Op[]): Op[] {
  const cellDots = PROFILE.dots / PROFILE.columns;
  let dots = 0; // position on the current line
  let width = 1;
  return ops.map((o): Op => {
    if (o.op === 'position') {
      const to = (o.units as number) * PROFILE.motionUnitDots;
      const spaces = Math.max(0, Math.round((to - dots) / (cellDots * width)));
      dots = to;
      return { op: 'text', text: ' '.repeat(spaces) };
    }
    if (o.op === 'text') dots += textColumns(o.text as string, PROFILE) * cellDots * width;
    else if (o.op === 'newline' || o.op === 'init') dots = 0;
    else if (o.op === 'size') width = o.width as number;
    return o;
  });
}

/** ReceiptPrinterEncoder 4 (no double-byte text: English only). */
function rpe(ops: Op[]): Uint8Array {
  let e = new ReceiptPrinterEncoder({ language: 'esc-pos', columns: 32 });
  for (const o of ops) {
    if (o.op === 'init') e = e.initialize();
    else if (o.op === 'align') e = e.align(o.align as 'left' | 'center' | 'right');
    else if (o.op === 'bold') e = e.bold(o.on as boolean);
    else if (o.op === 'size') e = e.size(o.width as number, o.height as number);
    else if (o.op === 'text') e = e.text(o.text as string);
    else if (o.op === 'newline') e = e.newline();
    else if (o.op === 'qr') e = e.qrcode(o.data as string, { model: 2, size: o.moduleDots as number, errorlevel: 'l' } as never);
    else if (o.op === 'feed') for (let i = 0; i < (o.lines as number); i++) e = e.newline();
    else throw new Error(`rpe: no mapping for ${o.op}`);
  }
  return e.encode();
}

/** node-thermal-printer 4 (EPSON type; Chinese through its CHINA character set, GB2312 bytes). */
function ntp(ops: Op[], chinese: boolean): Uint8Array {
  const p = new ThermalPrinter({
    type: PrinterTypes.EPSON,
    interface: 'tcp://127.0.0.1:9',
    width: 32,
    characterSet: chinese ? CharacterSet.CHINA : CharacterSet.PC437_USA,
  });
  for (const o of ops) {
    if (o.op === 'init') p.clear();
    else if (o.op === 'align') o.align === 'center' ? p.alignCenter() : o.align === 'right' ? p.alignRight() : p.alignLeft();
    else if (o.op === 'bold') p.bold(o.on as boolean);
    else if (o.op === 'size') o.height === 2 ? p.setTextDoubleHeight() : p.setTextNormal();
    else if (o.op === 'text') p.print(o.text as string);
    else if (o.op === 'newline') p.newLine();
    else if (o.op === 'qr') p.printQR(o.data as string, { cellSize: o.moduleDots as number, correction: 'L', model: 2 });
    else if (o.op === 'feed') for (let i = 0; i < (o.lines as number); i++) p.newLine();
    else throw new Error(`node-thermal-printer: no mapping for ${o.op}`);
  }
  return new Uint8Array(p.getBuffer());
}

/** receiptline 4: the list as a ReceiptLine document (one line per printed line), then transform(). */
function rl(ops: Op[], chinese: boolean): Uint8Array {
  const lines: string[] = [];
  let line = '';
  let align = 'left';
  let bold = false;
  let tall = false;
  const esc = (s: string) => s.replace(/[\\|{}~_"`^=-]/g, (c) => `\\${c}`).replace(/ /g, '~'); // spaces kept as printed
  const flush = () => {
    const body = line;
    line = '';
    // A whole line in one column: "|text" left, "text|" right, "|text|" centered.
    lines.push(align === 'center' ? `|${body}|` : align === 'right' ? `${body}|` : `|${body}`);
  };
  for (const o of ops) {
    if (o.op === 'init') continue;
    else if (o.op === 'align') align = o.align as string;
    else if (o.op === 'bold') {
      if ((o.on as boolean) !== bold) line += '"';
      bold = o.on as boolean;
    } else if (o.op === 'size') {
      const want = (o.height as number) === 2;
      if (want !== tall) line += '^^';
      tall = want;
    } else if (o.op === 'text') line += esc(o.text as string);
    else if (o.op === 'newline') flush();
    else if (o.op === 'qr') lines.push(`{code:${(o.data as string).replace(/[\\|{};]/g, (c) => `\\${c}`)};option:qrcode,${o.moduleDots},l}`);
    else if (o.op === 'feed') for (let i = 0; i < (o.lines as number); i++) lines.push('|');
    else throw new Error(`receiptline: no mapping for ${o.op}`);
  }
  const out = receiptline.transform(lines.join('\n'), { cpl: 32, encoding: chinese ? 'gb18030' : 'cp437', command: 'escpos', cutting: false, spacing: false });
  return Uint8Array.from(Buffer.from(out, 'binary'));
}

/** The slip as one GS v 0 raster image of its printed dots (58 mm: 384 dots, 48 bytes a row). */
export function rasterBytes(bytes: Uint8Array): { rows: number; bytes: number } {
  const roll = new PaperRoll(GEOMETRY_58);
  roll.apply(new EscPosTokenizer({ kanjiAtInit: false }).push(bytes));
  const png = PNG.sync.read(rollToPng(roll, { marginDots: 0 }));
  const rowBytes = Math.ceil(GEOMETRY_58.dots / 8);
  // One GS v 0 header (8 bytes) per 255 rows: the chunking firmware needs (see the ESC/POS reference).
  return { rows: png.height, bytes: png.height * rowBytes + 8 * Math.ceil(png.height / 255) };
}

export interface SlipBench {
  zh: { bytes: number; wire9600Ms: number; wire115200Ms: number; raster: { rows: number; bytes: number }; peers: Record<string, number> };
  en: { bytes: number; peers: Record<string, number> };
}

const wireMs = (n: number, baud: number) => (n * 10 * 1000) / baud;

export function benchSlip(): SlipBench {
  const zh = posdiagSlip(CODE96_WEAK_SIGNAL_ZH);
  const en = posdiagSlip(CODE96_WEAK_SIGNAL_EN);
  return {
    zh: {
      bytes: zh.bytes.length,
      wire9600Ms: wireMs(zh.bytes.length, 9600),
      wire115200Ms: wireMs(zh.bytes.length, 115200),
      raster: rasterBytes(zh.bytes),
      peers: { receiptline: rl(zh.ops, true).length, 'node-thermal-printer': ntp(zh.ops, true).length },
    },
    en: {
      bytes: en.bytes.length,
      peers: { 'receipt-printer-encoder': rpe(en.ops).length, receiptline: rl(en.ops, false).length, 'node-thermal-printer': ntp(en.ops, false).length },
    },
  };
}

/** The peers' bytes, for looking at by hand: `node …/slip.js dump DIR`. */
export function peerOutputs(): Record<string, Uint8Array> {
  const zh = posdiagSlip(CODE96_WEAK_SIGNAL_ZH);
  const en = posdiagSlip(CODE96_WEAK_SIGNAL_EN);
  return {
    'posdiag-zh.bin': zh.bytes,
    'posdiag-en.bin': en.bytes,
    'receiptline-zh.bin': rl(zh.ops, true),
    'receiptline-en.bin': rl(en.ops, false),
    'node-thermal-printer-zh.bin': ntp(zh.ops, true),
    'node-thermal-printer-en.bin': ntp(en.ops, false),
    'receipt-printer-encoder-en.bin': rpe(en.ops),
  };
}
