/**
 * The fleet settings: the configuration's fleet section (alone, or beside a terminal's sections) with the
 * command line's options over it; every bad field named, the ingest needing broker and certificates, the
 * report only a database.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fleetSettings } from '../../../src/fleet/config';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'posdiag-fleetcfg-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const file = (value: unknown) => {
  const p = join(dir, 'c.json');
  writeFileSync(p, JSON.stringify(value));
  return p;
};
const GOOD = {
  broker: 'mqtts://broker.example:8883',
  cert: 'i.crt',
  key: 'i.key',
  ca: 'ca.crt',
  database: { kind: 'sqlite', path: '/var/lib/posdiag/fleet.db' },
};
const problems = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return (err as Error).message
      .split('\n')
      .slice(1)
      .map((l) => l.replace(/^ {2}- /, ''));
  }
  throw new Error('no error');
};

test('a fleet server file with fleet alone; options over it', () => {
  expect(fleetSettings(file({ fleet: GOOD }), {}, 'ingest')).toEqual(GOOD);
  expect(fleetSettings(file({ fleet: GOOD }), { database: 'postgres://u@db/fleet', broker: 'mqtts://other:8883' }, 'ingest')).toEqual({
    ...GOOD,
    broker: 'mqtts://other:8883',
    database: { kind: 'postgres', url: 'postgres://u@db/fleet' },
  });
  expect(fleetSettings(undefined, { database: '/tmp/f.db' }, 'report')).toEqual({ database: { kind: 'sqlite', path: '/tmp/f.db' } });
});

test('every bad field is named', () => {
  const bad = {
    broker: 'mqtt://plain:1883',
    cert: '',
    key: 'k',
    ca: 'c',
    ackIntervalMs: 10,
    maxBatch: 0,
    group: 'a/b',
    colour: 'red',
    database: { kind: 'postgres', path: 'x' },
  };
  expect(problems(() => fleetSettings(file({ fleet: bad }), {}, 'ingest')).sort()).toEqual(
    [
      'fleet.ackIntervalMs: must be >= 50 (at most one ack per terminal this often)',
      'fleet.broker: must match pattern "^mqtts://[^\\s/?#]+(:[0-9]{1,5})?/?$" (the broker, mqtts://host:port (TLS only))',
      "fleet.cert: must NOT have fewer than 1 characters (the ingest's client certificate (PEM file))",
      'fleet.colour: not a known field',
      'fleet.database.url: required',
      'fleet.group: must match pattern "^[0-9A-Za-z_-]{1,32}$" (shared subscription group, default ingest)',
      'fleet.maxBatch: must be >= 1 (records per commit at most)',
    ].sort(),
  );
});

test('the ingest needs the broker and its certificates; the report only the database', () => {
  expect(problems(() => fleetSettings(undefined, { database: '/tmp/f.db' }, 'ingest')).sort()).toEqual([
    'fleet.broker: required',
    'fleet.ca: required',
    'fleet.cert: required',
    'fleet.key: required',
  ]);
  expect(problems(() => fleetSettings(undefined, {}, 'report'))).toEqual(['fleet.database: required']);
});

test("a terminal's file is checked whole; a fleet file holds nothing else", () => {
  expect(problems(() => fleetSettings(file({ terminal: { id: 'x' }, fleet: GOOD }), {}, 'ingest')).join('\n')).toMatch(/terminal\.id: must match pattern/);
  expect(problems(() => fleetSettings(file({ fleet: GOOD, devices: {} }), {}, 'ingest'))).toEqual([
    "devices: not a field of a fleet server's file (terminal is required with it)",
  ]);
});
