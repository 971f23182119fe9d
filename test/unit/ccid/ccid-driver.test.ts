/**
 * The chip reader driver over the in-process binding: T=0 procedure bytes (61xx, 6Cxx), the strict
 * checks libccid does not make (echo, bSeq), bounded NAK resends, absolute deadlines that time requests
 * do not extend, RTS on a line without modem-control lines, and the pcscd lookup.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BindingInterface, OpenOptions } from '@serialport/bindings-interface';
import { answer, encodeFrame, RdrToPc } from '../../../hal/reader/ccid/ccid-codec';
import { CcidFramer } from '../../../hal/reader/ccid/ccid-framer';
import { Ccid } from '../../../hal/reader/ccid/ccid-driver';
import { atrProblemFinding, powerOnFinding } from '../../../hal/reader/ccid/chip-check';
import { parseAtr } from '../../../hal/reader/ccid/atr';
import { ttyHolders } from '../../../hal/transport/tty-holders';
import { CcidSimulator } from '../../../mocks/ccid-sim';
import { InProcessBinding } from '../../../mocks/in-process-binding';
import { ownedTempDir } from '../../../mocks/owned-temp-dir';

const PATH = '/dev/ttyCCID';
const FAST = { probeTimeoutMs: 300, commandTimeoutMs: 300, powerOnTimeoutMs: 300, apduTimeoutMs: 300, nakRetries: 1 };
let reader: Ccid | null = null;

afterEach(async () => {
  await reader?.close();
  reader = null;
});

async function open(sim: CcidSimulator, binding: BindingInterface = bindingFor(sim)): Promise<Ccid> {
  reader = await Ccid.open({ binding, path: PATH, timing: FAST, proc: '/nonexistent' });
  return reader;
}

function bindingFor(sim: CcidSimulator): InProcessBinding {
  const b = new InProcessBinding();
  b.connect(PATH, sim);
  return b;
}

test('T=0: a case-4 SELECT goes without Le and its data comes through GET RESPONSE; a wrong Le is resent as 6C says', async () => {
  const sim = new CcidSimulator('healthy');
  const r = await open(sim);
  expect((await r.powerOnSequence()).map((t) => t.ok)).toEqual([true]);
  const sel = await r.transmit(Uint8Array.from(Buffer.from('00A4040008A00000033301010100', 'hex')));
  expect([sel.sw1, sel.sw2, sel.data[0]]).toEqual([0x90, 0x00, 0x6f]);
  const rec = await r.transmit(Uint8Array.from(Buffer.from('00B2010C00', 'hex')));
  expect([rec.sw1, rec.sw2, rec.data[0]]).toEqual([0x90, 0x00, 0x70]);
  expect(sim.apdus).toEqual([
    '00A4040008A000000333010101',
    expect.stringMatching(/^00C00000[0-9A-F]{2}$/),
    '00B2010C00',
    expect.stringMatching(/^00B2010C[0-9A-F]{2}$/),
  ]);
  expect(sim.apdus[3]).not.toBe('00B2010C00');
});

test('a NAK is answered by sending the frame again, a bounded number of times', async () => {
  const sim = new CcidSimulator('healthy');
  sim.override((_chunk, s) => (s.reply(Buffer.from([0x03, 0x15, 0x16])), true));
  const r = await open(sim);
  await expect(r.firmware()).rejects.toMatchObject({ code: 'Reader_Nack' });
  expect(sim.received.length).toBe(1 + FAST.nakRetries);
});

test('an answer for another bSeq is refused, not taken (libccid ignores bSeq)', async () => {
  const sim = new CcidSimulator('healthy');
  const framer = new CcidFramer();
  sim.override((chunk, s) => {
    for (const f of framer.push(chunk)) {
      if (f.kind !== 'message') continue;
      s.reply(Buffer.from(f.bytes));
      s.reply(Buffer.from(encodeFrame(answer(RdrToPc.Escape, f.message.seq + 1, 0, 0, [0x41]))));
    }
    return true;
  });
  const r = await open(sim);
  await expect(r.firmware()).rejects.toMatchObject({ code: 'Reader_Status', context: { problem: 'sequence' } });
});

test('an echo that differs from the command is refused', async () => {
  const sim = new CcidSimulator('healthy');
  sim.override((_chunk, s) => (s.reply(Buffer.from(encodeFrame({ type: 0x6b, slot: 0, seq: 9, b7: 0, b8: 0, b9: 0, data: Uint8Array.of(0x02) }))), true));
  const r = await open(sim);
  await expect(r.firmware()).rejects.toMatchObject({ code: 'Reader_Status', context: { problem: 'echo' } });
});

test('time requests do not extend the absolute deadline', async () => {
  const sim = new CcidSimulator('healthy');
  const framer = new CcidFramer();
  let ticker: NodeJS.Timeout | undefined;
  sim.override((chunk, s) => {
    for (const f of framer.push(chunk)) if (f.kind === 'message') s.reply(Buffer.from(f.bytes));
    ticker = setInterval(() => s.reply(Buffer.from([0x80])), 20);
    return true;
  });
  const r = await open(sim);
  const t0 = performance.now();
  await expect(r.slotStatus()).rejects.toMatchObject({ code: 'Transport_Timeout' });
  clearInterval(ticker);
  expect(performance.now() - t0).toBeLessThan(FAST.commandTimeoutMs + 150);
  expect(r.timeRequests).toBeGreaterThan(3);
});

test('card movements between frames are recorded and skipped', async () => {
  const sim = new CcidSimulator('healthy');
  const r = await open(sim);
  sim.setCardPresent(false);
  expect((await r.slotStatus()).icc).toBe('absent');
  sim.setCardPresent(true);
  expect((await r.slotStatus()).icc).toBe('inactive');
  expect(r.movements).toEqual([false, true]);
});

describe('RTS on open', () => {
  function bindingWhoseSetFails(sim: CcidSimulator, message: string): BindingInterface {
    const inner = bindingFor(sim);
    return {
      ...inner,
      list: () => inner.list(),
      open: async (o: OpenOptions) => {
        const port = await inner.open(o);
        port.set = async () => {
          throw new Error(message);
        };
        return port;
      },
    };
  }
  test('a line without control lines (ENOTTY, as on a PTY) is fine', async () => {
    const sim = new CcidSimulator('healthy');
    const r = await open(sim, bindingWhoseSetFails(sim, 'Inappropriate ioctl for device, cannot set'));
    await expect(r.firmware()).resolves.toBe('GemTwRC2-V2.00-GL03');
  });
  test('the same ioctl unimplemented (ENOSYS, as under qemu-user emulation) is fine too', async () => {
    const sim = new CcidSimulator('healthy');
    const r = await open(sim, bindingWhoseSetFails(sim, 'Function not implemented, cannot set'));
    await expect(r.firmware()).resolves.toBe('GemTwRC2-V2.00-GL03');
  });
  test('any other failure to clear RTS fails the open and closes the line', async () => {
    const sim = new CcidSimulator('healthy');
    await expect(open(sim, bindingWhoseSetFails(sim, 'Input/output error, cannot set'))).rejects.toMatchObject({ code: 'Transport_OpenFailed' });
  });
});

test('ttyHolders finds the pcscd that has the tty open, through the symlink, and only the names asked for', () => {
  const root = ownedTempDir('posdiag-proc-');
  const tty = join(root, 'pts5');
  writeFileSync(tty, '');
  const link = join(root, 'ttyIC');
  symlinkSync(tty, link);
  const proc = join(root, 'proc');
  for (const [pid, name, target] of [
    ['4242', 'pcscd', tty],
    ['4243', 'socat', tty],
    ['4244', 'pcscd', '/dev/null'],
  ]) {
    mkdirSync(join(proc, pid, 'fd'), { recursive: true });
    writeFileSync(join(proc, pid, 'comm'), `${name}\n`);
    symlinkSync(target, join(proc, pid, 'fd', '7'));
  }
  expect(ttyHolders(link, ['pcscd'], proc)).toEqual([{ pid: 4242, name: 'pcscd' }]);
  expect(
    ttyHolders(link, undefined, proc)
      .map((h) => h.pid)
      .sort(),
  ).toEqual([4242, 4243]);
  expect(ttyHolders(join(root, 'missing'), ['pcscd'], proc)).toEqual([]);
});

describe('what a failed power-on means', () => {
  const no = (error: number, icc: 'inactive' | 'absent' = 'inactive') => ({ ok: false as const, voltage: 1, failure: { icc, error } });
  test.each([
    ['mute at every voltage', 'backwards-or-dirty', [no(0xfe), no(0xfe), no(0xfe)]],
    ['no ICC after the slot said present', 'not-inserted', [no(0xfe, 'absent')]],
    ['short circuit', 'chip-damaged', [no(0xa2)]],
    ['bad TS', 'chip-damaged', [no(0xf8), no(0xf8), no(0xf8)]],
    ['bad TCK', 'chip-damaged', [no(0xf7), no(0xf7), no(0xf7)]],
    ['parity', 'worn-contacts', [no(0xfd), no(0xfe), no(0xfe)]],
    ['hardware error', 'reader-fault', [no(0xfb), no(0xfb), no(0xfb)]],
  ])('%s → %s', (_name, value, tries) => {
    expect(powerOnFinding(tries)).toMatchObject({ id: 'reader.atr', status: 'fail', value });
  });
  test('an ATR that fails posdiag checks is a damaged chip; a good one is no finding', () => {
    expect(atrProblemFinding(parseAtr(Buffer.from('3BEB0000813 1FE450031C0643F680108079000BD'.replace(/ /g, ''), 'hex')), 'x')).toMatchObject({
      value: 'chip-damaged',
      params: { problem: 'tck-wrong' },
    });
    expect(atrProblemFinding(parseAtr(Buffer.from('3B670000866022222780 01'.replace(/ /g, ''), 'hex')), 'x')).toBeNull();
  });
});

test('a reader without echo (SEC1210-type parts) is driven with echo off; with echo on its answers are refused', async () => {
  const sim = new CcidSimulator('no-echo');
  const binding = bindingFor(sim);
  reader = await Ccid.open({ binding, path: PATH, timing: FAST, proc: '/nonexistent', echo: false });
  await expect(reader.firmware()).resolves.toBe('GemTwRC2-V2.00-GL03');
  await reader.close();
  reader = await Ccid.open({ binding, path: PATH, timing: FAST, proc: '/nonexistent' });
  await expect(reader.firmware()).rejects.toMatchObject({ code: 'Reader_Status', context: { problem: 'no-echo' } });
});

test('timing options out of range are refused by their full name', async () => {
  const sim = new CcidSimulator('healthy');
  await expect(Ccid.open({ binding: bindingFor(sim), path: PATH, timing: { apduTimeoutMs: 10 } })).rejects.toMatchObject({
    code: 'Config_Invalid',
    message: expect.stringContaining('ccid.apduTimeoutMs must be a number from 100 to 60000'),
  });
});

test("an answer refused (another bSeq) is zeroed as a taken one is: a stray answer holds the card's data too", async () => {
  const card = Buffer.from('5A0862284804025648900F9000', 'hex'); // a record with a card number, and its status word
  const sim = new CcidSimulator('healthy');
  const framer = new CcidFramer();
  sim.override((chunk, s) => {
    for (const f of framer.push(chunk)) {
      if (f.kind !== 'message') continue;
      s.reply(Buffer.from(f.bytes));
      s.reply(Buffer.from(encodeFrame(answer(RdrToPc.DataBlock, f.message.seq + 1, 0, 0, card))));
    }
    return true;
  });
  const seen: Uint8Array[] = [];
  const push = CcidFramer.prototype.push;
  const spy = jest.spyOn(CcidFramer.prototype, 'push').mockImplementation(function (this: CcidFramer, chunk) {
    const frames = push.call(this, chunk);
    for (const f of frames) if (f.kind === 'message' && f.message.type === RdrToPc.DataBlock) seen.push(f.bytes);
    return frames;
  });
  try {
    const r = await open(sim);
    await expect(r.xfr(Uint8Array.from(Buffer.from('00B2010C00', 'hex')))).rejects.toMatchObject({ code: 'Reader_Status', context: { problem: 'sequence' } });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((b) => b.some((x) => x !== 0)).length).toBe(0);
  } finally {
    spy.mockRestore();
  }
});
