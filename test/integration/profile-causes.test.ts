/**
 * Every fault of the simulated terminal (mocks/faults.ts: every device × fault), diagnosed as code 96
 * under both deadline profiles, on real pseudo-terminals: the cause is the same under `cashier` and
 * `thorough`, and it is the cause named before there were profiles (the table below). The cashier's
 * short deadlines and early stop change how soon the cause is known, never which cause it is.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEADLINE_PROFILES } from '../../hal/deadline-profiles';
import { DEVICE_FAULTS } from '../../mocks/faults';
import { requireSystemTool } from '../../mocks/system-tools';
import { main } from '../../src/cli/program';
import { capturedIo } from '../helpers/captured-io';

/** The cause of 96 for each fault as diagnosed with every option's default, before the profiles. */
const CAUSES: Record<string, string> = {
  'modem=healthy': 'host-side',
  'modem=no-sim': 'sim-fault',
  'modem=sim-pin': 'sim-fault',
  'modem=no-signal': 'signal-none',
  'modem=weak-signal': 'signal-weak',
  'modem=denied': 'mobile-not-registered',
  'modem=searching': 'mobile-not-registered',
  'modem=roaming': 'host-side',
  'modem=not-attached': 'mobile-data-down',
  'modem=silent': 'modem-unresponsive',
  'modem=garbage': 'modem-unresponsive',
  'modem=echo': 'host-side',
  'modem=urc-storm': 'host-side',
  'modem=unplug': 'modem-unresponsive',
  'modem=no-concat': 'host-side',
  'pn532=healthy': 'host-side',
  'pn532=silent': 'reader-fault',
  'pn532=bad-checksum': 'reader-fault',
  'pn532=rom-fail': 'reader-fault',
  'pn532=ram-fail': 'reader-fault',
  'pn532=antenna-fail': 'reader-fault',
  'pn532=card-present': 'host-side',
  'pn532=unplug': 'reader-fault',
  'msr605=healthy': 'host-side',
  'msr605=silent': 'reader-fault',
  'msr605=ram-fail': 'reader-fault',
  'msr605=swipe': 'host-side',
  'msr605=unplug': 'reader-fault',
  'printer=healthy': 'host-side',
  'printer=paper-out': 'host-side',
  'printer=paper-near-end': 'host-side',
  'printer=cover-open': 'host-side',
  'printer=cutter-error': 'host-side',
  'printer=overheat': 'host-side',
  'printer=offline': 'host-side',
  'printer=silent': 'host-side',
  'printer=unplug': 'host-side',
  'host=healthy': 'host-side',
  'host=refuse': 'host-unreachable',
  'host=blackhole': 'host-unreachable',
  'host=slow': 'host-slow',
  'host=reset': 'host-unreachable',
  'host=decline-96': 'host-side',
};

const MATRIX = Object.entries(DEVICE_FAULTS).flatMap(([device, faults]) => faults.map((fault) => `${device}=${fault}`));

let home: string;
beforeAll(() => {
  requireSystemTool('socat');
  home = mkdtempSync(join(tmpdir(), 'posdiag-profiles-'));
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

async function causeOf(sim: string, profile: string): Promise<string> {
  const io = capturedIo({ POSDIAG_HOME: home });
  const code = await main(['diagnose', '--code', '96', '--sim', sim, '--no-print', '--profile', profile, '--json'], io.handle);
  const doc = JSON.parse(io.out());
  if (code !== 0) return `exit ${code}: ${JSON.stringify(doc.error)}`;
  expect(doc.profile).toBe(profile);
  return doc.cause.id;
}

/** Runs `jobs` a few at a time (each opens its own simulated terminal). */
async function pool<T>(jobs: (() => Promise<T>)[], width: number): Promise<T[]> {
  const out: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < jobs.length) {
        const i = next++;
        out[i] = await jobs[i]();
      }
    }),
  );
  return out;
}

test('every fault of the matrix has the same cause under both profiles, and the cause it had before them', async () => {
  const runs = MATRIX.flatMap((sim) => DEADLINE_PROFILES.map((profile) => ({ sim, profile })));
  const causes = await pool(
    runs.map((r) => () => causeOf(r.sim, r.profile)),
    4,
  );
  const table = MATRIX.map((sim) => [sim, ...DEADLINE_PROFILES.map((profile) => causes[runs.findIndex((r) => r.sim === sim && r.profile === profile)])]);
  // A fault added after the table was written is held to the same cause under both profiles.
  const expected = table.map(([sim, first]) => [sim, ...DEADLINE_PROFILES.map(() => CAUSES[sim] ?? first)]);
  expect(table).toEqual(expected);
  for (const sim of Object.keys(CAUSES)) expect(MATRIX).toContain(sim);
}, 240_000);
