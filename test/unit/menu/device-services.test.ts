/** The real services' own logic: journal records as one-line summaries, no slip to reprint, menu events journaled. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeClock } from '../../../mocks/fake-clock';
import { openJournal, type JournalRecord } from '../../../src/journal';
import { deviceServices, journalLine } from '../../../src/menu/device-services';
import { resolveLockoutOptions } from '../../../src/menu/lockout';

const base = { id: 'J00000007', seq: 7, time: '2026-11-22T10:04:05.000+08:00', terminalId: '10000001', merchantId: '898310048990001' };

test.each<[string, JournalRecord, string]>([
  [
    'diagnosis',
    {
      ...base,
      kind: 'diagnosis',
      code: '96',
      acquirer: 'cup',
      category: 'host',
      hintTitle: '…',
      cause: { id: 'host.down', side: 'host', evidence: [] },
      devices: [],
      slip: { id: 'J00000007', bytes: 900, state: 'printed' },
    },
    '96 host',
  ],
  ['menu event', { ...base, kind: 'menu', event: 'lockout', detail: 'lockout 2, 60 s' }, 'lockout 2, 60 s'],
  ['menu test', { ...base, kind: 'menu', event: 'test', detail: 'printer-page: pass' }, 'printer-page: pass'],
  ['menu exit', { ...base, kind: 'menu', event: 'exit', detail: 'idle' }, 'exit idle'],
  [
    'self-test',
    {
      ...base,
      kind: 'selftest',
      level: 'internal',
      devices: [
        { device: 'modem', status: 'pass', findings: [] },
        { device: 'printer', status: 'warn', findings: [] },
      ],
    },
    'checks: warn',
  ],
])('%s', (_name, record, summary) => {
  expect(journalLine(record)).toEqual({ seq: 7, time: base.time, kind: record.kind, summary });
});

describe('with a data directory', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'posdiag-menu-svc-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const make = () =>
    deviceServices({
      checkEnv: { binding: null as never, clock: new FakeClock(), devices: {} },
      terminal: { id: '10000001', merchantId: '898310048990001', location: '深圳' },
      dataDir: dir,
      journal: openJournal(dir),
      pinHash: 'unused',
      lockout: resolveLockoutOptions(),
    });

  test('no slip yet: reprint says none and prints nothing', async () => {
    await expect(make().reprintLast(new AbortController().signal)).resolves.toEqual({ state: 'none' });
  });

  test('events go to the journal as kind menu with the terminal ids, and list back as lines', async () => {
    const s = make();
    await s.record('pin-wrong', 'attempt 1');
    await s.record('exit');
    const lines = await s.listJournal(10);
    expect(lines.map((l) => l.summary)).toEqual(['exit', 'pin-wrong attempt 1']);
    const [rec] = await openJournal(dir).list({ limit: 1, kind: 'menu' });
    expect(rec).toMatchObject({ kind: 'menu', event: 'exit', terminalId: '10000001', merchantId: '898310048990001', location: '深圳' });
  });

  test('the modem of an unconfigured terminal is absent, with progress per device', async () => {
    const progress: string[] = [];
    const r = await make().selfTest('modem-network', { signal: new AbortController().signal, onDevice: (p) => progress.push(`${p.device}:${p.state}`) });
    // (the network check looks at this machine's own interfaces, so its status is not asserted here)
    expect(r.devices.map((d) => d.device)).toEqual(['modem', 'network']);
    expect(r.devices[0].status).toBe('absent');
    expect(progress.slice(0, 2)).toEqual(['modem:running', 'network:running']);
    expect(progress.slice(2).sort()).toEqual(['modem:done', 'network:done']);
  });
});
