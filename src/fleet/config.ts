/**
 * The fleet commands' settings: the configuration's `fleet` section, then the command line's options
 * over it, checked together against the section's schema (src/config/fleet-schema.ts) with every bad
 * field named. A fleet server's file may hold `fleet` alone; a file with a `terminal` is a terminal's
 * and is checked whole as well.
 */
import Ajv, { type ErrorObject } from 'ajv';
import { HalError } from '../../hal/errors';
import { safeText } from '../../hal/safe-text';
import { FLEET_SCHEMA } from '../config/fleet-schema';
import { validateConfig } from '../config/load';
import { readBounded } from '../files/bounded-read';
import { FILE_LIMITS } from '../files/limits';

export type DatabaseSettings = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

export interface FleetSettings {
  broker: string;
  cert: string;
  key: string;
  ca: string;
  prefix?: string;
  group?: string;
  clientId?: string;
  ackIntervalMs?: number;
  batchMs?: number;
  maxBatch?: number;
  database: DatabaseSettings;
}

export interface FleetFlags {
  broker?: string;
  cert?: string;
  key?: string;
  ca?: string;
  database?: string;
  'client-id'?: string;
  group?: string;
  prefix?: string;
}

const ajv = new Ajv({ allErrors: true, strict: false });
const forIngest = ajv.compile(FLEET_SCHEMA);
// The report reads the database only.
const forReport = ajv.compile({ ...FLEET_SCHEMA, required: ['database'] });

/** --database: a postgres:// URL, else a SQLite file. */
export function databaseFlag(value: string): DatabaseSettings {
  return /^postgres(ql)?:\/\//.test(value) ? { kind: 'postgres', url: value } : { kind: 'sqlite', path: value };
}

export function fleetSettings(configPath: string | undefined, flags: FleetFlags, use: 'ingest' | 'report'): FleetSettings {
  const fromFile = configPath === undefined ? {} : fleetSection(configPath);
  const merged: Record<string, unknown> = { ...fromFile };
  const set = (key: string, value: unknown) => {
    if (value !== undefined) merged[key] = value;
  };
  set('broker', flags.broker);
  set('cert', flags.cert);
  set('key', flags.key);
  set('ca', flags.ca);
  set('prefix', flags.prefix);
  set('group', flags.group);
  set('clientId', flags['client-id']);
  if (flags.database !== undefined) merged.database = databaseFlag(flags.database);
  const validate = use === 'ingest' ? forIngest : forReport;
  if (!validate(merged)) {
    const problems = [...new Set((validate.errors ?? []).filter((e) => e.keyword !== 'if').map(describe))];
    throw new HalError(
      'Config_Invalid',
      `fleet settings (${configPath ?? 'command line'}, options over the file) are not valid:\n  - ${problems.map((p) => safeText(p)).join('\n  - ')}`,
      { problems: problems.length },
    );
  }
  return merged as unknown as FleetSettings;
}

function fleetSection(path: string): Record<string, unknown> {
  const read = readBounded(path, { maxBytes: FILE_LIMITS.config, followLinks: true });
  if (read.state !== 'ok')
    throw new HalError('Config_Invalid', `cannot read configuration ${path}: ${read.state === 'missing' ? 'no such file' : read.detail}`, { path });
  let value: unknown;
  try {
    const text = read.data.toString('utf8');
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    throw new HalError('Config_Invalid', `configuration ${path} is not JSON: ${(err as Error).message}`, { path });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new HalError('Config_Invalid', `configuration ${path} is not valid:\n  - (top level): must be object`, { path });
  const file = value as Record<string, unknown>;
  if ('terminal' in file) validateConfig(file, path);
  else {
    const other = Object.keys(file).filter((k) => k !== 'fleet');
    if (other.length)
      throw new HalError(
        'Config_Invalid',
        `configuration ${path} is not valid:\n  - ${other.map((k) => `${safeText(k.slice(0, 60))}: not a field of a fleet server's file (terminal is required with it)`).join('\n  - ')}`,
        { path },
      );
  }
  const fleet = file.fleet;
  if (fleet === undefined) return {};
  if (fleet === null || typeof fleet !== 'object' || Array.isArray(fleet))
    throw new HalError('Config_Invalid', `configuration ${path} is not valid:\n  - fleet: must be object`, { path });
  return fleet as Record<string, unknown>;
}

function describe(e: ErrorObject): string {
  const path = ['fleet', ...e.instancePath.split('/').slice(1)].join('.');
  switch (e.keyword) {
    case 'required':
      return `${path}.${(e.params as { missingProperty: string }).missingProperty}: required`;
    case 'additionalProperties':
      return `${path}.${(e.params as { additionalProperty: string }).additionalProperty}: not a known field`;
    case 'enum':
      return `${path}: expected one of ${((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
    default: {
      const description = schemaDescription(e.schemaPath);
      return `${path}: ${e.message ?? e.keyword}${description ? ` (${description})` : ''}`;
    }
  }
}

/** The description of the schema object that holds the failed keyword ("#/properties/broker/pattern"). */
function schemaDescription(schemaPath: string): string | undefined {
  let node: unknown = FLEET_SCHEMA;
  for (const part of schemaPath.split('/').slice(1, -1)) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  const d = node && typeof node === 'object' ? (node as { description?: unknown }).description : undefined;
  return typeof d === 'string' ? d : undefined;
}
