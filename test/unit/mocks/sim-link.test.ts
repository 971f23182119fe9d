/**
 * Without socat (a machine where nobody may install it) the simulated terminal still works: its devices
 * talk to posdiag over the in-process link, and posdiag says so in one line with the install command.
 * The command shown to root has no sudo. No PTY is opened here.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HalError } from '../../../hal/errors';
import { chooseSimWiring, IN_PROCESS_NOTICE } from '../../../mocks/sim-link';
import { installCommand, missingToolMessage } from '../../../mocks/system-tools';
import { main } from '../../../src/cli/program';
import { capturedIo } from '../../helpers/captured-io';

describe('the install command', () => {
  test.each([
    [0, 'scripts/install-system-deps.sh', 'apt-get install socat'],
    [1000, 'sudo scripts/install-system-deps.sh', 'sudo apt-get install socat'],
  ])('uid %d: %s', (uid, script, apt) => {
    expect(installCommand(uid)).toBe(script);
    expect(missingToolMessage('socat', uid)).toBe(`socat is not installed. Install the system packages with: ${script} (or: ${apt})`);
    if (uid === 0) expect(missingToolMessage('socat', uid)).not.toContain('sudo');
  });

  test('the font names its package', () => {
    expect(missingToolMessage('unifont', 0)).toBe(
      'unifont is not installed. Install the system packages with: scripts/install-system-deps.sh (or: apt-get install unifont)',
    );
  });
});

describe('choosing the link', () => {
  test.each([
    [{}, true, 'pty'],
    [{}, false, 'in-process'],
    [{ POSDIAG_SIM_LINK: 'pty' }, false, 'pty'], // asked for: fails with the install command when it starts
    [{ POSDIAG_SIM_LINK: 'in-process' }, true, 'in-process'],
    [{ POSDIAG_SIM_LINK: '' }, false, 'in-process'],
  ])('env %j, socat there: %s → %s', (env, socat, kind) => {
    const wiring = chooseSimWiring(env, () => socat);
    expect(wiring.kind).toBe(kind);
    expect(wiring.binding === undefined).toBe(kind === 'pty');
  });

  test('only the fallback nobody asked for is announced', () => {
    expect(chooseSimWiring({}, () => false).notice).toBe(IN_PROCESS_NOTICE());
    expect(chooseSimWiring({ POSDIAG_SIM_LINK: 'in-process' }, () => false).notice).toBeUndefined();
    expect(chooseSimWiring({}, () => true).notice).toBeUndefined();
  });

  test('a value it does not know is bad usage', () => {
    expect(() => chooseSimWiring({ POSDIAG_SIM_LINK: 'serial' })).toThrow(HalError);
  });
});

test('posdiag demo with no socat on PATH: the whole flow over the in-process link, said in one line', async () => {
  const home = mkdtempSync(join(tmpdir(), 'posdiag-demo-nosocat-'));
  const saved = { path: process.env.PATH, link: process.env.POSDIAG_SIM_LINK };
  process.env.PATH = join(home, 'empty-path');
  delete process.env.POSDIAG_SIM_LINK;
  try {
    const t = capturedIo({ POSDIAG_HOME: home });
    await expect(main(['demo', '--locale', 'en', '--no-color'], t.handle)).resolves.toBe(0);
    const notices = t
      .err()
      .split('\n')
      .filter((l) => l.includes('in-process link'));
    expect(notices).toEqual([`posdiag: ${IN_PROCESS_NOTICE()}`]);
    expect(t.err()).toContain('modem    in-process:modem');
    expect(t.out()).toContain('signal-weak');
    expect(t.out()).toMatch(/journal +J\d+/);
  } finally {
    process.env.PATH = saved.path;
    if (saved.link === undefined) delete process.env.POSDIAG_SIM_LINK;
    else process.env.POSDIAG_SIM_LINK = saved.link;
    rmSync(home, { recursive: true, force: true });
  }
});
