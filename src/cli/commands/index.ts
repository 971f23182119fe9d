/** Every `posdiag` command, in the order --help lists them. */
import type { Command } from 'commander';
import type { CliIo, ExitCode } from '../io';
import * as demo from './demo';
import * as explain from './explain';
import * as selftest from './selftest';
import * as sim from './sim';

export interface CommandModule {
  /** Adds the command to the program; its action must call `done(exitCode)`. */
  register(program: Command, io: CliIo, done: (code: ExitCode) => void): void;
}

export const COMMANDS: CommandModule[] = [explain, selftest, demo, sim];
