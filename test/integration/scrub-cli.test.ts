/**
 * A card number in the configuration's free text, end to end on the simulated terminal (real serialport
 * over socat PTYs): `terminal.merchantName` and `terminal.location` holding a card number never reach the
 * screen, the printed slip, the stored printer bytes or the journal whole; the ids print whole.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/program';
import { capturedIo } from '../helpers/captured-io';

const PAN = '6225113489824091';
const MIDDLE = PAN.slice(6, -4);

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'posdiag-scrub-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

test('a card number in terminal.merchantName and location is masked on the screen, the slip, the stored bytes and the journal', async () => {
  const config = join(home, 'posdiag.json');
  const terminal = { id: '10000001', merchantId: '898310048990001', merchantName: `Shop ${PAN}`, location: '6225.1134.8982.4091' };
  writeFileSync(config, JSON.stringify({ terminal }));
  const run = async (argv: string[]) => {
    const t = capturedIo({ POSDIAG_HOME: home });
    const code = await main([...argv, '--config', config, '--sim', '--locale', 'en'], t.handle);
    return { code, text: t.out() + t.err() };
  };
  const diagnosis = await run(['diagnose', '--code', '96', '--json']);
  expect(diagnosis.code).toBe(0);
  const slip = await run(['slip', 'last', '--text']);
  expect(slip.text).toContain('Shop 622511******4091');
  expect(slip.text).toContain('898310048990001');
  const journal = await run(['journal', 'show', 'J00000001']);
  expect(journal.text).toContain('6225.11**.****.4091');

  const slips = join(home, 'sim', 'slips');
  const stored = readdirSync(slips).map((f) => readFileSync(join(slips, f)).toString('latin1'));
  const journalFiles = readdirSync(join(home, 'sim'))
    .filter((f) => f.startsWith('journal'))
    .map((f) => readFileSync(join(home, 'sim', f), 'utf8'));
  for (const text of [diagnosis.text, slip.text, journal.text, ...stored, ...journalFiles]) expect(text.replace(/[^0-9]/g, '')).not.toContain(MIDDLE);
}, 60_000);
