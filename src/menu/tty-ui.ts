/**
 * The technician menu on a terminal: keys from stdin (raw mode when it is a tty, so each key counts at
 * once and nothing echoes), one screen at a time on stdout. On a tty each screen replaces the last
 * (clear and home); otherwise screens follow one another, separated by a blank line, which keeps the
 * output readable in a log.
 *
 * Keys: 0–9; Enter; Esc (Cancel on a POS keypad) to go back, stop a test or leave; Backspace (Clear)
 * to correct the PIN; Ctrl-C leaves from anywhere.
 */
import { screenText } from '../cli/io';
import { emitKeypressEvents } from 'node:readline';
import type { MenuKey, MenuModel, Screen } from './model';
import { renderScreen } from './render';

export interface TtyInput extends NodeJS.ReadableStream {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
}

export interface TtyOutput {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface TtyUiOptions {
  input: TtyInput;
  output: TtyOutput;
  locale?: string;
  color: boolean;
}

interface Keypress {
  name?: string;
  ctrl?: boolean;
  sequence?: string;
}

/** Maps a keypress to a menu key; null for keys the menu does not use. */
export function toMenuKey(str: string | undefined, key: Keypress | undefined): MenuKey | 'quit' | null {
  if (key?.ctrl && (key.name === 'c' || key.name === 'd')) return 'quit';
  switch (key?.name) {
    case 'return':
    case 'enter':
      return { kind: 'enter' };
    case 'escape':
      return { kind: 'cancel' };
    case 'backspace':
    case 'delete':
      return { kind: 'backspace' };
  }
  if (str !== undefined && /^[0-9]$/.test(str)) return { kind: 'digit', digit: str };
  return null;
}

const CLEAR = '\u001b[H\u001b[2J';

/** Runs the menu until it exits; restores the terminal on every path. */
export async function runTtyMenu(model: MenuModel, o: TtyUiOptions): Promise<'user' | 'idle'> {
  const tty = Boolean(o.output.isTTY);
  let first = true;
  // A screen that cannot be drawn, or a key whose work fails, ends the menu with that error instead of
  // leaving the technician in front of a screen that no longer answers.
  let failure: { error: unknown } | null = null;
  const fail = (error: unknown) => {
    if (failure) return;
    failure = { error };
    void model.close().catch(() => undefined);
  };
  const draw = (screen: Screen) => {
    if (failure) return;
    try {
      // The same last guard as every command's text output: no control character but colours and line breaks.
      const text = screenText(renderScreen(screen, { locale: o.locale, color: o.color }).join('\n') + '\n');
      o.output.write(tty ? CLEAR + text : (first ? '' : '\n') + text);
      first = false;
    } catch (err) {
      fail(err);
    }
  };
  const unsubscribe = model.subscribe(draw);

  // Each key goes to the model at once, not after the previous key's work: Esc must reach a test that
  // is still running. Order is kept all the same, because the model takes in a key before its first
  // await (and ignores keys while it checks a PIN). What is still under way is awaited before leaving.
  const pending = new Set<Promise<void>>();
  const send = (work: () => Promise<void>) => {
    const p = work().catch(fail);
    pending.add(p);
    void p.then(() => pending.delete(p));
  };
  const onKeypress = (str: string | undefined, key: Keypress | undefined) => {
    const k = toMenuKey(str, key);
    if (k !== null) send(() => (k === 'quit' ? model.close() : model.press(k)));
  };
  const onEnd = () => send(() => model.close());

  emitKeypressEvents(o.input);
  const raw = Boolean(o.input.isTTY && o.input.setRawMode);
  if (raw) o.input.setRawMode!(true);
  o.input.on('keypress', onKeypress);
  o.input.on('end', onEnd);
  o.input.resume();
  try {
    await model.start();
    const how = await model.done;
    if (failure) throw (failure as { error: unknown }).error;
    return how;
  } finally {
    await Promise.all(pending);
    o.input.removeListener('keypress', onKeypress);
    o.input.removeListener('end', onEnd);
    if (raw) o.input.setRawMode!(false);
    o.input.pause();
    unsubscribe();
  }
}
