/**
 * printSlip against the printer simulator on the in-process binding: the outcome for each printer
 * state, the queue of slips waiting for paper kept in the data directory, and the port closed on every
 * path (every port the binding opened is closed when printSlip returns).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BindingInterface, BindingPortInterface, OpenOptions } from '@serialport/bindings-interface';
import { systemClock } from '../../../hal/clock';
import type { CheckEnv } from '../../../hal/devices';
import type { PrinterConfig } from '../../../hal/config';
import { EscPosBuilder } from '../../../hal/printer/builder';
import type { JobStore } from '../../../hal/printer/print-queue';
import { PRINTER_PROFILES } from '../../../hal/printer/profiles';
import { InProcessBinding } from '../../../mocks/in-process-binding';
import { PrinterFault, PrinterSimulator } from '../../../mocks/printer-sim';
import { openJournal, saveSlip } from '../../../src/journal';
import { findSlip, printSlip, reprintSlip } from '../../../src/services/print-slip';
import { diagnosisRecord, freshDir } from '../../helpers/journal-fixtures';

const PATH = '/dev/ttySIMSLIP';
const TIMING = { statusTimeoutMs: 80, jobSlackMs: 300 };

/** Records every port it opens, so a test can say that all of them were closed. */
class TrackingBinding implements BindingInterface {
  readonly ports: BindingPortInterface[] = [];
  constructor(readonly inner: InProcessBinding) {}
  list() {
    return this.inner.list();
  }
  async open(options: OpenOptions) {
    const port = await this.inner.open(options);
    this.ports.push(port);
    return port;
  }
}

function slip(tag: string, lines = 10): Uint8Array {
  const b = new EscPosBuilder(PRINTER_PROFILES['generic-58']).init();
  for (let i = 1; i <= lines; i++) b.line(`${tag} 第${i}行`);
  return b.cut().encode();
}

