/**
 * The card reader's self-check, for whichever reader the terminal has (`devices.reader.kind`).
 *
 *   internal     communication, firmware, ROM (PN532), RAM
 *   external     + antenna self-test (PN532)
 *   interactive  + a tap (PN532) or a swipe (MSR605) within the interactive window
 *
 * Finding ids are `reader.<step>`; messages are `check.reader.*` ids of src/i18n/locales/. The card number is
 * only ever reported masked (first 6 / last 4); no track data leaves the driver.
 *
 * A step that gets no reply stops the run: a device that is silent once will be silent for every
 * later step, and waiting on each would only spend the budget.
 */
import type { CheckEnv } from '../devices';
import type { ReaderConfig } from '../config';
import { isHalError } from '../errors';
import type { CheckContext, CheckStatus, DeviceCheck, Finding } from '../selfcheck';
import { maskUid } from './card-mask';
import type { OptionSpec } from '../options';
import { lineSettingsOf } from '../transport/line-settings';
import { Msr605, MSR605_TIMING, Msr605Timing } from './msr605-driver';
import { command, MSR605_STATUS, Msr605Cmd, SwipeResult } from './msr605-codec';
import { DiagnoseTest, hex } from './pn532-codec';
import { Pn532, PN532_TIMING, Pn532Timing } from './pn532-driver';

export interface ReaderCheckOptions {
  /** How long the interactive test waits for a tap or a swipe. Default 10 000 ms, range 1 000–120 000. */
  interactiveMs?: number;
  /** Diagnose 07 parameter: the antenna detector's threshold setting (UM0701). Default 0x0D. */
  antennaThreshold?: number;
  pn532?: Partial<Pn532Timing>;
  msr605?: Partial<Msr605Timing>;
}

export const READER_CHECK_DEFAULTS = { interactiveMs: 10_000, antennaThreshold: 0x0d } as const;

/** The check's own timing option: how long the interactive test waits for a tap or a swipe. */
export const READER_CHECK_TIMING: OptionSpec<'interactiveMs'> = {
  interactiveMs: { default: READER_CHECK_DEFAULTS.interactiveMs, min: 1_000, max: 120_000 },
};

/** What `devices.reader.timing` may hold: the interactive window plus the driver timing of the reader's kind. */
export type ReaderTiming = { interactiveMs: number } & Pn532Timing & Msr605Timing;
export const READER_TIMING = {
  pn532: { ...READER_CHECK_TIMING, ...PN532_TIMING },
  msr605: { ...READER_CHECK_TIMING, ...MSR605_TIMING },
} as const;

/** Time the non-interactive steps may take together, worst case (every step at its own timeout). */
const BASE_BUDGET_MS = 8_000;
/** Kept back from the deadline so the device can be reset and the port closed inside the budget. */
const CLOSE_MARGIN_MS = 400;

/** The registry's factory: null when the terminal has no reader configured. */
export function createReaderCheck(env: CheckEnv, options: ReaderCheckOptions = {}): DeviceCheck | null {
  const config = env.devices.reader;
  if (!config) return null;
  // The caller's choice (the menu's window, a test's deadlines) over the configured timing, over the
  // defaults. Each driver resolves only the keys its own spec declares, so the whole timing can go to both.
  const timing = config.timing ?? {};
  const interactiveMs = options.interactiveMs ?? timing.interactiveMs ?? READER_CHECK_DEFAULTS.interactiveMs;
  options = { ...options, pn532: { ...timing, ...options.pn532 }, msr605: { ...timing, ...options.msr605 } };
  return {
    device: 'reader',
    budgetMs: BASE_BUDGET_MS + interactiveMs,
    run: (ctx) => (config.kind === 'msr605' ? runMsr605(env, config, options, interactiveMs, ctx) : runPn532(env, config, options, interactiveMs, ctx)),
  };
}

/** Thrown inside a run to stop it after the finding that explains why has been reported. */
class Stop extends Error {}

/** Runs one step; maps what went wrong to the step's finding. A step that got no reply stops the run. */
async function step<T>(ctx: CheckContext, id: string, fn: () => Promise<T>, extra: { checksumErrors?: () => number } = {}): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (ctx.signal.aborted) throw err; // the runner already reports the spent budget
    const f = findingForError(id, err, extra.checksumErrors?.() ?? 0);
    ctx.report(f);
    throw new Stop(f.message);
  }
}

