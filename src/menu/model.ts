/**
 * The technician menu as a state machine, free of terminals and devices:
 *
 *     PIN entry --right PIN--> main menu --1..6--> item running --> result --Enter/Cancel--> main menu
 *         |                        |                   |
 *      Cancel                   0/Cancel            Cancel (aborts the test)
 *         v                        v
 *       exit                     exit
 *
 * Keys come in as `press(key)`; every change of screen goes to the subscribers, which render it.
 * The entered PIN stays inside the model: the screen only learns how many digits there are.
 * Time comes from the injected clock, which must tell wall-clock milliseconds (the lockout is stored
 * as an absolute time and must survive a restart). Within one process a lockout's end is also held on
 * the monotonic clock (`monotonicNow`), so setting the wall clock forward does not end it early and
 * setting it back does not stretch it; between menus of one boot the lock store does the same
 * (lock-store.ts). What remains: after a reboot only the wall clock tells a lockout's end; and the
 * monotonic clock stands still while the terminal sleeps, so a lockout is longer by the time asleep.
 */
import type { Clock } from '../../hal/clock';
import { resolveOptions, type OptionSpec } from '../../hal/options';
import { SelfTestResult, worstStatus } from '../../hal/selfcheck';
import { clearLock, countAttempt, LockoutOptions, LockState, LockView, resolveLockoutOptions, settle, viewLock } from './lockout';
import { PIN_PATTERN } from './pin';
import { DeviceProgress, JournalLine, MENU_ITEMS, MenuEvent, MenuItem, MenuServices, ReprintOutcome } from './services';

export type MenuKey = { kind: 'digit'; digit: string } | { kind: 'enter' } | { kind: 'cancel' } | { kind: 'backspace' };

/** `unavailable`: the lock state could not be read or saved, so no PIN is checked (fail closed). */
export type PinNotice = 'wrong' | 'short' | 'locked' | 'checking' | 'unavailable' | null;

export type ItemResult =
  | { kind: 'checks'; result: SelfTestResult }
  | { kind: 'cancelled' }
  | { kind: 'reprint'; outcome: ReprintOutcome }
  | { kind: 'journal'; lines: JournalLine[] }
  | { kind: 'error'; message: string };

export type Screen =
  | { kind: 'pin'; digits: number; notice: PinNotice; attemptsLeft: number; lockedMs: number }
  | { kind: 'main' }
  | { kind: 'running'; item: MenuItem; devices: DeviceProgress[]; readerWindowMs?: number; cancelling: boolean }
  | { kind: 'result'; item: MenuItem; result: ItemResult }
  | { kind: 'exit'; reason: 'user' | 'idle' };

export interface MenuOptions {
  lockout?: Partial<LockoutOptions>;
  /** How long the reader test waits for a swipe or a tap, ms. */
  readerWindowMs?: number;
  /** Without a key press for this long, the menu closes (not while a test runs), ms. */
  idleMs?: number;
  /** How many journal records item 6 lists. */
  journalLines?: number;
  /**
   * Milliseconds on a clock no one can set (default performance.now()). Tests with a fake clock pass
   * the fake clock's time here too, or its lockouts would never end.
   */
  monotonicNow?: () => number;
}

export const MENU_OPTIONS: OptionSpec<'readerWindowMs' | 'idleMs' | 'journalLines'> = {
  readerWindowMs: { default: 10_000, min: 1000, max: 120_000 },
  idleMs: { default: 120_000, min: 10_000, max: 3_600_000 },
  journalLines: { default: 10, min: 1, max: 50 },
};

const PIN_MAX_DIGITS = 12;
/** Keys kept while a PIN is being checked; more are dropped. */
const TYPE_AHEAD_MAX = 16;

export class MenuModel {
  #screenNow: Screen = { kind: 'pin', digits: 0, notice: null, attemptsLeft: 0, lockedMs: 0 };
  #pin = '';
  #lock: LockState = clearLock();
  #busy = false;
  #typeAhead: MenuKey[] = [];
  #running: AbortController | null = null;
  #listeners: Array<(s: Screen) => void> = [];
  #idleTimer: unknown = null;
  #lockTimer: unknown = null;
  /** The lockout this process has seen, and its end on the monotonic clock. */
  #lockEnd: { lockedUntil: number; at: number } | null = null;
  readonly #monotonicNow: () => number;
  readonly #lockout: LockoutOptions;
  readonly readerWindowMs: number;
  readonly #idleMs: number;
  readonly #journalLines: number;
  /** Resolves when the menu has exited (and its exit is journaled). */
  readonly done: Promise<'user' | 'idle'>;
  #finish!: (reason: 'user' | 'idle') => void;

