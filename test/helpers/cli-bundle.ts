/**
 * The `posdiag` bundle for tests that run the real command in a child process. dist/cli.js when it is
 * there and newer than every source file (CI builds first); otherwise a fresh bundle of the sources in
 * a temporary directory, made the way build.mjs makes it, the locale files beside it (dist/ is left alone:
 * other runs may use it).
 */
import { buildSync } from 'esbuild';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GB18030_TABLE_FILE, gb18030TableFile } from '../../hal/printer/gb18030-table-codegen';
import { GB18030_TABLE, LAZY_BUNDLES, LOCALE_FILES, lazyDefines } from '../../bundles.cjs';

export const ROOT = join(__dirname, '..', '..');

export interface CliBundle {
  /** Path of cli.js. */
  cli: string;
  /** Environment a child needs to run it (NODE_PATH for the native binding a temporary bundle leaves external). */
  env: NodeJS.ProcessEnv;
  /** Removes a temporary bundle; nothing for dist/. */
  dispose(): void;
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') || entry.name.endsWith('.json')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

export function cliBundle(): CliBundle {
  const dist = join(ROOT, 'dist');
  const built = ['cli.js', ...LAZY_BUNDLES.map((l) => l.file), GB18030_TABLE.file].map((f) => join(dist, f));
  if (built.every(existsSync)) {
    const sources = Math.max(...['src', 'hal', 'mocks'].map((d) => newestSource(join(ROOT, d))), statSync(join(ROOT, 'bundles.cjs')).mtimeMs);
    if (Math.min(...built.map((f) => statSync(f).mtimeMs)) >= sources) return { cli: built[0], env: {}, dispose: () => undefined };
  }
  const out = mkdtempSync(join(tmpdir(), 'posdiag-bundle-'));
  const common = {
    bundle: true,
    platform: 'node' as const,
    target: 'node20',
    format: 'cjs' as const,
    charset: 'utf8' as const,
    external: ['@serialport/bindings-cpp'],
    logLevel: 'error' as const,
    absWorkingDir: ROOT,
  };
  // The same lazily loaded files, defines, externals and aliases as build.mjs (bundles.cjs); no minifying.
  const define = lazyDefines();
  buildSync({ ...common, entryPoints: ['src/cli.ts'], outfile: join(out, 'cli.js'), define });
  for (const l of LAZY_BUNDLES) {
    buildSync({
      ...common,
      entryPoints: [l.entry],
      outfile: join(out, l.file),
      define: l.version ? { ...define, POSDIAG_VERSION: JSON.stringify((require('../../package.json') as { version: string }).version) } : define,
      external: [...common.external, ...(l.external ?? [])],
      alias: { ...l.alias },
    });
  }
  if (GB18030_TABLE.file !== GB18030_TABLE_FILE) throw new Error('bundles.cjs names the GB18030 table file differently from the codegen');
  writeFileSync(join(out, GB18030_TABLE_FILE), gb18030TableFile());
  // The texts beside the bundle, where src/i18n/locale-files.ts looks for them.
  cpSync(join(ROOT, LOCALE_FILES.source), join(out, LOCALE_FILES.dir), { recursive: true });
  return {
    cli: join(out, 'cli.js'),
    env: { NODE_PATH: join(ROOT, 'node_modules') },
    dispose: () => rmSync(out, { recursive: true, force: true }),
  };
}
