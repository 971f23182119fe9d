/**
 * The kinds of card reader posdiag can check, by the `kind` a reader's configuration names. Everything
 * that depends on the kind — the timing a configuration may set, the check's steps, the line speed a
 * simulator is given — is looked up here; a kind not in this table is refused when the configuration
 * loads, so no reader is ever taken for another. A new kind is one entry here plus its driver and steps.
 */
import type { DeviceEnv } from '../check-env';
import { HalError } from '../errors';
import type { OptionSpec } from '../options';
import type { CheckContext } from '../selfcheck';
import type { KindRunOptions } from './check-parts';
import type { ReaderConfig } from './config';
import { loadCcidRunner } from './ccid/ccid-bundle';
import { CHIP_KIND_TIMING } from './ccid/ccid-options';
import { runMsr605 } from './msr605-check';
import { MSR605_TIMING } from './msr605-driver';
import { runPn532 } from './pn532-check';
import { PN532_TIMING } from './pn532-driver';

export interface ReaderKind {
  /** How a card meets the reader: a slot for the stripe, a chip contact, a field for a tap. */
  reads: 'magstripe' | 'contact' | 'contactless';
  /** The driver's timing options, as `devices.readers[i].timing` may set them. */
  timing: OptionSpec<string>;
  /** The speed the device talks at out of the box. */
  baudRate: number;
  /** Time its non-interactive steps may take together, worst case; the reader family's when not set. */
  baseBudgetMs?: number;
  /** How many interactive windows a run may wait (insert and remove: two); one when not set. */
  windows?: number;
  /** Configuration fields only this kind has, beyond kind, name and timing. */
  fields?: readonly string[];
  run(env: DeviceEnv<ReaderConfig>, options: KindRunOptions, ctx: CheckContext): Promise<void>;
}

export const READER_KINDS: Readonly<Record<string, ReaderKind>> = {
  pn532: { reads: 'contactless', timing: PN532_TIMING, baudRate: 115200, run: runPn532 },
  msr605: { reads: 'magstripe', timing: MSR605_TIMING, baudRate: 9600, run: runMsr605 },
  // CCID over a serial line as libccid's GemPC Twin driver speaks it: 115200 8N2. Probe, slot, three
  // power-ons, parameters and a dozen APDUs at their timeouts take up to 20 s; the card goes in and out.
  ccid: {
    reads: 'contact',
    timing: CHIP_KIND_TIMING,
    baudRate: 115200, // 8N2 unless the configuration says otherwise: the driver's default line
    baseBudgetMs: 20_000,
    windows: 2,
    fields: ['aids', 'readExpiry'],
    run: (env, options, ctx) => {
      const runner = loadCcidRunner();
      // A dist/cli.js copied without dist/ccid.js cannot check the chip reader: said, never taken for a reader fault.
      if (!runner)
        return Promise.resolve(ctx.report({ id: 'reader.link', status: 'warn', value: 'not-installed', message: 'check.reader.chip.not-installed' }));
      return runner.runCcid(env, options, ctx);
    },
  },
};

export const READER_KIND_IDS: readonly string[] = Object.keys(READER_KINDS);

/** The kind's entry; an unknown kind is a Config_Invalid naming the field, never another kind's default. */
export function readerKind(kind: unknown, field: string): ReaderKind {
  const entry = typeof kind === 'string' && Object.hasOwn(READER_KINDS, kind) ? READER_KINDS[kind] : undefined;
  if (!entry)
    throw new HalError('Config_Invalid', `${field}: unknown reader kind ${JSON.stringify(kind)}; expected one of ${READER_KIND_IDS.join(', ')}`, { field });
  return entry;
}
