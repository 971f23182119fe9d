/**
 * scripts/ensure-system-deps.sh, which `npm start` and `npm test` run first, on a machine without socat
 * (a PATH without it; `id` and `apt-get` are stand-ins that answer and record): as root with apt-get it
 * installs through scripts/install-system-deps.sh and says so in one line; otherwise `test` prints the
 * exact command, with `sudo` only for a user who is not root, and exits 2, while `demo` goes on (the
 * simulated terminal falls back to the in-process link). socat is always missing here; whatever else is
 * (what `install-system-deps.sh --check` lists on that PATH) is named and installed with it.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

let bin: string;
beforeEach(() => {
  bin = mkdtempSync(join(tmpdir(), 'posdiag-deps-'));
  for (const tool of ['bash', 'dirname', 'mktemp', 'rm', 'cat']) {
    const real = ['/usr/bin', '/bin'].map((d) => join(d, tool)).find((p) => existsSync(p));
    if (!real) throw new Error(`no ${tool} on this machine`);
    symlinkSync(real, join(bin, tool));
  }
  // libnfc's tools are found on PATH: keep them there, so that socat is the one missing.
  for (const tool of ['nfc-list', 'nfc-scan-device', 'pn53x-diagnose']) {
    const real = spawnSync('bash', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
    if (real) symlinkSync(real, join(bin, tool));
  }
});
afterEach(() => rmSync(bin, { recursive: true, force: true }));

function stub(name: string, body: string) {
  writeFileSync(join(bin, name), `#!${join(bin, 'bash')}\n${body}\n`);
  chmodSync(join(bin, name), 0o755);
}

function ensure(scope: 'demo' | 'test', uid: number, aptGet: boolean) {
  stub('id', `echo ${uid}`);
  if (aptGet) stub('apt-get', `echo "$*" >> ${join(bin, 'apt.log')}`);
  return spawnSync(join(bin, 'bash'), [join(ROOT, 'scripts', 'ensure-system-deps.sh'), scope], { encoding: 'utf8', env: { PATH: bin } });
}

/** What the check finds missing on the stand-in PATH: socat first, then whatever this machine lacks. */
function missing(scope: 'demo' | 'test'): string {
  const r = spawnSync(join(bin, 'bash'), [join(ROOT, 'scripts', 'install-system-deps.sh'), '--check', scope], { encoding: 'utf8', env: { PATH: bin } });
  const names = r.stdout.trim().split('\n');
  expect(names[0]).toBe('socat');
  return names.join(' ');
}

const aptLog = () => (existsSync(join(bin, 'apt.log')) ? readFileSync(join(bin, 'apt.log'), 'utf8') : '');

test.each(['demo', 'test'] as const)('%s, root with apt-get: installs socat through the script, saying so in one line', (scope) => {
  const r = ensure(scope, 0, true);
  expect(r.status).toBe(0);
  expect(r.stderr).toBe(`posdiag: installing the system packages ${missing(scope)} with scripts/install-system-deps.sh (root, apt-get)\n`);
  expect(aptLog()).toBe(`update -qq\ninstall -y -qq --no-install-recommends ${missing(scope)}\n`);
});

test('test, not root: the command with sudo, exit 2, nothing installed', () => {
  const r = ensure('test', 1000, true);
  expect(r.status).toBe(2);
  expect(r.stderr).toBe(`posdiag: the tests need the system packages ${missing('test')}; run: sudo scripts/install-system-deps.sh\n`);
  expect(aptLog()).toBe('');
});

test('test, root without apt-get: no sudo in what it says, exit 2', () => {
  const r = ensure('test', 0, false);
  expect(r.status).toBe(2);
  expect(r.stderr).not.toContain('sudo');
  expect(r.stderr).toContain('socat');
});

test('demo, not root: goes on (exit 0) and installs nothing; the demo itself says what it falls back to', () => {
  const r = ensure('demo', 1000, true);
  expect(r.status).toBe(0);
  expect(r.stderr).toBe('');
  expect(aptLog()).toBe('');
});
