import { systemClock } from '../../../hal/clock';
import { createPrinterCheck } from '../../../hal/printer/check';
import { DEVICE_CHECKS } from '../../../hal/devices';
import { CheckLevel, runChecks } from '../../../hal/selfcheck';
import { catalogOf } from '../../../src/i18n/catalog';

/** The finding messages that have a text (every locale has the same ids: test/unit/i18n/catalogs.test.ts). */
const PRINTER_MESSAGES = catalogOf('en');
import { InProcessBinding } from '../../../mocks/in-process-binding';
import { PrinterFault, PrinterSimulator } from '../../../mocks/printer-sim';

const PATH = '/dev/ttySIMPRN';

async function run(fault: PrinterFault, level: CheckLevel = 'internal', paperWidth: 58 | 80 = 58) {
  const sim = new PrinterSimulator(fault, { paperWidth });
  const binding = new InProcessBinding();
  binding.connect(PATH, sim);
  const check = createPrinterCheck(
    { binding, clock: systemClock, config: { path: PATH, baudRate: 115200, paperWidth } },
    { timing: { statusTimeoutMs: 80, jobSlackMs: 300 }, now: () => '2026-11-22 10:30:00' },
  )!;
  const result = await runChecks([check], { level });
  sim.stop();
  const device = result.devices[0];
  const byId = Object.fromEntries(device.findings.map((f) => [f.id, f]));
  return { sim, device, byId };
}

// Every printer fault -> the finding a person acts on.
const ROWS: Array<[PrinterFault, string, string, string, string | undefined]> = [
  ['healthy', 'pass', 'printer.paper', 'check.printer.paper.ok', undefined],
  ['paper-out', 'fail', 'printer.paper', 'check.printer.paper.out', 'EPTR_REC_EMPTY'],
  ['paper-near-end', 'warn', 'printer.paper', 'check.printer.paper.near-end', 'PTR_SUE_REC_NEAREMPTY'],
  ['cover-open', 'fail', 'printer.cover', 'check.printer.cover.open', 'EPTR_COVER_OPEN'],
  ['cutter-error', 'fail', 'printer.cutter', 'check.printer.cutter.error', 'JPOS_E_FAILURE'],
  ['overheat', 'warn', 'printer.head', 'check.printer.head.overheat', 'JPOS_E_FAILURE'],
  ['offline', 'fail', 'printer.online', 'check.printer.offline', 'JPOS_E_OFFLINE'],
  ['silent', 'timeout', 'printer.link', 'check.printer.no-reply', undefined],
  ['unplug', 'absent', 'printer.link', 'check.printer.unplugged', undefined],
];

describe('printer self-check, internal level', () => {
  test.each(ROWS)('%s -> device %s, %s = %s', async (fault, deviceStatus, id, message, value) => {
    const { device, byId, sim } = await run(fault);
    expect(device.status).toBe(deviceStatus);
    expect(byId[id]).toMatchObject({ message, ...(value ? { value } : {}) });
    expect(sim.text()).toBe(''); // internal never prints
    for (const f of device.findings) expect(PRINTER_MESSAGES[f.message]).toBeDefined();
  });
});

describe('printer self-check, external level', () => {
  test('healthy: prints a test page with Chinese text', async () => {
    const { device, byId, sim } = await run('healthy', 'external');
    expect(device.status).toBe('pass');
    expect(byId['printer.test-page']).toMatchObject({ status: 'pass', message: 'check.printer.test-page.printed' });
    expect(sim.text()).toContain('打印机自检 PRINTER TEST');
    expect(sim.text()).toContain('中文字库：交易成功 ￥0.01');
  });

  test('80 mm with cutter: cutter finding present and the page is cut', async () => {
    const { byId, sim } = await run('healthy', 'external', 80);
    expect(byId['printer.cutter']).toMatchObject({ status: 'pass' });
    expect(sim.roll.items.some((i) => i.kind === 'cut')).toBe(true);
  });

  test('paper out: no test page attempted', async () => {
    const { byId, sim } = await run('paper-out', 'external');
    expect(byId['printer.test-page']).toMatchObject({ status: 'warn', message: 'check.printer.test-page.skipped' });
    sim.loadPaper();
    expect(sim.text()).toBe('');
  });
});

test('no printer configured: no check', () => {
  expect(
    DEVICE_CHECKS.printer({ binding: new InProcessBinding(), clock: { now: () => 0, setTimeout: () => 0, clearTimeout: () => undefined }, devices: {} }),
  ).toEqual([]);
});