export function findingForError(id: string, err: unknown, checksumErrors: number): Finding {
  if (isHalError(err, 'Transport_Timeout')) return { id, status: 'timeout', message: 'check.reader.no-reply', params: { step: id } };
  if (isHalError(err, 'Reader_Checksum')) return { id, status: 'fail', value: checksumErrors, message: 'check.reader.checksum', params: { count: checksumErrors } };
  if (isHalError(err, 'Transport_Disconnected')) return { id: 'reader.link', status: 'absent', message: 'check.reader.unplugged' };
  if (isHalError(err, 'Transport_NotFound')) return { id: 'reader.link', status: 'absent', message: 'check.reader.not-found', params: { path: String(err.context.path ?? '') } };
  if (isHalError(err, 'Transport_Busy')) return { id: 'reader.link', status: 'fail', message: 'check.reader.busy', params: { path: String(err.context.path ?? '') } };
  const code = isHalError(err) ? err.code : 'Unexpected';
  return { id, status: 'fail', value: code, message: 'check.reader.error', params: { error: code } };
}

function pass(id: string, message: string, extra: Partial<Finding> = {}): Finding {
  return { id, status: 'pass', message, ...extra };
}

function interactiveWindow(ctx: CheckContext, wanted: number): number {
  return Math.max(0, Math.min(wanted, ctx.deadline - ctx.clock.now() - CLOSE_MARGIN_MS));
}

// --- PN532 -------------------------------------------------------------------------------------------

async function runPn532(env: CheckEnv, config: ReaderConfig, o: ReaderCheckOptions, interactiveMs: number, ctx: CheckContext): Promise<void> {
  let chip: Pn532 | null = null;
  try {
    chip = await step(ctx, 'reader.link', () =>
      Pn532.open({ binding: env.binding, path: config.path, baudRate: config.baudRate, clock: ctx.clock, timing: o.pn532, line: lineSettingsOf(config) }),
    );
    const c = chip;
    const sums = { checksumErrors: () => c.checksumErrors };
    const { signal } = ctx;

    const t0 = ctx.clock.now();
    await step(ctx, 'reader.comm', () => c.wakeUp(signal), sums);
    const echoed = await step(ctx, 'reader.comm', () => c.echoTest([0x70, 0x6f, 0x73, 0x64, 0x69, 0x61, 0x67], signal), sums); // "posdiag"
    if (!echoed) {
      ctx.report({ id: 'reader.comm', status: 'fail', message: 'check.reader.comm.echo-mismatch' });
      return;
    }
    ctx.report(pass('reader.comm', 'check.reader.comm.ok', { value: Math.round(ctx.clock.now() - t0), unit: 'ms' }));

    const fw = await step(ctx, 'reader.firmware', () => c.firmware(signal), sums);
    ctx.report(
      fw.ic === 0x32
        ? pass('reader.firmware', 'check.reader.firmware.ok', { value: fw.text, params: { firmware: fw.text } })
        : { id: 'reader.firmware', status: 'warn', value: fw.text, message: 'check.reader.firmware.unexpected', params: { firmware: fw.text, expected: 'PN532' } },
    );

    const rom = await step(ctx, 'reader.rom', () => c.selfTest(DiagnoseTest.Rom, [], signal), sums);
    ctx.report(selfTestFinding('reader.rom', rom));
    const ram = await step(ctx, 'reader.ram', () => c.selfTest(DiagnoseTest.Ram, [], signal), sums);
    ctx.report(selfTestFinding('reader.ram', ram));

    if (ctx.level === 'internal') return;
    const threshold = o.antennaThreshold ?? READER_CHECK_DEFAULTS.antennaThreshold;
    const antenna = await step(ctx, 'reader.antenna', () => c.selfTest(DiagnoseTest.SelfAntenna, [threshold], signal), sums);
    ctx.report(selfTestFinding('reader.antenna', antenna));

    if (ctx.level !== 'interactive') return;
    const windowMs = interactiveWindow(ctx, interactiveMs);
    const card = await step(ctx, 'reader.tap', () => c.waitForTypeA(windowMs, signal), sums);
    ctx.report(
      card
        ? pass('reader.tap', 'check.reader.tap.ok', {
            value: 'ISO14443A',
            params: { type: 'ISO14443A', uid: maskUid(card.uid), atqa: hex(card.atqa >> 8) + hex(card.atqa & 0xff), sak: hex(card.sak) },
          })
        : { id: 'reader.tap', status: 'timeout', value: Math.round(windowMs / 1000), unit: 's', message: 'check.reader.tap.none', params: { seconds: Math.round(windowMs / 1000) } },
    );
  } catch (err) {
    if (!(err instanceof Stop)) throw err;
  } finally {
    await chip?.close();
  }
}

