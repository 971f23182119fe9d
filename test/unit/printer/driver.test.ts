import { EscPosBuilder } from '../../../hal/printer/builder';
import { PrinterDriver } from '../../../hal/printer/driver';
import { PrintQueue } from '../../../hal/printer/print-queue';
import { PRINTER_PROFILES } from '../../../hal/printer/profiles';
import { InProcessBinding } from '../../../mocks/in-process-binding';
import { PrinterFault, PrinterSimOptions, PrinterSimulator } from '../../../mocks/printer-sim';

const PATH = '/dev/ttySIMPRN';

async function setup(fault: PrinterFault, options: PrinterSimOptions = {}) {
  const sim = new PrinterSimulator(fault, options);
  const binding = new InProcessBinding();
  binding.connect(PATH, sim);
  const driver = await PrinterDriver.open({
    binding,
    config: { path: PATH, baudRate: 115200, paperWidth: 58 },
    timing: { statusTimeoutMs: 80, jobSlackMs: 300 },
  });
  return { sim, driver };
}

function slip(lines = 12): Uint8Array {
  const b = new EscPosBuilder(PRINTER_PROFILES['generic-58']).init();
  for (let i = 1; i <= lines; i++) b.line(`第${i}行 line ${i}`);
  return b.cut().encode();
}

describe('PrinterDriver', () => {
  let close: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const c of close.reverse()) await c();
    close = [];
  });

  test('healthy: status first, then the job, confirmed by GS r 1', async () => {
    const { sim, driver } = await setup('healthy');
    close.push(
      () => driver.close(),
      () => sim.stop(),
    );
    const r = await driver.print(slip(3));
    expect(r).toMatchObject({ state: 'printed', confirmed: true });
    expect(sim.realtimeSeen.slice(0, 4)).toEqual(['DLE EOT 1', 'DLE EOT 2', 'DLE EOT 3', 'DLE EOT 4']);
    expect(sim.text()).toContain('第3行 line 3');
  });

  test.each([
    ['paper-out', 'paper-end', 'EPTR_REC_EMPTY'],
    ['cover-open', 'cover-open', 'EPTR_COVER_OPEN'],
    ['cutter-error', 'cutter-error', 'JPOS_E_FAILURE'],
    ['overheat', 'overheat', 'JPOS_E_FAILURE'],
    ['offline', 'offline', 'JPOS_E_OFFLINE'],
  ] as const)('%s before printing: nothing printed, reason %s', async (fault, reason, upos) => {
    const { sim, driver } = await setup(fault);
    close.push(
      () => driver.close(),
      () => sim.stop(),
    );
    const r = await driver.print(slip(2));
    expect(r).toMatchObject({ state: 'not-printed', reason, partial: false, upos });
    sim.loadPaper();
    expect(sim.text()).toBe('');
  });

  test('silent printer: a clear "no-reply", no exception', async () => {
    const { sim, driver } = await setup('silent');
    close.push(
      () => driver.close(),
      () => sim.stop(),
    );
    await expect(driver.print(slip(1))).resolves.toMatchObject({ state: 'not-printed', reason: 'no-reply' });
  });

  test('unplugged printer: "disconnected", no exception', async () => {
    const { sim, driver } = await setup('unplug');
    close.push(
      () => driver.close(),
      () => sim.stop(),
    );
    await expect(driver.print(slip(1))).resolves.toMatchObject({ state: 'not-printed', reason: 'disconnected' });
  });

  test('paper runs out mid-slip: the slip stays queued, then prints whole once paper is loaded', async () => {
    const { sim, driver } = await setup('healthy', { paperLines: 5 });
    close.push(
      () => driver.close(),
      () => sim.stop(),
    );
    const queue = new PrintQueue();
    const print = (b: Uint8Array) => driver.print(b);
    const job = slip(12);
    const first = await queue.submit('slip-1', job, print);
    expect(first).toMatchObject({ state: 'queued', reason: 'paper-end', partial: true });
    expect(await queue.pending()).toHaveLength(1);
    const torn = sim.text();
    expect(torn).toContain('第5行');
    expect(torn).not.toContain('第12行');

    // The driver's DLE ENQ 2 is on the wire when print() returns; let it land before a person loads paper.
    await new Promise((r) => setImmediate(r));
    expect(sim.heldTokens).toBe(0);
    sim.loadPaper();
    const [again] = await queue.flush(print);
    expect(again).toMatchObject({ id: 'slip-1', state: 'printed', attempts: 2 });
    expect(await queue.pending()).toHaveLength(0);
    const after = sim.text().slice(torn.length);
    // The whole slip, once: nothing lost, the held remainder was dropped with DLE ENQ 2.
    for (let i = 1; i <= 12; i++) expect(after.split(`第${i}行`).length - 1).toBe(1);
  });

  test('cover opened mid-slip (seen through ASB): queued with reason cover-open', async () => {
    const { sim, driver } = await setup('healthy');
    close.push(
      () => driver.close(),
      () => sim.stop(),
    );
    let seen = 0;
    sim.override((chunk) => {
      seen += chunk.length;
      if (seen > 300 && sim.currentFault === 'healthy') sim.setFault('cover-open');
      return false;
    });
    const r = await driver.print(slip(40));
    expect(r).toMatchObject({ state: 'not-printed', reason: 'cover-open', partial: true });
  });
});
