/**
 * Named numeric options (timeouts, retries, budgets) with a documented default and range. Every driver
 * declares its options as a spec and resolves what the caller gave through here, so a bad value is
 * refused with the option's full name and the range it must fall in.
 */
import { HalError } from './errors';

export type OptionSpec<K extends string> = { readonly [P in K]: { readonly default: number; readonly min: number; readonly max: number } };

export function resolveOptions<K extends string>(spec: OptionSpec<K>, given: Partial<Record<K, number>> = {}, prefix = ''): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const key of Object.keys(spec) as K[]) {
    const { default: fallback, min, max } = spec[key];
    const value = given[key] ?? fallback;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
      const field = `${prefix}${key}`;
      throw new HalError('Config_Invalid', `${field} must be a number from ${min} to ${max}, got ${String(value)}`, { field });
    }
    out[key] = value;
  }
  return out;
}
