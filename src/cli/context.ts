/**
 * What every command gets: the options common to all commands, already parsed and checked, and the
 * means to print. Commands return a CommandOutcome; they never call process.exit themselves.
 */
import { HalError } from '../../hal/errors';
import { ACQUIRERS, findAcquirer } from '../codes/acquirers';
import { parseSimSpec, SimSpec } from '../config/sim-spec';
import type { PosdiagConfig } from '../config/types';
import { CONFIG_LOCALES, isLocaleTag } from '../i18n/locale';
import { CliIo, screenText, useColor } from './io';

/** The options every command takes, as the parser (args.ts) read them. */
export interface GlobalOptions {
  config?: string;
  /** '' for --sim alone (every device healthy). */
  sim?: string;
  locale?: string;
  json: boolean;
  /** false with --no-color; undefined lets the terminal decide. */
  color?: boolean;
}

export interface CliContext {
  io: CliIo;
  json: boolean;
  color: boolean;
  /** From --locale, else POSDIAG_LOCALE (checked to be a locale tag), else the configuration (resolved by the command), else zh-CN. */
  locale?: string;
  configPath?: string;
  /** Null when --sim was not given. */
  sim: SimSpec | null;
  /** Progress lines for a person (stderr); silent under --json, whose stdout is one document. */
  progress(line: string): void;
}

export function contextFrom(g: GlobalOptions, io: CliIo): CliContext {
  // An empty variable is an unset one (`POSDIAG_LOCALE= posdiag …`).
  const locale = g.locale ?? (io.env.POSDIAG_LOCALE || undefined);
  if (locale !== undefined && !isLocaleTag(locale)) {
    // A typo a person can fix; the configuration's locale is checked by its schema.
    throw new HalError(
      'Usage_Invalid',
      `${g.locale !== undefined ? '--locale' : 'POSDIAG_LOCALE'}: "${locale}" is not a locale tag (e.g. ${CONFIG_LOCALES.join(', ')})`,
      { locale },
    );
  }
  return {
    io,
    json: g.json,
    color: useColor(io, g.color),
    locale,
    configPath: g.config ?? (io.env.POSDIAG_CONFIG || undefined),
    sim: parseSimSpec(g.sim),
    progress: (line) => {
      if (!g.json) io.stderr(screenText(line));
    },
  };
}

/**
 * The configuration file named by --config or POSDIAG_CONFIG, for a command that reads it without opening
 * the devices; undefined without one. The loader is loaded only then: only a configured terminal pays for it.
 */
export async function configOf(ctx: CliContext): Promise<PosdiagConfig | undefined> {
  if (!ctx.configPath) return undefined;
  const { loadConfigFile } = await import('../config/load');
  return loadConfigFile(ctx.configPath);
}

/** The acquirer profile a flag names (aliases allowed), or the usage error that lists them. */
export function acquirerFlag(name: string): string {
  const acquirer = findAcquirer(name);
  if (acquirer === null)
    throw new HalError('Usage_Invalid', `unknown acquirer "${name}"; expected one of ${Object.keys(ACQUIRERS).join(', ')}`, { acquirer: name });
  return acquirer;
}
