/**
 * The `ccid` reader kind's run: the chip reader check (chip-check.ts) with what the terminal configured
 * for this reader — its line, its AID list, whether the expiry may be read — and the reader family's
 * interactive window. In the bundle this file is dist/ccid.js, loaded by ccid-bundle.ts on the first
 * chip reader check, which keeps the driver, the codec and the EMV commands out of dist/cli.js.
 */
import type { DeviceEnv } from '../../check-env';
import type { CheckContext } from '../../selfcheck';
import type { KindRunOptions } from '../check-parts';
import type { ReaderConfig } from '../config';
import { runChipReader } from './chip-check';
import { CHIP_CARD_STEPS, CHIP_POLL } from './ccid-options';

export async function runCcid(env: DeviceEnv<ReaderConfig>, o: KindRunOptions, ctx: CheckContext): Promise<void> {
  const { kind: _kind, name: _name, timing: _timing, aids, readExpiry, ...serial } = env.config;
  const { pollIntervalMs = CHIP_POLL.pollIntervalMs.default, cardStepsMs = CHIP_CARD_STEPS.cardStepsMs.default, interactiveMs: _window, ...driver } = o.timing;
  await runChipReader(
    { binding: env.binding, clock: env.clock },
    serial,
    {
      interactiveMs: o.interactiveMs,
      pollIntervalMs,
      cardStepsMs,
      timing: driver,
      ...(aids ? { aids } : {}),
      ...(readExpiry !== undefined ? { readExpiry } : {}),
    },
    ctx,
  );
}
