/**
 * The lint (`npm run lint`, part of `npm test`): dependency-cruiser's rules of .dependency-cruiser.cjs over
 * hal/, src/ and mocks/, then Prettier's check. Each rule is breached in a small tree of its own in a
 * temporary directory (the repository's lint configuration copied in, the real tree never touched), and the
 * lint must fail naming that rule; the same tree without the breach passes. Then the real tree: no
 * violation and no import cycle, type imports included.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const LINT = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.lint;
const CONFIG_FILES = ['.dependency-cruiser.cjs', 'bundles.cjs', '.prettierrc.json', '.prettierignore'];

/** A tree without breaches: a framer in hal/, a code table in src/ and a simulator in mocks/ that use it, and a lazy loader. */
const CLEAN: Record<string, string> = {
  'tsconfig.json': '{ "compilerOptions": { "module": "commonjs", "strict": true }, "include": ["hal", "src", "mocks"] }\n',
  'hal/transport/framer.ts': 'export type Framer = (bytes: Uint8Array) => void;\n',
  'hal/reader/kinds.ts': "import type { Framer } from '../transport/framer';\n\nexport type Kind = { framer: Framer };\n",
  'src/codes/types.ts': "import type { Framer } from '../../hal/transport/framer';\n\nexport type Code = { framer?: Framer };\n",
  'mocks/simulator.ts': "import type { Framer } from '../hal/transport/framer';\n\nexport const framer: Framer | null = null;\n",
  // A lazy loader of bundles.cjs and the file it loads, which names the loader's type back: the one allowed cycle.
  'src/slip/png-bundle.ts':
    "export type PngRenderer = typeof import('./roll-png');\n\nexport const load = (): PngRenderer => require('./roll-png') as PngRenderer;\n",
  'src/slip/roll-png.ts': "import type { PngRenderer } from './png-bundle';\n\nexport const renderer: PngRenderer | null = null;\n",
};

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

function tree(planted: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'posdiag-lint-'));
  dirs.push(dir);
  for (const f of CONFIG_FILES) copyFileSync(join(ROOT, f), join(dir, f));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  for (const [path, text] of Object.entries({ ...CLEAN, ...planted })) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** Runs package.json's lint script in `dir`, as `npm run lint` does. */
