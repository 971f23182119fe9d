/**
 * A terminal with three card readers — an MSR605 and two PN532, each on its own real pseudo-terminal —
 * checked in one `selftest`, diagnosed in one `diagnose`: the JSON and the slip name each reader, and
 * the diagnosis says which reader the fault is in.
 */
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { main } from '../../src/cli/program';
import { capturedIo } from '../helpers/captured-io';
import { requireSystemTool } from '../../mocks/system-tools';

beforeAll(() => {
  requireSystemTool('socat');
});

let home: string;
beforeEach(() => (home = mkdtempSync(join(tmpdir(), 'posdiag-readers-'))));
afterEach(() => rmSync(home, { recursive: true, force: true }));

const schema = (name: string) =>
  new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(join(__dirname, `../../schemas/${name}.json`), 'utf8')));
const THREE = 'msr605,pn532,pn532-2=antenna-fail';

test('selftest checks all three readers, each under its own name', async () => {
  const t = capturedIo({ POSDIAG_HOME: home });
  expect(await main(['selftest', 'reader', '--sim', THREE, '--level', 'external', '--json'], t.handle)).toBe(0);
  const doc = JSON.parse(t.out());
  const validate = schema('selftest');
  expect(validate(doc) ? [] : validate.errors).toEqual([]);
  expect(doc.devices.map((d: { device: string; name: string; status: string }) => [d.device, d.name, d.status])).toEqual([
    ['reader', 'msr605', 'pass'],
    ['reader', 'pn532-1', 'pass'],
    ['reader', 'pn532-2', 'fail'],
  ]);
  expect(doc.devices[0].findings).toContainEqual(expect.objectContaining({ id: 'reader.firmware', value: 'MSR605 model 3 REVH1.15' }));
  expect(doc.devices[2].findings).toContainEqual(expect.objectContaining({ id: 'reader.antenna', status: 'fail' }));

  const text = capturedIo({ POSDIAG_HOME: home, NO_COLOR: '1' });
  await main(['selftest', 'reader', '--sim', THREE, '--level', 'external'], text.handle);
  for (const name of ['reader msr605', 'reader pn532-1', 'reader pn532-2']) expect(text.out()).toContain(name);
}, 60_000);

test('diagnose names the reader the fault is in, and the slip lists each reader', async () => {
  const t = capturedIo({ POSDIAG_HOME: home });
  expect(await main(['diagnose', '--code', '14', '--sim', THREE, '--locale', 'en', '--no-print', '--json'], t.handle)).toBe(0);
  const doc = JSON.parse(t.out());
  const validate = schema('diagnose');
  expect(validate(doc) ? [] : validate.errors).toEqual([]);
  expect(doc.cause).toMatchObject({ id: 'reader-fault', device: 'reader', name: 'pn532-2' });
  expect(doc.cause.evidence[0]).toMatchObject({ device: 'reader', name: 'pn532-2', finding: 'reader.antenna', status: 'fail' });
  expect(doc.checks.filter((d: { device: string }) => d.device === 'reader').map((d: { name: string }) => d.name)).toEqual(['msr605', 'pn532-1', 'pn532-2']);
  for (const name of ['msr605', 'pn532-1', 'pn532-2']) expect(doc.slip.preview).toMatch(new RegExp(`Card reader ${name} +(OK|FAULT)`));

  const text = capturedIo({ POSDIAG_HOME: home, NO_COLOR: '1' });
  await main(['diagnose', '--code', '14', '--sim', THREE, '--locale', 'en', '--no-print'], text.handle);
  expect(text.out()).toContain('reader-fault in reader pn532-2');
  expect(text.out()).toContain('checked   reader msr605 pass, reader pn532-1 pass, reader pn532-2 fail');
}, 60_000);

test('a modem cannot be started twice', async () => {
  const t = capturedIo({ POSDIAG_HOME: home });
  expect(await main(['selftest', 'modem', '--sim', 'modem,modem-2', '--json'], t.handle)).toBe(2);
  expect(t.out() + t.err()).toContain('only a reader can be started more than once');
}, 30_000);
