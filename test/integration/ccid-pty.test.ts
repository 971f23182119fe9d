/**
 * posdiag's chip reader check against the GemPC Twin simulator over real pseudo-terminals and the native
 * serialport binding: every simulated fault gives its finding, in the merchant's terms, within the time
 * the deadlines in use allow. The simulator paces its bytes at 115200 baud.
 */
import { systemClock } from '../../hal/clock';
import { ChipCheckOptions, createChipReaderCheck } from '../../hal/reader/ccid/chip-check';
import { PcToRdr } from '../../hal/reader/ccid/ccid-codec';
import { runChecks, CheckLevel, CheckStatus, Finding } from '../../hal/selfcheck';
import { nativeBinding } from '../../hal/transport/native-binding';
import { CcidFault, CcidSimulator, SIM_PAN } from '../../mocks/ccid-sim';
import { RunningSimulator, startOnPty } from '../../mocks/pty-attach';
import { runCheckCase } from '../helpers/check-case';

const binding = nativeBinding();
let running: RunningSimulator<CcidSimulator> | null = null;

afterEach(async () => {
  await running?.close();
  running = null;
});

const TIMING = { probeTimeoutMs: 400, commandTimeoutMs: 400, powerOnTimeoutMs: 600, apduTimeoutMs: 1500, nakRetries: 1 };
const FAST: ChipCheckOptions = { timing: TIMING, readExpiry: true, today: () => new Date(2026, 11, 6), interactiveMs: 1500, pollIntervalMs: 100 };

interface Case {
  fault: CcidFault;
  level: CheckLevel;
  expect: Array<Partial<Finding>>;
  absent?: string[];
  status: CheckStatus;
  /** Upper bound in ms from the timeouts the case runs into (the rest is wire time, well under 100 ms). */
  withinMs: number;
}

const linkOk = [
  { id: 'reader.comm', status: 'pass' },
  { id: 'reader.firmware', status: 'pass', value: 'GemTwRC2-V2.00-GL03' },
] as Array<Partial<Finding>>;
const upToApp = [
  ...linkOk,
  { id: 'reader.card', status: 'pass' },
  { id: 'reader.atr', status: 'pass', value: '3B 67 00 00 86 60 22 22 27 80 01' },
  { id: 'reader.parameters', status: 'pass' },
] as Array<Partial<Finding>>;
const card = (id: string, value: string): Partial<Finding> => ({ id, status: 'fail', value, message: `check.reader.chip.${value}` });

const CASES: Case[] = [
  {
    fault: 'healthy',
    level: 'internal',
    expect: [...linkOk, { id: 'reader.slot', status: 'pass', value: 'card' }],
    absent: ['reader.error-path', 'reader.atr'],
    status: 'pass',
    withinMs: 500,
  },
  {
    fault: 'no-card',
    level: 'internal',
    expect: [...linkOk, { id: 'reader.slot', value: 'empty' }, { id: 'reader.error-path', status: 'pass', value: 'no-card' }],
    status: 'pass',
    withinMs: 500,
  },
  {
    fault: 'healthy',
    level: 'external',
    expect: [
      ...upToApp,
      { id: 'reader.application', status: 'pass', value: 'A000000333010101' },
      { id: 'reader.validity', status: 'pass', value: '2049-12' },
      { id: 'reader.power-off', status: 'pass' },
    ],
    status: 'pass',
    withinMs: 800,
  },
  // An empty slot at the external level is nothing to test, not a fault (no cause is built on it).
  {
    fault: 'no-card',
    level: 'external',
    expect: [{ ...card('reader.card', 'no-card'), status: 'warn' }],
    absent: ['reader.atr'],
    status: 'warn',
    withinMs: 500,
  },
  { fault: 'mute', level: 'external', expect: [card('reader.atr', 'backwards-or-dirty')], absent: ['reader.parameters'], status: 'fail', withinMs: 500 },
  { fault: 'bad-ts', level: 'external', expect: [{ ...card('reader.atr', 'chip-damaged'), params: { problem: 'ts' } }], status: 'fail', withinMs: 500 },
  { fault: 'bad-tck', level: 'external', expect: [card('reader.atr', 'chip-damaged')], status: 'fail', withinMs: 500 },
  {
    fault: 'short',
    level: 'external',
    expect: [{ ...card('reader.atr', 'chip-damaged'), params: { problem: 'short-circuit' } }],
    status: 'fail',
    withinMs: 500,
  },
  { fault: 'parity', level: 'external', expect: [...upToApp, card('reader.application', 'worn-contacts')], status: 'fail', withinMs: 500 },
  { fault: 'removed', level: 'external', expect: [...upToApp, card('reader.application', 'removed-early')], status: 'fail', withinMs: 500 },
  { fault: 'no-app', level: 'external', expect: [...upToApp, card('reader.application', 'no-payment-app')], status: 'fail', withinMs: 800 },
  { fault: 'app-blocked', level: 'external', expect: [...upToApp, card('reader.application', 'app-blocked')], status: 'fail', withinMs: 800 },
  { fault: 'card-blocked', level: 'external', expect: [...upToApp, card('reader.application', 'card-blocked')], status: 'fail', withinMs: 500 },
  {
    fault: 'expired',
    level: 'external',
    expect: [...upToApp, { ...card('reader.validity', 'expired'), params: { expiry: '2020-12' } }],
    status: 'fail',
    withinMs: 800,
  },
  { fault: 'not-yet-valid', level: 'external', expect: [...upToApp, card('reader.validity', 'not-yet-valid')], status: 'fail', withinMs: 800 },
  // Three single-byte time requests 100 ms apart before PowerOn's and every XfrBlock's answer (≈ 16 of them).
  {
    fault: 'slow',
    level: 'external',
    expect: [...upToApp, { id: 'reader.validity', status: 'pass' }, { id: 'reader.speed', status: 'warn' }],
    status: 'warn',
    withinMs: 17 * 300 + 800,
  },
  { fault: 'nak', level: 'external', expect: [...upToApp, { id: 'reader.validity', status: 'pass' }], status: 'pass', withinMs: 800 },
  {
    fault: 'bad-lrc',
    level: 'internal',
    expect: [{ id: 'reader.comm', status: 'fail', message: 'check.reader.checksum', value: 'reader-fault' }],
    absent: ['reader.firmware'],
    status: 'fail',
    withinMs: 500,
  },
  {
    fault: 'no-echo',
    level: 'internal',
    expect: [{ id: 'reader.comm', status: 'fail', value: 'no-echo' }],
    absent: ['reader.firmware'],
    status: 'fail',
    withinMs: 500,
  },
  {
    fault: 'silent',
    level: 'internal',
    expect: [{ id: 'reader.comm', status: 'timeout', message: 'check.reader.no-reply', value: 'reader-fault' }],
    absent: ['reader.firmware'],
    status: 'timeout',
    withinMs: TIMING.probeTimeoutMs + 200,
  },
  {
    fault: 'unplug',
    level: 'external',
    expect: [{ id: 'reader.link', status: 'absent', message: 'check.reader.unplugged', value: 'reader-fault' }],
    status: 'absent',
    withinMs: 500,
  },
];

