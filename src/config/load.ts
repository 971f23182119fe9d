/**
 * Reads and validates the configuration file. Every bad field is named in the error, with what was
 * expected, so a technician can fix the file without reading code.
 */
import type { ErrorObject } from 'ajv';
import { HalError } from '../../hal/errors';
import { safeText } from '../../hal/safe-text';
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
  if (problems.length) throw new HalError('Config_Invalid', problemList(source, problems), { problems: problems.length });
  const config = value as PosdiagConfig;
  return { ...config, terminal: freeText(config.terminal), devices: config.devices ?? {} };
}

/** At most this many problems are listed; a file with thousands of unknown keys gets a screenful, not megabytes. */
export const MAX_PROBLEMS_SHOWN = 20;

/**
 * The error's text: each problem scrubbed and cut (it quotes keys and values from the file: control bytes,
 * a card number, a 1 MB key), the first MAX_PROBLEMS_SHOWN of them, then how many more there are.
 */
function problemList(source: string, problems: readonly string[]): string {
  const unique = [...new Set(problems)];
  const shown = unique.slice(0, MAX_PROBLEMS_SHOWN).map((p) => safeText(p));
  if (unique.length > shown.length) shown.push(`and ${unique.length - shown.length} more`);
  return `${source} is not valid:\n  - ${shown.join('\n  - ')}`; // the path: HalError scrubs the whole message
}

/**
 * The terminal's free text (merchantName, location) is what the slip, the journal and the screens show
 * of the configuration: scrubbed once here, card numbers masked (telephone numbers in the + form kept).
 * The ids (id, merchantId) are not free text: the schema holds them to 8 and 15 letters or digits, and
 * they are printed whole.
 */
function freeText(terminal: PosdiagConfig['terminal']): PosdiagConfig['terminal'] {
  const out = { ...terminal };
  for (const key of ['merchantName', 'location'] as const) {
    const text = out[key];
    if (typeof text === 'string') out[key] = safeText(text, { phones: true });
  }
  return out;
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
