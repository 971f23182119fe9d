/**
 * What the technician menu needs from the rest of posdiag. The menu model only talks to this
 * interface, so it is tested with stubs; `posdiag menu` wires the real devices, journal and printer.
 */
import type { CheckStatus, SelfTestResult } from '../../hal/selfcheck';
import type { MenuEvent } from '../journal/types';
import type { LockStore } from './lock-store';

/** Menu item numbers as on the screen. */
export const MENU_ITEMS = {
  '1': 'selftest',
  '2': 'modem-network',
  '3': 'reader',
  '4': 'printer-page',
  '5': 'reprint',
  '6': 'journal',
} as const;
export type MenuItem = (typeof MENU_ITEMS)[keyof typeof MENU_ITEMS];
export type TestItem = Extract<MenuItem, 'selftest' | 'modem-network' | 'reader' | 'printer-page'>;

/** Live progress of one device while a test runs. */
export type DeviceProgress =
  { device: string; name?: string; state: 'running' } | { device: string; name?: string; state: 'done'; status: CheckStatus; ms: number };

export interface TestHooks {
  /** Called with 'running' for each device as it starts, then 'done' as each finishes. */
  onDevice(progress: DeviceProgress): void;
  /** Aborts when the technician presses Cancel; the service returns soon after, ports closed. */
  signal: AbortSignal;
}

export interface ReprintOutcome {
  /** `none`: there is no last slip to reprint. */
  state: 'printed' | 'queued' | 'not-printed' | 'none';
  slipId?: string;
  reason?: string;
}

/** One journal record as the menu lists it; the service decides how a record reads. */
export interface JournalLine {
  seq: number;
  /** ISO 8601. */
  time: string;
  kind: string;
  /** A few words: the response code and category, the menu event, the self-test outcome. */
  summary: string;
}

/** The menu's journal events are the journal's own list. */
export type { MenuEvent };

export interface MenuServices {
  /** Checks a PIN against the configured hash. */
  verifyPin(pin: string): Promise<boolean>;
  lockStore: LockStore;
  /** Item 1 (every device, level internal) and item 2 (modem and network). */
  selfTest(scope: 'full' | 'modem-network', hooks: TestHooks): Promise<SelfTestResult>;
  /** Item 3: the reader at level interactive, waiting `windowMs` for a swipe or a tap. */
  readerTest(windowMs: number, hooks: TestHooks): Promise<SelfTestResult>;
  /** Item 4: the printer at level external (status, then a test page). */
  printerTestPage(hooks: TestHooks): Promise<SelfTestResult>;
  /** Item 5. Never throws for a printer problem: that is an outcome. */
  reprintLast(signal: AbortSignal): Promise<ReprintOutcome>;
  /** Item 6: newest first. */
  listJournal(limit: number): Promise<JournalLine[]>;
  /** One menu event into the journal (kind 'menu'). Never given the PIN. */
  record(event: MenuEvent, detail?: string): Promise<void>;
}