describe.each(CASES)('ccid $fault at $level (pty)', (c) => {
  test(`→ ${c.expect.map((e) => `${e.id}:${e.value ?? e.status}`).join(', ')}`, async () => {
    running = await startOnPty(new CcidSimulator(c.fault));
    const check = createChipReaderCheck({ binding, clock: systemClock }, { path: running.hostPath }, FAST);
    const { run, ms } = await runCheckCase(check, c);
    // Tolerance for a loaded machine (two cores, several test runs at once).
    expect(ms).toBeLessThan(c.withinMs + 1500);
    // The card number of the simulated card, in any form, is nowhere in what the check reports.
    const out = JSON.stringify(run);
    expect(out.replace(/[^0-9]/g, '')).not.toContain(SIM_PAN.slice(4));
    expect(out).not.toMatch(/6222\D?0212\D?3456\D?7890/);
  });
});

test("a slow card outlasting the card steps' deadline: slow, its remaining steps skipped, the card powered off", async () => {
  const sim = new CcidSimulator('slow');
  running = await startOnPty(sim);
  const check = createChipReaderCheck({ binding, clock: systemClock }, { path: running.hostPath }, { ...FAST, cardStepsMs: 600 });
  const t0 = performance.now();
  const result = (await runChecks([check], { level: 'external' })).devices[0];
  const ms = performance.now() - t0;
  expect(result.status).toBe('warn');
  expect(result.findings).toContainEqual(expect.objectContaining({ id: 'reader.speed', status: 'warn', message: 'check.reader.chip.slow-card' }));
  expect(result.findings.map((f) => f.id)).not.toContain('reader.validity');
  // The whole slow card takes over 3 s (33 time requests of 100 ms); the deadline ends it near 600 ms.
  expect(ms).toBeLessThan(600 + 1500);
  // Powered off on the way out: the last command the reader saw.
  expect(sim.commands.at(-1)).toBe(PcToRdr.IccPowerOff);
});

test('interactive: waits for the card, runs the external steps, waits for it to be taken out', async () => {
  const sim = new CcidSimulator('no-card');
  running = await startOnPty(sim);
  const check = createChipReaderCheck({ binding, clock: systemClock }, { path: running.hostPath }, { ...FAST, interactiveMs: 3000 });
  const timers = [setTimeout(() => sim.setCardPresent(true), 300)];
  const run = runChecks([check], {
    level: 'interactive',
    onFinding: (_d, f) => {
      if (f.id === 'reader.power-off') timers.push(setTimeout(() => sim.setCardPresent(false), 300));
    },
  });
  const result = (await run).devices[0];
  timers.forEach(clearTimeout);
  for (const id of ['reader.insert', 'reader.atr', 'reader.application', 'reader.validity', 'reader.power-off', 'reader.remove']) {
    expect(result.findings).toContainEqual(expect.objectContaining({ id, status: 'pass' }));
  }
});

test('interactive with no card inserted: the insert window times out', async () => {
  running = await startOnPty(new CcidSimulator('no-card'));
  const check = createChipReaderCheck({ binding, clock: systemClock }, { path: running.hostPath }, { ...FAST, interactiveMs: 1000 });
  const t0 = performance.now();
  const result = (await runChecks([check], { level: 'interactive' })).devices[0];
  expect(result.findings).toContainEqual(expect.objectContaining({ id: 'reader.insert', status: 'timeout' }));
  expect(performance.now() - t0).toBeLessThan(1000 + 1500);
});
