/**
 * Cleanup that must run however a simulated run ends: the simulators' socat children and their temp
 * directories are gone after a normal exit and after SIGINT, SIGTERM or SIGHUP (Ctrl-C, `kill`, a closed
 * terminal). Node's default on those signals is to die on the spot, skipping every `finally`; so while
 * anything is registered here, a handler runs the cleanups synchronously and then re-raises the signal,
 * so the shell still sees the conventional 128+n status. A command that handles the signal itself (the
 * `sim` command stops gracefully on Ctrl-C) keeps its handler: the signal is then not re-raised.
 * SIGKILL cannot be caught; the children watch for it themselves (parent-death.ts) and the next run
 * removes the directories (owned-temp-dir.ts).
 */
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

const cleanups = new Set<() => void>();
let installed = false;

/** Registers a synchronous cleanup; returns the function that unregisters it (after a normal close). */
export function onExitCleanup(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  install();
  return () => {
    cleanups.delete(cleanup);
    if (cleanups.size === 0) uninstall();
  };
}

/** Runs every registered cleanup now, once each; a failing one does not stop the others. */
export function runExitCleanups(): void {
  for (const cleanup of [...cleanups]) {
    cleanups.delete(cleanup);
    try {
      cleanup();
    } catch {
      // Best effort: the process is ending; what is left is swept by the next run.
    }
  }
}

function onSignal(signal: NodeJS.Signals): void {
  runExitCleanups();
  uninstall();
  // Nobody else handles it: die of the signal as the process would have without us.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function install(): void {
  if (installed) return;
  installed = true;
  for (const s of SIGNALS) process.on(s, onSignal);
  process.on('exit', runExitCleanups);
}

function uninstall(): void {
  if (!installed) return;
  installed = false;
  for (const s of SIGNALS) process.off(s, onSignal);
  process.off('exit', runExitCleanups);
}
