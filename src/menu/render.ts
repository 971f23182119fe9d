/**
 * A menu screen as lines of text for a small display: at most MENU_COLUMNS display columns each
 * (a Hanzi counts two), longer texts wrapped or cut with '…'. Pure; the terminal UI draws the lines.
 */
import type { CheckStatus, DeviceResult, Finding } from '../../hal/selfcheck';
import { paint } from '../paint';
import { maskCardNumbers, safeText } from '../../hal/safe-text';
import { shortTime } from '../journal/render';
import { resolveLocale, type Locale } from '../i18n/locale';
import { translate } from '../i18n/translate';
import { displayWidth, wrapColumns } from '../i18n/width';
import type { ItemResult, Screen } from './model';
import type { DeviceProgress, JournalLine } from './services';
import { deviceName, ITEM_TITLES, menuText, type MenuText, statusWord } from './texts';

export const MENU_COLUMNS = 32;

export interface RenderOptions {
  locale?: string;
  color?: boolean;
}

const COLOR: Record<CheckStatus | 'running', number> = { running: 36, pass: 32, warn: 33, fail: 31, absent: 35, timeout: 31 };

export function renderScreen(screen: Screen, options: RenderOptions = {}): string[] {
  // Texts scrubbed one by one can still meet across a line (a value's last digits, the next one's first).
  return maskCardNumbers(screenLines(screen, options).join('\n')).split('\n');
}

function screenLines(screen: Screen, options: RenderOptions): string[] {
  const locale = resolveLocale(options.locale);
  const color = Boolean(options.color);
  const t = (key: MenuText, params: Record<string, string | number> = {}) => menuText(key, locale, scrubbed(params));
  const title = (text: string) => [paint(color, 1, fitLine(text)), '-'.repeat(MENU_COLUMNS)];

  switch (screen.kind) {
    case 'pin': {
      const lines = [...title(t('title')), t('pinPrompt'), '> ' + '*'.repeat(screen.digits)];
      if (screen.notice === 'locked') lines.push(paint(color, 31, t('pinLocked', { s: Math.ceil(screen.lockedMs / 1000) })));
      else if (screen.notice === 'wrong') lines.push(paint(color, 31, t('pinWrong', { n: screen.attemptsLeft })));
      else if (screen.notice === 'short') lines.push(t('pinShort'));
      else if (screen.notice === 'checking') lines.push(t('pinChecking'));
      else if (screen.notice === 'unavailable') lines.push(paint(color, 31, t('pinUnavailable')));
      lines.push(t('pinKeys'));
      return lines.map(fitLine);
    }
    case 'main':
      return [...title(t('title')), ...(['item1', 'item2', 'item3', 'item4', 'item5', 'item6', 'item0'] as const).map((k) => t(k))].map(fitLine);
    case 'running': {
      const lines = [...title(t(ITEM_TITLES[screen.item]))];
      if (screen.readerWindowMs !== undefined) lines.push(...wrap(t('readerPrompt', { s: Math.round(screen.readerWindowMs / 1000) })));
      lines.push(screen.item === 'reprint' || screen.item === 'journal' ? t('working') : t('running'));
      for (const d of screen.devices) lines.push(progressLine(d, locale, color));
      lines.push(screen.cancelling ? t('cancelling') : t('cancelHint'));
      return lines.map(fitLine);
    }
    case 'result':
      return [...title(t(ITEM_TITLES[screen.item])), ...resultLines(screen.result, locale, color, t), t('back')].map(fitLine);
    case 'exit':
      return [t(screen.reason === 'idle' ? 'byeIdle' : 'bye')].map(fitLine);
  }
}

function resultLines(r: ItemResult, locale: Locale, color: boolean, t: (k: MenuText, p?: Record<string, string | number>) => string): string[] {
  switch (r.kind) {
    case 'checks':
      return r.result.devices.flatMap((d) => [
        deviceLine(d.device, d.status, locale, color, d.ms, d.name),
        ...notable(d).flatMap((f) => wrap(translate(f.message, f.params ?? {}, locale), 2)),
      ]);
    case 'cancelled':
      return [t('cancelled')];
    case 'error':
      return wrap(t('error', { m: r.message }));
    case 'reprint': {
      const o = r.outcome;
      const word = { printed: 'reprintPrinted', queued: 'reprintQueued', 'not-printed': 'reprintNotPrinted', none: 'reprintNone' } as const;
      const lines = [paint(color, o.state === 'printed' ? 32 : o.state === 'queued' ? 33 : 31, t(word[o.state]))];
      if (o.slipId) lines.push(t('slipId', { id: o.slipId }));
      if (o.reason) lines.push(...wrap(o.reason, 2));
      return lines;
    }
    case 'journal':
      return r.lines.length === 0 ? [t('journalEmpty')] : r.lines.map(journalLine);
  }
}

/** The findings worth a line: anything not passing, and the outcome of an item's own action. */
function notable(d: DeviceResult): Finding[] {
  const action = /\.(test-page|tap|swipe)$/;
  return d.findings.filter((f) => f.status !== 'pass' || action.test(f.id));
}

function progressLine(p: DeviceProgress, locale: Locale, color: boolean): string {
  return p.state === 'running'
    ? deviceLine(p.device, 'running', locale, color, undefined, p.name)
    : deviceLine(p.device, p.status, locale, color, p.ms, p.name);
}

/** A device's line; one of several readers goes by its own name (at most 16 characters, configuration-checked). */
function deviceLine(device: string, status: CheckStatus | 'running', locale: Locale, color: boolean, ms?: number, own?: string): string {
  const name = pad(own !== undefined ? safeText(own) : deviceName(device, locale), 10);
  const time = ms === undefined ? '' : ` ${(ms / 1000).toFixed(1)}s`;
  return `${name}${paint(color, COLOR[status], statusWord(status, locale))}${time}`;
}

/** `#12 11-22 10:04 96 network`: sequence, local month-day and time of the record (posdiag journal's, less the year), its summary. */
function journalLine(l: JournalLine): string {
  return `#${safeText(l.seq)} ${shortTime(l.time).slice(5)} ${safeText(l.summary)}`;
}

/** A menu text's parameters, each scrubbed (an error message, a slip id, a printer's reason). */
function scrubbed(params: Record<string, string | number>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, safeText(value)]));
}

function pad(text: string, columns: number): string {
  return text + ' '.repeat(Math.max(1, columns - displayWidth(text)));
}

// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[[0-9;]*m/g;

/** Cuts a line to MENU_COLUMNS display columns (colour codes take none), ending it with '…' when cut. */
export function fitLine(line: string): string {
  if (displayWidth(line.replace(SGR, '')) <= MENU_COLUMNS) return line;
  const plain = line.replace(SGR, '');
  let out = '';
  let w = 0;
  for (const ch of plain) {
    const cw = displayWidth(ch);
    if (w + cw > MENU_COLUMNS - 1) break;
    out += ch;
    w += cw;
  }
  return out + '…';
}

/**
 * Wraps a text to MENU_COLUMNS (after `indent` spaces), by the slip's rules (hal/text-wrap.ts). The text
 * is scrubbed whole first (error messages and printer reasons may carry bytes a device sent, or a card
 * number): wrapping first could split a card number into lines too short to be recognised.
 */
export function wrap(text: string, indent = 0): string[] {
  return wrapColumns(safeText(text), MENU_COLUMNS - indent)
    .filter((l) => l.trim())
    .map((l) => ' '.repeat(indent) + l);
}
