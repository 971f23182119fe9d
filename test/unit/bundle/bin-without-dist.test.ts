/**
 * bin/posdiag.js is what `npx posdiag` starts. In a checkout where the bundle was never built it says in
 * one line what to run (exit 1), and with the bundle there it runs it.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = join(__dirname, '..', '..', '..', 'bin', 'posdiag.js');

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'posdiag-bin-'));
  mkdirSync(join(root, 'bin'));
  copyFileSync(BIN, join(root, 'bin', 'posdiag.js'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const run = () => spawnSync(process.execPath, [join(root, 'bin', 'posdiag.js'), 'explain', '96'], { encoding: 'utf8' });

test('without dist/cli.js: one line naming the build command, exit 1, no stack trace', () => {
  const r = run();
  expect(r.status).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr).toBe(`posdiag: not built yet (no ${join(root, 'dist', 'cli.js')}): run \`npm run build\` in ${root}\n`);
});

test('with dist/cli.js: the bundle runs with the arguments', () => {
  mkdirSync(join(root, 'dist'));
  writeFileSync(join(root, 'dist', 'cli.js'), 'process.stdout.write(JSON.stringify(process.argv.slice(2)));\n');
  const r = run();
  expect(r.status).toBe(0);
  expect(JSON.parse(r.stdout)).toEqual(['explain', '96']);
});
