/**
 * `posdiag demo [SCENARIO] [--list]`: the flow on the simulated terminal. It starts every simulated
 * device on its own pseudo-terminal, runs the internal self-checks over the real serial stack, and
 * shows what answered. Scenarios (a failing transaction per seed) arrive with the diagnose command.
 */
import { Command } from 'commander';
import { HalError } from '../../../hal/errors';
import { CHECKED_DEVICES } from '../../../hal/devices';
import { openEnvironment } from '../../runtime';
import { runCommand } from '../context';
import { CliIo, EXIT, ExitCode } from '../io';
import { renderSelfTest } from '../render-selftest';
import { runSelfTest } from './selftest';

export const DEMO_SCENARIOS = [{ id: 'devices', title: 'start the simulated terminal and check that every device answers' }] as const;

export function register(program: Command, io: CliIo, done: (code: ExitCode) => void): void {
  program
    .command('demo')
    .description('run posdiag on the simulated terminal (the default main job)')
    .argument('[scenario]', 'which scenario to play (see --list)', 'devices')
    .option('--list', 'list the scenarios')
    .action(async (scenario: string, opts: { list?: boolean }, cmd: Command) => {
      done(
        await runCommand(cmd, io, async (ctx) => {
          if (opts.list) {
            return { exitCode: EXIT.ok, json: { scenarios: DEMO_SCENARIOS }, text: DEMO_SCENARIOS.map((s) => `${s.id.padEnd(12)} ${s.title}`).join('\n') };
          }
          if (!DEMO_SCENARIOS.some((s) => s.id === scenario)) {
            throw new HalError('Usage_Invalid', `unknown scenario "${scenario}"; posdiag demo --list shows them`);
          }
          const env = await openEnvironment({ configPath: undefined, sim: ctx.sim ?? new Map() });
          try {
            if (!ctx.json) {
              io.stderr('posdiag demo: simulated terminal started\n');
              for (const [slot, dev] of Object.entries(env.config.devices)) io.stderr(`  ${slot.padEnd(8)} ${dev?.path}\n`);
              if (env.config.host) io.stderr(`  host     ${env.config.host.address}:${env.config.host.port}\n`);
            }
            const result = await runSelfTest([...CHECKED_DEVICES], env.checkEnv, 'internal', 30_000);
            const answered = result.devices.filter((d) => d.status !== 'absent' && d.status !== 'timeout').map((d) => d.device);
            const text = `${renderSelfTest(result, ctx.color, ctx.locale)}\n\n${answered.length} of ${result.devices.length} devices answered: ${answered.join(', ') || 'none'}`;
            return { exitCode: EXIT.ok, json: { scenario, devices: env.config.devices, host: env.config.host ?? null, selftest: result }, text };
          } finally {
            await env.close();
          }
        }),
      );
    });
}
