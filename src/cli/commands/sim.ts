/**
 * `posdiag sim DEVICE [--fault F] [--link PATH] [--port P]`: one simulator until killed. A serial
 * device appears on a pseudo-terminal whose host end is linked at PATH; the host simulator listens on
 * a loopback TCP port.
 */
import { HalError } from '../../../hal/errors';
import { DEVICE_FAULTS } from '../../../mocks/faults';
import { startOnPty } from '../../../mocks/pty-attach';
import { SERIAL_SIMULATORS, TCP_SIMULATORS } from '../../../mocks/registry';
import { wholeNumber } from '../args';
import { EXIT } from '../io';
import type { CommandSpec } from '../spec';
import { untilSignal } from '../until-signal';

export const command: CommandSpec = {
  name: 'sim',
  arguments: [{ name: 'device', required: true, help: Object.keys(DEVICE_FAULTS).join(', ') }],
  options: [
    { name: 'fault', value: 'fault', help: 'the fault to simulate (see DESIGN.md)', default: 'healthy' },
    { name: 'link', value: 'path', help: 'serial devices: where to link the host end of the pseudo-terminal' },
    { name: 'port', value: 'port', help: 'host: the loopback TCP port to listen on (0: any free port)', default: '0' },
  ],
  examples: [
    'posdiag sim modem --link /tmp/ttyMDM --fault weak-signal',
    'posdiag sim pn532 --fault ram-fail',
    'posdiag sim ccid --link /tmp/ttyIC --fault mute',
    'posdiag sim host --port 5000 --fault decline-96 --json',
  ],
  async run({ args, opts: flags }, ctx) {
    const device = args.device!;
    const opts = flags as { fault: string; link?: string; port: string };
    const io = ctx.io;
    const faults = (DEVICE_FAULTS as Record<string, readonly string[]>)[device];
    if (!faults) throw new HalError('Usage_Invalid', `unknown device "${device}"; expected one of ${Object.keys(DEVICE_FAULTS).join(', ')}`);
    if (!faults.includes(opts.fault)) throw new HalError('Usage_Invalid', `${device} has no fault "${opts.fault}"; expected one of ${faults.join(', ')}`);
    let where: Record<string, unknown>;
    let stop: () => Promise<void>;
    if (device === 'host') {
      const start = TCP_SIMULATORS.host;
      if (!start) throw new HalError('Usage_Invalid', 'the host simulator is not available in this build');
      const port = wholeNumber(String(opts.port), 0, 65535);
      if (port === null) throw new HalError('Usage_Invalid', `--port must be 0–65535, got "${opts.port}"`);
      const host = await start(opts.fault, port);
      where = { address: '127.0.0.1', port: host.port };
      stop = () => host.close();
    } else {
      const entry = SERIAL_SIMULATORS[device];
      if (!entry) throw new HalError('Usage_Invalid', `no simulator for ${device} in this build`);
      const running = await startOnPty(
        entry.create(opts.fault, { baudRate: entry.baudRate }),
        opts.link ? { hostPath: opts.link, devicePath: `${opts.link}.sim` } : {},
      );
      where = { path: running.hostPath, baudRate: entry.baudRate };
      stop = () => running.close();
    }
    const announce = { device, fault: opts.fault, ...where };
    if (ctx.json) io.stdout(JSON.stringify(announce) + '\n');
    else io.stdout(`${device} simulator (${opts.fault}) on ${'path' in where ? where.path : `127.0.0.1:${where.port}`}; Ctrl-C to stop\n`);
    await untilSignal();
    await stop();
    return { exitCode: EXIT.ok, json: null, text: '' };
  },
};
