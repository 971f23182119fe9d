/**
 * The chip reader's options (timing, the AID list), apart from its driver: the reader kind table (hal/reader/kinds.ts)
 * and the configuration schema need the spec, while the driver itself is loaded only when a chip reader
 * is checked (ccid-bundle.ts).
 */
import { OptionSpec, resolveOptions } from '../../options';

/** Named timing options of the chip reader driver; defaults and ranges in CCID_TIMING. */
export interface CcidTiming {
  /** The first Escape (firmware) that proves the link; libccid gives it 2 s. */
  probeTimeoutMs: number;
  /** Slot status, parameters, power off, escapes; libccid allows 3 s. */
  commandTimeoutMs: number;
  /** One IccPowerOn at one voltage, ATR included (libccid waits 60 s; the reader's mute timeout decides sooner). */
  powerOnTimeoutMs: number;
  /** One APDU exchange (a T=0 card may be slow, it sends time requests meanwhile). */
  apduTimeoutMs: number;
  /** How many times a frame is sent again after a NAK. */
  nakRetries: number;
}

export const CCID_TIMING: OptionSpec<keyof CcidTiming> = {
  probeTimeoutMs: { default: 2000, min: 50, max: 10_000 },
  commandTimeoutMs: { default: 3000, min: 50, max: 10_000 },
  powerOnTimeoutMs: { default: 5000, min: 100, max: 60_000 },
  apduTimeoutMs: { default: 5000, min: 100, max: 60_000 },
  nakRetries: { default: 1, min: 0, max: 5 },
};

export function resolveCcidTiming(partial: Partial<CcidTiming> = {}): CcidTiming {
  return resolveOptions(CCID_TIMING, partial, 'ccid.');
}

/** How often the interactive test polls the slot while it waits for a card (pcscd polls every 400 ms). */
export const CHIP_POLL: OptionSpec<'pollIntervalMs'> = {
  pollIntervalMs: { default: 400, min: 50, max: 5_000 },
};

/**
 * The card's own steps (power-on to the last APDU) end by this absolute deadline, counted from the first
 * power-on: a T=0 card may stretch each answer with time requests, and a slow card is a finding, not a
 * reason to keep the cashier waiting. Generous by default; the cashier's profile shortens it.
 */
export const CHIP_CARD_STEPS: OptionSpec<'cardStepsMs'> = {
  cardStepsMs: { default: 20_000, min: 200, max: 120_000 },
};

/** The card steps' deadline under the cashier's profile: a healthy card's steps take about 200 ms. */
export const CHIP_CASHIER_CARD_STEPS_MS = 1_500;

/** Everything a ccid reader's `timing` may set besides the interactive window. */
export const CHIP_KIND_TIMING: OptionSpec<keyof CcidTiming | 'pollIntervalMs' | 'cardStepsMs'> = { ...CCID_TIMING, ...CHIP_POLL, ...CHIP_CARD_STEPS };

/**
 * The applications a terminal selects by default, UnionPay first (debit, credit, quasi-credit, e-cash),
 * then the international schemes; a reader's `aids` replaces the list.
 */
export const DEFAULT_AIDS: readonly string[] = [
  'A000000333010101',
  'A000000333010102',
  'A000000333010103',
  'A000000333010106',
  'A0000000031010',
  'A0000000041010',
  'A0000000651010',
];

/** How many AIDs a reader's list may hold. */
export const MAX_AIDS = 16;

/** An AID as the configuration may give it: 5 to 16 bytes, hex (ISO 7816-5 RID + PIX). */
export const AID_PATTERN = /^(?:[0-9A-Fa-f]{2}){5,16}$/;
