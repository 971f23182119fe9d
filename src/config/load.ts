/**
 * Reads and validates the configuration file. Every bad field is named in the error, with what was
 * expected, so a technician can fix the file without reading code.
 */
import type { ErrorObject } from 'ajv';
import { HalError } from '../../hal/errors';
import { readBounded } from '../files/bounded-read';
import { FILE_LIMITS } from '../files/limits';
import { ruleProblems } from './field-rules';
import type { PosdiagConfig } from './types';
// The schema compiled ahead of time (ajv standalone code, see validator-codegen.ts): no ajv compiler at run time.
import { descriptions, validate } from './validate-config.generated';

const validator = validate as unknown as ((value: unknown) => boolean) & { errors?: ErrorObject[] | null };

export function validateConfig(value: unknown, source = 'configuration'): PosdiagConfig {
  // The generated validator's checks, then the fields it leaves to their rules (field-rules.ts).
  const problems = [...(validator(value) ? [] : (validator.errors ?? []).map(describe)), ...ruleProblems(value)];
  if (problems.length) {
    throw new HalError('Config_Invalid', `${source} is not valid:\n  - ${[...new Set(problems)].join('\n  - ')}`, { problems });
  }
  const config = value as PosdiagConfig;
  return { ...config, devices: config.devices ?? {} };
}

export function loadConfigFile(path: string): PosdiagConfig {
  let text: string;
  try {
    // Links are followed (a person may point at one); what is at the end must be a regular file within
    // the limit: /dev/zero would never end, a FIFO or a mistyped serial port (/dev/ttyS1) never answer.
    const read = readBounded(path, { maxBytes: FILE_LIMITS.config, followLinks: true });
    if (read.state === 'missing') throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
    if (read.state === 'refused') throw new HalError('Config_Invalid', `configuration ${path} is ${read.detail}`, { path, why: read.why });
    text = read.data.toString('utf8');
  } catch (err) {
    if (err instanceof HalError) throw err;
    throw new HalError('Config_Invalid', `cannot read configuration ${path}: ${(err as Error).message}`, { path });
  }
  let value: unknown;
  try {
    // A UTF-8 byte order mark, as Windows editors save, is not part of the JSON.
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    throw new HalError('Config_Invalid', `configuration ${path} is not JSON: ${(err as Error).message}`, { path });
  }
  return validateConfig(value, path);
}

function describe(e: ErrorObject): string {
  const path = e.instancePath.slice(1).replace(/\//g, '.');
  const field = path || '(top level)';
  // A missing or unknown property is named by its own path, under the object's.
  const under = path ? `${path}.` : '';
  switch (e.keyword) {
    case 'required':
      return `${under}${(e.params as { missingProperty: string }).missingProperty}: required`;
    case 'additionalProperties':
      return `${under}${(e.params as { additionalProperty: string }).additionalProperty}: not a known field`;
    case 'enum':
      return `${field}: expected one of ${((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
    default: {
      // The description of the schema object holding the failed keyword ("#/properties/terminal/properties/id/pattern").
      const description = (descriptions as Record<string, string | undefined>)[e.schemaPath.slice(0, e.schemaPath.lastIndexOf('/'))];
      return `${field}: ${expectation(e)}${description ? ` (${description})` : ''}`;
    }
  }
}

/** What the failed keyword expected, in ajv's usual words (the generated validator carries no messages). */
function expectation(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'type':
      return `must be ${String(p.type)}`;
    case 'pattern':
      return `must match pattern "${String(p.pattern)}"`;
    case 'minLength':
      return `must NOT have fewer than ${String(p.limit)} characters`;
    case 'maxLength':
      return `must NOT have more than ${String(p.limit)} characters`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `must be ${String(p.comparison)} ${String(p.limit)}`;
    default:
      return `must pass "${e.keyword}" ${JSON.stringify(p)}`;
  }
}
