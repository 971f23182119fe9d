/**
 * The contact chip reader's self-check, at the reader family's levels:
 *
 *   internal     link + firmware (Escape 02), slot status, and with an empty slot the error path:
 *                IccPowerOn must say "no card" (bStatus 42, bError FE)
 *   external     with a card in the slot: presence, ATR in time and well formed (posdiag's own ATR
 *                checks), SetParameters, SELECT PSE then the terminal's AIDs (UnionPay first), and, only
 *                when `readExpiry` is set, GPO + READ RECORD for 5F24/5F25; power off
 *   interactive  wait for a card, the external steps, wait for it to be taken out, within the window
 *
 * Findings are `reader.<step>`; what went wrong with the card is the finding's `value`, in the merchant's
 * terms (CHIP_CARD_PROBLEMS), and its message key is `check.reader.chip.<value>`. Card data never leaves
 * here: only allow-listed tags are parsed (emv-tlv.ts), answers are zeroed after use, and the expiry is
 * reported as a month.
 */
import type { BindingInterface } from '@serialport/bindings-interface';
import type { Clock } from '../../clock';
import { abortAfter, delay, type ClockDeadline } from '../../clock';
import type { SerialLineConfig } from '../../config';
import { step as checkStep, Stop } from '../../check-step';
import { isHalError } from '../../errors';
import { OptionSpec, resolveOptions } from '../../options';
import type { CheckContext, DeviceCheck, Finding } from '../../selfcheck';
import { safeText } from '../../safe-text';
import { findingForError } from '../check-parts';
import { Atr, AtrProblem, parseAtr, t0Parameters } from './atr';
import { CcidError, hexOf } from './ccid-codec';
import { Ccid, CcidTiming, PowerOnResult, VOLTAGE_NAMES } from './ccid-driver';
import { CHIP_CARD_STEPS, CHIP_POLL } from './ccid-options';
import { bcdDate, dateKey, dateText, DEFAULT_AIDS, gpo, parseAfl, readRecord, selectByName, selectPse, swOf, todayKey } from './emv-apdu';
import { allowedItems, findTag, TlvItem } from './emv-tlv';

/** What a finding's value says about the card or the reader, in the merchant's terms. */
export const CHIP_CARD_PROBLEMS = [
  'no-card',
  'not-inserted',
  'backwards-or-dirty',
  'chip-damaged',
  'worn-contacts',
  'removed-early',
  'no-payment-app',
  'app-blocked',
  'card-blocked',
  'expired',
  'not-yet-valid',
  'reader-fault',
] as const;
export type ChipCardProblem = (typeof CHIP_CARD_PROBLEMS)[number];

export interface ChipCheckOptions {
  /** How long the interactive test waits for the card to go in, and again to come out. */
  interactiveMs?: number;
  /** Slot polls while waiting for a card (pcscd polls every 400 ms). */
  pollIntervalMs?: number;
  /** The terminal's AIDs, hex, in the order it selects them. Default: UnionPay first (DEFAULT_AIDS). */
  aids?: readonly string[];
  /** GPO + READ RECORD for the expiry and effective dates. GPO starts a transaction on the card: off by default. */
  readExpiry?: boolean;
  /** The card steps' absolute deadline from the first power-on (CHIP_CARD_STEPS); default 20 s. */
  cardStepsMs?: number;
  /** Today's date for the expiry check (default: the system's). */
  today?: () => Date;
  timing?: Partial<CcidTiming>;
}

export const CHIP_CHECK_TIMING: OptionSpec<'interactiveMs' | 'pollIntervalMs'> = {
  interactiveMs: { default: 15_000, min: 1_000, max: 120_000 },
  ...CHIP_POLL,
};

/** The chip reader on its line: where it is and how the line is set. */
export interface ChipReaderConfig extends SerialLineConfig {
  path: string;
  baudRate?: number;
}

export interface ChipCheckEnv {
  binding: BindingInterface;
  clock?: Clock;
}

