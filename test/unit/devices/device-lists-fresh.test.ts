/**
 * The lists of devices, reader kinds and simulators that code and schemas need without loading the
 * checks are derived by the build (scripts/device-lists-codegen.ts) from the device modules, the reader
 * kinds and the simulators' faults. This fails when a committed copy is stale: run `node build.mjs`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKED_DEVICES } from '../../../hal/devices';
import { READER_KIND_IDS } from '../../../hal/reader/kinds';
import { deviceLists, deviceListsSource, GENERATED_LISTS_PATH, SCHEMAS_DIR, withGeneratedLists } from '../../../scripts/device-lists-codegen';
import { CHECK_NAMES } from '../../../src/codes/types';
import { SIM_DEVICES } from '../../../src/config/sim-spec';
import { GLOBAL_OPTIONS } from '../../../src/cli/args';
import { DEVICE_FAULTS } from '../../../mocks/faults';

const ROOT = join(__dirname, '../../..');

test('hal/device-lists.generated.ts is what the modules give today (else: node build.mjs)', () => {
  expect(readFileSync(join(ROOT, GENERATED_LISTS_PATH), 'utf8')).toBe(deviceListsSource());
});

test('every marked enum of the JSON schemas is its list today (else: node build.mjs)', () => {
  const marked: string[] = [];
  for (const name of readdirSync(join(ROOT, SCHEMAS_DIR)).filter((f) => f.endsWith('.json'))) {
    const text = readFileSync(join(ROOT, SCHEMAS_DIR, name), 'utf8');
    expect([name, withGeneratedLists(JSON.parse(text)).changed]).toEqual([name, []]);
    marked.push(...[...text.matchAll(/"generated: ([a-z-]+)"/g)].map((m) => `${name}:${m[1]}`));
  }
  // The device enums of selftest, diagnose and its events, the check names of explain, diagnose and its
  // events, and sim's devices.
  expect(marked.sort()).toEqual([
    'diagnose-events.json:checks',
    'diagnose-events.json:devices',
    'diagnose-events.json:devices',
    'diagnose-events.json:devices',
    'diagnose.json:checks',
    'diagnose.json:devices',
    'diagnose.json:devices',
    'diagnose.json:devices',
    'explain.json:checks',
    'selftest.json:devices',
    'sim.json:serial-simulators',
  ]);
});

test('the lists come from the modules, the kinds and the simulators, and the code uses them', () => {
  const lists = deviceLists();
  expect(lists.devices).toEqual(CHECKED_DEVICES);
  expect(lists['reader-kinds']).toEqual(READER_KIND_IDS);
  expect(lists.simulators).toEqual(Object.keys(DEVICE_FAULTS));
  expect(CHECK_NAMES).toEqual([...CHECKED_DEVICES, 'keys', 'params', 'journal']);
  expect(SIM_DEVICES).toEqual(Object.keys(DEVICE_FAULTS));
  expect(GLOBAL_OPTIONS.find((o) => o.name === 'sim')?.help).toContain(`(${Object.keys(DEVICE_FAULTS).join(', ')}; a second reader: ${READER_KIND_IDS[0]}-2)`);
});

test('a marked enum whose list changed is rewritten and named; an unknown list is an error', () => {
  const stale = { definitions: { device: { $comment: 'generated: devices', enum: ['modem'] } } };
  const { schema, changed } = withGeneratedLists(stale);
  expect(changed).toEqual(['/definitions/device']);
  expect(schema).toEqual({ definitions: { device: { $comment: 'generated: devices', enum: [...CHECKED_DEVICES] } } });
  expect(() => withGeneratedLists({ x: { $comment: 'generated: faxes', enum: [] } })).toThrow('/x: no generated list "faxes"');
});
