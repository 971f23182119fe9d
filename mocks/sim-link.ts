/**
 * How the simulated terminal wires its serial simulators to posdiag. On real pseudo-terminals (socat)
 * when socat is there: the real serialport stack end to end. Without socat — a machine where nobody can
 * install it — over the in-process link (mocks/in-process-binding.ts), so `posdiag demo` still plays the
 * whole flow, and says in one line that it does. `POSDIAG_SIM_LINK=pty|in-process` chooses explicitly
 * (`pty` without socat fails with the install command; the unit tests choose `in-process`, no PTY).
 */
import type { BindingInterface } from '@serialport/bindings-interface';
import { HalError } from '../hal/errors';
import { InProcessBinding } from './in-process-binding';
import { startOnPty, type RunningSimulator } from './pty-attach';
import type { DeviceSimulator } from './simulator';
import { hasSystemTool, installCommand } from './system-tools';

export type SimLinkKind = 'pty' | 'in-process';

export interface SimWiring {
  kind: SimLinkKind;
  /** The binding posdiag opens the devices through; undefined: the native one (the PTYs are real ttys). */
  binding?: BindingInterface;
  /** One line for the user when the devices are not on pseudo-terminals; undefined on PTYs. */
  notice?: string;
  /** Puts simulator `name` on its own line; the result's hostPath is what posdiag opens. */
  start(name: string, sim: DeviceSimulator): Promise<RunningSimulator>;
}

export const IN_PROCESS_NOTICE = (uid?: number) =>
  `socat is not installed, so the simulated devices talk to posdiag over the in-process link instead of pseudo-terminals (for those: ${installCommand(uid)})`;

/** `env`: where POSDIAG_SIM_LINK is read; `socat`: whether socat is there (probed when not given). */
export function chooseSimWiring(env: NodeJS.ProcessEnv = process.env, socat?: () => boolean): SimWiring {
  const asked = env.POSDIAG_SIM_LINK || undefined;
  if (asked !== undefined && asked !== 'pty' && asked !== 'in-process') {
    throw new HalError('Usage_Invalid', `POSDIAG_SIM_LINK must be "pty" or "in-process", not "${asked}"`);
  }
  const kind: SimLinkKind = asked ?? ((socat ?? (() => hasSystemTool('socat')))() ? 'pty' : 'in-process');
  if (kind === 'pty') return { kind, start: (_name, sim) => startOnPty(sim) };
  const binding = new InProcessBinding();
  return {
    kind,
    binding,
    notice: asked ? undefined : IN_PROCESS_NOTICE(),
    start: async (name, sim) => {
      const hostPath = `in-process:${name}`;
      binding.connect(hostPath, sim);
      return { sim, hostPath, unplug: () => sim.unplug(), close: async () => sim.stop() };
    },
  };
}
