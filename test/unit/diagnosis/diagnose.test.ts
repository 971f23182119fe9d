/**
 * The diagnosis against every seed scenario (reference/seed-scenarios.md), fed with findings the real
 * device checks reported on the simulated terminal (test/fixtures/findings, captured by capture.mjs):
 * each row names the seed it comes from, the code, the terminal's state and the cause the cashier must
 * be told.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckStatus, DeviceResult } from '../../../hal/selfcheck';
import { explain } from '../../../src/codes/explain';
import { diagnose, type Diagnosis } from '../../../src/diagnosis';

function state(name: string): DeviceResult[] {
  return JSON.parse(readFileSync(join(__dirname, '../../fixtures/findings', `${name}.json`), 'utf8')).devices;
}

function run(code: string, fixture: string | DeviceResult[], opts: { acquirer?: string; locale?: string } = {}): Diagnosis {
  const devices = typeof fixture === 'string' ? state(fixture) : fixture;
  return diagnose({ explain: explain(code, { acquirer: opts.acquirer, locale: opts.locale ?? 'en' }), devices, locale: opts.locale ?? 'en' });
}

type Row = [seed: string, code: string, fixture: string, cause: string, side: string, alsoFound?: string[], acquirer?: string];
const ROWS: Row[] = [
  // Seed 000 / 002: code 96 — card, terminal hardware, network, host.
  ['000/002 96, every device healthy: the host', '96', 'healthy', 'host-side', 'host'],
  ['002 96, weak signal', '96', 'modem-weak-signal', 'signal-weak', 'terminal'],
  ['002 96, no signal', '96', 'modem-no-signal', 'signal-none', 'terminal'],
  ['002 96, network setup: no SIM', '96', 'modem-no-sim', 'sim-fault', 'terminal'],
  ['002 96, network: registration denied', '96', 'modem-denied', 'mobile-not-registered', 'terminal'],
  ['002 96, network: data not attached', '96', 'modem-not-attached', 'mobile-data-down', 'terminal'],
  ['000 96, terminal fault: modem does not answer', '96', 'modem-silent', 'modem-unresponsive', 'terminal'],
  ['000 96, the modem drops off the line mid-check (USB pulled)', '96', 'modem-unplug', 'modem-unresponsive', 'terminal'],
  ['002 96, host down (no answer)', '96', 'host-blackhole', 'host-unreachable', 'host'],
  ['002 96, host refuses the connection', '96', 'host-refuse', 'host-unreachable', 'host'],
  ['002 96, congestion at peak hours', '96', 'host-slow', 'host-slow', 'host'],
  ['002 96, the host answers the echo with 96 at once: up, and says it malfunctions', '96', 'host-decline-96', 'host-side', 'host'],
  ['001 NO COMMUNICATION, the host answers the echo with 96: its side, not slow', 'NO COMMUNICATION', 'host-decline-96', 'host-side', 'host'],
  ['000 96, terminal fault: card reader', '96', 'pn532-ram-fail', 'reader-fault', 'terminal'],
  ['000 96, terminal fault: printer (reported, not the cause)', '96', 'printer-paper-out', 'host-side', 'host', ['printer-paper']],
  ['000 96 on Lakala, network unstable', '96', 'modem-no-signal', 'signal-none', 'terminal', [], 'lakala'],
  // Seed 001: the five English error classes.
  ['001 NO COMMUNICATION, no signal', 'NO COMMUNICATION', 'modem-no-signal', 'signal-none', 'terminal'],
  ['001 NO COMMUNICATION, host not reachable', 'NO COMMUNICATION', 'host-blackhole', 'host-unreachable', 'host'],
  ['001 NO COMMUNICATION, terminal checks pass', 'NO COMMUNICATION', 'healthy', 'code.network', 'terminal'],
  ['001 Transaction Failed, reader fault', 'Transaction Failed', 'pn532-ram-fail', 'reader-fault', 'terminal'],
  ['001 Transaction Failed, terminal fine', 'Transaction Failed', 'healthy', 'code.unknown', 'unknown'],
  ['001 Invalid Card, reader fault: the reader, not the card', 'Invalid Card', 'pn532-ram-fail', 'reader-fault', 'terminal'],
  ['001 Invalid Card, reader fine', 'Invalid Card', 'healthy', 'code.card', 'unknown'],
  ['001 Transaction Exceeds Limit', 'Transaction Exceeds Limit', 'healthy', 'code.config', 'merchant'],
  ['001 Customer Not Registered', 'Customer Not Registered', 'healthy', 'code.card', 'cardholder'],
  // Seed 003: transaction terminated — network, device, card, over limit, maintenance.
  ['003 交易终止, weak network', '交易终止', 'modem-weak-signal', 'signal-weak', 'terminal'],
  ['003 交易终止, device fault', '交易终止', 'pn532-ram-fail', 'reader-fault', 'terminal'],
  ['003 交易终止, printer fault does not end a sale', '交易终止', 'printer-cover-open', 'code.unknown', 'unknown', ['printer-fault']],
  ['003 交易终止, terminal fine (card, limit or maintenance)', '交易终止', 'healthy', 'code.unknown', 'unknown'],
  ['003 61 over the card limit', '61', 'healthy', 'code.card', 'cardholder'],
  // Seed 004: user exception — card inserted wrongly or expired, network.
  ['004 用户异常, terminal fine: the card', '用户异常', 'healthy', 'code.card', 'unknown'],
  ['004 用户异常, network', '用户异常', 'modem-no-signal', 'signal-none', 'terminal'],
  ['004 用户异常, reader', '用户异常', 'pn532-ram-fail', 'reader-fault', 'terminal'],
  // The issue's own examples.
  ['14 with a failing reader RAM test: the reader', '14', 'pn532-ram-fail', 'reader-fault', 'terminal'],
  ['54 with a failing reader RAM test: the reader', '54', 'pn532-ram-fail', 'reader-fault', 'terminal'],
  ['14 with a healthy reader: the card', '14', 'healthy', 'code.card', 'cardholder'],
  ['97: terminal parameters', '97', 'healthy', 'code.config', 'terminal'],
  ['A0: keys, sign on again', 'A0', 'healthy', 'code.security', 'terminal'],
  ['51 with a weak signal: the balance, the signal only reported', '51', 'modem-weak-signal', 'code.card', 'cardholder', ['signal-weak']],
  ['T13 paper out, printer confirms it', 'T13', 'printer-paper-out', 'printer-paper', 'terminal'],
  ['an unknown code with no signal: the signal', 'ZZ', 'modem-no-signal', 'signal-none', 'terminal'],
  // The contact chip reader's card test (external level, a card in the slot): the card's own trouble, with proof.
  ['004 用户异常, the chip is mute at every voltage: inserted backwards or dirty', '用户异常', 'ccid-mute', 'card-backwards-or-dirty', 'merchant'],
  ['14 with a mute chip: inserted backwards or dirty', '14', 'ccid-mute', 'card-backwards-or-dirty', 'merchant'],
  ['001 Invalid Card, the ATR starts wrongly: a damaged chip', 'Invalid Card', 'ccid-bad-ts', 'chip-damaged', 'cardholder'],
  ['001 Invalid Card, parity errors: worn chip contacts', 'Invalid Card', 'ccid-parity', 'chip-damaged', 'cardholder'],
  ["54 with the chip's expiry passed", '54', 'ccid-expired', 'card-expired', 'cardholder'],
  ['003 交易终止, the card expired', '交易终止', 'ccid-expired', 'card-expired', 'cardholder'],
  ['001 Transaction Failed, the card is blocked (frozen)', 'Transaction Failed', 'ccid-card-blocked', 'card-blocked', 'bank'],
  ['14 with the payment application blocked', '14', 'ccid-app-blocked', 'card-blocked', 'bank'],
  ['001 Invalid Card, no payment application on the chip', 'Invalid Card', 'ccid-no-app', 'no-payment-app', 'cardholder'],
  ['T11 the chip reader does not answer: the reader, not the card', 'T11', 'ccid-silent', 'chip-reader-fault', 'terminal'],
  ['004 用户异常, the chip reader does not speak its protocol', '用户异常', 'ccid-no-echo', 'chip-reader-fault', 'terminal'],
  ['14 with a chip that reads: the card itself', '14', 'ccid-healthy', 'code.card', 'cardholder'],
  // The host answered 96, so the card was read well enough to go online: a card found in the slot later is
  // noted, not blamed.
  ['96 with an expired card left in the slot: the host, the card noted', '96', 'ccid-expired', 'host-side', 'host', ['card-expired']],
  ['96 with a mute card left in the slot: the host, the card noted', '96', 'ccid-mute', 'host-side', 'host', ['card-backwards-or-dirty']],
];

describe.each(ROWS)('seed %s', (_seed, code, fixture, cause, side, alsoFound, acquirer) => {
  const d = run(code, fixture, { acquirer });
  test(`cause ${cause}`, () => {
    expect(d.cause.id).toBe(cause);
    expect(d.cause.side).toBe(side);
  });
  test('also found', () => {
    expect(d.alsoFound.map((c) => c.id)).toEqual(alsoFound ?? []);
  });
  test('the hint shows the code and the steps end with whom to call', () => {
    expect(d.cause.hint.title.startsWith(`${d.code} `)).toBe(true);
    expect(d.cause.hint.action.length).toBeGreaterThan(0);
    expect(d.cause.steps.length).toBeGreaterThan(0);
    expect(d.cause.steps.at(-1)).toContain(d.code);
  });
});

describe('evidence from the chip reader', () => {
  test('14 with a mute chip quotes the power-on at every voltage, and the steps start with inserting it right', () => {
    const d = run('14', 'ccid-mute');
    expect(d.cause.evidence[0]).toMatchObject({ device: 'reader', finding: 'reader.atr', status: 'fail', value: 'backwards-or-dirty' });
    expect(d.cause.evidence[0].text).toBe('Chip does not answer at any of 3 voltages: card inserted backwards or chip dirty');
    expect(d.cause.steps.slice(0, 3)).toEqual([
      'Insert the card chip first, face up, all the way in',
      'Wipe the chip clean with a dry cloth and insert again',
      "Swipe the card's stripe instead",
    ]);
  });

  test('54 with an expired chip quotes the month only, in zh-TW', () => {
    const d = run('54', 'ccid-expired', { locale: 'zh-TW' });
    expect(d.cause.hint.title).toBe('54 卡片已過期');
    expect(d.cause.evidence[0]).toMatchObject({ finding: 'reader.validity', value: 'expired', text: '卡片已過期（2020-12），請換卡' });
  });

  test('a mute card and an empty slot that does not say "no card": the reader, not the card', () => {
    const devices: DeviceResult[] = [
      {
        device: 'reader',
        status: 'fail',
        ms: 0,
        findings: [
          { id: 'reader.atr', status: 'fail', value: 'backwards-or-dirty', message: 'check.reader.chip.backwards-or-dirty', params: { voltages: 3 } },
          { id: 'reader.error-path', status: 'fail', value: 'atr', message: 'check.reader.chip.error-path.wrong', params: { answer: 'atr' } },
        ],
      },
    ];
    const d = run('14', devices);
    expect(d.cause.id).toBe('chip-reader-fault');
    expect(d.cause.evidence.map((e) => e.finding)).toEqual(['reader.error-path', 'reader.atr']);
  });

  test('an empty slot is nothing to blame: the card code keeps its own meaning', () => {
    const devices: DeviceResult[] = [
      {
        device: 'reader',
        status: 'warn',
        ms: 0,
        findings: [
          { id: 'reader.comm', status: 'pass', value: 15, message: 'check.reader.chip.comm.ok' },
          { id: 'reader.card', status: 'warn', value: 'no-card', message: 'check.reader.chip.no-card' },
        ],
      },
    ];
    expect(run('14', devices).cause.id).toBe('code.card');
    expect(run('用户异常', devices).cause.id).toBe('code.card');
  });

  test("a dead PN532 stays a reader fault; a dead chip reader is the chip reader's", () => {
    expect(run('14', 'pn532-ram-fail').cause.id).toBe('reader-fault');
    expect(run('14', 'ccid-silent').cause).toMatchObject({ id: 'chip-reader-fault', evidence: [{ finding: 'reader.comm', status: 'timeout' }] });
  });

  test('a chip that reads clears the reader with its payment application', () => {
    expect(run('14', 'ccid-healthy').cause.evidence.map((e) => e.finding)).toContain('reader.application');
  });
});

describe('evidence', () => {
  test('96 with no signal names the signal with its level in dBm', () => {
    const d = run('96', 'modem-no-signal');
    expect(d.cause.evidence[0]).toMatchObject({ device: 'modem', finding: 'modem.signal', status: 'fail', value: -113, unit: 'dBm' });
    expect(d.cause.hint.action).toContain('-113 dBm');
    // The registration and data failures that follow from it are its evidence, not separate causes.
    expect(d.cause.evidence.map((e) => e.finding)).toContain('modem.registration.circuit');
    expect(d.terminalClear).toBe(false);
  });

  test('96 with a weak signal quotes the level in zh-CN', () => {
    const d = run('96', 'modem-weak-signal', { locale: 'zh-CN' });
    expect(d.cause.hint.title).toBe('96 终端信号弱');
    expect(d.cause.hint.action).toContain('-101 dBm');
    expect(d.cause.evidence[0]!.text).toContain('-101');
  });

  test('96 with everything healthy clears the terminal with what passed, and points at the host', () => {
    const d = run('96', 'healthy');
    expect(d.terminalClear).toBe(true);
    expect(d.checked).toEqual(['modem', 'reader', 'printer', 'network']);
    expect(d.cause.evidence.map((e) => e.finding)).toEqual(['modem.signal', 'modem.registration.packet', 'network.tcp', 'network.echo']);
    expect(d.cause.evidence.every((e) => e.status === 'pass')).toBe(true);
    expect(d.cause.retry).toBe('later');
  });

  test("96 with no checks run does not clear the terminal: the code's own meaning stands", () => {
    const d = run('96', []);
    expect(d.cause.id).toBe('code.host');
    expect(d.terminalClear).toBe(false);
    expect(d.cause.evidence).toEqual([]);
  });

  test("a network check cut off by its budget clears nothing: the code's own meaning stands", () => {
    const devices: DeviceResult[] = [
      ...state('healthy').filter((r) => r.device !== 'network'),
      { device: 'network', status: 'timeout', ms: 100, findings: [{ id: 'network.budget', status: 'timeout', message: 'check.budget-spent' }] },
    ];
    const d = run('96', devices);
    expect(d.cause.id).toBe('code.host');
    expect(d.terminalClear).toBe(false);
  });

  test('a slow host quotes the round trip', () => {
    const d = run('96', 'host-slow');
    const rtt = state('host-slow')
      .find((r) => r.device === 'network')!
      .findings.find((f) => f.id === 'network.echo-rtt')!.value as number;
    expect(d.cause.hint.action).toContain(`${rtt.toLocaleString('en')} ms`);
  });

  test("a host that answers the echo with 96 at once: the echo's code is the evidence, the terminal is clear, nothing is slow", () => {
    const d = run('96', 'host-decline-96');
    expect(d.cause.id).toBe('host-side');
    expect(d.cause.evidence[0]).toMatchObject({ device: 'network', finding: 'network.echo', status: 'fail', value: '96' });
    expect(d.terminalClear).toBe(true);
    expect(d.alsoFound.map((c) => c.id)).not.toContain('host-slow');
  });

  // Each outcome of the echo, as hal/network/check.ts reports it: only time makes a host slow.
  const echo = (status: CheckStatus, message: string, value: string, rttMs?: number): DeviceResult[] => [
    ...state('healthy').filter((r) => r.device !== 'network'),
    {
      device: 'network',
      status: status === 'pass' ? 'warn' : status,
      ms: 1,
      findings: [
        ...state('healthy')
          .find((r) => r.device === 'network')!
          .findings.filter((f) => f.id !== 'network.echo' && f.id !== 'network.echo-rtt'),
        { id: 'network.echo', status, value, message },
        ...(rttMs === undefined
          ? []
          : [
              {
                id: 'network.echo-rtt',
                status: rttMs > 2000 ? ('warn' as const) : ('pass' as const),
                value: rttMs,
                unit: 'ms',
                message: 'check.network.echo-rtt.ok',
              },
            ]),
      ],
    },
  ];
  test.each<[string, DeviceResult[], string]>([
    ['answered 96 in 1 ms', echo('fail', 'check.network.echo.declined', '96', 1), 'host-side'],
    ['answered 96 after 3 s: the refusal still says more than the time', echo('fail', 'check.network.echo.declined', '96', 3000), 'host-side'],
    ['answered 00 after 3 s', echo('pass', 'check.network.echo.ok', '00', 3000), 'host-slow'],
    ['a garbled reply', echo('fail', 'check.network.echo.garbled', 'garbled'), 'host-side'],
    ['a reply to another request', echo('fail', 'check.network.echo.wrong-stan', 'wrong-stan'), 'host-side'],
    ['no reply in time', echo('timeout', 'check.network.echo.timeout', 'timeout'), 'host-slow'],
    ['the host closed the connection', echo('fail', 'check.network.echo.reset', 'reset'), 'host-unreachable'],
    ['the host refused the echo connection', echo('fail', 'check.network.echo.refused', 'refused'), 'host-unreachable'],
  ])('96 when the echo was %s', (_what, devices, cause) => {
    expect(run('96', devices).cause.id).toBe(cause);
  });

  test('a device that is not configured is neither a fault nor checked', () => {
    const devices: DeviceResult[] = [
      ...state('healthy').filter((r) => r.device !== 'modem'),
      {
        device: 'modem',
        status: 'absent',
        ms: 0,
        findings: [{ id: 'modem.configured', status: 'absent', message: 'check.not-configured', params: { device: 'modem' } }],
      },
    ];
    const d = run('96', devices);
    expect(d.checked).not.toContain('modem');
    expect(d.cause.id).toBe('host-side');
  });
});

describe('next steps', () => {
  const steps = (code: string, fixture = 'healthy') => run(code, fixture).cause.steps;
  test.each([
    ['61', 'Split the payment or use another payment method'],
    ['Transaction Exceeds Limit', 'Split the payment or use another payment method'],
    ['A0', 'Sign on again to renew the keys'],
    ['97', 'Check the terminal id, merchant id and host parameters'],
    ['98', 'Check whether the last sale went through before charging again'],
    ['14', "Ask the cardholder to check the card's expiry and condition, or use another card"],
  ])('%s', (code, step) => {
    expect(steps(code)).toContain(step);
  });

  test('an approval needs no steps', () => {
    expect(run('00', 'healthy').cause.steps).toEqual([]);
  });

  test('every cause, every locale: steps are rendered text, never an id', () => {
    for (const [, code, fixture, , , , acquirer] of ROWS) {
      for (const locale of ['zh-CN', 'zh-TW', 'en']) {
        for (const s of run(code, fixture, { acquirer, locale }).cause.steps) expect(s).not.toMatch(/^[a-z-]+$/);
      }
    }
  });
});

test('never throws, whatever the findings look like', () => {
  const odd: DeviceResult[] = [
    { device: 'toaster', status: 'fail', ms: 1, findings: [{ id: 'toaster.heat', status: 'fail', message: 'no.such.key' }] },
    { device: 'modem', status: 'warn', ms: 1, findings: [{ id: 'modem.signal', status: 'warn', value: 'n/a', message: 'check.modem.signal.weak' }] },
    { device: 'printer', status: 'pass', ms: 1, findings: [] },
  ];
  for (const code of ['96', '', 'ZZ', 'T13', '00']) {
    const d = run(code, odd);
    expect(typeof d.cause.id).toBe('string');
    expect(d.cause.hint.title.length).toBeGreaterThan(0);
  }
  expect(run('96', odd).cause.id).toBe('signal-weak');
  expect(run('96', odd).cause.hint.action).not.toContain('{dbm}');
});
