/**
 * Every `posdiag` command, in the order --help lists them. One line per command: its name (the word on the
 * command line) and how to load its module. A module is loaded only when its command runs, or for --help,
 * so `posdiag explain 96` never evaluates the device, slip or simulator code (cold start).
 *
 *   { name: 'journal', load: () => require('./journal') },
 *
 * (require, not import: the bundle evaluates a module reached this way only when load() is called.)
 * A module imported and listed directly (`import * as x from './x'` … `x`) still works, but is loaded
 * on every run.
 */
import type { Command } from 'commander';
import type { CliIo, ExitCode } from '../io';

export interface CommandModule {
  /** Adds the command to the program; its action must call `done(exitCode)`. */
  register(program: Command, io: CliIo, done: (code: ExitCode) => void): void;
}

export interface LazyCommand {
  /** The command's name as typed, the same as its module registers. */
  name: string;
  load(): CommandModule;
}

export const COMMANDS: Array<LazyCommand | CommandModule> = [
  { name: 'explain', load: () => require('./explain') },
  { name: 'selftest', load: () => require('./selftest') },
  { name: 'diagnose', load: () => require('./diagnose') },
  { name: 'demo', load: () => require('./demo') },
  { name: 'sim', load: () => require('./sim') },
  { name: 'slip', load: () => require('./slip') },
  { name: 'menu', load: () => require('./menu') },
  { name: 'journal', load: () => require('./journal') },
];
