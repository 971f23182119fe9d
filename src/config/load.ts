/**
 * Reads and validates the configuration file. Every bad field is named in the error, with what was
 * expected, so a technician can fix the file without reading code.
 */
import { readFileSync } from 'node:fs';
import Ajv, { ErrorObject } from 'ajv';
import { HalError } from '../../hal/errors';
import { CONFIG_SCHEMA } from './schema';
import type { PosdiagConfig } from './types';

let validator: ReturnType<Ajv['compile']> | null = null;

export function validateConfig(value: unknown, source = 'configuration'): PosdiagConfig {
  validator ??= new Ajv({ allErrors: true, strict: false }).compile(CONFIG_SCHEMA);
  if (!validator(value)) {
    const problems = (validator.errors ?? []).map(describe);
    throw new HalError('Config_Invalid', `${source} is not valid:\n  - ${[...new Set(problems)].join('\n  - ')}`, { problems });
  }
  const config = value as PosdiagConfig;
  return { ...config, devices: config.devices ?? {} };
}

export function loadConfigFile(path: string): PosdiagConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new HalError('Config_Invalid', `cannot read configuration ${path}: ${(err as Error).message}`, { path });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new HalError('Config_Invalid', `configuration ${path} is not JSON: ${(err as Error).message}`, { path });
  }
  return validateConfig(value, path);
}

function describe(e: ErrorObject): string {
  const field = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : '(top level)';
  switch (e.keyword) {
    case 'required':
      return `${field === '(top level)' ? '' : field + '.'}${(e.params as { missingProperty: string }).missingProperty}: required`;
    case 'additionalProperties':
      return `${field === '(top level)' ? '' : field + '.'}${(e.params as { additionalProperty: string }).additionalProperty}: not a known field`;
    case 'enum':
      return `${field}: expected one of ${((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
    default: {
      const description = (e.parentSchema as { description?: string } | undefined)?.description;
      return `${field}: ${e.message}${description ? ` (${description})` : ''}`;
    }
  }
}
