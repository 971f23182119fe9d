/**
 * What reaches a person's screen from outside posdiag: card numbers typed into the wrong place, a modem
 * that answers with escape sequences, damaged files in the data directory, hostile configurations.
 * Each case through the real path (the command line in-process, the modem check over the in-process
 * serial binding, the renderers).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../../../hal/clock';
import { HalError } from '../../../hal/errors';
import { createModemCheck } from '../../../hal/modem/check';
import { resolveProfile } from '../../../hal/printer/profiles';
import { runChecks } from '../../../hal/selfcheck';
import { InProcessBinding } from '../../../mocks/in-process-binding';
import { ModemSimulator } from '../../../mocks/modem-sim';
import { main } from '../../../src/cli/program';
import { earlierSlipLines } from '../../../src/cli/render-diagnosis';
import { renderSelfTest } from '../../../src/cli/render-selftest';
import { validateConfig } from '../../../src/config/load';
import { recordDetail, recordLine } from '../../../src/journal/render';
import type { JournalRecord } from '../../../src/journal/types';
import { layoutSlip } from '../../../src/slip/layout';
import { CODE96_WEAK_SIGNAL_EN } from '../../fixtures/slip/code96-weak-signal';
import { capturedIo } from '../../helpers/captured-io';

const PAN = '6225113489824091';
const MIDDLE = PAN.slice(6, -4); // what must never come out
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const HOSTILE = '\u001b]0;pwned\u0007\u001b[2J\u001b[31m';

/** Neither the middle digits of the card number (whatever separates them) nor a control character but '\n'. */
function expectClean(text: string): void {
  expect(text.replace(/[^0-9]/g, '')).not.toContain(MIDDLE);
  expect(text).not.toMatch(CONTROL);
}

async function run(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
  const t = capturedIo(env);
  const code = await main(argv, t.handle);
  return { code, out: t.out(), err: t.err() };
}

describe('a card number typed into the wrong option is masked in the error, whatever separates it', () => {
  const forms = [
    '¥¥¥¥¥¥¥¥6225113489824091',
    '6225.1134.8982.4091',
    '6225/1134/8982/4091',
    '6225_1134_8982_4091',
    '6225,1134,8982,4091',
    '6225+1134+8982+4091',
    '6225:1134:8982:4091',
    '6225 1134  8982 4091',
  ];
  const lines = (v: string) => [
    ['diagnose', '--code', '96', '--sim', '--amount', v],
    ['explain', '96', '--locale', v],
    ['explain', '96', '--acquirer', v],
    ['selftest', '--sim', '--budget', v],
    ['selftest', '--sim', `modem=${v}`],
  ];
  test.each(forms.flatMap((v) => lines(v).map((argv) => [argv.join(' '), argv] as const)))('%s', async (_name, argv) => {
    for (const json of [false, true]) {
      const r = await run(json ? [...argv, '--json'] : [...argv]);
      expect(r.code).toBe(2);
      expectClean(r.out + r.err);
      // Masked, not dropped: the first 6 digits stay (a comma in --sim splits the value before any message).
      if (!argv.includes(`modem=${forms[4]}`)) expect(r.out + r.err).toMatch(/6225\D{0,3}11\*/);
    }
  });
});

