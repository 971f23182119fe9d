/**
 * How a device describes itself to the rest of posdiag: one module per device (hal/<device>/module.ts),
 * listed once in hal/devices.ts. The self-test, the diagnosis, the menu and the configuration's field
 * rules find what they need about a device here instead of naming it.
 */
import type { DeviceCauseRule } from './cause-rule';
import type { DeviceEnv, TerminalEnv } from './check-env';
import type { DeadlineProfile } from './deadline-profiles';
import type { OptionSpec } from './options';
import type { CheckLevel, DeviceCheck } from './selfcheck';

export interface DeviceModule<C = unknown, Id extends string = string> {
  /** The device's id: `selftest <id>`, finding ids `<id>.<step>`, message keys `check.<id>.*`. */
  id: Id;
  /** Where its configuration sits: `devices.<slot>`, or `host` for the network; null for none. */
  slot: string | null;
  /** Its configured instances (none when the terminal does not have the device). */
  configs(env: TerminalEnv): C[];
  /** The check of one instance; it sees its own configuration only. */
  check(env: DeviceEnv<C>): DeviceCheck; // a method: the list holds modules of every configuration type
  /** The level it runs at during a diagnosis (look, or also act without a person). */
  diagnosisLevel: CheckLevel;
  /** Fields of its configuration that no other serial device has. */
  ownFields: readonly string[];
  /** Those an instance may have, by its configuration (a reader's by its kind); all of ownFields when not set. */
  fieldsOf?(config: Record<string, unknown>): readonly string[];
  /**
   * Its option groups (timeouts, timing) under its configuration, with their specs (by the instance's
   * config) and what a deadline profile puts in place of the defaults (hal/deadline-profiles.ts; none: the defaults).
   */
  optionGroups: readonly OptionGroup[];
  /** Fields that take one of a few values, checked in code when the configuration loads (src/config/field-rules.ts). */
  choices?: Readonly<Record<string, readonly (string | number | boolean)[]>>;
  /**
   * The causes its findings can prove, most basic first (hal/<device>/causes.ts): the diagnosis takes the
   * first that matches as the device's cause (src/diagnosis/causes.ts gathers every module's).
   */
  causes: readonly DeviceCauseRule[];
  /**
   * Its entries under `devices` in the configuration file's JSON schema, built with the parts every device
   * shares (src/config/schema.ts hands them over); none for a device configured elsewhere (the network's host).
   */
  configSchema?(parts: ConfigSchemaParts): DeviceConfigSchema;
}

/** A piece of JSON Schema. */
export type SchemaNode = Readonly<Record<string, unknown>>;

/** A definition of the schema's $defs: an object schema whose fields a reader of the schema may look up. */
export interface SchemaDef extends SchemaNode {
  properties: Readonly<Record<string, SchemaNode & { enum?: readonly unknown[]; pattern?: string }>>;
}

/** What the configuration schema shares with a device's entries. */
export interface ConfigSchemaParts {
  /**
   * The whole schema, with every description and range (true), or the one the validator is generated from,
   * where what src/config/field-rules.ts checks in code (option groups, choices) is only a placeholder.
   */
  documented: boolean;
  /** A serial line's fields, which every serial device's configuration has (a reference to their definition). */
  serial: SchemaNode;
  /** An option group: a closed object of its ranges (documented), a placeholder (generated). */
  group(spec: OptionSpec<string>): SchemaNode;
}

/** A device's entries under `devices`, by field (its slot, and for a list its one-instance form), and the definitions they share. */
export interface DeviceConfigSchema {
  properties: Readonly<Record<string, SchemaNode>>;
  defs?: Readonly<Record<string, SchemaDef>>;
}

export interface OptionGroup {
  field: string;
  spec(config: Record<string, unknown>): OptionSpec<string>;
  profiles?: { readonly [P in DeadlineProfile]?: (config: Record<string, unknown>) => Readonly<Record<string, number>> };
}