/** Worst case of the non-interactive steps: probe, slot, three power-ons, parameters, ~12 APDUs, power off. */
export const CHIP_BASE_BUDGET_MS = 20_000;
const CLOSE_MARGIN_MS = 400;
const MAX_RECORDS = 16;

export function createChipReaderCheck(env: ChipCheckEnv, config: ChipReaderConfig, options: ChipCheckOptions = {}): DeviceCheck {
  const own = resolveOptions(CHIP_CHECK_TIMING, { interactiveMs: options.interactiveMs, pollIntervalMs: options.pollIntervalMs }, 'ccid.');
  return {
    device: 'reader',
    budgetMs: CHIP_BASE_BUDGET_MS + 2 * own.interactiveMs,
    run: (ctx) => runChipReader(env, config, { ...options, ...own }, ctx),
  };
}

function pass(id: string, message: string, extra: Partial<Finding> = {}): Finding {
  return { id, status: 'pass', message, ...extra };
}

/** A finding about the card, in the merchant's terms. */
export function cardFinding(id: string, problem: ChipCardProblem, params: Record<string, string | number> = {}): Finding {
  return { id, status: 'fail', value: problem, message: `check.reader.chip.${problem}`, params };
}

export type ChipRunOptions = ChipCheckOptions & { interactiveMs: number; pollIntervalMs: number };
type Opts = ChipRunOptions;