test('a data directory whose path holds a card number is not echoed whole', async () => {
  const home = mkdtempSync(join(tmpdir(), 'posdiag-scrub-'));
  try {
    const dir = join(home, `card ${PAN}`);
    mkdirSync(dir);
    for (const json of [false, true]) {
      const r = await run(['slip', 'last', ...(json ? ['--json'] : [])], { POSDIAG_HOME: dir });
      expect(r.code).toBe(1);
      expectClean(r.out + r.err);
      expect(r.out + r.err).toContain('card 622511******4091');
    }
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});

test("a modem's identity and operator replies carrying escape sequences reach the selftest screen without them", async () => {
  const sim = new ModemSimulator('healthy', { identity: { manufacturer: `${HOSTILE}ACME`, model: `X${HOSTILE}`, operator: `${HOSTILE}Op ${PAN}` } });
  const binding = new InProcessBinding();
  binding.connect('/dev/ttyMDM', sim);
  const check = createModemCheck(
    { binding, clock: systemClock },
    { path: '/dev/ttyMDM', baudRate: 115200 },
    { timeouts: { probeMs: 80, probeTries: 3, initMs: 200 } },
  );
  try {
    const result = await runChecks([check], { level: 'internal' });
    const values = result.devices[0]!.findings.map((f) => String(f.value));
    expect(values.join(' ')).toContain('\u001b]0;'); // the check reports what the modem said …
    for (const locale of ['en', 'zh-CN']) {
      const text = renderSelfTest(result, false, locale);
      expectClean(text); // … the screen shows it harmless
      expect(text).toContain('ACME');
      expect(text).toContain('89860012345678901234'); // the ICCID is an id, shown whole in its column
    }
  } finally {
    sim.stop();
  }
});

describe('records and queued slips from the data directory', () => {
  const record = {
    kind: 'diagnosis',
    id: `J0000001${HOSTILE}`,
    seq: 1,
    time: `2026-11-22T10:30:15.000+08:00${HOSTILE}`,
    terminalId: '10000001',
    merchantId: '898310048990001',
    location: `Shop ${PAN}`,
    code: `96${HOSTILE}`,
    acquirer: 'cup',
    category: 'system',
    hintTitle: `title ${HOSTILE}`,
    cause: { id: `host-side${HOSTILE}`, side: 'host', evidence: [{ finding: `modem.x${HOSTILE}`, status: 'warn', value: `${PAN}`, unit: HOSTILE }] },
    devices: [{ device: `modem${HOSTILE}`, status: 'pass', findings: [{ id: `id${HOSTILE}`, status: 'pass', value: PAN }] }],
    slip: { id: `S1${HOSTILE}`, state: 'constructor', bytes: `9${HOSTILE}`, reason: `paper ${PAN}` },
  } as unknown as JournalRecord;

  test.each(['en', 'zh-CN'])('journal list and show (%s)', (locale) => {
    for (const text of [recordLine(record, locale), recordDetail(record, locale)]) {
      expectClean(text);
      expect(text).not.toContain('function');
    }
    expect(recordDetail(record, 'en')).toContain('898310048990001'); // a merchant id is an id, shown whole
    expect(recordDetail(record, 'en')).toContain('2026-11-22T10:30:15.000+08:00'); // a time is not a card number
  });

  test("a queued slip's id and reason", () => {
    const text = earlierSlipLines([
      { id: `S2${HOSTILE}${PAN}`, state: 'dropped', reason: `${HOSTILE}paper out ${PAN}` },
      { id: `S3${HOSTILE}`, state: 'printed' },
    ]).join('\n');
    expectClean(text);
  });

  test('a damaged stored slip (slip last --text)', async () => {
    const home = mkdtempSync(join(tmpdir(), 'posdiag-scrub-'));
    try {
      const slips = join(home, 'sim', 'slips');
      mkdirSync(slips, { recursive: true });
      const id = 'S20261122T103015-abcdef';
      const bytes = Buffer.concat([
        Buffer.from('\u001b@', 'latin1'),
        Buffer.from(`Shop ${PAN}\n\u001b]0;pwned\u0007 \u009b2J\u0085 card ${PAN.split('').join('\u0000')}\n`, 'latin1'),
      ]);
      writeFileSync(join(slips, `${id}.escpos`), bytes);
      writeFileSync(join(slips, `${id}.json`), JSON.stringify({ id, paperWidth: 58, locale: 'en', code: '96', time: '2026-11-22T10:30:15+08:00' }));
      writeFileSync(join(slips, 'last'), id + '\n');
      for (const json of [false, true]) {
        const r = await run(['slip', 'last', '--text', ...(json ? ['--json'] : [])], { POSDIAG_HOME: home });
        expect(r.code).toBe(0);
        expectClean(json ? JSON.parse(r.out).text : r.out);
      }
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});

describe('configuration errors are scrubbed and bounded', () => {
  const terminal = { id: '10000001', merchantId: '898310048990001' };
  const files: Array<[string, unknown]> = [
    ['an unknown key with escapes and a card number', { terminal, [`${HOSTILE}${PAN}`]: 1 }],
    ['NUL bytes in keys and values', { terminal: { ...terminal, locale: 'zh\u0000CN' }, ['a\u0000b']: 1 }],
    ['a 1 MB key name', { terminal, [`${HOSTILE}${'A'.repeat(1_000_000)}`]: 1 }],
    ['100,000 unknown keys', { terminal, ...Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, 1])) }],
    ['an unknown printer profile', { terminal, devices: { printer: { path: '/dev/null', paperWidth: 58, profile: `${HOSTILE}${PAN}` } } }],
  ];
  test.each(files)('%s', async (_name, value) => {
    const dir = mkdtempSync(join(tmpdir(), 'posdiag-scrub-'));
    try {
      const file = join(dir, 'posdiag.json');
      writeFileSync(file, JSON.stringify(value));
      let message: string;
      try {
        const config = validateConfig(value);
        // The profile is checked when the printer is set up.
        resolveProfile(config.devices.printer as { paperWidth: 58; profile: string });
        throw new Error('accepted');
      } catch (err) {
        expect(err).toBeInstanceOf(HalError);
        message = (err as Error).message;
      }
      expectClean(message);
      expect(message.length).toBeLessThan(5000);
      if (_name.startsWith('100,000')) expect(message).toContain('and 99980 more');
      const r = await run(['diagnose', '--code', '96', '--no-print', '--config', file]);
      expectClean(r.err);
      expect(r.err.length).toBeLessThan(5000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the configuration's free text on the slip", () => {
  test('a card number in terminal.merchantName or location is masked at load; the ids stay whole', () => {
    const config = validateConfig({
      terminal: { id: '10000001', merchantId: '898310048990001', merchantName: `Shop ${PAN}`, location: `6225.1134.8982.4091 Tel +86 138 0013 8000` },
    });
    expect(config.terminal.merchantName).toBe('Shop 622511******4091');
    expect(config.terminal.location).toBe('6225.11**.****.4091 Tel +86 138 0013 8000');
    expect(config.terminal.merchantId).toBe('898310048990001');
  });

  test('and masked again where the slip is laid out: the printer bytes never hold it', () => {
    for (const merchantName of [`Shop ${PAN}`, 'Shop 6225.1134.8982.4091', `Shop ${PAN.split('').join('\u0000')}`]) {
      const bytes = Buffer.from(layoutSlip({ ...CODE96_WEAK_SIGNAL_EN, merchantName }, resolveProfile({ paperWidth: 58 })).encode()).toString('latin1');
      expect(bytes.replace(/[^0-9]/g, '')).not.toContain(MIDDLE);
      expect(bytes).toContain('898310048990001');
      expect(bytes).toContain('2026-11-22 10:30:15');
    }
  });
});