describe('printSlip', () => {
  let dirs: string[] = [];
  let sims: PrinterSimulator[] = [];
  afterEach(() => {
    for (const s of sims) s.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    sims = [];
    dirs = [];
  });

  function terminal(fault: PrinterFault, printer: Partial<PrinterConfig> | null = {}) {
    const sim = new PrinterSimulator(fault);
    sims.push(sim);
    const inner = new InProcessBinding();
    inner.connect(PATH, sim);
    const binding = new TrackingBinding(inner);
    const env: CheckEnv = { binding, clock: systemClock, devices: printer ? { printer: { path: PATH, baudRate: 115200, paperWidth: 58, ...printer } } : {} };
    const dataDir = mkdtempSync(join(tmpdir(), 'posdiag-print-'));
    dirs.push(dataDir);
    const allClosed = () => binding.ports.every((p) => !p.isOpen);
    const queued = () => {
      try {
        return (JSON.parse(readFileSync(join(dataDir, 'print-queue.json'), 'utf8')) as { jobs: Array<{ id: string; lastReason?: string }> }).jobs;
      } catch {
        return [];
      }
    };
    return { sim, binding, env, dataDir, allClosed, queued };
  }

  test('healthy: printed once, status read before the slip, port closed', async () => {
    const t = terminal('healthy');
    const out = await printSlip(t.env, slip('A'), { id: 'J1', dataDir: t.dataDir, timing: TIMING });
    expect(out).toEqual({ state: 'printed', attempts: 1 });
    expect(t.sim.realtimeSeen.slice(0, 4)).toEqual(['DLE EOT 1', 'DLE EOT 2', 'DLE EOT 3', 'DLE EOT 4']);
    expect(t.sim.text()).toContain('A 第10行');
    expect(t.binding.ports).toHaveLength(1);
    expect(t.allClosed()).toBe(true);
    expect(t.queued()).toEqual([]);
  });

  test.each([
    ['paper-out', 'paper-end'],
    ['cover-open', 'cover-open'],
    ['offline', 'offline'],
    ['cutter-error', 'cutter-error'],
    ['overheat', 'overheat'],
  ] as const)('%s: queued with reason %s, kept in print-queue.json, nothing on paper', async (fault, reason) => {
    const t = terminal(fault);
    const out = await printSlip(t.env, slip('B'), { id: 'J2', dataDir: t.dataDir, timing: TIMING });
    expect(out).toEqual({ state: 'queued', reason, attempts: 1 });
    expect(t.queued()).toEqual([expect.objectContaining({ id: 'J2', lastReason: reason })]);
    expect(t.sim.text()).toBe('');
    expect(t.allClosed()).toBe(true);
  });

  test('paper-out then paper loaded: the new slip prints first, then the waiting one, whole, once', async () => {
    const t = terminal('paper-out');
    expect(await printSlip(t.env, slip('OLD'), { id: 'J3', dataDir: t.dataDir, timing: TIMING })).toMatchObject({ state: 'queued', reason: 'paper-end' });
    await new Promise((r) => setImmediate(r)); // the driver's DLE ENQ 2 lands before a person loads paper
    t.sim.loadPaper();
    // A later printSlip (a fresh process would find the same print-queue.json) sends what waited after its own.
    const out = await printSlip(t.env, slip('NEW'), { id: 'J4', dataDir: t.dataDir, timing: TIMING });
    // The extra slip that came out is reported with the new one.
    expect(out).toEqual({ state: 'printed', attempts: 1, earlier: [{ id: 'J3', state: 'printed' }] });
    const text = t.sim.text();
    expect(text.indexOf('NEW 第10行')).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('NEW 第10行')).toBeLessThan(text.indexOf('OLD 第1行'));
    for (let i = 1; i <= 10; i++) expect(text.split(`OLD 第${i}行`).length - 1).toBe(1);
    expect(t.queued()).toEqual([]);
    expect(t.allClosed()).toBe(true);
  });

  test('a backlog waits its turn: the new slip and two waiting ones print, the others stay', async () => {
    const t = terminal('paper-out');
    for (let i = 1; i <= 5; i++) await printSlip(t.env, slip(`W${i}`, 2), { id: `W${i}`, dataDir: t.dataDir, timing: TIMING });
    await new Promise((r) => setImmediate(r));
    t.sim.loadPaper();
    const out = await printSlip(t.env, slip('NEW', 2), { id: 'N', dataDir: t.dataDir, timing: TIMING });
    expect(out).toEqual({
      state: 'printed',
      attempts: 1,
      earlier: [
        { id: 'W1', state: 'printed' },
        { id: 'W2', state: 'printed' },
      ],
    });
    expect(t.queued().map((j) => j.id)).toEqual(['W3', 'W4', 'W5']);
  });

  test("a slip reprinted until the queue's limit is given up, and says so; a full queue drops its oldest, and says so", async () => {
    const t = terminal('paper-out');
    for (let i = 1; i <= 4; i++)
      expect(await printSlip(t.env, slip('OLD'), { id: 'J3', dataDir: t.dataDir, timing: TIMING })).toMatchObject({ state: 'queued', attempts: i });
    expect(await printSlip(t.env, slip('OLD'), { id: 'J3', dataDir: t.dataDir, timing: TIMING })).toEqual({
      state: 'not-printed',
      reason: 'paper-end',
      attempts: 5,
    });
    expect(t.queued()).toEqual([]);
    await printSlip(t.env, slip('A'), { id: 'A', dataDir: t.dataDir, timing: TIMING, queue: { maxWaiting: 1 } });
    const out = await printSlip(t.env, slip('B'), { id: 'B', dataDir: t.dataDir, timing: TIMING, queue: { maxWaiting: 1 } });
    expect(out).toEqual({ state: 'queued', reason: 'paper-end', attempts: 1, earlier: [{ id: 'A', state: 'dropped', reason: 'paper-end', why: 'full' }] });
    expect(t.queued()).toEqual([expect.objectContaining({ id: 'B' })]);
    expect(t.allClosed()).toBe(true);
  });

  test('unplugged mid-slip: queued as disconnected, no exception, port closed', async () => {
    const t = terminal('healthy');
    let seen = 0;
    t.sim.override((chunk, sim) => {
      seen += chunk.length;
      if (seen > 200) {
        sim.unplug();
        return true;
      }
      return false;
    });
    const out = await printSlip(t.env, slip('C', 40), { id: 'J5', dataDir: t.dataDir, timing: { ...TIMING, chunkBytes: 64 } });
    expect(seen).toBeGreaterThan(200); // the slip had started: status sweep (12 B) and ASB on (3 B) went first
    expect(out).toEqual({ state: 'queued', reason: 'disconnected', attempts: 1 });
    expect(t.queued()).toEqual([expect.objectContaining({ id: 'J5', lastReason: 'disconnected' })]);
    expect(t.allClosed()).toBe(true);
  });

  test.each([
    ['unplugged before the slip', 'unplug', {}, 'disconnected'],
    ['silent printer', 'silent', {}, 'no-reply'],
    ['no such port', 'healthy', { path: '/dev/ttyNOPE' }, 'not-found'],
  ] as const)('%s (fault %s): not-printed, not queued, port closed', async (_name, fault, printer, reason) => {
    const t = terminal(fault, printer);
    const out = await printSlip(t.env, slip('D'), { id: 'J6', dataDir: t.dataDir, timing: TIMING });
    expect(out).toEqual({ state: 'not-printed', reason: expect.stringMatching(reason), attempts: 0 });
    expect(t.queued()).toEqual([]);
    expect(t.allClosed()).toBe(true);
  });

  test('printer already open elsewhere: not-printed, busy', async () => {
    const t = terminal('healthy');
    const other = await t.binding.inner.open({ path: PATH, baudRate: 115200 });
    try {
      expect(await printSlip(t.env, slip('E'), { id: 'J7', timing: TIMING })).toMatchObject({ state: 'not-printed', reason: 'busy' });
    } finally {
      await other.close();
    }
  });

  test('no printer configured: not-printed, nothing opened', async () => {
    const t = terminal('healthy', null);
    expect(await printSlip(t.env, slip('F'), { id: 'J8', timing: TIMING })).toEqual({ state: 'not-printed', reason: 'not-configured', attempts: 0 });
    expect(t.binding.ports).toHaveLength(0);
  });

  test('a queue store that fails costs the queue, not the slip: printed if the printer can, else an outcome, not an exception', async () => {
    const broken: JobStore = {
      load: () => [],
      save: () => Promise.reject(new Error('disk full')),
    };
    const t = terminal('healthy');
    expect(await printSlip(t.env, slip('G'), { id: 'J9', store: broken, timing: TIMING })).toEqual({ state: 'printed', attempts: 1 });
    const u = terminal('paper-out');
    expect(await printSlip(u.env, slip('G'), { id: 'J9', store: broken, timing: TIMING })).toEqual({ state: 'not-printed', reason: 'error', attempts: 0 });
    expect(t.allClosed() && u.allClosed()).toBe(true);
  });

  test('an aborted signal: not-printed, aborted', async () => {
    const t = terminal('healthy');
    const ac = new AbortController();
    ac.abort();
    expect(await printSlip(t.env, slip('H'), { id: 'J10', signal: ac.signal, timing: TIMING })).toEqual({
      state: 'not-printed',
      reason: 'aborted',
      attempts: 0,
    });
  });

  test('without a data directory the queue is in memory: nothing written', async () => {
    const t = terminal('paper-out');
    expect(await printSlip(t.env, slip('I'), { id: 'J11', timing: TIMING })).toMatchObject({ state: 'queued', reason: 'paper-end' });
    expect(t.queued()).toEqual([]);
  });
});

