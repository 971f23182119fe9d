/**
 * A pair of pseudo-terminals joined by socat: the host (posdiag, or a third-party client) opens one end,
 * a simulator the other, and bytes pass between them as on a null-modem cable. Killing socat makes both
 * ends fail as a USB serial adapter does when it is pulled out.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { onExitCleanup } from './exit-cleanup';
import { ownedTempDir } from './owned-temp-dir';
import { dieWithParent } from './parent-death';
import { requireSystemTool } from './system-tools';

export interface PtyPair {
  /** The end the host opens, e.g. /tmp/posdiag-pty-XXXX/host. */
  hostPath: string;
  /** The end the simulator opens. */
  devicePath: string;
  /** Kills socat at once: both ends see the line die. */
  unplug(): void;
  /** Kills socat and waits until it has exited; idempotent. */
  close(): Promise<void>;
}

export interface PtyPairOptions {
  /** Where the host end's link goes (as `posdiag sim --link PATH`); default a fresh temp dir. */
  hostPath?: string;
  devicePath?: string;
  /** How long socat may take to set up both ends. Default 5000 ms. */
  readyTimeoutMs?: number;
}

// Which system tools exist and how to install them: mocks/system-tools.ts.
export { requireSystemTool, SYSTEM_TOOLS } from './system-tools';

export async function openPtyPair(options: PtyPairOptions = {}): Promise<PtyPair> {
  requireSystemTool('socat');
  const dir = options.hostPath && options.devicePath ? null : ownedTempDir('posdiag-pty-');
  const hostPath = options.hostPath ?? join(dir!, 'host');
  const devicePath = options.devicePath ?? join(dir!, 'device');
  const [cmd, ...args] = dieWithParent(['socat', '-d', '-d', `pty,raw,echo=0,link=${hostPath}`, `pty,raw,echo=0,link=${devicePath}`]);
  const child = spawn(cmd!, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  const removeFiles = () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    else for (const p of [hostPath, devicePath]) rmSync(p, { force: true });
  };
  // Ctrl-C, kill or a hang-up in the middle of a run: socat and the directory go with us.
  const forget = onExitCleanup(() => {
    kill();
    removeFiles();
  });
  try {
    await waitReady(child, options.readyTimeoutMs ?? 5000);
  } catch (err) {
    kill();
    await exited;
    removeFiles();
    forget();
    throw err;
  }
  let closing: Promise<void> | null = null;
  const close = () => {
    if (!closing) {
      kill();
      closing = exited.then(() => {
        removeFiles();
        forget();
      });
    }
    return closing;
  };
  return {
    hostPath,
    devicePath,
    unplug: kill,
    close,
  };
}

/** socat says "starting data transfer loop" once both ptys exist and their links are made. */
function waitReady(child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => finish(new Error(`socat did not set up the pty pair within ${timeoutMs} ms: ${text.trim()}`)), timeoutMs);
    const onData = (d: Buffer) => {
      text += d.toString();
      if (text.includes('starting data transfer loop')) finish();
    };
    const onExit = () => finish(new Error(`socat exited before the pty pair was ready: ${text.trim()}`));
    function finish(err?: Error) {
      clearTimeout(timer);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      // Keep draining stderr so socat never blocks on a full pipe.
      child.stderr?.resume();
      if (err) reject(err);
      else resolve();
    }
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}
