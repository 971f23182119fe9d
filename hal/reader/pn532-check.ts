/**
 * The PN532 (NFC, ISO 14443A) reader's steps: communication, firmware, ROM and RAM (internal), the
 * antenna self-test (external), a tap (interactive). Finding ids are `reader.<step>`.
 */
import type { DeviceEnv } from '../check-env';
import { Stop } from '../check-step';
import type { CheckContext, Finding } from '../selfcheck';
import { maskUid } from './card-mask';
import type { ReaderConfig } from './config';
import { driverOpenOptions, interactiveWindow, KindRunOptions, pass, readerStep } from './check-parts';
import { DiagnoseTest, hex } from './pn532-codec';
import { Pn532 } from './pn532-driver';

export async function runPn532(env: DeviceEnv<ReaderConfig>, o: KindRunOptions, ctx: CheckContext): Promise<void> {
  let chip: Pn532 | null = null;
  try {
    chip = await readerStep(ctx, 'reader.link', () => Pn532.open(driverOpenOptions(env, o, ctx)));
    const c = chip;
    const sums = { checksumErrors: () => c.checksumErrors };
    const { signal } = ctx;

    const t0 = ctx.clock.now();
    await readerStep(ctx, 'reader.comm', () => c.wakeUp(signal), sums);
    const echoed = await readerStep(ctx, 'reader.comm', () => c.echoTest([0x70, 0x6f, 0x73, 0x64, 0x69, 0x61, 0x67], signal), sums); // "posdiag"
    if (!echoed) {
      ctx.report({ id: 'reader.comm', status: 'fail', message: 'check.reader.comm.echo-mismatch' });
      return;
    }
    ctx.report(pass('reader.comm', 'check.reader.comm.ok', { value: Math.round(ctx.clock.now() - t0), unit: 'ms' }));

    const fw = await readerStep(ctx, 'reader.firmware', () => c.firmware(signal), sums);
    ctx.report(
      fw.ic === 0x32
        ? pass('reader.firmware', 'check.reader.firmware.ok', { value: fw.text, params: { firmware: fw.text } })
        : {
            id: 'reader.firmware',
            status: 'warn',
            value: fw.text,
            message: 'check.reader.firmware.unexpected',
            params: { firmware: fw.text, expected: 'PN532' },
          },
    );

    const rom = await readerStep(ctx, 'reader.rom', () => c.selfTest(DiagnoseTest.Rom, [], signal), sums);
    ctx.report(selfTestFinding('reader.rom', rom));
    const ram = await readerStep(ctx, 'reader.ram', () => c.selfTest(DiagnoseTest.Ram, [], signal), sums);
    ctx.report(selfTestFinding('reader.ram', ram));

    if (ctx.level === 'internal') return;
    const threshold = o.antennaThreshold;
    const antenna = await readerStep(ctx, 'reader.antenna', () => c.selfTest(DiagnoseTest.SelfAntenna, [threshold], signal), sums);
    ctx.report(selfTestFinding('reader.antenna', antenna));

    if (ctx.level !== 'interactive') return;
    const windowMs = interactiveWindow(ctx, o.interactiveMs);
    const card = await readerStep(ctx, 'reader.tap', () => c.waitForTypeA(windowMs, signal), sums);
    ctx.report(
      card
        ? pass('reader.tap', 'check.reader.tap.ok', {
            value: 'ISO14443A',
            params: { type: 'ISO14443A', uid: maskUid(card.uid), atqa: hex(card.atqa >> 8) + hex(card.atqa & 0xff), sak: hex(card.sak) },
          })
        : {
            id: 'reader.tap',
            status: 'timeout',
            value: Math.round(windowMs / 1000),
            unit: 's',
            message: 'check.reader.tap.none',
            params: { seconds: Math.round(windowMs / 1000) },
          },
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
