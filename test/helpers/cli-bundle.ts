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
  const built = ['cli.js', 'sim.js', 'sim-faults.js', 'png.js', 'modem-batch.js', 'fleet.js', 'telemetry.js', GB18030_TABLE_FILE].map((f) => join(dist, f));
  if (built.every(existsSync)) {
    const sources = Math.max(...['src', 'hal', 'mocks'].map((d) => newestSource(join(ROOT, d))));
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
  const define = {
    POSDIAG_SIM_BUNDLE: JSON.stringify('sim.js'),
    POSDIAG_SIM_FAULTS_BUNDLE: JSON.stringify('sim-faults.js'),
    POSDIAG_PNG_BUNDLE: JSON.stringify('png.js'),
    POSDIAG_MODEM_BATCH_BUNDLE: JSON.stringify('modem-batch.js'),
    POSDIAG_FLEET_BUNDLE: JSON.stringify('fleet.js'),
    POSDIAG_TELEMETRY_BUNDLE: JSON.stringify('telemetry.js'),
    POSDIAG_GB18030_TABLE: JSON.stringify(GB18030_TABLE_FILE),
  };
  buildSync({ ...common, entryPoints: ['src/cli.ts'], outfile: join(out, 'cli.js'), define });
  buildSync({ ...common, entryPoints: ['src/simulators-entry.ts'], outfile: join(out, 'sim.js'), define });
  buildSync({ ...common, entryPoints: ['mocks/faults.ts'], outfile: join(out, 'sim-faults.js'), define });
  buildSync({ ...common, entryPoints: ['src/slip/roll-png.ts'], outfile: join(out, 'png.js'), define });
  buildSync({ ...common, entryPoints: ['hal/modem/batch-run.ts'], outfile: join(out, 'modem-batch.js'), define });
  buildSync({ ...common, entryPoints: ['src/fleet/entry.ts'], outfile: join(out, 'fleet.js'), define, external: [...common.external, 'better-sqlite3', 'pg', 'pg-native', 'bufferutil', 'utf-8-validate'] });
  buildSync({ ...common, entryPoints: ['src/fleet/telemetry-entry.ts'], outfile: join(out, 'telemetry.js'), define, alias: { 'readable-stream': 'node:stream', debug: './src/fleet/debug-stub.cjs' } });
  writeFileSync(join(out, GB18030_TABLE_FILE), gb18030TableFile());
  // The texts beside the bundle, where src/i18n/locale-files.ts looks for them.
  cpSync(join(ROOT, 'src', 'i18n', 'locales'), join(out, 'locales'), { recursive: true });
  return {
    cli: join(out, 'cli.js'),
    env: { NODE_PATH: join(ROOT, 'node_modules') },
    dispose: () => rmSync(out, { recursive: true, force: true }),
  };
}