/** The check's steps with its options resolved: createChipReaderCheck's run, and the `ccid` reader kind's. */
export async function runChipReader(env: ChipCheckEnv, config: ChipReaderConfig, o: Opts, ctx: CheckContext): Promise<void> {
  let reader: Ccid | null = null;
  let powered = false;
  let cardDeadline: ClockDeadline | undefined;
  const { signal } = ctx;
  const step: Step = (id, fn) => checkStep(ctx, (err) => errorFinding(id, err, reader), fn);
  try {
    const { path, baudRate, ...line } = config;
    reader = await step('reader.link', () => Ccid.open({ binding: env.binding, path, baudRate, clock: ctx.clock, timing: o.timing, line }));
    const r = reader;

    const t0 = ctx.clock.now();
    const firmware = await step('reader.comm', () => r.firmware(signal));
    ctx.report(pass('reader.comm', 'check.reader.comm.ok', { value: Math.round(ctx.clock.now() - t0), unit: 'ms' }));
    const fw = safeText(firmware, { max: 48 });
    ctx.report(
      fw.length > 0
        ? pass('reader.firmware', 'check.reader.firmware.ok', { value: fw, params: { firmware: fw } })
        : { id: 'reader.firmware', status: 'warn', message: 'check.reader.chip.firmware-empty' },
    );

    let slot = await step('reader.slot', () => r.slotStatus(signal));
    if (slot.failure) {
      ctx.report(cardFinding('reader.slot', 'reader-fault', { error: `0x${hexOf([slot.failure.error])}` }));
      return;
    }
    ctx.report(pass('reader.slot', 'check.reader.chip.slot.ok', { value: slot.icc === 'absent' ? 'empty' : 'card' }));

    if (ctx.level === 'internal') {
      if (slot.icc === 'absent') await errorPath(r, ctx, step);
      return;
    }

    if (ctx.level === 'interactive' && slot.icc === 'absent') {
      const window = windowLeft(ctx, o.interactiveMs);
      const inserted = await step('reader.insert', () => waitForSlot(r, ctx, window, o.pollIntervalMs, (s) => s !== 'absent'));
      if (!inserted) {
        ctx.report({
          id: 'reader.insert',
          status: 'timeout',
          value: Math.round(window / 1000),
          unit: 's',
          message: 'check.reader.chip.insert-none',
          params: { seconds: Math.round(window / 1000) },
        });
        return;
      }
      ctx.report(pass('reader.insert', 'check.reader.chip.insert.ok'));
      slot = { icc: inserted, failure: null };
    }
    if (slot.icc === 'absent') {
      // Nothing to test (the card was taken back after the refusal): said, but neither the reader's fault
      // nor proof of anything about the card.
      ctx.report({ id: 'reader.card', status: 'warn', value: 'no-card', message: 'check.reader.chip.no-card' });
      return;
    }
    ctx.report(pass('reader.card', 'check.reader.chip.card.ok'));

    // From here on the card's steps run under their own absolute deadline (cardStepsMs); a card that
    // outlasts it is reported slow (or silent) and the rest of its steps are skipped.
    cardDeadline = abortAfter(ctx.clock, o.cardStepsMs ?? CHIP_CARD_STEPS.cardStepsMs.default, signal);
    const cardSignal = cardDeadline.signal;
    const cardStep: Step = (id, fn) =>
      checkStep(ctx, (err) => (cardDeadline?.passed() && !signal?.aborted ? cardDeadlineFinding(id, r) : errorFinding(id, err, reader)), fn);

    // Activation: ATR at 5 V, 3 V or 1.8 V.
    const at = ctx.clock.now();
    const tries = await cardStep('reader.atr', () => r.powerOnSequence(cardSignal));
    const last = tries[tries.length - 1];
    if (!last.ok) {
      ctx.report(powerOnFinding(tries));
      return;
    }
    powered = true;
    const atr = parseAtr(last.atr);
    const atrHex = hexOf(last.atr);
    const atrFinding = atrProblemFinding(atr, atrHex);
    if (atrFinding) {
      ctx.report(atrFinding);
      return;
    }
    ctx.report(
      pass('reader.atr', 'check.reader.chip.atr.ok', {
        value: atrHex,
        params: { atr: atrHex, voltage: VOLTAGE_NAMES[last.voltage], ms: Math.round(ctx.clock.now() - at) },
      }),
    );

    if (!atr.protocols.includes(0)) {
      // posdiag's driver speaks T=0 only (every UnionPay contact ATR of the reference is T=0).
      ctx.report({
        id: 'reader.parameters',
        status: 'warn',
        value: `T=${atr.protocols.join('/')}`,
        message: 'check.reader.chip.protocol-untested',
        params: { protocols: atr.protocols.join(',') },
      });
      return;
    }
    const refused = await cardStep('reader.parameters', () => r.setParameters(0, t0Parameters(atr), cardSignal));
    if (refused) {
      ctx.report({
        id: 'reader.parameters',
        status: 'fail',
        value: `0x${hexOf([refused.error])}`,
        message: 'check.reader.chip.parameters.refused',
        params: { error: `0x${hexOf([refused.error])}` },
      });
      return;
    }
    ctx.report(pass('reader.parameters', 'check.reader.chip.parameters.ok', { value: 'T=0' }));

    const app = await cardStep('reader.application', () => selectApplication(r, o.aids ?? DEFAULT_AIDS, cardSignal));
    if ('problem' in app) {
      ctx.report(cardFinding('reader.application', app.problem, app.params));
      return;
    }
    ctx.report(pass('reader.application', 'check.reader.chip.application.ok', { value: app.aid, params: { aid: app.aid, label: app.label } }));

    if (o.readExpiry) {
      const today = todayKey((o.today ?? (() => new Date()))());
      ctx.report(await cardStep('reader.validity', () => readValidity(r, app.pdol, today, cardSignal)));
    }

    cardDeadline.done();
    if (r.timeRequests > 0) {
      ctx.report({ id: 'reader.speed', status: 'warn', value: r.timeRequests, message: 'check.reader.chip.slow-card', params: { count: r.timeRequests } });
    }

    const off = await step('reader.power-off', () => r.powerOff(signal));
    powered = false;
    ctx.report(
      off === 'inactive'
        ? pass('reader.power-off', 'check.reader.chip.power-off.ok')
        : off === 'absent'
          ? cardFinding('reader.power-off', 'removed-early')
          : { id: 'reader.power-off', status: 'fail', value: off, message: 'check.reader.chip.power-off.still-active' },
    );

    if (ctx.level === 'interactive' && off !== 'absent') {
      const window = windowLeft(ctx, o.interactiveMs);
      const removed = await step('reader.remove', () => waitForSlot(r, ctx, window, o.pollIntervalMs, (s) => s === 'absent'));
      ctx.report(
        removed
          ? pass('reader.remove', 'check.reader.chip.remove.ok')
          : {
              id: 'reader.remove',
              status: 'timeout',
              value: Math.round(window / 1000),
              unit: 's',
              message: 'check.reader.chip.remove-none',
              params: { seconds: Math.round(window / 1000) },
            },
      );
    }
  } catch (err) {
    if (!(err instanceof Stop)) throw err;
  } finally {
    cardDeadline?.done();
    // A card left powered keeps its session; the reader would also keep the contacts live.
    if (reader && powered && reader.line.isOpen) await powerOffOnExit(reader, ctx);
    await reader?.close();
  }
}

