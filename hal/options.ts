/**
 * Named numeric options (timeouts, retries, budgets) with a documented default and range. Every driver
 * declares its options as a spec and resolves what the caller gave through here, so a bad value is
 * refused with the option's full name and the range it must fall in.
 */
import { HalError } from './errors';

export interface OptionRange {
  readonly default: number;
  readonly min: number;
  readonly max: number;
}

export type OptionSpec<K extends string> = { readonly [P in K]: OptionRange };

export interface ResolveRules {
  /** Counts and tick-based timeouts: a fraction is as wrong as a value out of range. */
  integers?: boolean;
}

/** Fills defaults; a value out of range (or not a number) is a Config_Invalid naming `${prefix}${key}`. */
export function resolveOptions<K extends string>(
  spec: OptionSpec<K>,
  given: Partial<Record<K, number>> = {},
  prefix = '',
  rules: ResolveRules = {},
): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const key of Object.keys(spec) as K[]) {
    const { default: fallback, min, max } = spec[key];
    const value = given[key] ?? fallback;
    const wrongKind = typeof value !== 'number' || !Number.isFinite(value) || (rules.integers && !Number.isInteger(value));
    if (wrongKind || value < min || value > max) {
      const field = `${prefix}${key}`;
      const kind = rules.integers ? 'a whole number' : 'a number';
      throw new HalError('Config_Invalid', `${field} must be ${kind} from ${min} to ${max}, got ${String(value)}`, { field });
    }
    out[key] = value;
  }
  return out;
}

/**
 * Fills defaults and pulls out-of-range values into range instead of refusing them. For options a
 * check computes from other figures, where refusing would only make the check fail; a value that is
 * not a number at all falls back to the default.
 */
export function clampOptions<K extends string>(spec: OptionSpec<K>, given: Partial<Record<K, number>> = {}): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const key of Object.keys(spec) as K[]) {
    const { default: fallback, min, max } = spec[key];
    const value = given[key];
    out[key] = value === undefined || !Number.isFinite(value) ? fallback : Math.min(max, Math.max(min, Math.round(value)));
  }
  return out;
}

/** The defaults of a spec, for documentation and tests. */
export function optionDefaults<K extends string>(spec: OptionSpec<K>): Record<K, number> {
  return clampOptions(spec);
}
