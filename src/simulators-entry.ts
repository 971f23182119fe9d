/**
 * Everything of mocks/ that posdiag itself uses: the simulated terminal (--sim) and the two commands
 * that run only on simulators (demo, sim), which import the rest of mocks/ themselves. build.mjs makes
 * this the entry of dist/sim.js, a bundle of its own, so the terminal's dist/cli.js carries no
 * simulator code. Load it through ./simulators, never directly.
 */
export { startSimulatedTerminal } from '../mocks/terminal';
export { SIMULATED_TERMINAL } from './config/default';
export type { SimulatedTerminal } from '../mocks/terminal';
export { DEVICE_FAULTS, checkSimFaults } from '../mocks/faults';
// The two commands that run only on simulators: a real terminal's dist/cli.js needs neither.
export { command as demoCommand } from './cli/commands/demo';
export { command as simCommand } from './cli/commands/sim';
