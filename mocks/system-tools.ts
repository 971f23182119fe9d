/**
 * The system tools the simulated terminal and the tests use beyond Node (socat for pseudo-terminal pairs,
 * Debian's chat, libnfc's tools, the Unifont font), how to tell whether one is there, and the one command
 * that installs whichever are missing. scripts/install-system-deps.sh is that command; this file only
 * detects and names, it never installs (the product must not run a package manager).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface SystemTool {
  /** The Debian package that brings it. */
  pkg: string;
  /** A command that runs when the tool is there (ENOENT when it is not)... */
  probe?: string[];
  /** ...or a file that exists when it is there. */
  file?: string;
}

export const SYSTEM_TOOLS: Record<string, SystemTool> = {
  socat: { pkg: 'socat', probe: ['socat', '-V'] },
  chat: { pkg: 'ppp', probe: ['/usr/sbin/chat', '-V'] },
  'nfc-list': { pkg: 'libnfc-bin', probe: ['nfc-list', '--help'] },
  unifont: { pkg: 'unifont', file: '/usr/share/unifont/unifont.hex' },
  pcscd: { pkg: 'pcscd', probe: ['/usr/sbin/pcscd', '--version'] },
  libccidtwin: { pkg: 'libccid', file: '/usr/lib/pcsc/drivers/serial/libccidtwin.so' },
  pcsc_scan: { pkg: 'pcsc-tools', probe: ['pcsc_scan', '-V'] },
  'opensc-tool': { pkg: 'opensc', probe: ['opensc-tool', '--version'] },
  // The fleet side's tests: the broker, the database server, the browser that screenshots the report.
  mosquitto: { pkg: 'mosquitto', probe: ['mosquitto', '-h'] },
  postgres: { pkg: 'postgresql', file: '/usr/lib/postgresql' },
  chromium: { pkg: 'chromium', probe: ['chromium', '--version'] },
};

function specOf(tool: string): SystemTool {
  return SYSTEM_TOOLS[tool] ?? { pkg: tool, probe: [tool, '--version'] };
}

export function hasSystemTool(tool: string): boolean {
  const spec = specOf(tool);
  if (spec.file) return existsSync(spec.file);
  const probe = spec.probe ?? [tool];
  // The PATH searched is this process's own as it is now (explicit: a test may narrow it).
  const r = spawnSync(probe[0], probe.slice(1), { stdio: 'ignore', env: process.env });
  return !(r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT');
}

/** The command that installs every missing tool: root runs the script itself, anyone else through sudo. */
export function installCommand(uid: number | undefined = process.getuid?.()): string {
  return uid === 0 ? 'scripts/install-system-deps.sh' : 'sudo scripts/install-system-deps.sh';
}

/** "X is not installed" with the command that installs it. */
export function missingToolMessage(tool: string, uid: number | undefined = process.getuid?.()): string {
  const apt = uid === 0 ? 'apt-get install' : 'sudo apt-get install';
  return `${tool} is not installed. Install the system packages with: ${installCommand(uid)} (or: ${apt} ${specOf(tool).pkg})`;
}

/** Throws with the install command when a system tool is missing. */
export function requireSystemTool(tool: string): void {
  if (!hasSystemTool(tool)) throw new Error(missingToolMessage(tool));
}
