/**
 * The contact chip reader through the command line on the simulated terminal (real serialport over socat
 * PTYs): `diagnose` names the card's trouble with the chip reader's proof, and after a card test with a
 * known card in the slot nothing posdiag writes — stdout, stderr, the JSON, the journal, the slips —
 * holds the card number or any of the data the card keeps beside it (tags 5A, 57, 56, 9F6B, 5F20, 9F0B,
 * 9F1F, 9F20), in any form.
 */
import Ajv from 'ajv';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/program';
import { SIM_PAN, SIM_SECRETS } from '../../mocks/ccid-sim';
import { requireSystemTool } from '../../mocks/system-tools';
import { capturedIo } from '../helpers/captured-io';

beforeAll(() => {
  requireSystemTool('socat');
});

const schema = JSON.parse(readFileSync(join(__dirname, '../../schemas/diagnose.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'posdiag-chip-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

async function run(args: string[]) {
  const t = capturedIo({ POSDIAG_HOME: home });
  const code = await main(args, t.handle);
  return { code, out: t.out(), err: t.err() };
}

async function diagnoseJson(args: string[]) {
  const r = await run(['diagnose', ...args, '--json', '--locale', 'en']);
  const doc = JSON.parse(r.out);
  if (!validate(doc as unknown)) throw new Error(`schema: ${JSON.stringify(validate.errors, null, 1)}`);
  return { ...r, doc };
}

test('14 with a mute chip: card-backwards-or-dirty, with the power-on at every voltage as its proof', async () => {
  const { code, doc } = await diagnoseJson(['--code', '14', '--sim', 'ccid=mute']);
  expect(code).toBe(0);
  expect(doc.cause).toMatchObject({ id: 'card-backwards-or-dirty', device: 'reader' });
  expect(doc.cause.evidence[0]).toMatchObject({ finding: 'reader.atr', status: 'fail', value: 'backwards-or-dirty' });
  expect(doc.cause.evidence[0].text).toContain('inserted backwards or chip dirty');
  expect(doc.cause.steps[0]).toBe('Insert the card chip first, face up, all the way in');
}, 30_000);

test.each([['14'], ['54']])(
  '%s with an expired card: card-expired, quoting the month only',
  async (code) => {
    const { doc } = await diagnoseJson(['--code', code, '--sim', 'ccid=expired']);
    expect(doc.cause).toMatchObject({ id: 'card-expired', side: 'cardholder', retry: 'never' });
    expect(doc.cause.evidence[0]).toMatchObject({ finding: 'reader.validity', value: 'expired', text: 'Card expired (2020-12); use another card' });
  },
  30_000,
);

test('T11 with a chip reader that does not answer: chip-reader-fault, not the card', async () => {
  const { doc } = await diagnoseJson(['--code', 'T11', '--sim', 'ccid=silent']);
  expect(doc.cause).toMatchObject({ id: 'chip-reader-fault', side: 'terminal' });
  expect(doc.cause.evidence[0]).toMatchObject({ finding: 'reader.comm', status: 'timeout' });
}, 30_000);

/** Every way a value could be written out: as text, and as hex in either case, with or without spaces. */
function forms(bytes: readonly number[]): string[] {
  const hex = Buffer.from(bytes).toString('hex');
  const text = Buffer.from(bytes).toString('latin1');
  const out = [hex.toUpperCase(), hex, hex.toUpperCase().replace(/(..)(?!$)/g, '$1 ')];
  if (/^[\x20-\x7e]+$/.test(text)) out.push(text);
  return out;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

test('after card tests with a known card number, nothing posdiag wrote holds it or the card data kept beside it', async () => {
  const outputs = [
    await run(['diagnose', '--code', '14', '--sim', 'ccid', '--json']),
    await run(['diagnose', '--code', '54', '--sim', 'ccid=expired', '--locale', 'en']),
    await run(['diagnose', '--code', '用户异常', '--sim', 'ccid=healthy', '--locale', 'zh-TW']),
    await run(['selftest', 'reader', '--level', 'external', '--sim', 'ccid', '--json']),
    await run(['selftest', 'reader', '--level', 'external', '--sim', 'ccid=no-app']),
  ];
  // The card test really ran: the card's application and expiry were read.
  expect(outputs[0].out).toContain('"reader.validity"');
  expect(outputs[3].out).toContain('A000000333010101');
  const files = walk(home);
  expect(files.some((f) => f.endsWith('journal.log'))).toBe(true);
  expect(files.some((f) => f.includes(`${join('sim', 'slips')}`))).toBe(true);
  const everything = [...outputs.flatMap((o) => [o.out, o.err]), ...files.map((f) => readFileSync(f, 'latin1'))].join('\n');
  const found: string[] = [];
  for (const [tag, value] of Object.entries(SIM_SECRETS)) for (const form of forms(value)) if (everything.includes(form)) found.push(`${tag}: ${form}`);
  expect(found).toEqual([]);
  // Nor the number broken up by spaces, dashes or masking characters in between.
  expect(everything.replace(/[^0-9]/g, '')).not.toContain(SIM_PAN);
}, 60_000);
