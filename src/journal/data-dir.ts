/**
 * Where posdiag keeps its data (journal, slips, slips waiting for paper, the menu lockout):
 * the configuration's journal.dir, else $POSDIAG_HOME, else ~/.posdiag. Resolving never touches the
 * disk; the directory is created (mode 0700: it holds merchant data) on the first write only.
 */
import { mkdir, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** Where a simulated terminal keeps its data, inside the data directory: never mixed with the real terminal's. */
export const SIM_DATA_DIR = 'sim';

/**
 * Whether a command runs on the simulated terminal: --sim was given, or there is no configuration
 * (the embedded default is the simulated terminal). The same rule as openEnvironment's.
 */
export function isSimulatedRun(options: { configPath?: string; sim: unknown }): boolean {
  return options.sim !== null && options.sim !== undefined ? true : !options.configPath;
}

/**
 * The data directory of a run: resolveDataDir's for the real terminal, its `sim` subdirectory for the
 * simulated one, so a demo's slips, queued jobs, records and lockout never reach the real terminal's
 * printer, reprint or journal.
 */
export function dataDirFor(config: { journal?: { dir?: string } } | null | undefined, simulated: boolean, env: NodeJS.ProcessEnv = process.env): string {
  const dir = resolveDataDir(config, env);
  return simulated ? join(dir, SIM_DATA_DIR) : dir;
}

export function resolveDataDir(config?: { journal?: { dir?: string } } | null, env: NodeJS.ProcessEnv = process.env): string {
  const configured = config?.journal?.dir;
  if (configured) return resolve(expandHome(configured, env));
  if (env.POSDIAG_HOME) return resolve(expandHome(env.POSDIAG_HOME, env));
  return join(env.HOME || homedir(), '.posdiag');
}

/**
 * Creates the data directory (and any parent) when it is missing; the writers call this, readers never do.
 *
 * One component at a time, each with a plain mkdir, stopping at the first error: Node's recursive mkdir
 * retries for ever where mkdir says ENOENT although the parent exists (procfs, e.g. POSDIAG_HOME=/proc/x).
 */
export async function ensureDataDir(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let p = resolve(dir); ; p = dirname(p)) {
    const kind = await entryKind(p);
    if (kind === 'dir') break;
    if (kind === 'other') throw notADirectory(p);
    missing.push(p);
    if (dirname(p) === p) break;
  }
  for (const p of missing.reverse()) {
    try {
      await mkdir(p, { mode: 0o700 });
    } catch (err) {
      // Someone else made it meanwhile: fine, as long as it is a directory.
      if ((err as NodeJS.ErrnoException).code === 'EEXIST' && (await entryKind(p)) === 'dir') continue;
      throw err;
    }
  }
}

async function entryKind(path: string): Promise<'dir' | 'other' | 'missing'> {
  try {
    return (await stat(path)).isDirectory() ? 'dir' : 'other';
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw err;
  }
}

function notADirectory(path: string): NodeJS.ErrnoException {
  const err: NodeJS.ErrnoException = new Error(`ENOTDIR: not a directory, mkdir '${path}'`);
  err.code = 'ENOTDIR';
  err.path = path;
  return err;
}

function expandHome(path: string, env: NodeJS.ProcessEnv): string {
  return path === '~' || path.startsWith('~/') ? join(env.HOME || homedir(), path.slice(1)) : path;
}
