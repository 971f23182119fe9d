/** Key mapping, and the terminal left as it was found: raw mode on while the menu runs, off after. */
import { PassThrough } from 'node:stream';
import { FakeClock } from '../../../mocks/fake-clock';
import { memoryLockStore } from '../../../src/menu/lock-store';
import { MenuModel } from '../../../src/menu/model';
import type { MenuServices } from '../../../src/menu/services';
import { pinOnlyServices } from '../../helpers/menu-services';
import { runTtyMenu, toMenuKey } from '../../../src/menu/tty-ui';

test.each([
  // [what the keypress event gives (str, key.name, ctrl), the menu key]
  ['7', '7', false, { kind: 'digit', digit: '7' }],
  ['\r', 'return', false, { kind: 'enter' }],
  ['\n', 'enter', false, { kind: 'enter' }],
  ['\u001b', 'escape', false, { kind: 'cancel' }],
  ['\u007f', 'backspace', false, { kind: 'backspace' }],
  ['\u0003', 'c', true, 'quit'],
  ['a', 'a', false, null],
  ['\u001b[A', 'up', false, null],
])('%j (%s, ctrl %s) -> %j', (str, name, ctrl, expected) => {
  expect(toMenuKey(str, { name, ctrl })).toEqual(expected);
});

function services(): MenuServices {
  return pinOnlyServices({ verifyPin: async (p) => p === '1234', lockStore: memoryLockStore() });
}

test('raw mode while running, restored on exit; on a tty each screen clears the last', async () => {
  const raw: boolean[] = [];
  const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: (m: boolean) => void raw.push(m) });
  const written: string[] = [];
  const model = new MenuModel(services(), new FakeClock());
  const run = runTtyMenu(model, { input, output: { isTTY: true, write: (s: string) => void written.push(s) }, locale: 'en', color: false });
  input.write('1234\r');
  input.write('0');
  await expect(run).resolves.toBe('user');
  expect(raw).toEqual([true, false]);
  expect(written.every((s) => s.startsWith('\u001b[H\u001b[2J'))).toBe(true);
  expect(written.at(-1)).toContain('Technician menu closed');
});

test('the end of input closes the menu', async () => {
  const input = Object.assign(new PassThrough(), { isTTY: false });
  const written: string[] = [];
  const model = new MenuModel(services(), new FakeClock());
  const run = runTtyMenu(model, { input, output: { write: (s: string) => void written.push(s) }, color: false });
  input.end('12');
  await expect(run).resolves.toBe('user');
  expect(written.join('')).toContain('> **');
  expect(written.join('')).not.toContain('\u001b[');
});

test('Esc reaches a test that is still running (keys are not held behind the running item)', async () => {
  const input = Object.assign(new PassThrough(), { isTTY: false });
  const written: string[] = [];
  let aborted = false;
  const svc: MenuServices = {
    ...services(),
    readerTest: (_ms, hooks) =>
      new Promise((_resolve, reject) =>
        hooks.signal.addEventListener('abort', () => {
          aborted = true;
          reject(hooks.signal.reason);
        }),
      ),
  };
  const model = new MenuModel(svc, new FakeClock());
  const run = runTtyMenu(model, { input, output: { write: (s: string) => void written.push(s) }, locale: 'en', color: false });
  input.write('1234\r');
  await new Promise((r) => setTimeout(r, 50));
  input.write('3');
  await new Promise((r) => setTimeout(r, 50));
  expect(written.join('')).toContain('Swipe, tap or insert in 10 s');
  input.write('\u001b'); // a lone Esc: readline hands it on after its escape-sequence wait
  for (let i = 0; i < 100 && !written.join('').includes('Cancelled'); i++) await new Promise((r) => setTimeout(r, 20));
  expect(aborted).toBe(true);
  expect(written.join('')).toContain('Cancelled');
  input.write('\r0');
  await expect(run).resolves.toBe('user');
});

test('a screen that cannot be drawn ends the menu with the error, terminal restored', async () => {
  const raw: boolean[] = [];
  const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: (m: boolean) => void raw.push(m) });
  let writes = 0;
  const output = {
    isTTY: true,
    write: () => {
      if (++writes === 2) throw new Error('EPIPE: the screen went away');
    },
  };
  const model = new MenuModel(services(), new FakeClock());
  const run = runTtyMenu(model, { input, output, locale: 'en', color: false });
  input.write('1');
  await expect(run).rejects.toThrow('EPIPE');
  expect(raw).toEqual([true, false]);
});
