/**
 * Configuration fields checked in code rather than by the generated validator: the numeric option groups
 * (timeouts, timing, budgets) and the few fixed choices (line settings, echo form). Each rule is the one
 * the code that uses the field declares (an OptionSpec, LINE_CHOICES, ECHO_FORMS), so a default, a range
 * or a choice is written in one place: the schema's description of a field is derived from it
 * (ruleSchema) and load.ts checks a configuration's values against it (ruleProblems).
 *
 * Why not in the schema the validator is generated from: ajv's code for these fifty-odd fields would add
 * about 15 KB to the terminal's bundle; one loop over the rules costs a few hundred bytes.
 */
import { MODEM_TIMEOUTS } from '../../hal/modem/timeouts';
import { ECHO_BATCH, ECHO_FORMS } from '../../hal/network/iso8583/echo';
import { NETWORK_OPTIONS } from '../../hal/network/options';
import type { OptionRange } from '../../hal/options';
import { PRINTER_TIMING } from '../../hal/printer/driver';
import { PRINTER_PROFILES } from '../../hal/printer/profiles';
import { READER_TIMING } from '../../hal/reader/reader-check';
import { RUN_BUDGET } from '../../hal/selfcheck';
import { LINE_CHOICES } from '../../hal/transport/line-settings';
import { TELEMETRY_OPTIONS } from '../fleet/options';

type Json = Record<string, unknown>;
/** A whole number in a range, one of a few values, or a text of a pattern. */
export type FieldRule = OptionRange | readonly (string | number | boolean)[] | RegExp;
export type FieldRules = Readonly<Record<string, FieldRule>>;

export interface RuleSet {
  /** Where the fields sit in the configuration. */
  path: readonly string[];
  /** The rules; the reader's timing depends on the reader's kind. */
  rules(config: Json): FieldRules;
  /** Every field of the object must have a rule (an option group); otherwise the schema knows the others. */
  closed?: boolean;
  /** Fields that must be there when the object is. */
  required?: readonly string[];
}

const readerKind = (c: Json) => (at(c, ['devices', 'reader', 'kind']) === 'msr605' ? 'msr605' : 'pn532');

export const RULE_SETS: readonly RuleSet[] = [
  { path: ['devices', 'modem', 'timeouts'], rules: () => MODEM_TIMEOUTS, closed: true },
  { path: ['devices', 'reader', 'timing'], rules: (c) => READER_TIMING[readerKind(c)], closed: true },
  { path: ['devices', 'printer', 'timing'], rules: () => PRINTER_TIMING, closed: true },
  { path: ['host', 'timing'], rules: () => NETWORK_OPTIONS, closed: true },
  { path: ['checks'], rules: () => RUN_BUDGET, closed: true },
  ...['modem', 'reader', 'printer'].map((d) => ({ path: ['devices', d], rules: () => LINE_CHOICES })),
  { path: ['host'], rules: () => HOST_RULES },
  { path: ['devices', 'printer'], rules: () => PRINTER_RULES },
  { path: ['telemetry'], rules: () => TELEMETRY_RULES, closed: true, required: ['broker', 'cert', 'key', 'ca'] },
];

export const HOST_RULES: FieldRules = { echoForm: ECHO_FORMS, ...ECHO_BATCH };
/**
 * The fleet link, checked here rather than by the generated validator (whose code for it would cost the
 * terminal's bundle about 4 KB): TLS only; file paths; the topic prefix as src/fleet/wire.ts accepts it.
 */
export const TELEMETRY_RULES: FieldRules = {
  broker: /^mqtts:\/\/[^/?#\s]{1,253}$/,
  cert: /^[^\0]{1,4096}$/,
  key: /^[^\0]{1,4096}$/,
  ca: /^[^\0]{1,4096}$/,
  topicPrefix: /^(?!\$)[0-9A-Za-z_.-]{1,32}(?:\/[0-9A-Za-z_.-]{1,32}){0,3}$/,
  ...TELEMETRY_OPTIONS,
};
/** A printer profile is one of the list (hal/printer/profiles.ts): every command refuses any other when it loads the file. */
export const PRINTER_RULES: FieldRules = { profile: Object.keys(PRINTER_PROFILES) };

/**
 * Fields that only one kind of serial device has. The schema's shared serial definition must let all of
 * them through (JSON Schema draft 7 cannot extend a closed definition), so they are held to their device here.
 */
const DEVICE_FIELDS: Record<string, readonly string[]> = {
  modem: ['timeouts'],
  reader: ['kind', 'timing'],
  printer: ['paperWidth', 'profile', 'timing'],
};
const DEVICE_ONLY = new Set(Object.values(DEVICE_FIELDS).flat());

/** A rule as JSON Schema: a whole number with the minimum, maximum and default, or an enum. */
export function ruleSchema(rule: FieldRule): Json {
  if (rule instanceof RegExp) return { type: 'string', pattern: rule.source };
  return isRange(rule) ? { type: 'integer', minimum: rule.min, maximum: rule.max, default: rule.default } : { enum: rule };
}

/** An option group as JSON Schema: a closed object of its rules. */
export function groupSchema(rules: FieldRules): Json {
  const properties: Json = {};
  for (const [key, rule] of Object.entries(rules)) properties[key] = ruleSchema(rule);
  return { type: 'object', additionalProperties: false, properties };
}

/** What a field expects, in the words of load.ts's other messages. */
export function expected(rule: FieldRule): string {
  if (rule instanceof RegExp) return `must be a text matching ${rule.source}`;
  return isRange(rule) ? `must be a whole number from ${rule.min} to ${rule.max} (default ${rule.default})` : `expected one of ${rule.map((v) => JSON.stringify(v)).join(', ')}`;
}

/** Every value that breaks its rule, and every device field on the wrong device, as "field: expected". */
export function ruleProblems(config: unknown): string[] {
  if (!isObject(config)) return [];
  const out: string[] = [];
  for (const set of RULE_SETS) {
    const value = at(config, set.path);
    if (value === undefined) continue;
    const where = set.path.join('.');
    if (!isObject(value)) {
      if (set.closed) out.push(`${where}: must be object`); // else the schema has said so
      continue;
    }
    const rules = set.rules(config);
    for (const key of set.required ?? []) if (!Object.hasOwn(value, key)) out.push(`${where}.${key}: required`);
    for (const [key, v] of Object.entries(value)) {
      const rule = Object.hasOwn(rules, key) ? rules[key] : undefined;
      if (!rule) {
        if (set.closed) out.push(`${where}.${key}: not a known field`);
      } else if (rule instanceof RegExp ? typeof v !== 'string' || !rule.test(v) : isRange(rule) ? !Number.isInteger(v) || (v as number) < rule.min || (v as number) > rule.max : !rule.includes(v as never)) {
        out.push(`${where}.${key}: ${expected(rule)}`);
      }
    }
  }
  for (const [device, own] of Object.entries(DEVICE_FIELDS)) {
    const d = at(config, ['devices', device]);
    if (isObject(d)) for (const key of Object.keys(d)) if (DEVICE_ONLY.has(key) && !own.includes(key)) out.push(`devices.${device}.${key}: not a known field`);
  }
  return out;
}

function isRange(rule: FieldRule): rule is OptionRange {
  return !Array.isArray(rule) && !(rule instanceof RegExp);
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function at(v: unknown, path: readonly string[]): unknown {
  for (const step of path) v = isObject(v) && Object.hasOwn(v, step) ? v[step] : undefined;
  return v;
}
