/**
 * The printer's self-check (UnifiedPOS checkHealth levels):
 *   internal     real-time status (DLE EOT 1–4): link, paper, cover, cutter, head temperature, errors
 *   external     + a test page, printed only when the status says it can be
 *   interactive  same as external (the technician looks at the page)
 * Finding ids are `printer.<what>`; messages are `check.printer.*` ids of src/i18n/locales/; `value` carries the
 * UnifiedPOS code name (EPTR_REC_EMPTY, JPOS_E_OFFLINE…) where one applies.
 */
import type { DeviceEnv } from '../check-env';
import { transportFinding } from '../check-step';
import type { CheckContext, DeviceCheck, Finding } from '../selfcheck';
import type { PrinterConfig } from './config';
import { PrinterDriver, PrinterTiming } from './driver';
import { conditionsOf, isReady, PrinterStatus, uposCode } from './status';
import { testPage } from './test-page';

export interface PrinterCheckOptions {
  timing?: Partial<PrinterTiming>;
  /** Wall-clock text printed on the test page; default: now in ISO form. */
  now?: () => string;
}

/** Status sweep (4 × 500 ms worst case) plus a test page at 9600 baud (~1.5 s) plus the printing itself. */
export const PRINTER_CHECK_BUDGET_MS = 15_000;

export function createPrinterCheck(env: DeviceEnv<PrinterConfig>, options: PrinterCheckOptions = {}): DeviceCheck {
  const config = env.config;
  return {
    device: 'printer',
    budgetMs: PRINTER_CHECK_BUDGET_MS,
    run: async (ctx) => {
      let driver: PrinterDriver | null = null;
      try {
        driver = await PrinterDriver.open({ binding: env.binding, config, clock: ctx.clock, timing: options.timing });
        // A printer that cannot be opened or does not answer the status sweep is one link finding (below).
        const status = await driver.readStatus(ctx.signal);
        ctx.report({ id: 'printer.link', status: 'pass', message: 'check.printer.link.ok' });
        for (const f of statusFindings(status, driver.profile.cutter)) ctx.report(f);
        if (ctx.level === 'internal') return;
        ctx.report(await testPageFinding(driver, status, options, ctx));
      } catch (err) {
        if (ctx.signal.aborted) throw err;
        ctx.report(transportFinding('printer', 'printer.link', err));
      } finally {
        await driver?.close();
      }
    },
  };
}

/** One finding per thing a person can act on; the value is the UnifiedPOS code name. */
export function statusFindings(s: PrinterStatus, hasCutter: boolean): Finding[] {
  const c = new Set(conditionsOf(s));
  const code = (cond: Parameters<typeof uposCode>[0]) => uposCode(cond).name;
  const out: Finding[] = [];
  if (c.has('offline')) out.push({ id: 'printer.online', status: 'fail', value: code('offline'), message: 'check.printer.offline' });
  if (c.has('paper-end')) out.push({ id: 'printer.paper', status: 'fail', value: code('paper-end'), message: 'check.printer.paper.out' });
  else if (c.has('paper-near-end')) out.push({ id: 'printer.paper', status: 'warn', value: code('paper-near-end'), message: 'check.printer.paper.near-end' });
  else out.push({ id: 'printer.paper', status: 'pass', message: 'check.printer.paper.ok' });
  out.push(
    c.has('cover-open')
      ? { id: 'printer.cover', status: 'fail', value: code('cover-open'), message: 'check.printer.cover.open' }
      : { id: 'printer.cover', status: 'pass', message: 'check.printer.cover.ok' },
  );
  if (c.has('cutter-error')) out.push({ id: 'printer.cutter', status: 'fail', value: code('cutter-error'), message: 'check.printer.cutter.error' });
  else if (hasCutter) out.push({ id: 'printer.cutter', status: 'pass', message: 'check.printer.cutter.ok' });
  // Overheat clears by itself once the head cools: a warning with "wait", not a call to support.
  out.push(
    c.has('overheat')
      ? { id: 'printer.head', status: 'warn', value: code('overheat'), message: 'check.printer.head.overheat' }
      : { id: 'printer.head', status: 'pass', message: 'check.printer.head.ok' },
  );
  if (c.has('unrecoverable-error'))
    out.push({ id: 'printer.mechanism', status: 'fail', value: code('unrecoverable-error'), message: 'check.printer.error.unrecoverable' });
  else if (c.has('mechanical-error'))
    out.push({ id: 'printer.mechanism', status: 'fail', value: code('mechanical-error'), message: 'check.printer.error.mechanical' });
  return out;
}

async function testPageFinding(driver: PrinterDriver, status: PrinterStatus, options: PrinterCheckOptions, ctx: CheckContext): Promise<Finding> {
  if (!isReady(status)) return { id: 'printer.test-page', status: 'warn', message: 'check.printer.test-page.skipped' };
  const page = testPage(driver.profile, (options.now ?? (() => new Date().toISOString().slice(0, 19).replace('T', ' ')))());
  const r = await driver.print(page, { signal: ctx.signal });
  if (r.state === 'printed') return { id: 'printer.test-page', status: 'pass', value: r.bytes, unit: 'B', message: 'check.printer.test-page.printed' };
  if (ctx.signal.aborted) throw ctx.signal.reason;
  return { id: 'printer.test-page', status: 'fail', value: r.upos ?? r.reason, message: 'check.printer.test-page.not-printed', params: { reason: r.reason } };
}