  constructor(
    private readonly services: MenuServices,
    private readonly clock: Clock,
    options: MenuOptions = {},
  ) {
    this.#lockout = resolveLockoutOptions(options.lockout);
    ({ readerWindowMs: this.readerWindowMs, idleMs: this.#idleMs, journalLines: this.#journalLines } = resolveOptions(MENU_OPTIONS, options, 'menu.'));
    this.#monotonicNow = options.monotonicNow ?? (() => performance.now());
    this.done = new Promise((resolve) => (this.#finish = resolve));
  }

  get screen(): Screen {
    return this.#screenNow;
  }

  subscribe(listener: (s: Screen) => void): () => void {
    this.#listeners.push(listener);
    return () => void (this.#listeners = this.#listeners.filter((l) => l !== listener));
  }

  /** Reads the lockout state (finishing a lockout a killed process left half done) and shows PIN entry. */
  async start(): Promise<void> {
    let notice: PinNotice = null;
    try {
      const settled = await this.#settleStored();
      if (settled.lockout) await this.#record('lockout', lockoutDetail(settled.lockout));
    } catch {
      notice = 'unavailable'; // every PIN entry will try the store again, and be refused while it fails
    }
    this.#showPin(notice);
    this.#armIdle();
  }

  /** The stored state as every menu on this terminal left it, settled (a count at the limit locks). */
  async #settleStored(): Promise<ReturnType<typeof settle>> {
    const settled = await this.services.lockStore.update((loaded) => {
      const r = settle(this.#ended(loaded), this.clock.now(), this.#lockout);
      return { state: r.state, result: r };
    });
    this.#lock = settled.state;
    return settled;
  }

  async press(key: MenuKey): Promise<void> {
    const s = this.#screenNow;
    if (s.kind === 'exit') return;
    if (s.kind === 'running') {
      if (key.kind === 'cancel' && this.#running && !s.cancelling) {
        this.#show({ ...s, cancelling: true });
        this.#running.abort(new Error('cancelled at the menu'));
      }
      return;
    }
    if (this.#busy) {
      // Typed ahead while the PIN is checked (a fast keypad, or keys from a pipe): kept, in order.
      if (this.#typeAhead.length < TYPE_AHEAD_MAX) this.#typeAhead.push(key);
      return;
    }
    this.#armIdle();
    if (s.kind === 'pin') return this.#pressOnPin(key);
    if (s.kind === 'main') {
      if (key.kind === 'cancel' || (key.kind === 'digit' && key.digit === '0')) return this.#exit('user');
      if (key.kind === 'digit' && Object.prototype.hasOwnProperty.call(MENU_ITEMS, key.digit)) {
        return this.#runItem(MENU_ITEMS[key.digit as keyof typeof MENU_ITEMS]);
      }
      return;
    }
    // result: any of Enter, Cancel or 0 goes back
    if (key.kind === 'enter' || key.kind === 'cancel' || (key.kind === 'digit' && key.digit === '0')) this.#show({ kind: 'main' });
  }

  /** Closes the menu from outside (the terminal went away). */
  async close(): Promise<void> {
    this.#running?.abort(new Error('menu closed'));
    if (this.#screenNow.kind !== 'exit') await this.#exit('user');
  }

  async #pressOnPin(key: MenuKey): Promise<void> {
    if (key.kind === 'cancel') return this.#exit('user');
    const view = this.#view(this.#lock);
    if (view.locked) return this.#showPin('locked');
    if (key.kind === 'digit') {
      if (this.#pin.length < PIN_MAX_DIGITS && /^[0-9]$/.test(key.digit)) this.#pin += key.digit;
      return this.#showPin(null);
    }
    if (key.kind === 'backspace') {
      this.#pin = this.#pin.slice(0, -1);
      return this.#showPin(null);
    }
    if (!PIN_PATTERN.test(this.#pin)) return this.#showPin('short');
    await this.#checkPin();
    for (const typed of this.#typeAhead.splice(0)) await this.press(typed);
  }

  async #checkPin(): Promise<void> {
    const pin = this.#pin;
    this.#pin = '';
    this.#busy = true;
    try {
      this.#showPin('checking');
      await this.#admitAndVerify(pin);
    } catch {
      // The lock state could not be read or saved. Fail closed: no PIN is checked (or accepted)
      // without its attempt on disk, and the technician sees why instead of "checking" for ever.
      this.#showPin('unavailable');
    } finally {
      this.#busy = false;
    }
  }

  /**
   * Other menus may run on this terminal at the same time, each with its own copy of the state. So the
   * attempt is admitted under the store's lock against the state as they all left it: settled (a count
   * at the limit becomes a lockout), refused while locked, else counted and saved — and only then is the
   * PIN verified. However many menus type at once, at most the allowed number of PINs get checked.
   */
  async #admitAndVerify(pin: string): Promise<void> {
    const admitted = await this.services.lockStore.update((loaded) => {
      const settled = settle(this.#ended(loaded), this.clock.now(), this.#lockout);
      const locked = this.#view(settled.state).locked;
      const state = locked ? settled.state : countAttempt(settled.state);
      return { state, result: { state, locked, lockout: settled.lockout } };
    });
    this.#lock = admitted.state;
    if (admitted.lockout) await this.#record('lockout', lockoutDetail(admitted.lockout));
    if (admitted.locked) return this.#showPin('locked');

    let right = false;
    try {
      right = await this.services.verifyPin(pin);
    } catch {
      right = false;
    }
    if (right) {
      this.#lock = await this.services.lockStore.update(() => ({ state: clearLock(), result: clearLock() }));
      await this.#record('pin-ok');
      this.#show({ kind: 'main' });
      return;
    }
    // The count is already saved; settle what the menus left meanwhile (this attempt may reach the limit).
    const settled = await this.#settleStored();
    await this.#record('pin-wrong', `attempt ${admitted.state.failures}`);
    if (settled.lockout) await this.#record('lockout', lockoutDetail(settled.lockout));
    this.#showPin(settled.lockout ? 'locked' : 'wrong');
  }

  /**
   * The lock as this menu enforces it. A lockout (known by its stored end) is timed from when this
   * process first saw it, on the monotonic clock: the wall clock only says how much was left then.
   */
  #view(s: LockState): LockView {
    const v = viewLock(s, this.clock.now(), this.#lockout);
    if (this.#lockEnd?.lockedUntil !== s.lockedUntil) {
      this.#lockEnd = v.locked ? { lockedUntil: s.lockedUntil, at: this.#monotonicNow() + v.remainingMs } : null;
    }
    if (!this.#lockEnd) return v;
    const remainingMs = Math.max(0, this.#lockEnd.at - this.#monotonicNow());
    return { ...v, locked: remainingMs > 0, remainingMs };
  }

  /**
   * A stored lockout this menu has timed to its end counts as over, whatever the wall clock says now
   * (set back, it would otherwise be taken for a lockout ending far ahead and capped to the longest).
   */
  #ended(s: LockState): LockState {
    const over = this.#lockEnd?.lockedUntil === s.lockedUntil && s.lockedUntil !== 0 && this.#lockEnd.at <= this.#monotonicNow();
    return over ? { ...s, lockedUntil: 0 } : s;
  }

  #showPin(notice: PinNotice): void {
    const view = this.#view(this.#lock);
    const shown: PinNotice = view.locked && notice !== 'checking' ? 'locked' : notice;
    this.#show({ kind: 'pin', digits: this.#pin.length, notice: shown, attemptsLeft: view.attemptsLeft, lockedMs: view.remainingMs });
    // While locked, tick once a second so the countdown moves and entry reopens on time.
    if (this.#lockTimer !== null) this.clock.clearTimeout(this.#lockTimer);
    this.#lockTimer = null;
    if (view.locked) {
      this.#lockTimer = this.clock.setTimeout(
        () => {
          this.#lockTimer = null;
          if (this.#screenNow.kind === 'pin' && !this.#busy) {
            const still = this.#view(this.#lock).locked;
            this.#showPin(still ? 'locked' : null);
          }
        },
        Math.min(1000, view.remainingMs),
      );
    }
  }

  async #runItem(item: MenuItem): Promise<void> {
    const controller = new AbortController();
    this.#running = controller;
    this.#disarmIdle();
    const readerWindowMs = item === 'reader' ? this.readerWindowMs : undefined;
    this.#show({ kind: 'running', item, devices: [], readerWindowMs, cancelling: false });
    const hooks = {
      signal: controller.signal,
      onDevice: (p: DeviceProgress) => {
        const s = this.#screenNow;
        if (s.kind !== 'running') return;
        // One row per device, or per reader of several (by its name).
        const same = (d: DeviceProgress) => d.device === p.device && d.name === p.name;
        const devices = s.devices.filter((d) => !same(d));
        const at = s.devices.findIndex(same);
        devices.splice(at < 0 ? devices.length : at, 0, p);
        this.#show({ ...s, devices });
      },
    };
    let result: ItemResult;
    try {
      result = await this.#perform(item, hooks);
      if (controller.signal.aborted && result.kind === 'checks') result = { kind: 'cancelled' };
    } catch (err) {
      result = controller.signal.aborted ? { kind: 'cancelled' } : { kind: 'error', message: err instanceof Error ? err.message : String(err) };
    } finally {
      this.#running = null;
    }
    await this.#recordResult(item, result);
    if (this.#screenNow.kind === 'exit') return;
    this.#show({ kind: 'result', item, result });
    this.#armIdle();
  }

  async #perform(item: MenuItem, hooks: { signal: AbortSignal; onDevice(p: DeviceProgress): void }): Promise<ItemResult> {
    const checks = async (run: Promise<SelfTestResult>): Promise<ItemResult> => ({ kind: 'checks', result: await run });
    switch (item) {
      case 'selftest':
        return checks(this.services.selfTest('full', hooks));
      case 'modem-network':
        return checks(this.services.selfTest('modem-network', hooks));
      case 'reader':
        return checks(this.services.readerTest(this.readerWindowMs, hooks));
      case 'printer-page':
        return checks(this.services.printerTestPage(hooks));
      case 'reprint':
        return { kind: 'reprint', outcome: await this.services.reprintLast(hooks.signal) };
      case 'journal':
        return { kind: 'journal', lines: await this.services.listJournal(this.#journalLines) };
    }
  }

  async #recordResult(item: MenuItem, result: ItemResult): Promise<void> {
    if (item === 'journal') return; // reading the journal is not an event worth a record
    const event: MenuEvent = item === 'reprint' ? 'reprint' : 'test';
    await this.#record(event, `${item}: ${resultWord(result)}`);
  }

  async #exit(reason: 'user' | 'idle'): Promise<void> {
    if (this.#screenNow.kind === 'exit') return;
    this.#pin = '';
    this.#disarmIdle();
    if (this.#lockTimer !== null) this.clock.clearTimeout(this.#lockTimer);
    this.#lockTimer = null;
    this.#show({ kind: 'exit', reason });
    await this.#record('exit', reason);
    this.#finish(reason);
  }

  #armIdle(): void {
    this.#disarmIdle();
    this.#idleTimer = this.clock.setTimeout(() => {
      this.#idleTimer = null;
      if (this.#screenNow.kind !== 'running' && !this.#busy) void this.#exit('idle');
    }, this.#idleMs);
  }

  #disarmIdle(): void {
    if (this.#idleTimer !== null) this.clock.clearTimeout(this.#idleTimer);
    this.#idleTimer = null;
  }

  /** A journal that cannot be written must not lock the technician out of the menu. */
  async #record(event: MenuEvent, detail?: string): Promise<void> {
    try {
      await this.services.record(event, detail);
    } catch {
      // the lock state on disk, not the journal, is what enforces the lockout
    }
  }

  #show(s: Screen): void {
    this.#screenNow = s;
    for (const l of this.#listeners) l(s);
  }
}

function lockoutDetail(l: { delayMs: number; count: number }): string {
  return `lockout ${l.count}, ${Math.round(l.delayMs / 1000)} s`;
}

/** One word for the journal: the worst device status, or what became of the item. */
export function resultWord(r: ItemResult): string {
  switch (r.kind) {
    case 'checks':
      return worstStatus(r.result.devices);
    case 'reprint':
      return r.outcome.state;
    case 'journal':
      return `${r.lines.length} records`;
    case 'cancelled':
      return 'cancelled';
    case 'error':
      return 'error';
  }
}
