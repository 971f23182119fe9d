/**
 * What the technician menu says: the catalog's `menu.*` texts (src/i18n/locales/<tag>.json). Lines are
 * short: a POS display is 32 columns wide (16 Hanzi), so every text, with its parameters filled in, fits
 * one line (test/unit/menu/render.test.ts). `{name}` is replaced by render.ts.
 */
import type { CheckStatus } from '../../hal/selfcheck';
import { fill, lookup, text } from '../i18n/catalog';
import type { Params } from '../i18n/format';

/** The menu's own texts, `menu.<id>` in the catalog. */
export const MENU_TEXT_IDS = [
  'title',
  'pinPrompt',
  'pinWrong',
  'pinShort',
  'pinLocked',
  // The attempt count could not be saved (read-only or full storage, a lock another process keeps):
  // the PIN is not checked until it can be.
  'pinUnavailable',
  'pinChecking',
  'pinKeys',
  'item1',
  'item2',
  'item3',
  'item4',
  'item5',
  'item6',
  'item0',
  'running',
  'cancelHint',
  'cancelling',
  'readerPrompt',
  'working',
  'back',
  'cancelled',
  'error',
  'reprintPrinted',
  'reprintQueued',
  'reprintNotPrinted',
  'reprintNone',
  'slipId',
  'journalEmpty',
  'bye',
  'byeIdle',
] as const;

export type MenuText = (typeof MENU_TEXT_IDS)[number];

/** A menu text in a locale, `{name}` filled in. */
export function menuText(id: MenuText, locale: unknown, params: Params = {}): string {
  return fill(text(`menu.${id}`, locale), params);
}

export const ITEM_TITLES = {
  selftest: 'item1',
  'modem-network': 'item2',
  reader: 'item3',
  'printer-page': 'item4',
  reprint: 'item5',
  journal: 'item6',
} as const;

/** A device's name on the menu (`menu.device.<device>`); a device without one shows its own id. */
export function deviceName(device: string, locale: unknown): string {
  return lookup(`menu.device.${device}`, locale)?.value ?? device;
}

/** A check status as the menu says it (`menu.status.<status>`). */
export function statusWord(status: CheckStatus | 'running', locale: unknown): string {
  return lookup(`menu.status.${status}`, locale)?.value ?? status;
}