/** How long the power-off on the way out may take once the budget is spent (within the runner's cleanup grace). */
const EXIT_POWER_OFF_MS = 150;

/**
 * Powers the card off before the port closes, by an absolute deadline: the check's own, or, once the
 * budget is spent, EXIT_POWER_OFF_MS from now. A reader that fell silent then costs that, not a command
 * timeout with the port still open after the runner has reported the budget spent.
 */
async function powerOffOnExit(reader: Ccid, ctx: CheckContext): Promise<void> {
  const deadline = ctx.signal.aborted ? ctx.clock.now() + EXIT_POWER_OFF_MS : ctx.deadline;
  // A run without a deadline (Infinity) has only the command's own timeout.
  const limit = abortAfter(ctx.clock, deadline - ctx.clock.now());
  try {
    await reader.powerOff(limit.signal);
  } catch {
    // The card stays powered until the reader notices the port closed; nothing more can be done from here.
  } finally {
    limit.done();
  }
}

type Step = <T>(id: string, fn: () => Promise<T>) => Promise<T>;

/**
 * The card outlasted its steps' deadline: slow when it asked for more time on the way (a warning, the
 * card works), silent at that step when it did not.
 */
function cardDeadlineFinding(id: string, r: Ccid): Finding {
  if (r.timeRequests > 0)
    return { id: 'reader.speed', status: 'warn', value: r.timeRequests, message: 'check.reader.chip.slow-card', params: { count: r.timeRequests } };
  return { id, status: 'timeout', message: 'check.reader.no-reply', params: { step: id } };
}

/** With no card, IccPowerOn must fail with "no ICC" (42/FE): proof that card detect and error reporting work. */
async function errorPath(r: Ccid, ctx: CheckContext, step: Step): Promise<void> {
  const res = await step('reader.error-path', () => r.powerOn(0x01, ctx.signal));
  if (!res.ok && res.failure.icc === 'absent' && res.failure.error === CcidError.IccMute) {
    ctx.report(pass('reader.error-path', 'check.reader.chip.error-path.ok', { value: 'no-card' }));
    return;
  }
  if (res.ok) await r.powerOff(ctx.signal).catch(() => undefined);
  const said = res.ok ? 'atr' : `${res.failure.icc}/0x${hexOf([res.failure.error])}`;
  ctx.report({ id: 'reader.error-path', status: 'fail', value: said, message: 'check.reader.chip.error-path.wrong', params: { answer: said } });
}

function windowLeft(ctx: CheckContext, wanted: number): number {
  return Math.max(0, Math.min(wanted, ctx.deadline - ctx.clock.now() - CLOSE_MARGIN_MS));
}

