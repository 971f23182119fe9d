/**
 * Reads a new technician PIN for `posdiag menu --hash-pin`. On a tty: raw mode, a '*' per digit, typed
 * twice to catch a slip of the finger. Otherwise: the first line of stdin (for scripts:
 * `echo 482913 | posdiag menu --hash-pin`). The PIN is returned to the caller only, never printed.
 */
import { HalError } from '../../hal/errors';
import { isValidPin } from './pin';
import type { TtyInput, TtyOutput } from './tty-ui';

export interface PinPrompts {
  enter: string;
  again: string;
  mismatch: string;
}

export async function readNewPin(input: TtyInput, output: TtyOutput, prompts: PinPrompts): Promise<string> {
  if (!input.isTTY || !input.setRawMode) {
    const pin = await firstLine(input);
    if (!isValidPin(pin)) throw new HalError('Usage_Invalid', 'a technician PIN is 4 to 12 digits (read from stdin)');
    return pin;
  }
  const first = await readHidden(input, output, prompts.enter);
  const second = await readHidden(input, output, prompts.again);
  if (first !== second) throw new HalError('Usage_Invalid', prompts.mismatch);
  if (!isValidPin(first)) throw new HalError('Usage_Invalid', 'a technician PIN is 4 to 12 digits');
  return first;
}

function firstLine(input: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const done = () => {
      input.removeListener('data', onData);
      input.removeListener('end', done);
      input.removeListener('error', reject);
      input.pause();
      resolve(text.split(/\r?\n/)[0].trim());
    };
    const onData = (chunk: Buffer | string) => {
      text += chunk.toString();
      if (text.includes('\n') || text.length > 256) done();
    };
    input.on('data', onData);
    input.on('end', done);
    input.on('error', reject);
    input.resume();
  });
}

function readHidden(input: TtyInput, output: TtyOutput, prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let pin = '';
    output.write(prompt);
    input.setRawMode!(true);
    const finish = (err: Error | null) => {
      input.removeListener('data', onData);
      input.setRawMode!(false);
      input.pause();
      output.write('\n');
      if (err) reject(err);
      else resolve(pin);
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of chunk.toString()) {
        if (ch === '\r' || ch === '\n') return finish(null);
        if (ch === '\u0003' || ch === '\u001b') return finish(new HalError('Usage_Invalid', 'no PIN entered'));
        if ((ch === '\u007f' || ch === '\b') && pin.length > 0) {
          pin = pin.slice(0, -1);
          output.write('\b \b');
        } else if (/[0-9]/.test(ch) && pin.length < 12) {
          pin += ch;
          output.write('*');
        }
      }
    };
    input.on('data', onData);
    input.resume();
  });
}
