/**
 * Configuration fields checked in code rather than by the generated validator: the numeric option groups
 * (timeouts, timing, budgets) and the few fixed choices (line settings, echo form), for every device the
 * device modules list (hal/devices.ts) wherever the configuration holds one. Each rule is the one
 * the code that uses the field declares (an OptionSpec, LINE_CHOICES, ECHO_FORMS), so a default, a range
 * or a choice is written in one place: the schema's description of a field is derived from it
 * (ruleSchema) and load.ts checks a configuration's values against it (ruleProblems).
 *
 * Why not in the schema the validator is generated from: ajv's code for these fifty-odd fields would add
 * about 15 KB to the terminal's bundle; one loop over the rules costs a few hundred bytes.
 */
import { DEADLINE_PROFILES } from '../../hal/deadline-profiles';
import { DEVICE_MODULES } from '../../hal/devices';
import { ECHO_BATCH, ECHO_FORMS } from '../../hal/network/iso8583/echo';
import { NETWORK_OPTIONS } from '../../hal/network/options';
import type { OptionRange } from '../../hal/options';
import { AID_PATTERN, MAX_AIDS } from '../../hal/reader/ccid/ccid-options';
import { configuredReaders } from '../../hal/reader/readers';
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
  rules: FieldRules;
  /** Every field of the object must have a rule (an option group); otherwise the schema knows the others. */
  closed?: boolean;
  /** Fields that must be there when the object is. */
  required?: readonly string[];
  /** The value is a list of 1 to maxItems, each item held to this rule (the object rules then do not apply). */
  items?: FieldRule;
  maxItems?: number;
}

/** A serial device's configuration object: `devices.modem`, `devices.reader`, `devices.readers.0`, … */
interface DeviceAt {
  path: readonly string[];
  value: unknown;
  ownFields: readonly string[];
  groups: (typeof DEVICE_MODULES)[number]['optionGroups'];
  choices: FieldRules | undefined;
}

/** Every serial device configured, by its module's slot (a list slot holds several; `reader` is one of them). */
function devicesIn(config: Json): DeviceAt[] {
  const out: DeviceAt[] = [];
  for (const m of DEVICE_MODULES) {
    if (m.slot === null || m.slot === 'host') continue;
    const of = (path: string[]) => {
      const value = at(config, path);
      return { path, value, ownFields: m.fieldsOf && isObject(value) ? m.fieldsOf(value) : m.ownFields, groups: m.optionGroups, choices: m.choices };
    };
    if (m.slot === 'readers') {
      // A single reader as `devices.reader`, several as the list.
      out.push(of(['devices', 'reader']));
      const list = at(config, ['devices', 'readers']);
      if (Array.isArray(list)) list.forEach((_, i) => out.push(of(['devices', 'readers', String(i)])));
    } else out.push(of(['devices', m.slot]));
  }
  return out.filter((d) => d.value !== undefined);
}

/** The rule sets that apply to `config`: each configured device's option groups (by its kind) and line settings, and the rest. */
export function ruleSets(config: Json): RuleSet[] {
  const devices = devicesIn(config);
  return [
    ...devices.flatMap((d) => (isObject(d.value) ? d.groups.map((g) => ({ path: [...d.path, g.field], rules: g.spec(d.value as Json), closed: true })) : [])),
    { path: ['host', 'timing'], rules: NETWORK_OPTIONS, closed: true },
    { path: ['checks'], rules: CHECKS_RULES, closed: true },
    // A kind's own fields only where the instance may have them: elsewhere they are refused by name alone.
    ...devices.map((d) => ({ path: d.path, rules: { ...LINE_CHOICES, ...(d.ownFields.includes('readExpiry') ? { readExpiry: [false, true] } : {}) } })),
    ...devices.filter((d) => d.ownFields.includes('aids')).map((d) => ({ path: [...d.path, 'aids'], rules: {}, items: AID_PATTERN, maxItems: MAX_AIDS })),
    { path: ['host'], rules: HOST_RULES },
    ...devices.flatMap((d) => (d.choices ? [{ path: d.path, rules: d.choices }] : [])),
    { path: ['telemetry'], rules: TELEMETRY_RULES, closed: true, required: ['broker', 'cert', 'key', 'ca'] },
  ];
}

