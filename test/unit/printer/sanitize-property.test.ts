/**
 * Property: whatever text comes from outside, the byte stream holds exactly the commands the builder
 * wrote, no drawer kick, cut, code page or mode switch smuggled in through text. Checked by tokenizing
 * the output with the simulator's ESC/POS tokenizer and comparing command by command.
 */
import { EscPosBuilder } from '../../../hal/printer/builder';
import { Command } from '../../../hal/printer/commands';
import { PRINTER_PROFILES, PrinterProfile } from '../../../hal/printer/profiles';
import { printerChars } from '../../../hal/printer/text';
import { tokenize } from '../../../hal/printer/escpos-tokenizer';

/** A small seeded PRNG (mulberry32) so a failure names a seed that reproduces it. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Pieces an attacker would use: ESC p (drawer), GS V (cut), ESC t / FS . / FS & (code page, mode),
// ESC @, DLE EOT / DLE DC4 (real-time), GS ( E (serial settings), ESC $ (print position: the builder
// writes it itself, so one smuggled in would pass for its own), runs of spaces, plus Hanzi, ¥ and C1 controls.
const PIECES = [
  '\x1bp\x00\x19\xfa',
  '\x1dV\x01',
  '\x1dVA\x10',
  '\x1bt\x10',
  '\x1c.',
  '\x1c&',
  '\x1b@',
  '\x10\x04\x01',
  '\x10\x14\x01\x00\x05',
  '\x1d(E\x03\x00\x0b\x01\x02',
  '\x1bi',
  '\x1b$\x00\x01',
  '\x1b$',
  '        ',
  '\x1b!\x30',
  '\x1d!\x77',
  '\x1b',
  '\x1d',
  '\x1c',
  '\x10',
  '\x00',
  '\x7f',
  '\x9b',
  '\n',
  '\r',
  '交易',
  '¥',
  '上海便利店',
  'ABC',
  ' ',
  '\u00e9',
  '\ud83d\ude00',
  '\ud800',
];

function hostile(next: () => number): string {
  let s = '';
  const n = 1 + Math.floor(next() * 12);
  for (let i = 0; i < n; i++) {
    if (next() < 0.2) s += String.fromCharCode(Math.floor(next() * 0x100));
    else s += PIECES[Math.floor(next() * PIECES.length)];
  }
  return s;
}

/** The mnemonics the builder's own commands encode to, in order (FS & where Chinese mode starts). */
function expectedCommands(commands: readonly Command[], profile: PrinterProfile): string[] {
  const out: string[] = [];
  let chinese = false;
  for (const c of commands) {
    switch (c.op) {
      case 'init':
        out.push('ESC @');
        chinese = false;
        break;
      case 'text':
        if (!chinese && printerChars(c.text, profile).some((ch) => ch.doubleByte)) {
          out.push('FS &');
          chinese = true;
        }
        break;
      case 'newline':
        out.push('LF');
        break;
      case 'position':
        out.push('ESC $');
        break;
      case 'bold':
        out.push('ESC E');
        break;
      case 'underline':
        out.push('ESC -', ...(profile.chineseFont ? ['FS -'] : []));
        break;
      case 'size':
        out.push('GS !');
        break;
      case 'align':
        out.push('ESC a');
        break;
      case 'feed':
        out.push('ESC d');
        break;
      case 'cut':
        if (profile.cutter) out.push('GS V');
        break;
      case 'qr':
        out.push('GS ( k', 'GS ( k', 'GS ( k', 'GS ( k', 'GS ( k');
        break;
      case 'raster':
        for (let y = 0; y < c.height; y += 255) out.push('GS v 0');
        break;
      case 'asb':
        out.push('GS a');
        break;
      case 'paper-status':
        out.push('GS r');
        break;
    }
  }
  return out;
}

describe.each(['generic-58', 'generic-80', 'basic-58'])('no injected command survives (%s)', (id) => {
  const profile = PRINTER_PROFILES[id];
  test.each(Array.from({ length: 40 }, (_, i) => 1000 + i))('seed %i', (seed) => {
    const next = rng(seed);
    const b = new EscPosBuilder(profile, {
      qrMatrix: () => [
        [true, false],
        [false, true],
      ],
    })
      .init()
      .align('center')
      .bold()
      .line(hostile(next))
      .bold(false)
      .align('left')
      .pair(hostile(next), hostile(next))
      .row([
        { text: hostile(next), width: 10 },
        { text: hostile(next), align: 'right' },
      ])
      .underline()
      .text(hostile(next))
      .underline(false)
      .newline()
      .qr(hostile(next))
      .cut();
    const tokens = tokenize(b.encode(), { kanjiAtInit: false });
    expect(tokens.filter((t) => t.kind === 'unknown')).toEqual([]);
    const names = tokens.flatMap((t) => (t.kind === 'cmd' ? [t.name] : []));
    expect(names).toEqual(expectedCommands(b.commands(), profile));
    // Every ESC $ on the wire is one the builder computed, with its own arguments.
    const positions = tokens.flatMap((t) => (t.kind === 'cmd' && t.name === 'ESC $' ? [t.args[0] | (t.args[1] << 8)] : []));
    expect(positions).toEqual(b.commands().flatMap((c) => (c.op === 'position' ? [c.units] : [])));
    for (const t of tokens) if (t.kind === 'text') expect(t.text).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });
});
