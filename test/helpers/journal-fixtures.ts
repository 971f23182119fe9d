/** Shared by the journal tests: fresh data directories, sample records, card numbers that pass Luhn. */
import { buildSync } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MenuEvent, NewJournalRecord } from '../../src/journal/types';

export function freshDir(prefix = 'posdiag-journal-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The journal sources bundled into `<dir>/journal.cjs` for test/helpers/journal-append-child.js: child
 * processes run the real source, bundled the way build.mjs bundles it, with no build step first.
 */
export function bundleJournal(dir: string): string {
  const outfile = join(dir, 'journal.cjs');
  buildSync({
    entryPoints: [join(__dirname, '..', '..', 'src', 'journal', 'index.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile,
    logLevel: 'error',
  });
  return outfile;
}

/** Seeded PRNG (mulberry32): a failing property names the seed that reproduces it. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Appends the Luhn check digit to a body of digits. */
export function withCheckDigit(body: string): string {
  for (let d = 0; d <= 9; d++) {
    const candidate = body + d;
    let sum = 0;
    for (let i = 0; i < candidate.length; i++) {
      let v = Number(candidate[candidate.length - 1 - i]);
      if (i % 2 === 1) v = v * 2 > 9 ? v * 2 - 9 : v * 2;
      sum += v;
    }
    if (sum % 10 === 0) return candidate;
  }
  throw new Error('unreachable');
}

export function randomPan(next: () => number): string {
  const length = 13 + Math.floor(next() * 7);
  const prefix = ['62', '4', '51', '35', '37', '60'][Math.floor(next() * 6)];
  let body = prefix;
  while (body.length < length - 1) body += String(Math.floor(next() * 10));
  return withCheckDigit(body);
}

export function diagnosisRecord(overrides: Partial<Extract<NewJournalRecord, { kind: 'diagnosis' }>> = {}): NewJournalRecord {
  return {
    kind: 'diagnosis',
    time: '2024-05-01T10:15:00.000+08:00',
    terminalId: '10000001',
    merchantId: '898310048990001',
    location: '深圳市南山区',
    code: '96',
    acquirer: 'cup',
    category: 'host',
    hintTitle: '系统故障，请稍后重试',
    cause: { id: 'modem.no-signal', side: 'terminal', evidence: [{ finding: 'modem.signal', status: 'fail', value: -113, unit: 'dBm' }] },
    devices: [{ device: 'modem', status: 'fail', findings: [{ id: 'modem.signal', status: 'fail', value: -113, unit: 'dBm' }] }],
    slip: { id: 'J00000001', bytes: 932, state: 'printed' },
    pan: '622588******1234',
    amount: '128.00',
    ...overrides,
  };
}

export function menuRecord(event: MenuEvent = 'pin-ok', detail?: string): NewJournalRecord {
  return { kind: 'menu', terminalId: '10000001', merchantId: '898310048990001', event, ...(detail ? { detail } : {}) };
}