/** `checks`: the whole run's budget, and the deadline profile every command runs with unless told (--profile). */
export const CHECKS_RULES: FieldRules = { ...RUN_BUDGET, profile: DEADLINE_PROFILES };

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

/**
 * Fields that only one kind of serial device has (each module's ownFields). The schema's shared serial
 * definition must let all of them through (JSON Schema draft 7 cannot extend a closed definition), so
 * they are held to their device here.
 */
export const DEVICE_ONLY: readonly string[] = [...new Set(DEVICE_MODULES.flatMap((m) => m.ownFields))];

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
  return isRange(rule)
    ? `must be a whole number from ${rule.min} to ${rule.max} (default ${rule.default})`
    : `expected one of ${rule.map((v) => JSON.stringify(v)).join(', ')}`;
}

/** Every value that breaks its rule, and every device field on the wrong device, as "field: expected". */
export function ruleProblems(config: unknown): string[] {
  if (!isObject(config)) return [];
  const out: string[] = [];
  for (const set of ruleSets(config)) {
    const value = at(config, set.path);
    if (value === undefined) continue;
    const where = set.path.join('.');
    if (set.items) {
      const rule = set.items;
      if (!Array.isArray(value) || !value.length || value.length > set.maxItems!) out.push(`${where}: must be a list of 1 to ${set.maxItems}`);
      else value.forEach((v, i) => !fitsRule(rule, v) && out.push(`${where}.${i}: ${expected(rule)}`));
      continue;
    }
    if (!isObject(value)) {
      if (set.closed) out.push(`${where}: must be object`); // else the schema has said so
      continue;
    }
    const rules = set.rules;
    for (const key of set.required ?? []) if (!Object.hasOwn(value, key)) out.push(`${where}.${key}: required`);
    for (const [key, v] of Object.entries(value)) {
      const rule = Object.hasOwn(rules, key) ? rules[key] : undefined;
      if (!rule) {
        if (set.closed) out.push(`${where}.${key}: not a known field`);
      } else if (!fitsRule(rule, v)) {
        out.push(`${where}.${key}: ${expected(rule)}`);
      }
    }
  }
  for (const d of devicesIn(config)) {
    if (isObject(d.value))
      for (const key of Object.keys(d.value))
        if (DEVICE_ONLY.includes(key) && !d.ownFields.includes(key)) out.push(`${d.path.join('.')}.${key}: not a known field`);
  }
  const devices = config.devices;
  if (isObject(devices) && devices.reader !== undefined && devices.readers !== undefined)
    out.push('devices.reader: give one reader as devices.reader or several as devices.readers, not both');
  else if (isObject(devices) && Array.isArray(devices.readers) && devices.readers.every(isObject)) {
    try {
      configuredReaders(devices as never);
    } catch (err) {
      out.push((err as Error).message);
    }
  }
  return out;
}

function fitsRule(rule: FieldRule, v: unknown): boolean {
  if (rule instanceof RegExp) return typeof v === 'string' && rule.test(v);
  return isRange(rule) ? Number.isInteger(v) && (v as number) >= rule.min && (v as number) <= rule.max : rule.includes(v as never);
}

function isRange(rule: FieldRule): rule is OptionRange {
  return !Array.isArray(rule) && !(rule instanceof RegExp);
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The value at `path`, through objects and lists (`devices.readers.0`). */
function at(v: unknown, path: readonly string[]): unknown {
  for (const step of path) v = typeof v === 'object' && v !== null && Object.hasOwn(v, step) ? (v as Json)[step] : undefined;
  return v;
}
