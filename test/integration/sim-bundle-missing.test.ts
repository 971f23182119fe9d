/**
 * A terminal may be given dist/cli.js alone: the simulated terminal (dist/sim.js) is then not installed.
 * The commands that need it say so in one line (exit 1: posdiag could not), and the rest still work.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliBundle, type CliBundle } from '../helpers/cli-bundle';

let bundle: CliBundle;
let dir: string;
beforeAll(() => {
  bundle = cliBundle();
  dir = mkdtempSync(join(tmpdir(), 'posdiag-cli-alone-'));
  copyFileSync(bundle.cli, join(dir, 'cli.js'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  bundle.dispose();
});

function posdiag(args: string[]) {
  const r = spawnSync(process.execPath, [join(dir, 'cli.js'), ...args], { encoding: 'utf8', env: { ...process.env, ...bundle.env, POSDIAG_HOME: dir } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test.each([[['demo']], [['sim', '--help']], [['selftest', '--sim']]])('%j without dist/sim.js says the simulated terminal is not installed', (args) => {
  const r = posdiag(args);
  expect(r.code).toBe(1);
  expect(r.err).toBe(`posdiag: the simulated terminal is not installed: no ${join(dir, 'sim.js')} (demo, sim and --sim need it)\n`);
  expect(r.out).toBe('');
});

test('under --json it is the error document', () => {
  const r = posdiag(['demo', '--json']);
  expect(r.code).toBe(1);
  expect(JSON.parse(r.out)).toEqual({ error: { code: 'Unexpected', message: expect.stringContaining('the simulated terminal is not installed') } });
});

test('the commands that need no simulator still work', () => {
  expect(posdiag(['explain', '96', '--json']).code).toBe(0);
});
