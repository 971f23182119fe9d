/**
 * What every command gets: the options common to all commands, already parsed and checked, and the
 * means to print. Commands return a CommandOutcome; they never call process.exit themselves.
 */
import { DEVICE_FAULTS } from '../../mocks/faults';
import { parseSimSpec, SimSpec } from '../config/sim-spec';
import type { GlobalOptions } from './args';
import { CliIo, useColor } from './io';

export interface CliContext {
  io: CliIo;
  json: boolean;
  color: boolean;
  /** From --locale, else POSDIAG_LOCALE, else the configuration (resolved by the command), else zh-CN. */
  locale?: string;
  configPath?: string;
  /** Null when --sim was not given. */
  sim: SimSpec | null;
  /** Progress lines for a person (stderr); silent under --json, whose stdout is one document. */
  progress(line: string): void;
}

export function contextFrom(g: GlobalOptions, io: CliIo): CliContext {
  return {
    io,
    json: g.json,
    color: useColor(io, g.color),
    locale: g.locale ?? io.env.POSDIAG_LOCALE,
    configPath: g.config ?? io.env.POSDIAG_CONFIG,
    sim: g.sim === undefined ? null : parseSimSpec(g.sim, DEVICE_FAULTS),
    progress: (line) => {
      if (!g.json) io.stderr(line);
    },
  };
}
