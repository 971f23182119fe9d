/**
 * Where posdiag keeps its data (journal, slips, slips waiting for paper, the menu lockout):
 * the configuration's journal.dir, else $POSDIAG_HOME, else ~/.posdiag. Resolving never touches the
 * disk; the directory is created (mode 0700: it holds merchant data) on the first write only.
 */
import { mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export function resolveDataDir(config?: { journal?: { dir?: string } } | null, env: NodeJS.ProcessEnv = process.env): string {
  const configured = config?.journal?.dir;
  if (configured) return resolve(expandHome(configured, env));
  if (env.POSDIAG_HOME) return resolve(expandHome(env.POSDIAG_HOME, env));
  return join(env.HOME || homedir(), '.posdiag');
}

/** Creates the data directory (and any parent) when it is missing; the writers call this, readers never do. */
export async function ensureDataDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
}

function expandHome(path: string, env: NodeJS.ProcessEnv): string {
  return path === '~' || path.startsWith('~/') ? join(env.HOME || homedir(), path.slice(1)) : path;
}
