/**
 * The device list (hal/devices.ts) is the one description of the devices: every other list of devices
 * or reader kinds — texts, the catalog's check names, the JSON schemas, the simulators — names exactly
 * what it names, so a new device or kind that one of them misses fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKED_DEVICES, DEVICE_MODULES } from '../../../hal/devices';
import { READER_KIND_IDS } from '../../../hal/reader/kinds';
import { CHECK_NAMES } from '../../../src/codes/types';
import { CONFIG_SCHEMA } from '../../../src/config/schema';
import { SIM_DEVICES } from '../../../src/config/sim-spec';
import { CAUSE_RULES } from '../../../src/diagnosis/causes';
import { DEVICE_CAUSES } from '../../../hal/device-lists.generated';
import { catalogOf } from '../../../src/i18n/catalog';
import { LOCALES } from '../../../src/i18n/locale';
import { DEVICE_FAULTS } from '../../../mocks/faults';
import { SERIAL_SIMULATORS } from '../../../mocks/registry';

const schema = (name: string) =>
  JSON.parse(readFileSync(join(__dirname, '../../../schemas', `${name}.json`), 'utf8')) as {
    definitions: Record<string, { properties: Record<string, { enum?: string[]; pattern?: string }> }>;
  };

test('one module per device, in report order, each id once', () => {
  expect(DEVICE_MODULES.map((m) => m.id)).toEqual(CHECKED_DEVICES);
  expect(new Set(CHECKED_DEVICES).size).toBe(CHECKED_DEVICES.length);
});

test('the catalog can ask for every device, and the causes are all in devices', () => {
  for (const d of CHECKED_DEVICES) expect(CHECK_NAMES).toContain(d);
  for (const rule of CAUSE_RULES) expect(CHECKED_DEVICES).toContain(rule.device);
});

test('the slip and the menu have a word for every device, in every locale', () => {
  // Each locale's own file, not a fallback: the words are `slip.devices.<device>` and `menu.device.<device>`.
  for (const locale of LOCALES) {
    for (const d of CHECKED_DEVICES) {
      expect([locale, `slip.devices.${d}`, catalogOf(locale)[`slip.devices.${d}`]]).toEqual([locale, `slip.devices.${d}`, expect.any(String)]);
      expect([locale, `menu.device.${d}`, catalogOf(locale)[`menu.device.${d}`]]).toEqual([locale, `menu.device.${d}`, expect.any(String)]);
    }
  }
});

test('the JSON schemas name the devices of the modules, and a reader name as the configuration does', () => {
  const readerName = (CONFIG_SCHEMA.$defs.reader.properties.name as { pattern: string }).pattern;
  for (const [file, defs] of [
    ['selftest', ['device']],
    ['diagnose', ['device', 'evidence', 'cause']],
  ] as const) {
    for (const def of defs) {
      const props = schema(file).definitions[def].properties;
      expect([file, def, props.device.enum]).toEqual([file, def, [...CHECKED_DEVICES]]);
      expect(props.name.pattern).toBe(readerName);
    }
  }
});

test('every reader kind is in the configuration schema and has a simulator with its faults', () => {
  expect(CONFIG_SCHEMA.$defs.reader.properties.kind.enum).toEqual(READER_KIND_IDS);
  for (const kind of READER_KIND_IDS) {
    expect(SERIAL_SIMULATORS[kind]?.slot).toBe('reader');
    expect(Object.keys(DEVICE_FAULTS)).toContain(kind);
    expect(SIM_DEVICES).toContain(kind);
  }
});

test('during a diagnosis the reader shows it can read (external level); the others only look', () => {
  expect(Object.fromEntries(DEVICE_MODULES.map((m) => [m.id, m.diagnosisLevel]))).toEqual({
    modem: 'internal',
    reader: 'external',
    printer: 'internal',
    network: 'internal',
  });
});

test("each module declares its causes, on its own findings; the diagnosis reads them in each module's order", () => {
  for (const m of DEVICE_MODULES) {
    expect([m.id, CAUSE_RULES.filter((r) => r.device === m.id).map((r) => r.id)]).toEqual([m.id, m.causes.map((r) => r.id)]);
    for (const rule of m.causes) for (const entry of rule.match) expect([rule.id, entry.finding.startsWith(`${m.id}.`)]).toEqual([rule.id, true]);
  }
});

test('each device configured under `devices` gives the configuration schema its slot', () => {
  const slots = Object.keys(CONFIG_SCHEMA.properties.devices.properties);
  for (const m of DEVICE_MODULES) if (m.slot !== null && m.slot !== 'host') expect([m.id, slots.includes(m.slot)]).toEqual([m.id, true]);
  expect(slots).toEqual(['modem', 'reader', 'readers', 'printer']);
});

test("the build's list hands the diagnosis each module's own cause rules (hal/<device>/causes.ts), not a copy", () => {
  for (const m of DEVICE_MODULES) expect([m.id, DEVICE_CAUSES[m.id as keyof typeof DEVICE_CAUSES] === m.causes]).toEqual([m.id, true]);
});
