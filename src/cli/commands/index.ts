/**
 * Every `posdiag` command, in the order --help lists them: its name (the word on the command line), the
 * one line `posdiag --help` shows, and how to load its module. A module is loaded only when its command
 * runs or its help is asked for, so `posdiag explain 96` never evaluates the device, slip or simulator
 * code (cold start), and `posdiag --help` evaluates none.
 *
 * (require, not import: the bundle evaluates a module reached this way only when load() is called.)
 * demo and sim run only on simulators, so they travel with them in dist/sim.js (src/simulators.ts);
 * fleet runs on the acquirer's servers, in dist/fleet.js (src/fleet-bundle.ts).
 */
import { loadFleet } from '../../fleet-bundle';
import { loadTelemetry } from '../../fleet/load-telemetry';
import { loadSimulators } from '../../simulators';
import type { CommandEntry, CommandSpec } from '../spec';

const spec = (module: { command: CommandSpec }) => module.command;

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'explain',
    summary: 'what a response code means: category, retry advice, checks to run, and the hint for the cashier',
    load: () => spec(require('./explain')),
  },
  { name: 'selftest', summary: 'run self-checks on the terminal devices and the host link', load: () => spec(require('./selftest')) },
  {
    name: 'diagnose',
    summary: 'a failed transaction: checks chosen by the code, the cause, the hint, the slip and the journal record',
    load: () => spec(require('./diagnose')),
  },
  {
    name: 'demo',
    summary: 'play a failing transaction on the simulated terminal: hint, slip, journal (the default main job)',
    load: async () => (await loadSimulators()).demoCommand,
  },
  { name: 'sim', summary: 'run one simulated device until killed (Ctrl-C)', load: async () => (await loadSimulators()).simCommand },
  { name: 'slip', summary: 'preview or reprint a diagnostic slip from the slip store', load: () => spec(require('./slip')) },
  { name: 'menu', summary: 'the technician menu (PIN): device tests, test page, reprint, journal', load: () => spec(require('./menu')) },
  { name: 'journal', summary: 'the diagnostic journal: list records, show one, or export them all', load: () => spec(require('./journal')) },
  {
    name: 'fleet',
    summary: "the fleet's servers: ingest terminals' records over MQTT, report what fails where",
    load: async () => (await loadFleet()).fleetCommand,
  },
  {
    name: 'telemetry',
    summary: "the fleet link: send the journal to the acquirer's broker (run, flush, status)",
    load: async () => (await loadTelemetry()).telemetryCommand,
  },
];
