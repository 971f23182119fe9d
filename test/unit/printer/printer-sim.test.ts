import { EscPosBuilder } from '../../../hal/printer/builder';
import { PRINTER_PROFILES } from '../../../hal/printer/profiles';
import { tokenize } from '../../../hal/printer/escpos-tokenizer';
import { PaperRoll, rollToText } from '../../../hal/printer/paper-roll';
import { PrinterFault, PrinterSimulator, PRINTER_FAULTS } from '../../../mocks/printer-sim';
import { memoryLink } from '../../helpers/memory-link';

/** A link that records what the simulator sends back. */
function wire(sim: PrinterSimulator): { out: number[]; send(bytes: number[] | Uint8Array): Promise<void> } {
  const link = memoryLink(sim);
  return {
    out: link.out,
    send: async (bytes) => {
      link.toDevice(bytes);
      await sim.flushed();
    },
  };
}

describe('tokenizer: third-party commands', () => {
  const rows: Array<[string, number[], string[]]> = [
    ['ESC t 16 (code page, python-escpos)', [0x1b, 0x74, 0x10, 0x80], ['ESC t']],
    ['FS ( A (Kanji font, Epson)', [0x1c, 0x28, 0x41, 0x02, 0x00, 0x30, 0x00], ['FS ( A']],
    ['GS L / GS W (margin, area)', [0x1d, 0x4c, 0x10, 0x00, 0x1d, 0x57, 0x80, 0x01], ['GS L', 'GS W']],
    [
      'GS 8 L store + GS ( L print (RPE graphics)',
      [0x1d, 0x38, 0x4c, 0x0b, 0, 0, 0, 0x30, 0x70, 0x30, 1, 1, 0x31, 8, 0, 1, 0, 0xff, 0x1d, 0x28, 0x4c, 2, 0, 0x30, 0x32],
      ['GS 8 L', 'GS ( L'],
    ],
    ['ESC p drawer kick', [0x1b, 0x70, 0x00, 0x19, 0xfa], ['ESC p']],
    ['GS V A n (feed and cut)', [0x1d, 0x56, 0x41, 0x03], ['GS V']],
    ['GS k m=73 (CODE128)', [0x1d, 0x6b, 0x49, 0x02, 0x41, 0x42], ['GS k']],
  ];
  test.each(rows)('%s', (_label, bytes, names) => {
    // fed whole and at every split offset
    for (let at = 0; at <= bytes.length; at++) {
      const t = new (require('../../../hal/printer/escpos-tokenizer').EscPosTokenizer)();
      const tokens = [...t.push(bytes.slice(0, at)), ...t.push(bytes.slice(at))];
      expect(tokens.flatMap((x: { kind: string; name?: string }) => (x.kind === 'cmd' ? [x.name] : []))).toEqual(names);
    }
  });

  test('GS 8 L raster prints as an image', () => {
    const roll = new PaperRoll();
    roll.apply(tokenize(rows[3][1]));
    expect(rollToText(roll)).toBe('[image 8x1]');
  });
});

describe('PrinterSimulator', () => {
  test.each(PRINTER_FAULTS.filter((f) => f !== 'silent' && f !== 'unplug'))('%s answers DLE EOT 1..4 from its state', async (fault) => {
    const sim = new PrinterSimulator(fault as PrinterFault);
    const w = wire(sim);
    await w.send([0x10, 0x04, 0x01, 0x10, 0x04, 0x02, 0x10, 0x04, 0x03, 0x10, 0x04, 0x04]);
    expect(w.out).toHaveLength(4);
    for (const b of w.out) expect(b & 0x93).toBe(0x12);
  });

  test('silent never answers', async () => {
    const sim = new PrinterSimulator('silent');
    const w = wire(sim);
    await w.send([0x10, 0x04, 0x01]);
    expect(w.out).toEqual([]);
  });

  test('a zh-CN slip round-trips through the simulator to the same text', async () => {
    const sim = new PrinterSimulator('healthy');
    const w = wire(sim);
    const lines = ['交易失败 96', '信号弱，请将终端移到窗边后重试', '金额 ¥12.50', '请记录代码和时间，然后致电客服热线'];
    const b = new EscPosBuilder(PRINTER_PROFILES['generic-58']).init();
    for (const l of lines) b.line(l);
    await w.send(b.encode());
    expect(sim.text().split('\n')).toEqual(['交易失败 96', '信号弱，请将终端移到窗边后重试', '金额 ￥12.50', '请记录代码和时间，然后致电客服热', '线']);
  });

  test('paper out: data is held, GS r unanswered, DLE EOT still answered; paper loaded: it prints', async () => {
    const sim = new PrinterSimulator('paper-out');
    const w = wire(sim);
    await w.send([...Buffer.from('HELLO\n'), 0x1d, 0x72, 0x01, 0x10, 0x04, 0x04]);
    expect(w.out).toEqual([0x72]);
    expect(sim.text()).toBe('');
    sim.setFault('healthy');
    await sim.flushed();
    expect(sim.text()).toBe('HELLO');
    expect(w.out).toEqual([0x72, 0x00]);
  });

  test('DLE ENQ 2 throws held data away', async () => {
    const sim = new PrinterSimulator('cover-open');
    const w = wire(sim);
    await w.send([...Buffer.from('LOST\n'), 0x10, 0x05, 0x02]);
    sim.setFault('healthy');
    expect(sim.text()).toBe('');
  });

  test('ASB: status at once when enabled, then on every change', async () => {
    const sim = new PrinterSimulator('healthy', { paperLines: 2 });
    const w = wire(sim);
    await w.send([0x1d, 0x61, 0x0f, ...Buffer.from('A\nB\nC\n')]);
    await sim.flushed();
    expect(w.out).toEqual([0x10, 0x00, 0x00, 0x00, 0x18, 0x00, 0x0c, 0x00]);
    expect(sim.text()).toBe('A\nB');
  });

  test.each<[PrinterFault, number[]]>([
    // Epson ASB: byte 1 bit 3 offline, bit 5 cover open; byte 2 bit 3 autocutter error, bit 5 unrecoverable, bit 6 auto-recoverable.
    ['cover-open', [0x38, 0x00, 0x00, 0x00]],
    ['cutter-error', [0x18, 0x08, 0x00, 0x00]],
    ['overheat', [0x18, 0x40, 0x00, 0x00]],
    ['paper-near-end', [0x10, 0x00, 0x03, 0x00]],
  ])('ASB after a change to %s', async (fault, asb) => {
    const sim = new PrinterSimulator('healthy');
    const w = wire(sim);
    await w.send([0x1d, 0x61, 0x0f]);
    sim.setFault(fault);
    await sim.flushed();
    expect(w.out).toEqual([0x10, 0x00, 0x00, 0x00, ...asb]);
  });

  test('real-time commands act even inside other data, and drawer pulses are counted', async () => {
    const sim = new PrinterSimulator('healthy');
    const w = wire(sim);
    await w.send([0x41, 0x10, 0x04, 0x01, 0x42, 0x10, 0x14, 0x01, 0x00, 0x05, 0x0a]);
    expect(w.out).toEqual([0x12]);
    expect(sim.pulses).toBe(1);
    expect(sim.text()).toBe('AB');
  });
});
