/**
 * A dist/cli.js copied without dist/ccid.js (the chip reader's lazily loaded driver and check): the chip
 * reader's check says it is not installed — a warning on reader.link — and is never taken for a reader
 * fault; the diagnosis of a card code goes on without it.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cliBundle, ROOT, type CliBundle } from '../helpers/cli-bundle';

jest.setTimeout(120_000);

let bundle: CliBundle;
let dir: string;
beforeAll(() => {
  bundle = cliBundle();
  dir = mkdtempSync(join(tmpdir(), 'posdiag-noccid-'));
  cpSync(dirname(bundle.cli), join(dir, 'dist'), { recursive: true, filter: (src) => !src.endsWith('ccid.js') });
});
afterAll(() => {
  bundle?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

function cli(...args: string[]) {
  const env = { ...process.env, NODE_PATH: join(ROOT, 'node_modules'), POSDIAG_HOME: join(dir, 'home') };
  return spawnSync(process.execPath, [join(dir, 'dist', 'cli.js'), ...args], { env, encoding: 'utf8', timeout: 60_000 });
}

test('selftest: the chip reader is a warning, not installed; diagnose: the card code keeps its own meaning', () => {
  const self = cli('selftest', 'reader', '--sim', 'ccid', '--level', 'external', '--json');
  const doc = JSON.parse(self.stdout) as {
    devices: Array<{ status: string; findings: Array<{ id: string; status: string; value?: unknown; message: string }> }>;
  };
  expect(doc.devices).toHaveLength(1);
  expect(doc.devices[0]!.status).toBe('warn');
  expect(doc.devices[0]!.findings).toEqual([{ id: 'reader.link', status: 'warn', value: 'not-installed', message: 'check.reader.chip.not-installed' }]);
  const diag = cli('diagnose', '--code', '14', '--sim', 'ccid', '--json', '--no-print');
  expect(diag.status).toBe(0);
  expect((JSON.parse(diag.stdout) as { cause: { id: string } }).cause.id).toBe('code.card');
});

test('a damaged dist/ccid.js is no "not installed": the reader check fails and says why', () => {
  const damaged = mkdtempSync(join(tmpdir(), 'posdiag-badccid-'));
  try {
    cpSync(dirname(bundle.cli), join(damaged, 'dist'), { recursive: true });
    writeFileSync(join(damaged, 'dist', 'ccid.js'), 'this is not javascript (');
    const env = { ...process.env, NODE_PATH: join(ROOT, 'node_modules'), POSDIAG_HOME: join(damaged, 'home') };
    const self = spawnSync(process.execPath, [join(damaged, 'dist', 'cli.js'), 'selftest', 'reader', '--sim', 'ccid', '--level', 'external', '--json'], {
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    const doc = JSON.parse(self.stdout) as { devices: Array<{ status: string; findings: Array<{ id: string; status: string; value?: unknown }> }> };
    expect(doc.devices[0]!.status).toBe('fail');
    expect(doc.devices[0]!.findings.map((f) => f.value)).not.toContain('not-installed');
  } finally {
    rmSync(damaged, { recursive: true, force: true });
  }
});
