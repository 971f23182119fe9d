/**
 * `posdiag menu --sim` on a real pseudo-terminal: socat runs the command with a pty as its controlling
 * terminal (stdin, stdout and stderr), so raw mode, key handling and screen drawing are the real ones;
 * the test types into socat's other end and reads the screen from it.
 *
 *  - a wrong PIN shows the error, the demo PIN opens the menu, item 4 prints the test page on the
 *    simulated printer and shows the result, 0 leaves; the journal holds each event.
 *  - five wrong PINs lock the menu; the process is then killed (its terminal hung up), and a new one
 *    starts locked: the lockout is in menu-lock.json and the journal, not in memory.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireSystemTool } from '../../mocks/pty-pair';
import { cliBundle, CliBundle } from '../helpers/cli-bundle';

let bundle: CliBundle;
let home: string;
beforeAll(() => {
  requireSystemTool('socat');
  bundle = cliBundle();
});
afterAll(() => bundle?.dispose());
beforeEach(() => (home = mkdtempSync(join(tmpdir(), 'posdiag-menu-pty-'))));
afterEach(() => rmSync(home, { recursive: true, force: true }));

class MenuOnPty {
  private out = Buffer.alloc(0);
  private mark = 0;
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;

  constructor(extraArgs = '') {
    // EXEC splits its command at spaces: no path here has one.
    const command = `node ${bundle.cli} menu --sim${extraArgs}`;
    this.child = spawn('socat', ['-', `EXEC:${command},pty,setsid,ctty,stderr,raw,echo=0`], {
      env: { ...process.env, ...bundle.env, POSDIAG_HOME: home, NO_COLOR: '1', POSDIAG_CONFIG: '', POSDIAG_LOCALE: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child.stdout!.on('data', (b: Buffer) => (this.out = Buffer.concat([this.out, b])));
    this.exited = new Promise((resolve) => this.child.once('close', (code) => resolve(code)));
  }

  get screen(): string {
    return this.out.toString('utf8');
  }

  /** Waits until `text` appears after what the last wait consumed. */
  async waitFor(text: string, timeoutMs = 8000): Promise<string> {
    const start = Date.now();
    for (;;) {
      const seen = this.screen;
      const at = seen.indexOf(text, this.mark);
      if (at >= 0) {
        const chunk = seen.slice(this.mark, at + text.length);
        this.mark = at + text.length;
        return chunk;
      }
      if (Date.now() - start > timeoutMs) throw new Error(`"${text}" not on the screen; it shows:\n${seen.slice(this.mark)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  type(keys: string): void {
    this.child.stdin!.write(keys);
  }

  kill(): void {
    this.child.kill('SIGKILL');
  }
}

function journal(): Array<Record<string, unknown>> {
  return readFileSync(join(home, 'sim', 'journal.log'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line.split('\t')[0]));
}

test('wrong PIN, demo PIN, printer test page printed, exit', async () => {
  const menu = new MenuOnPty();
  await menu.waitFor('请输入技术员密码');
  menu.type('1111\r');
  await menu.waitFor('密码错误，还可试4次');
  menu.type('1234\r');
  await menu.waitFor('4 打印测试页');
  await menu.waitFor('0 退出');
  menu.type('4');
  const result = await menu.waitFor('确认键返回');
  expect(result).toMatch(/打印机\s+正常/);
  expect(result).toContain('测试页已打印');
  menu.type('\r');
  await menu.waitFor('0 退出');
  menu.type('0');
  await menu.waitFor('已退出技术员菜单');
  await expect(menu.exited).resolves.toBe(0);

  expect(menu.screen).toContain('> ****'); // the PIN as stars
  expect(menu.screen).not.toContain('1234');
  expect(menu.screen).not.toMatch(/\u001b\[[0-9;]*m/); // NO_COLOR: no colour codes
  const events = journal()
    .filter((r) => r.kind === 'menu')
    .map((r) => [r.event, r.detail]);
  expect(events).toEqual([
    ['pin-wrong', 'attempt 1'],
    ['pin-ok', undefined],
    ['test', 'printer-page: pass'],
    ['exit', 'user'],
  ]);
  expect(journal().find((r) => r.kind === 'selftest')).toMatchObject({ level: 'external', devices: [{ device: 'printer', status: 'pass' }] });
});

test('five wrong PINs lock the menu; killing the process does not unlock it', async () => {
  const menu = new MenuOnPty();
  await menu.waitFor('请输入技术员密码');
  for (let left = 4; left >= 1; left--) {
    menu.type('0000\r');
    await menu.waitFor(`密码错误，还可试${left}次`);
  }
  menu.type('0000\r');
  await menu.waitFor('已锁定，30秒后再试');
  menu.type('1234\r'); // the right PIN, refused while locked
  await menu.waitFor('已锁定');
  menu.kill();
  await menu.exited;

  const records = journal().filter((r) => r.kind === 'menu');
  expect(records.map((r) => r.event)).toEqual(['pin-wrong', 'pin-wrong', 'pin-wrong', 'pin-wrong', 'pin-wrong', 'lockout']);
  expect(records[5]).toMatchObject({ event: 'lockout', detail: 'lockout 1, 30 s', terminalId: '10000001' });
  const lock = JSON.parse(readFileSync(join(home, 'sim', 'menu-lock.json'), 'utf8'));
  expect(lock).toMatchObject({ failures: 0, lockouts: 1 });
  expect(lock.lockedUntil).toBeGreaterThan(Date.now());

  const again = new MenuOnPty();
  await again.waitFor('已锁定');
  again.type('\u001b'); // Esc leaves
  await again.waitFor('已退出技术员菜单');
  await expect(again.exited).resolves.toBe(0);
  expect(journal().filter((r) => r.event === 'pin-ok')).toEqual([]);
});

test('the reader test checks every reader of the terminal and names each', async () => {
  const menu = new MenuOnPty(' msr605=swipe --sim pn532=card-present --sim pn532-2=antenna-fail'); // socat splits its address at commas
  await menu.waitFor('请输入技术员密码');
  menu.type('1234\r');
  await menu.waitFor('0 退出');
  menu.type('3');
  const result = await menu.waitFor('确认键返回', 20_000);
  expect(result).toMatch(/msr605\s+正常/);
  expect(result).toMatch(/pn532-1\s+正常/);
  expect(result).toMatch(/pn532-2\s+故障/);
  menu.type('\r');
  await menu.waitFor('0 退出');
  menu.type('0');
  await expect(menu.exited).resolves.toBe(0);
  const run = journal().find((r) => r.kind === 'selftest') as { devices: Array<{ name?: string; status: string }> };
  expect(run.devices.map((d) => [d.name, d.status])).toEqual([
    ['msr605', 'pass'],
    ['pn532-1', 'pass'],
    ['pn532-2', 'fail'],
  ]);
}, 40_000);