function selfTestFinding(id: string, result: number): Finding {
  const what = id.slice('reader.'.length);
  return result === 0x00
    ? pass(id, `check.reader.${what}.ok`)
    : { id, status: 'fail', value: `0x${hex(result)}`, message: `check.reader.${what}.fail`, params: { result: `0x${hex(result)}` } };
}

// --- MSR605 ------------------------------------------------------------------------------------------

async function runMsr605(env: CheckEnv, config: ReaderConfig, o: ReaderCheckOptions, interactiveMs: number, ctx: CheckContext): Promise<void> {
  let msr: Msr605 | null = null;
  let mayBeArmed = false;
  try {
    msr = await step(ctx, 'reader.link', () => Msr605.open({ binding: env.binding, path: config.path, baudRate: config.baudRate, clock: ctx.clock, timing: o.msr605, line: lineSettingsOf(config) }));
    const m = msr;
    const { signal } = ctx;

    const t0 = ctx.clock.now();
    await step(ctx, 'reader.comm', async () => {
      await m.reset(signal);
      await m.communicationTest(signal);
    });
    ctx.report(pass('reader.comm', 'check.reader.comm.ok', { value: Math.round(ctx.clock.now() - t0), unit: 'ms' }));

    const model = await step(ctx, 'reader.firmware', () => m.model(signal));
    const firmware = await step(ctx, 'reader.firmware', () => m.firmware(signal));
    const text = `MSR605 model ${model} ${firmware}`;
    ctx.report(pass('reader.firmware', 'check.reader.firmware.ok', { value: text, params: { firmware: text } }));

    const ram = await step(ctx, 'reader.ram', () => m.ramTest(signal));
    ctx.report(
      ram === 0x30
        ? pass('reader.ram', 'check.reader.ram.ok')
        : { id: 'reader.ram', status: 'fail', value: `0x${hex(ram)}`, message: 'check.reader.ram.fail', params: { result: MSR605_STATUS[ram] ?? `0x${hex(ram)}` } },
    );

    // The MSR605 has no antenna and no external-level test; the swipe is its interactive test.
    if (ctx.level !== 'interactive') return;
    const windowMs = interactiveWindow(ctx, interactiveMs);
    mayBeArmed = true;
    const swipe = await step(ctx, 'reader.swipe', () => m.readSwipe(windowMs, signal));
    mayBeArmed = false;
    for (const f of swipeFindings(swipe, windowMs)) ctx.report(f);
  } catch (err) {
    if (!(err instanceof Stop)) throw err;
  } finally {
    // A read left armed would swallow the next swipe of a real transaction.
    if (msr && mayBeArmed) await msr.line.write(command(Msr605Cmd.Reset)).catch(() => undefined);
    await msr?.close();
  }
}

/**
 * The swipe's findings: one for the swipe, one per track. Track 2 carries what a payment needs, so a
 * bad track 2 fails the swipe; a blank track 3 is normal for payment cards.
 */
export function swipeFindings(swipe: SwipeResult | null, windowMs: number): Finding[] {
  const seconds = Math.round(windowMs / 1000);
  if (!swipe) return [{ id: 'reader.swipe', status: 'timeout', value: seconds, unit: 's', message: 'check.reader.swipe.none', params: { seconds } }];
  const out: Finding[] = [];
  const summary = swipe.tracks.map((t, i) => `${i + 1}:${t}`).join(' ');
  const readable = swipe.tracks[1] === 'ok';
  out.push({
    id: 'reader.swipe',
    status: readable ? 'pass' : 'fail',
    value: summary,
    message: readable ? 'check.reader.swipe.ok' : 'check.reader.swipe.unreadable',
    params: swipe.maskedPan ? { pan: swipe.maskedPan, tracks: summary } : { tracks: summary },
  });
  swipe.tracks.forEach((t, i) => {
    const track = i + 1;
    const status: CheckStatus = t === 'ok' ? 'pass' : t === 'empty' ? (track === 3 ? 'pass' : track === 2 ? 'fail' : 'warn') : track === 2 ? 'fail' : 'warn';
    out.push({ id: `reader.track${track}`, status, value: t, message: `check.reader.track.${t}`, params: { track } });
  });
  return out;
}
