/**
 * runDiagnosis without devices: a card code (51) calls for no check, so nothing is opened and the test
 * needs no simulator. What it pins is the language split: the cashier's hint and the cause speak the
 * terminal's locale, while a printer without a Chinese font (the basic-58 profile) gets an English slip.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../../../hal/clock';
import { InProcessBinding } from '../../../mocks/in-process-binding';
import { SIMULATED_TERMINAL } from '../../../src/config/default';
import type { PosdiagConfig } from '../../../src/config/types';
import { explain } from '../../../src/codes/explain';
import { runDiagnosis } from '../../../src/services/diagnose';
import { devicesFor } from '../../../src/services/diagnosis-decision';
import type { Environment } from '../../../src/environment';
import { openJournal } from '../../../src/journal';
import { loadWithoutGb18030 } from '../../helpers/without-gb18030';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'posdiag-run-diagnosis-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

function environment(printerProfile: string): Environment {
  const config: PosdiagConfig = {
    ...SIMULATED_TERMINAL,
    devices: { printer: { path: '/dev/posdiag-no-printer', baudRate: 115200, paperWidth: 58, profile: printerProfile } },
  };
  return {
    config,
    checkEnv: { binding: new InProcessBinding(), clock: systemClock, devices: config.devices, terminal: config.terminal },
    simulated: true,
    dataDir,
    close: async () => undefined,
  };
}

test.each([
  // [printer profile, the slip's hint title and first next step, in the slip's language]
  ['basic-58', 'Not enough funds', '1.Split the payment'],
  ['generic-58', '可用余额不足', '1.可分笔支付'],
])('51 in zh-CN on a %s printer: the hint is Chinese, the slip reads "%s"', async (profile, title, step) => {
  const report = await runDiagnosis(environment(profile), { code: '51', locale: 'zh-CN', print: false, dataDir, now: () => new Date('2024-05-01T10:00:00Z') });
  expect(report.checks).toEqual([]);
  expect(report.hint.locale).toBe('zh-CN');
  expect(report.cause.id).toBe('code.card');
  expect(report.cause.hint.locale).toBe('zh-CN');
  expect(report.slip.state).toBe('skipped');
  expect(report.slip.preview).toContain(title);
  // The steps come from the diagnosis, so the slip's were diagnosed in the slip's language.
  expect(report.slip.preview).toContain(step);
});

// Which devices a code calls for, from its catalog checks (src/codes); the modem is the network's first hop.
test.each([
  ['96', ['modem', 'reader', 'printer', 'network']], // iso/cup 96: network, modem, reader, printer
  ['68', ['modem', 'network']], // journal, network: the network brings the modem
  ['T01', ['modem', 'network']], // NO COMMUNICATION
  ['14', ['reader']],
  ['T13', ['printer']],
  ['51', []], // a card code: nothing to check
  ['A0', []], // keys only: no device
])('%s is checked on %j', (code, devices) => {
  expect(devicesFor(explain(code))).toEqual(devices);
});

test('a slip that cannot be made (no GB18030 on this Node, no table file) costs the slip alone: hint, cause and record stand', async () => {
  const { module: isolated, restore } = loadWithoutGb18030(() => require('../../../src/services/diagnose') as typeof import('../../../src/services/diagnose'), {
    table: false,
  });
  try {
    const report = await isolated.runDiagnosis(environment('generic-58'), {
      code: '51',
      locale: 'zh-CN',
      dataDir,
      now: () => new Date('2024-05-01T10:00:00Z'),
    });
    expect(report.cause.hint.title).toMatch(/余额不足/);
    expect(report.slip).toMatchObject({
      bytes: 0,
      printed: false,
      state: 'not-printed',
      reason: 'not-made',
      error: expect.stringMatching(/GB18030/),
      preview: '',
    });
    expect(report.journalId).toMatch(/^J\d+$/);
    expect(report.store).toEqual({ ok: true });
    const [record] = await openJournal(dataDir).list();
    expect(record).toMatchObject({ kind: 'diagnosis', code: '51', slip: { bytes: 0, state: 'not-printed', reason: 'not-made' } });
  } finally {
    restore();
  }
});

// The code is looked up once per diagnosis, whatever the languages of the screen and the slip.
test('51 in zh-CN on an English-only printer looks the code up once', async () => {
  jest.resetModules();
  const actual = jest.requireActual('../../../src/codes/lookup');
  const lookup = jest.fn(actual.lookup);
  jest.doMock('../../../src/codes/lookup', () => ({ ...actual, lookup }));
  const { runDiagnosis: run } = await import('../../../src/services/diagnose');
  const report = await run(environment('basic-58'), { code: '51', locale: 'zh-CN', print: false, dataDir, now: () => new Date('2024-05-01T10:00:00Z') });
  jest.dontMock('../../../src/codes/lookup');
  expect(report.slip.preview).toContain('Not enough funds');
  expect(lookup).toHaveBeenCalledTimes(1);
});

test('the library gives the run as events: the catalog hint first, each device, the cause, the slip, the record; the report says the profile', async () => {
  const { createModemSimulator } = await import('../../../mocks/modem-sim');
  const binding = new InProcessBinding();
  const sim = createModemSimulator('silent');
  binding.connect('/dev/ttyMDM', sim);
  const config: PosdiagConfig = { ...SIMULATED_TERMINAL, devices: { modem: { path: '/dev/ttyMDM', baudRate: 115200, timeouts: { probeMs: 50 } } } };
  const env: Environment = {
    config,
    checkEnv: { binding, clock: systemClock, devices: config.devices, terminal: config.terminal },
    simulated: true,
    dataDir,
    close: async () => undefined,
  };
  const events: Record<string, unknown>[] = [];
  try {
    const report = await runDiagnosis(env, { code: '96', print: false, dataDir, onEvent: (e) => events.push({ ...e }) });
    expect(report.profile).toBe('cashier');
    expect(report.cause.id).toBe('modem-unresponsive');
  } finally {
    sim.stop();
  }
  expect(events[0]).toEqual({
    event: 'start',
    code: '96',
    acquirer: 'cup',
    category: 'host',
    hint: explain('96', { acquirer: 'cup', locale: 'zh-CN' }).hint,
    checks: explain('96').checks,
    profile: 'cashier',
  });
  expect(events.map((e) => e.event)).toEqual(['start', 'device', 'device', 'device', 'device', 'cause', 'slip', 'journal']);
  const modem = events.find((e) => e.event === 'device' && (e.result as { device: string }).device === 'modem')!;
  // Two quick probes under the cashier's profile.
  expect((modem.result as { findings: unknown[] }).findings[0]).toMatchObject({ id: 'modem.probe', status: 'fail', value: 2 });
  expect(events[5]).toMatchObject({ event: 'cause', cause: { id: 'modem-unresponsive' } });
  expect(events[7]).toMatchObject({ event: 'journal', journalId: expect.stringMatching(/^J\d+$/), store: { ok: true } });
});

test('an onEvent that throws does not stop the diagnosis', async () => {
  const report = await runDiagnosis(environment('generic-58'), {
    code: '51',
    print: false,
    dataDir,
    onEvent: () => {
      throw new Error('screen gone');
    },
  });
  expect(report.cause.id).toBe('code.card');
});
