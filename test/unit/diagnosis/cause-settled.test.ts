/**
 * When a diagnosis may stop early: causeSettled says the results in hand decide the cause whatever the
 * devices still running would find. Checked as a table of the cases that matter, and as a property over
 * every captured terminal state: for every code, every state, every set of devices already done, when it
 * says "settled", the cause named with the others cut short is the cause named with any result of them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DeviceResult } from '../../../hal/selfcheck';
import { explain } from '../../../src/codes/explain';
import { causeSettled, diagnose } from '../../../src/diagnosis';

const DIR = join(__dirname, '../../fixtures/findings');
const ORDER = ['modem', 'reader', 'printer', 'network'];
const STATES = Object.fromEntries(
  readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(join(DIR, f), 'utf8')).devices as DeviceResult[]]),
);
const of = (state: string, device: string) => STATES[state].find((d) => d.device === device)!;
const cutShort = (device: string): DeviceResult => ({
  device,
  status: 'warn',
  ms: 1,
  findings: [{ id: `${device}.cut-short`, status: 'warn', message: 'check.cut-short', value: 1, unit: 'ms' }],
});
const causeOf = (code: string, devices: DeviceResult[]) => {
  const d = diagnose({ explain: explain(code, { locale: 'en' }), devices, locale: 'en' });
  return `${d.cause.id}${d.cause.device ? ` in ${d.cause.device}` : ''}`;
};

test.each([
  // A dead modem proves a 96: the host, the reader and the printer can change nothing.
  ['96', 'modem-silent', ['modem'], true],
  ['96', 'modem-unplug', ['modem'], true],
  ['96', 'modem-no-signal', ['modem'], true],
  // A weak signal is a warning: a failure elsewhere would outrank it.
  ['96', 'modem-weak-signal', ['modem'], false],
  // The host is as relevant as the modem, and the modem wins a tie: wait for it.
  ['96', 'host-blackhole', ['network'], false],
  ['96', 'host-blackhole', ['network', 'modem'], true],
  ['96', 'host-refuse', ['modem', 'network'], true],
  // A host that answered clears the terminal only when every device is checked.
  ['96', 'host-decline-96', ['modem', 'network'], false],
  // The reader comes after the network in 96's checks: anything the network finds would outrank it.
  ['96', 'pn532-ram-fail', ['reader'], false],
  ['96', 'pn532-ram-fail', ['reader', 'modem', 'network'], true],
  // A printer fault never explains a host code.
  ['96', 'printer-paper-out', ['printer', 'modem', 'reader'], false],
  // Nothing wrong yet: nothing settled.
  ['96', 'healthy', ['modem', 'reader', 'printer'], false],
  // Invalid Card lists the reader first: a failing reader settles it at once.
  ['Invalid Card', 'pn532-ram-fail', ['reader'], true],
])('%s, %s, done %j: settled %s', (code, state, done, settled) => {
  const running = ORDER.filter((d) => !done.includes(d));
  expect(
    causeSettled(
      explain(code),
      done.map((d) => of(state, d)),
      running,
      ORDER,
    ),
  ).toBe(settled);
});

test('nothing running: settled', () => {
  expect(causeSettled(explain('96'), STATES.healthy, [], ORDER)).toBe(true);
});

test('a settled cause is the cause whatever the devices cut short would have found', () => {
  const codes = ['96', 'NO COMMUNICATION', 'Invalid Card', 'T13'];
  let settledCases = 0;
  for (const code of codes) {
    const entry = explain(code);
    for (const state of Object.keys(STATES)) {
      for (let mask = 1; mask < 1 << ORDER.length; mask++) {
        const done = ORDER.filter((_, i) => mask & (1 << i));
        const running = ORDER.filter((d) => !done.includes(d));
        if (
          !causeSettled(
            entry,
            done.map((d) => of(state, d)),
            running,
            ORDER,
          )
        )
          continue;
        settledCases++;
        const early = causeOf(
          code,
          ORDER.map((d) => (done.includes(d) ? of(state, d) : cutShort(d))),
        );
        for (const other of Object.keys(STATES)) {
          const full = causeOf(
            code,
            ORDER.map((d) => of(done.includes(d) ? state : other, d)),
          );
          expect([code, state, done, other, early]).toEqual([code, state, done, other, full]);
        }
      }
    }
  }
  expect(settledCases).toBeGreaterThan(20);
});
