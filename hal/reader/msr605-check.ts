/**
 * The MSR605 (magnetic stripe) reader's steps: communication, model and firmware, RAM (internal), a
 * swipe (interactive); it has no external-level test. Finding ids are `reader.<step>`.
 */
import type { DeviceEnv } from '../check-env';
import { Stop } from '../check-step';
import type { CheckStatus, CheckContext, Finding } from '../selfcheck';
import type { ReaderConfig } from './config';
import { driverOpenOptions, interactiveWindow, KindRunOptions, pass, readerStep } from './check-parts';
import { command, MSR605_STATUS, Msr605Cmd, SwipeResult } from './msr605-codec';
import { Msr605 } from './msr605-driver';
import { hex } from './pn532-codec';

export async function runMsr605(env: DeviceEnv<ReaderConfig>, o: KindRunOptions, ctx: CheckContext): Promise<void> {
  let msr: Msr605 | null = null;
  let mayBeArmed = false;
  try {
    msr = await readerStep(ctx, 'reader.link', () => Msr605.open(driverOpenOptions(env, o, ctx)));
    const m = msr;
    const { signal } = ctx;

    const t0 = ctx.clock.now();
    await readerStep(ctx, 'reader.comm', async () => {
      await m.reset(signal);
      await m.communicationTest(signal);
    });
    ctx.report(pass('reader.comm', 'check.reader.comm.ok', { value: Math.round(ctx.clock.now() - t0), unit: 'ms' }));

    const model = await readerStep(ctx, 'reader.firmware', () => m.model(signal));
    const firmware = await readerStep(ctx, 'reader.firmware', () => m.firmware(signal));
    const text = `MSR605 model ${model} ${firmware}`;
    ctx.report(pass('reader.firmware', 'check.reader.firmware.ok', { value: text, params: { firmware: text } }));

    const ram = await readerStep(ctx, 'reader.ram', () => m.ramTest(signal));
    ctx.report(
      ram === 0x30
        ? pass('reader.ram', 'check.reader.ram.ok')
        : {
            id: 'reader.ram',
            status: 'fail',
            value: `0x${hex(ram)}`,
            message: 'check.reader.ram.fail',
            params: { result: MSR605_STATUS[ram] ?? `0x${hex(ram)}` },
          },
    );

    // The MSR605 has no antenna and no external-level test; the swipe is its interactive test.
    if (ctx.level !== 'interactive') return;
    const windowMs = interactiveWindow(ctx, o.interactiveMs);
    mayBeArmed = true;
    const swipe = await readerStep(ctx, 'reader.swipe', () => m.readSwipe(windowMs, signal));
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