/** Polls the slot (and listens for movements) until `want` holds or the window has passed. */
async function waitForSlot(r: Ccid, ctx: CheckContext, windowMs: number, everyMs: number, want: (s: 'active' | 'inactive' | 'absent' | 'rfu') => boolean) {
  const end = ctx.clock.now() + windowMs;
  for (;;) {
    const s = await r.slotStatus(ctx.signal);
    if (want(s.icc)) return s.icc;
    const left = end - ctx.clock.now();
    if (left <= 0) return null;
    await delay(ctx.clock, Math.min(everyMs, left), ctx.signal);
  }
}

/** Why no ATR came, from the reader's bError at each voltage. */
export function powerOnFinding(tries: PowerOnResult[]): Finding {
  const failures = tries.filter((t): t is Extract<PowerOnResult, { ok: false }> => !t.ok).map((t) => t.failure);
  const errors = failures.map((f) => `0x${hexOf([f.error])}`).join(',');
  const has = (e: number) => failures.some((f) => f.error === e);
  if (failures.some((f) => f.icc === 'absent')) return cardFinding('reader.atr', 'not-inserted');
  if (has(CcidError.ShortCircuit)) return cardFinding('reader.atr', 'chip-damaged', { problem: 'short-circuit' });
  if (has(CcidError.BadAtrTs)) return cardFinding('reader.atr', 'chip-damaged', { problem: 'ts' });
  if (has(CcidError.BadAtrTck)) return cardFinding('reader.atr', 'chip-damaged', { problem: 'tck' });
  if (has(CcidError.XfrParity)) return cardFinding('reader.atr', 'worn-contacts');
  if (failures.every((f) => f.error === CcidError.IccMute)) return cardFinding('reader.atr', 'backwards-or-dirty', { voltages: tries.length });
  return cardFinding('reader.atr', 'reader-fault', { error: errors });
}

/** An ATR that came but fails posdiag's checks: a damaged chip (or contact bounce). */
export function atrProblemFinding(atr: Atr, atrHex: string): Finding | null {
  const serious: AtrProblem[] = ['ts', 'short', 'long', 'tck-missing', 'tck-wrong', 'too-long', 'protocol'];
  const found = atr.problems.filter((p) => serious.includes(p));
  if (found.length === 0) return null;
  return cardFinding('reader.atr', 'chip-damaged', { problem: found.join(','), atr: atrHex });
}

type Selected = { aid: string; label: string; pdol: Uint8Array | null } | { problem: ChipCardProblem; params: Record<string, string> };

/** SELECT PSE, then the terminal's AIDs in order (EMV Book 1 §12.3); the first one the card takes wins. */
async function selectApplication(r: Ccid, aids: readonly string[], signal: AbortSignal): Promise<Selected> {
  const pse = await r.transmit(selectPse(), signal);
  pse.data.fill(0);
  if (swOf(pse) === '6A81') return { problem: 'card-blocked', params: { sw: '6A81' } };
  const blocked: string[] = [];
  for (const aid of aids) {
    const name = Uint8Array.from(Buffer.from(aid, 'hex'));
    const res = await r.transmit(selectByName(name), signal);
    const sw = swOf(res);
    try {
      if (sw === '6A81') return { problem: 'card-blocked', params: { sw } };
      if (sw === '6283') blocked.push(aid);
      if (sw !== '9000') continue;
      const items = allowedItems(res.data);
      const label = findTag(items, 0x50);
      return { aid, label: label ? safeText(Buffer.from(label).toString('latin1'), { max: 16 }) : '', pdol: findTag(items, 0x9f38) };
    } finally {
      res.data.fill(0);
    }
  }
  if (blocked.length > 0) return { problem: 'app-blocked', params: { aid: blocked[0], sw: '6283' } };
  return { problem: 'no-payment-app', params: {} };
}

