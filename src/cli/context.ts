/**
 * What every command gets: the options common to all commands, already parsed and checked, and the
 * means to print. Commands return a CommandOutcome; they never call process.exit themselves.
 */
import type { Command } from 'commander';
import { HalError } from '../../hal/errors';
import { scrubText } from '../journal/scrub';
import { DEVICE_FAULTS } from '../../mocks/faults';
import { parseSimSpec, SimSpec } from '../config/sim-spec';
import { CliIo, CommandOutcome, emit, EXIT, ExitCode, useColor } from './io';

export interface GlobalOptions {
  config?: string;
  sim?: string | boolean;
  locale?: string;
  json?: boolean;
  color?: boolean;
}

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

export function contextFrom(cmd: Command, io: CliIo): CliContext {
  const g = cmd.optsWithGlobals<GlobalOptions>();
  const json = Boolean(g.json);
  return {
    io,
    json,
    color: useColor(io, g.color),
    locale: g.locale ?? io.env.POSDIAG_LOCALE,
    configPath: g.config ?? io.env.POSDIAG_CONFIG,
    sim: parseSimSpec(g.sim, DEVICE_FAULTS),
    progress: (line) => {
      if (!json) io.stderr(line);
    },
  };
}

/** Runs a command body with the shared error handling: bad input exits 2, anything else 1, both with a clear line. */
export async function runCommand(cmd: Command, io: CliIo, body: (ctx: CliContext) => Promise<CommandOutcome>): Promise<ExitCode> {
  let ctx: CliContext | null = null;
  try {
    ctx = contextFrom(cmd, io);
    return emit(await body(ctx), ctx.json, io);
  } catch (err) {
    const usage = err instanceof HalError && (err.code === 'Usage_Invalid' || err.code === 'Config_Invalid');
    const exitCode = usage ? EXIT.usage : EXIT.failed;
    // Messages may quote what was typed; a card number typed into the wrong flag must not come back whole.
    const message = scrubText(err instanceof Error ? err.message : String(err));
    const code = err instanceof HalError ? err.code : 'Unexpected';
    if (ctx?.json ?? cmd.optsWithGlobals<GlobalOptions>().json) io.stdout(JSON.stringify({ error: { code, message } }, null, 2) + '\n');
    else io.stderr(`posdiag: ${message}\n`);
    return exitCode;
  }
}
