/**
 * The printer over real pseudo-terminals and the native serialport binding, the simulator pacing its
 * replies at 115200 baud: status before printing, a slip printed and decoded back to the same text, a
 * paper-out in the middle of the slip that keeps the slip queued until paper is loaded, every fault's
 * key finding, and an unplug.
 */
import { systemClock } from '../../hal/clock';
import { createPrinterCheck } from '../../hal/printer/check';
import { PrinterDriver } from '../../hal/printer/driver';
import { PrintQueue } from '../../hal/printer/print-queue';
import { PRINTER_PROFILES } from '../../hal/printer/profiles';
import { runChecks } from '../../hal/selfcheck';
import { nativeBinding } from '../../hal/transport/native-binding';
import { PrinterSimulator, PrinterSimOptions, PrinterFault } from '../../mocks/printer-sim';
import { RunningSimulator, startOnPty } from '../../mocks/pty-attach';
import { layoutSlip } from '../../src/slip/layout';
import { CODE96_WEAK_SIGNAL_ZH } from '../fixtures/slip/code96-weak-signal';

const binding = nativeBinding();
let running: RunningSimulator<PrinterSimulator> | null = null;
let driver: PrinterDriver | null = null;

afterEach(async () => {
  await driver?.close();
  driver = null;
  await running?.close();
  running = null;
});

async function start(fault: PrinterFault, options: PrinterSimOptions = {}) {
  running = await startOnPty(new PrinterSimulator(fault, { baudRate: 115200, ...options }));
  return running;
}

const TIMING = { statusTimeoutMs: 300, jobSlackMs: 1500 };
const config = (path: string) => ({ path, baudRate: 115200, paperWidth: 58 as const });

test('the code-96 slip prints and reads back the same text', async () => {
  const r = await start('healthy');
  driver = await PrinterDriver.open({ binding, config: config(r.hostPath), timing: TIMING });
  const bytes = layoutSlip(CODE96_WEAK_SIGNAL_ZH, PRINTER_PROFILES['generic-58']).encode();
  const result = await driver.print(bytes);
  expect(result).toMatchObject({ state: 'printed', confirmed: true, bytes: bytes.length });
  const text = r.sim.text();
  expect(text).toContain('响应码 96');
  expect(text).toContain('终端信号弱，交易报文未能完整送达');
});

test('paper out mid-slip: queued with a clear reason, printed whole after paper is loaded', async () => {
  const r = await start('healthy', { paperLines: 8 });
  driver = await PrinterDriver.open({ binding, config: config(r.hostPath), timing: TIMING });
  const d = driver;
  const queue = new PrintQueue();
  const bytes = layoutSlip(CODE96_WEAK_SIGNAL_ZH, PRINTER_PROFILES['generic-58']).encode();
  const first = await queue.submit('slip-96', bytes, (b) => d.print(b));
  expect(first).toMatchObject({ state: 'queued', reason: 'paper-end', partial: true });
  // wait until the printer has taken DLE ENQ 2 (it clears what it holds), as the person reaches for a roll
  for (let i = 0; i < 50 && !r.sim.realtimeSeen.includes('DLE ENQ 2'); i++) await new Promise((res) => setTimeout(res, 10));
  const torn = r.sim.text();
  r.sim.loadPaper();
  const [again] = await queue.flush((b) => d.print(b));
  expect(again).toMatchObject({ state: 'printed' });
  const reprint = r.sim.text().slice(torn.length);
  expect(reprint.split('交易诊断单').length - 1).toBe(1);
  expect(reprint).toContain('请保留此单');
});

test.each([
  ['paper-out', 'printer.paper', 'fail'],
  ['cover-open', 'printer.cover', 'fail'],
  ['cutter-error', 'printer.cutter', 'fail'],
  ['overheat', 'printer.head', 'warn'],
  ['offline', 'printer.online', 'fail'],
  ['paper-near-end', 'printer.paper', 'warn'],
  ['silent', 'printer.link', 'timeout'],
  ['unplug', 'printer.link', 'absent'],
] as const)('self-check on a pty: %s -> %s %s', async (fault, id, status) => {
  const r = await start(fault);
  const check = createPrinterCheck({ binding, clock: systemClock, config: config(r.hostPath) }, { timing: TIMING });
  const result = await runChecks([check], { level: 'external' });
  expect(result.devices[0].findings.find((f) => f.id === id)).toMatchObject({ status });
});