describe('findSlip and reprintSlip: a kept slip, printed again', () => {
  const meta = { paperWidth: 58 as const, locale: 'en', code: '96', time: '2026-11-22T10:30:15+08:00' };
  let home: { dir: string; remove(): void };
  beforeEach(() => (home = freshDir('posdiag-find-slip-')));
  afterEach(() => home.remove());

  test('by its id, as last, or by the journal id of its diagnosis; null when there is none', async () => {
    await expect(findSlip(home.dir, 'last')).resolves.toBeNull();
    await saveSlip(home.dir, '000000001', Uint8Array.of(1, 2, 3), meta);
    await saveSlip(home.dir, '000000002', Uint8Array.of(4, 5), meta);
    const record = await openJournal(home.dir).append(diagnosisRecord({ slip: { id: '000000001', bytes: 3, state: 'printed' } }));
    expect((await findSlip(home.dir, 'last'))?.id).toBe('000000002');
    expect((await findSlip(home.dir, '000000001'))?.bytes).toEqual(Uint8Array.of(1, 2, 3));
    expect((await findSlip(home.dir, record.id))?.id).toBe('000000001');
    await expect(findSlip(home.dir, 'J00000099')).resolves.toBeNull();
    await expect(findSlip(home.dir, '000000099')).resolves.toBeNull();
  });

  test('without a printer the reprint says so and throws nothing', async () => {
    await saveSlip(home.dir, '000000001', Uint8Array.of(1), meta);
    const slip = (await findSlip(home.dir, 'last'))!;
    const env: CheckEnv = { binding: new InProcessBinding(), clock: systemClock, devices: {} };
    await expect(reprintSlip(env, home.dir, slip)).resolves.toEqual({ state: 'not-printed', reason: 'not-configured', attempts: 0 });
  });
});