function lint(dir: string): { code: number | null; out: string } {
  const run = spawnSync('bash', ['-c', LINT], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${join(ROOT, 'node_modules', '.bin')}:${process.env.PATH}`, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  return { code: run.status, out: `${run.stdout}${run.stderr}` };
}

test('the clean tree passes (a cycle through a lazy loader of bundles.cjs is allowed)', () => {
  const { code, out } = lint(tree({}));
  expect(out).toContain('no dependency violations found');
  expect(out).toContain('All matched files use Prettier code style');
  expect(code).toBe(0);
});

test.each([
  ['hal-not-src', 'hal/reader/kinds.ts', "import type { Code } from '../../src/codes/types';\n\nexport type Kind = Code;\n"],
  ['hal-not-src', 'hal/reader/pn532-check.ts', "import { framer } from '../../mocks/simulator';\n\nexport const f = framer;\n"],
  ['transport-no-device', 'hal/transport/line-settings.ts', "import type { Kind } from '../reader/kinds';\n\nexport type Line = { kind?: Kind };\n"],
  ['mocks-only-hal', 'mocks/terminal.ts', "import type { Code } from '../src/codes/types';\n\nexport const code: Code | null = null;\n"],
  ['pure-no-io', 'src/diagnosis/causes.ts', "import { readFileSync } from 'node:fs';\n\nexport const read = readFileSync;\n"],
  // A cycle of type imports alone is a cycle.
  [
    'no-cycle',
    'hal/transport/framer.ts',
    "import type { Code } from '../../src/codes/types';\n\nexport type Framer = (bytes: Uint8Array, code?: Code) => void;\n",
  ],
])('a breach of %s in %s fails the lint, naming the rule and the file', (rule, file, text) => {
  const { code, out } = lint(tree({ [file]: text }));
  expect(out).toMatch(new RegExp(`error ${rule}: ${file.replace(/[.]/g, '\\.')}`));
  expect(code).not.toBe(0);
});

test('diagnosis-no-checks: the diagnosis reaching the check registry through another file fails; the cause data alone passes', () => {
  const registry = { 'hal/devices.ts': 'export const DEVICE_MODULES: string[] = [];\n' };
  const { code, out } = lint(
    tree({
      ...registry,
      'hal/cause-list.ts': "import { DEVICE_MODULES } from './devices';\n\nexport const CAUSES = DEVICE_MODULES;\n",
      'src/diagnosis/causes.ts': "import { CAUSES } from '../../hal/cause-list';\n\nexport const rules = CAUSES;\n",
    }),
  );
  expect(out).toMatch(/error diagnosis-no-checks: src\/diagnosis\/causes\.ts/);
  expect(code).not.toBe(0);
  const clean = lint(
    tree({
      ...registry,
      'hal/cause-list.ts': 'export const CAUSES: string[] = [];\n',
      'src/diagnosis/causes.ts': "import { CAUSES } from '../../hal/cause-list';\n\nexport const rules = CAUSES;\n",
    }),
  );
  expect(clean.out).toContain('no dependency violations found');
});

test('pure-no-io: the codecs, framers and parsers of hal/ and the pure parts of src/ import no I/O or timers', () => {
  const planted = {
    'hal/reader/pn532-codec.ts': "import { setTimeout } from 'node:timers';\n\nexport const wait = setTimeout;\n",
    'hal/reader/ccid/atr.ts': "import { SerialPort } from 'serialport';\n\nexport const port = SerialPort;\n",
    'hal/network/iso8583/fields.ts': "import { connect } from 'net';\n\nexport const open = connect;\n",
    'hal/modem/at-parsers.ts': "import { spawn } from 'node:child_process';\n\nexport const run = spawn;\n",
    'src/i18n/hint.ts': "import { readFile } from 'node:fs/promises';\n\nexport const read = readFile;\n",
    'src/slip/layout.ts': "import { setTimeout } from 'node:timers/promises';\n\nexport const wait = setTimeout;\n",
    // The same imports in an I/O file are its job.
    'hal/transport/serial-line.ts': "import { SerialPort } from 'serialport';\n\nexport const port = SerialPort;\n",
  };
  const { code, out } = lint(tree(planted));
  const named = [...out.matchAll(/error pure-no-io: (\S+)/g)].map((m) => m[1]).sort();
  expect(named).toEqual(
    Object.keys(planted)
      .filter((f) => f !== 'hal/transport/serial-line.ts')
      .sort(),
  );
  expect(code).not.toBe(0);
});

test('a cycle that does not pass through a lazy loader fails, though it is the same shape', () => {
  const { code, out } = lint(
    tree({
      'src/slip/preview.ts': "export type Renderer = typeof import('./roll-png');\n\nexport const load = (): Renderer => require('./roll-png') as Renderer;\n",
      'src/slip/roll-png.ts': "import type { Renderer } from './preview';\n\nexport const renderer: Renderer | null = null;\n",
    }),
  );
  expect(out).toMatch(/error no-cycle: src\/slip\/(preview|roll-png)\.ts/);
  expect(code).not.toBe(0);
});

test('a file Prettier would change fails the lint after the dependency rules pass', () => {
  const { code, out } = lint(tree({ 'src/codes/row.ts': 'export const row = {code:"00",   category : "approved"}\n' }));
  expect(out).toContain('no dependency violations found');
  expect(out).toContain('[warn] src/codes/row.ts');
  expect(out).toMatch(/Code style issues found/);
  expect(code).not.toBe(0);
});

test('the real tree: no dependency violation, no import cycle (type imports included)', () => {
  const run = spawnSync(
    join(ROOT, 'node_modules', '.bin', 'depcruise'),
    ['--config', '.dependency-cruiser.cjs', '--output-type', 'json', 'hal', 'src', 'mocks'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    },
  );
  const result = JSON.parse(run.stdout) as {
    modules: Array<{ source: string; dependencies: Array<{ circular: boolean; dependencyTypes: string[]; resolved: string }> }>;
    summary: { violations: unknown[]; totalCruised: number };
  };
  expect(result.summary.violations).toEqual([]);
  const inCycle = result.modules.flatMap((m) => m.dependencies.filter((d) => d.circular).map((d) => `${m.source} -> ${d.resolved}`));
  expect(inCycle).toEqual([]);
  // It looked at the whole tree, type imports included.
  expect(result.modules.filter((m) => /^(hal|src|mocks)\//.test(m.source)).length).toBeGreaterThan(200);
  expect(result.modules.some((m) => m.dependencies.some((d) => d.dependencyTypes.includes('type-only')))).toBe(true);
  expect(run.status).toBe(0);
});
