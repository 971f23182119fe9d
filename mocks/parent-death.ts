/**
 * Makes a child process die with us even when we are killed with SIGKILL, when no handler of ours runs.
 * On Linux `setpriv --pdeathsig KILL` (util-linux, on every Debian) asks the kernel to send the child
 * SIGKILL when its parent goes, and then execs the program, so the child keeps its pid and its pipes.
 * Where setpriv is missing the program runs as it is; its directory is then still swept by the next run.
 */
import { spawnSync } from 'node:child_process';

let setprivWorks: boolean | null = null;

/** The command line to spawn for `argv` so that it ends when this process ends. */
export function dieWithParent(argv: readonly string[]): string[] {
  setprivWorks ??= process.platform === 'linux' && spawnSync('setpriv', ['--pdeathsig', 'KILL', 'true'], { stdio: 'ignore' }).status === 0;
  return setprivWorks ? ['setpriv', '--pdeathsig', 'KILL', '--', ...argv] : [...argv];
}