/** GPO, then the AFL's records until 5F24 (and 5F25 if there) are found; nothing else is kept. */
async function readValidity(r: Ccid, pdol: Uint8Array | null, today: number, signal: AbortSignal): Promise<Finding> {
  const res = await r.transmit(gpo(pdol), signal);
  let afl: Uint8Array | null = null;
  try {
    if (swOf(res) === '6985') return { id: 'reader.validity', status: 'warn', value: '6985', message: 'check.reader.chip.gpo-refused' };
    if (swOf(res) !== '9000')
      return { id: 'reader.validity', status: 'fail', value: swOf(res), message: 'check.reader.chip.gpo-failed', params: { sw: swOf(res) } };
    // Format 1: 80 L AIP(2) AFL; format 2: 77 with 82 and 94.
    if (res.data[0] === 0x80 && res.data.length >= 4) afl = res.data.slice(4, 2 + res.data[1]);
    else afl = findTag(allowedItems(res.data), 0x94);
  } finally {
    res.data.fill(0);
  }
  let expiry: TlvItem['value'] | null = null;
  let effective: TlvItem['value'] | null = null;
  let read = 0;
  for (const e of parseAfl(afl ?? new Uint8Array(0))) {
    for (let rec = e.first; rec <= e.last && read < MAX_RECORDS && !(expiry && effective); rec++, read++) {
      const rr = await r.transmit(readRecord(rec, e.sfi), signal);
      try {
        if (swOf(rr) !== '9000') break;
        const items = allowedItems(rr.data);
        expiry ??= findTag(items, 0x5f24);
        effective ??= findTag(items, 0x5f25);
      } finally {
        rr.data.fill(0);
      }
    }
  }
  const exp = bcdDate(expiry);
  const eff = bcdDate(effective);
  if (!exp) return { id: 'reader.validity', status: 'warn', message: 'check.reader.chip.expiry-unknown' };
  // Only the month goes out: enough to explain a refusal, no more of the card than that.
  const month = dateText(exp).slice(0, 7);
  if (today > dateKey(exp)) return cardFinding('reader.validity', 'expired', { expiry: month });
  if (eff && today < dateKey(eff)) return cardFinding('reader.validity', 'not-yet-valid', { effective: dateText(eff).slice(0, 7) });
  return pass('reader.validity', 'check.reader.chip.validity.ok', { value: month, params: { expiry: month } });
}

/** Steps whose failure says the reader itself is dead or not speaking CCID: no card can be read. */
const LINK_STEPS = ['reader.link', 'reader.comm'];

/**
 * What a failed step means. A dead link is marked `reader-fault` in the merchant's terms like the card's
 * troubles (the diagnosis tells a dead chip reader from a dead PN532 by it); a tty another program holds is not.
 */
function errorFinding(id: string, err: unknown, reader: Ccid | null): Finding {
  const f = stepFinding(id, err, reader);
  const linkDead = LINK_STEPS.includes(f.id) && f.message !== 'check.reader.busy' && !f.message.startsWith('check.reader.chip.');
  return linkDead ? { ...f, value: 'reader-fault' } : f;
}

function stepFinding(id: string, err: unknown, reader: Ccid | null): Finding {
  if (isHalError(err, 'Reader_Status')) {
    const bError = err.context.bError as number | undefined;
    const icc = err.context.icc as string | undefined;
    const problem = err.context.problem as string | undefined;
    if (bError === CcidError.XfrParity || bError === CcidError.XfrOverrun) return cardFinding(id, 'worn-contacts', { error: `0x${hexOf([bError])}` });
    if (bError === CcidError.IccMute && icc === 'absent') return cardFinding(id, 'removed-early');
    if (bError === CcidError.ShortCircuit) return cardFinding(id, 'chip-damaged', { problem: 'short-circuit' });
    if (problem === 'no-echo' || problem === 'echo' || problem === 'sequence' || problem === 'type') {
      return { id: 'reader.comm', status: 'fail', value: problem, message: `check.reader.chip.protocol.${problem}` };
    }
  }
  if (reader && reader.movements.includes(false) && isHalError(err, 'Transport_Timeout')) return cardFinding(id, 'removed-early');
  return findingForError(id, err, reader?.lrcErrors ?? 0);
}
