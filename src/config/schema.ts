/**
 * The configuration file's JSON schema. Every field a terminal can set is here, with what it expects.
 * The option groups (timeouts, timing, budgets) and the fixed choices (line settings, echo form) are
 * derived from the declarations of the code that uses them (field-rules.ts), so the schema and the code
 * never disagree on a range. The `devices` section is the device modules' (hal/devices.ts): each gives its
 * entries (its slot, its fields) with the parts they share (ConfigSchemaParts), so no device is named here.
 */
import type { ConfigSchemaParts, SchemaDef, SchemaNode } from '../../hal/device-module';
import { DEVICE_MODULES } from '../../hal/devices';
import { NETWORK_OPTIONS } from '../../hal/network/options';
import { LINE_CHOICES } from '../../hal/transport/line-settings';
import { CONFIG_LOCALES } from '../i18n/locale';
import { CHECKS_RULES, DEVICE_ONLY, FieldRule, FieldRules, groupSchema, HOST_RULES, ruleSchema, TELEMETRY_RULES } from './field-rules';
import { FLEET_SCHEMA } from './fleet-schema';

/**
 * `documented`: the whole schema (CONFIG_SCHEMA).
 * `generated`: what the generated validator compiles: the fields of field-rules.ts only as placeholders,
 * since load.ts checks them against their rules at a fraction of the code. Both have the same shape
 * wherever a keyword can fail in the generated validator, so load.ts finds a field's description in
 * CONFIG_SCHEMA by the error's schema path.
 */
export function configSchema(form: 'documented' | 'generated') {
  const documented = form === 'documented';
  const group = (rules: FieldRules) => (documented ? groupSchema(rules) : {});
  const fields = (rules: FieldRules) => Object.fromEntries(Object.entries(rules).map(([k, r]: [string, FieldRule]) => [k, documented ? ruleSchema(r) : {}]));
  const serial = { $ref: '#/$defs/serial' };
  // Each device's entries under `devices` (and the definitions they share), in the modules' order, by its module.
  const parts: ConfigSchemaParts = { documented, serial, group };
  const entries = DEVICE_MODULES.flatMap((m) => (m.configSchema ? [m.configSchema(parts)] : []));
  const devices: Record<string, SchemaNode> = Object.assign({}, ...entries.map((e) => e.properties));
  const $defs: Record<string, SchemaDef> = {
    ...Object.assign({}, ...entries.map((e) => e.defs ?? {})),
    serial: {
      type: 'object',
      required: ['path'],
      properties: {
        path: { type: 'string', minLength: 1 },
        baudRate: { type: 'integer', enum: [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600] },
        ...fields(LINE_CHOICES),
        // Fields of one kind of device (the modules' own fields): checked by their device's schema (and held
        // to it by field-rules.ts).
        ...Object.fromEntries([...DEVICE_ONLY].sort().map((f) => [f, {}])),
      },
      additionalProperties: false,
    },
  };
  return {
    $id: 'https://posdiag.local/config.schema.json',
    type: 'object',
    additionalProperties: false,
    required: ['terminal'],
    properties: {
      terminal: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'merchantId'],
        properties: {
          id: { type: 'string', pattern: '^[0-9A-Za-z]{8}$', description: 'terminal id, ISO 8583 field 41 (8 characters)' },
          merchantId: { type: 'string', pattern: '^[0-9A-Za-z]{15}$', description: 'merchant id, field 42 (15 characters)' },
          merchantName: { type: 'string', maxLength: 40 },
          location: { type: 'string', maxLength: 60 },
          acquirer: { type: 'string', pattern: '^[a-z0-9-]{2,20}$' },
          locale: { type: 'string', enum: [...CONFIG_LOCALES] },
        },
      },
      devices: {
        type: 'object',
        additionalProperties: false,
        properties: devices,
      },
      host: {
        type: 'object',
        additionalProperties: false,
        required: ['address', 'port'],
        properties: {
          address: { type: 'string', minLength: 1, maxLength: 253 },
          port: { type: 'integer', minimum: 1, maximum: 65535 },
          echo: { type: 'boolean' },
          tpdu: { type: 'string', pattern: '^([0-9A-Fa-f]{2})*$' },
          header: { type: 'string', pattern: '^([0-9A-Fa-f]{2})*$' },
          ...fields(HOST_RULES),
          timing: group(NETWORK_OPTIONS),
        },
      },
      checks: group(CHECKS_RULES),
      journal: { type: 'object', additionalProperties: false, properties: { dir: { type: 'string', minLength: 1 } } },
      technician: { type: 'object', additionalProperties: false, properties: { pinHash: { type: 'string', minLength: 1 } } },
      // Read by the fleet commands only, which check it against its schema themselves (fleet-schema.ts).
      fleet: documented ? FLEET_SCHEMA : { type: 'object' },
      // The fleet link (README "Telemetry"): checked by field-rules.ts, a placeholder in the generated validator.
      telemetry: documented ? { ...groupSchema(TELEMETRY_RULES), required: ['broker', 'cert', 'key', 'ca'] } : {},
    },
    $defs,
  };
}

export const CONFIG_SCHEMA = configSchema('documented');
