/**
 * `posdiag demo [SCENARIO] [--list]`: the whole flow on the simulated terminal, the default main job.
 *
 * It starts every simulated device on its own pseudo-terminal (and the acquirer host on a TCP port),
 * plays a failing transaction (default: code 96 with a weak-signal modem), shows the cashier's hint in a
 * box, prints the slip on the simulated printer, writes the slip's text and PNG previews next to the
 * journal, and says where everything is. The `devices` scenario only checks that every device answers.
 */
import { maskCardNumbers } from '../../../hal/safe-text';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { JOURNAL_FILE } from '../../journal/journal';
import { HalError } from '../../../hal/errors';
import { CHECKED_DEVICES } from '../../../hal/devices';
import { configuredReaders } from '../../../hal/reader/readers';
import { runDiagnosis, type DiagnoseReport } from '../../services/diagnose';
import { startSimulatedTerminal } from '../../../mocks/terminal';
import { SIMULATED_TERMINAL } from '../../config/default';
import { simulatedEnvironment, type Environment } from '../../environment';
import { previewPng } from '../../slip/preview';
import { DEFAULT_SCENARIO, DEMO_SCENARIOS, findScenario, type DemoScenario } from '../demo-scenarios';
import { CliIo, EXIT } from '../io';
import type { CommandSpec } from '../spec';
import { renderDiagnosis } from '../render-diagnosis';
import { renderSelfTest } from '../render-selftest';
import { runSelfTest } from '../../services/selftest';

export { DEMO_SCENARIOS };

export const command: CommandSpec = {
  name: 'demo',
  arguments: [{ name: 'scenario', help: 'which scenario to play (see --list)', default: DEFAULT_SCENARIO }],
  options: [{ name: 'list', help: 'list the scenarios' }],
  examples: ['posdiag demo', 'posdiag demo --list', 'posdiag demo 96-bank --locale en', 'posdiag demo terminated --json'],
  async run({ args, opts }, ctx) {
    const scenarioId = args.scenario!;
    const io = ctx.io;
    if (opts.list) {
      // The name column as wide as the longest name, so seeds and titles line up.
      const width = Math.max(...DEMO_SCENARIOS.map((s) => s.id.length));
      const text = DEMO_SCENARIOS.map((s) => `${s.id.padEnd(width)} ${s.seed === '-' ? '   ' : s.seed} ${s.title}`).join('\n');
      return { exitCode: EXIT.ok, json: { scenarios: DEMO_SCENARIOS }, text: `${'scenario'.padEnd(width)} seed\n${text}` };
    }
    const scenario = findScenario(scenarioId);
    if (!scenario) throw new HalError('Usage_Invalid', `unknown scenario "${scenarioId}"; posdiag demo --list shows them`);
    // The scenario sets the faults; --sim may add or override some.
    const sim = new Map([...Object.entries(scenario.sim), ...(ctx.sim ?? new Map())]);
    // The demo is part of the simulators' bundle: it starts them directly, not through the lazy loader.
    const env = await simulatedEnvironment({ startSimulatedTerminal, SIMULATED_TERMINAL }, { sim, env: io.env, say: io.stderr });
    try {
      if (!ctx.json) announce(io, scenario, env, sim);
      if (!scenario.code) return await deviceTour(env, scenario, ctx);
      const dataDir = env.dataDir;
      const report = await runDiagnosis(env, {
        code: scenario.code,
        locale: ctx.locale,
        amount: scenario.amount,
        dataDir,
        progress: ctx.progress,
      });
      const files = await writePreviews(dataDir, report);
      // The data directory's path may hold anything (a card number too): the lines that name it are scrubbed.
      const text = maskCardNumbers(
        [
          renderDiagnosis(report, ctx.color, dataDir),
          '',
          `slip text ${files.text}`,
          `slip png  ${files.png ?? `not written: ${files.pngError}`}`,
          `journal   ${join(dataDir, JOURNAL_FILE)}   (posdiag journal list)`,
          ...(report.slip.error ? [] : [`reprint   posdiag slip ${report.slip.id} --text`]),
        ].join('\n'),
      );
      return { exitCode: EXIT.ok, json: { scenario: scenario.id, code: scenario.code, sim: Object.fromEntries(sim), report, files }, text };
    } finally {
      await env.close();
    }
  },
};

function announce(io: CliIo, scenario: DemoScenario, env: Environment, sim: Map<string, string>): void {
  io.stderr(`posdiag demo: ${scenario.id} — ${scenario.title}\n`);
  const faults = [...sim].map(([d, f]) => `${d}=${f}`).join(', ') || 'every device healthy';
  io.stderr(`  simulated terminal started (${faults})\n`);
  const { reader: _one, readers: _list, ...single } = env.config.devices;
  for (const [slot, dev] of Object.entries(single)) io.stderr(`  ${slot.padEnd(8)} ${dev?.path}\n`);
  // Readers one a line under their names (a terminal may have several: the simulated one has two).
  for (const r of configuredReaders(env.config.devices)) io.stderr(`  ${(r.name ? `reader ${r.name}` : 'reader').padEnd(8)} ${r.path}\n`);
  if (env.config.host) io.stderr(`  host     ${env.config.host.address}:${env.config.host.port}\n`);
  if (scenario.code) io.stderr(`  the terminal shows: ${scenario.code}${scenario.amount !== undefined ? ` (sale of ${scenario.amount} CNY)` : ''}\n`);
}

async function deviceTour(env: Environment, scenario: DemoScenario, ctx: { color: boolean; locale?: string }) {
  const result = await runSelfTest([...CHECKED_DEVICES], env.checkEnv, 'internal', 30_000);
  const answered = result.devices.filter((d) => d.status !== 'absent' && d.status !== 'timeout').map((d) => d.device);
  const text = `${renderSelfTest(result, ctx.color, ctx.locale)}\n\n${answered.length} of ${result.devices.length} devices answered: ${answered.join(', ') || 'none'}`;
  return { exitCode: EXIT.ok, json: { scenario: scenario.id, devices: env.config.devices, host: env.config.host ?? null, selftest: result }, text };
}

/** The slip as text and as a picture, next to the slip store, so a person can see what was printed. */
async function writePreviews(dataDir: string, report: DiagnoseReport): Promise<{ text: string; png: string | null; pngError?: string }> {
  // No slip could be made (the report says why): nothing to preview.
  if (report.slip.error) return { text: 'not written: no slip was made', png: null, pngError: 'no slip was made' };
  const dir = join(dataDir, 'previews');
  const text = join(dir, `${report.slip.id}.txt`);
  const { ensureDataDir, loadSlip } = await import('../../journal');
  try {
    await ensureDataDir(dir);
    await writeFile(text, report.slip.preview);
  } catch (err) {
    // The data directory cannot be written (the report says so): the demo's hint and slip still stand.
    const why = err instanceof Error ? err.message : String(err);
    return { text: `not written: ${why}`, png: null, pngError: why };
  }
  const stored = await loadSlip(dataDir, report.slip.id);
  try {
    const png = join(dir, `${report.slip.id}.png`);
    await writeFile(png, previewPng(stored!.bytes, stored!.meta.paperWidth));
    return { text, png };
  } catch (err) {
    // The PNG needs GNU Unifont (Debian: unifont); the text preview and the slip itself do not.
    return { text, png: null, pngError: err instanceof Error ? err.message : String(err) };
  }
}
