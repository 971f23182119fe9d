/** The data directory, the slip store and the print queue's store: atomic files that survive a restart. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isHalError } from '../../../hal/errors';
import type { PrintResult } from '../../../hal/printer/driver';
import { PrintQueue } from '../../../hal/printer/print-queue';
import { dataDirFor, ensureDataDir, isSimulatedRun, resolveDataDir } from '../../../src/journal/data-dir';
import { journalJobStore } from '../../../src/journal/job-store';
import { isSlipId, loadSlip, newSlipId, saveSlip } from '../../../src/journal/slip-store';
import { scrubRecord } from '../../../src/journal/scrub';
import { freshDir } from '../../helpers/journal-fixtures';

let tmp: ReturnType<typeof freshDir>;
beforeEach(() => (tmp = freshDir()));
afterEach(() => tmp.remove());

const meta = { paperWidth: 58 as const, locale: 'zh-CN', code: '96', time: '2024-05-01T10:15:00.000+08:00' };

describe('resolveDataDir', () => {
  test.each([
    ['configuration first', { journal: { dir: '/data/posdiag' } }, { POSDIAG_HOME: '/x', HOME: '/home/t' }, '/data/posdiag'],
    ['then POSDIAG_HOME', { journal: {} }, { POSDIAG_HOME: '/var/posdiag', HOME: '/home/t' }, '/var/posdiag'],
    ['then ~/.posdiag', undefined, { HOME: '/home/t' }, '/home/t/.posdiag'],
    ['~ in POSDIAG_HOME', undefined, { POSDIAG_HOME: '~/pd', HOME: '/home/t' }, '/home/t/pd'],
  ])('%s', (_name, config, env, expected) => {
    expect(resolveDataDir(config, env)).toBe(expected);
  });

  test.each([
    ['--sim', { configPath: '/etc/posdiag.json', sim: new Map() }, true],
    ['no configuration (the embedded simulated terminal)', { configPath: undefined, sim: null }, true],
    ['a configuration, no --sim', { configPath: '/etc/posdiag.json', sim: null }, false],
  ])('a run with %s keeps its data in %s', (_name, run, simulated) => {
    expect(isSimulatedRun(run)).toBe(simulated);
    const env = { POSDIAG_HOME: '/var/posdiag' };
    expect(dataDirFor(null, isSimulatedRun(run), env)).toBe(simulated ? '/var/posdiag/sim' : '/var/posdiag');
  });

  test('resolving creates nothing', () => {
    const dir = join(tmp.dir, 'later');
    expect(resolveDataDir(undefined, { POSDIAG_HOME: dir })).toBe(dir);
    expect(existsSync(dir)).toBe(false);
  });
});

describe('ensureDataDir', () => {
  test('creates the missing components, each private', async () => {
    const dir = join(tmp.dir, 'a', 'b');
    await ensureDataDir(dir);
    await ensureDataDir(dir); // already there: nothing to do
    expect(statSync(join(tmp.dir, 'a')).mode & 0o777).toBe(0o700);
    expect(statSync(dir).isDirectory()).toBe(true);
  });

  test('a file in the way is ENOTDIR, at once', async () => {
    writeFileSync(join(tmp.dir, 'f'), '');
    await expect(ensureDataDir(join(tmp.dir, 'f'))).rejects.toMatchObject({ code: 'ENOTDIR' });
    await expect(ensureDataDir(join(tmp.dir, 'f', 'x'))).rejects.toMatchObject({ code: 'ENOTDIR' });
  });

  // Node 20's recursive mkdir retries for ever where procfs answers ENOENT under an existing parent.
  (existsSync('/proc/self') ? test : test.skip)('a directory under /proc fails instead of hanging', async () => {
    await expect(ensureDataDir('/proc/posdiag-test/data')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('slips', () => {
  test('a saved slip loads by id and as last; files are private and no temporary file is left', async () => {
    const bytes = Uint8Array.from([0x1b, 0x40, 0x41, 0x0a, 0x1d, 0x56, 0x00]);
    await saveSlip(tmp.dir, 'J00000001', bytes, meta);
    await saveSlip(tmp.dir, 'J00000002', Uint8Array.of(1, 2, 3), { ...meta, code: '05' });
    expect(await loadSlip(tmp.dir, 'J00000001')).toEqual({ id: 'J00000001', bytes, meta });
    expect(await loadSlip(tmp.dir, 'last')).toMatchObject({ id: 'J00000002', meta: { code: '05' } });
    const slips = join(tmp.dir, 'slips');
    expect(readdirSync(slips).sort()).toEqual(['J00000001.escpos', 'J00000001.json', 'J00000002.escpos', 'J00000002.json', 'last']);
    expect(statSync(join(slips, 'J00000001.escpos')).mode & 0o777).toBe(0o600);
    expect(statSync(tmp.dir).mode & 0o777).toBe(0o700);
  });

  test('unknown ids, no last, half-written slips and unsafe names load as null', async () => {
    expect(await loadSlip(tmp.dir, 'last')).toBeNull();
    expect(await loadSlip(tmp.dir, 'J00000009')).toBeNull();
    expect(await loadSlip(tmp.dir, '../journal')).toBeNull();
    await saveSlip(tmp.dir, 'J00000001', Uint8Array.of(1), meta);
    writeFileSync(join(tmp.dir, 'slips', 'J00000003.escpos'), 'x'); // bytes without their meta
    expect(await loadSlip(tmp.dir, 'J00000003')).toBeNull();
  });

  test.each([
    ['an empty object', '{}'],
    ['a paper width no printer has', JSON.stringify({ ...meta, paperWidth: 72 })],
    ['the width as text', JSON.stringify({ ...meta, paperWidth: '58' })],
    ['a code that is not text', JSON.stringify({ ...meta, code: 96 })],
    ['no time', JSON.stringify({ ...meta, time: undefined })],
    ['null', 'null'],
    ['not JSON', '{"paperWidth":'],
  ])('a damaged description (%s) is a damaged slip: null', async (_name, text) => {
    await saveSlip(tmp.dir, 'J00000001', Uint8Array.of(1), meta);
    writeFileSync(join(tmp.dir, 'slips', 'J00000001.json'), text);
    expect(await loadSlip(tmp.dir, 'J00000001')).toBeNull();
    expect(await loadSlip(tmp.dir, 'last')).toBeNull();
  });

  test('new slip ids are slip names, differ at once, and pass the journal scrubber untouched', () => {
    const times = [new Date('2024-05-01T02:15:00.000Z'), new Date('2049-12-31T23:59:59.999Z'), new Date(0)];
    const ids = times.flatMap((t) => Array.from({ length: 300 }, () => newSlipId(t)));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^S\d{8}T\d{6}-[0-9a-f]{6}$/);
      expect(isSlipId(id)).toBe(true);
      expect(scrubRecord({ slip: { id } })).toEqual({ slip: { id } });
    }
  });

  test('an unsafe id is refused on save', async () => {
    const err = await saveSlip(tmp.dir, '../../etc/x', Uint8Array.of(1), meta).catch((e: unknown) => e);
    expect(isHalError(err, 'Usage_Invalid')).toBe(true);
  });

  test('the stored bytes are exactly the bytes printed: a merchant id with a Luhn-valid stretch stays whole', async () => {
    // 898310048990001 holds a 13-digit stretch that passes Luhn; a byte scrubber masked it on reprints.
    const bytes = Buffer.from('\x1b@MERCHANT 898310048990001\n\x1dv0\x00\x01\x00\x01\x004111111111111111', 'latin1');
    await saveSlip(tmp.dir, 'J00000001', bytes, meta);
    expect(readFileSync(join(tmp.dir, 'slips', 'J00000001.escpos'))).toEqual(bytes);
    expect(Buffer.from((await loadSlip(tmp.dir, 'J00000001'))!.bytes)).toEqual(bytes);
  });
});

describe('print queue on disk', () => {
  const printed: PrintResult = { state: 'printed', status: {}, bytes: 4, ms: 5, confirmed: true };
  const paperOut: PrintResult = { state: 'not-printed', reason: 'paper-end', partial: true };

  test('a slip waiting for paper survives a reboot and is printed whole afterwards', async () => {
    const slip = Uint8Array.from([0x1b, 0x40, 0xb2, 0xe2, 0x0a, 0x1d, 0x56, 0x00]);
    const before = new PrintQueue(journalJobStore(tmp.dir));
    expect(await before.submit('J00000007', slip, async () => paperOut)).toMatchObject({ state: 'queued', reason: 'paper-end' });
    expect(JSON.parse(readFileSync(join(tmp.dir, 'print-queue.json'), 'utf8'))).toMatchObject({
      version: 1,
      jobs: [{ id: 'J00000007', bytes: Buffer.from(slip).toString('base64'), attempts: 1, lastReason: 'paper-end' }],
    });

    // Reboot: a new queue on the same directory.
    const after = new PrintQueue(journalJobStore(tmp.dir));
    expect(await after.pending()).toEqual([{ id: 'J00000007', bytes: slip, attempts: 1, lastReason: 'paper-end', queuedAt: expect.any(Number) }]);
    // Its age counts from when it was first queued, across the reboot.
    const stored = JSON.parse(readFileSync(join(tmp.dir, 'print-queue.json'), 'utf8')) as { jobs: Array<{ queuedAt: number }> };
    expect((await after.pending())[0].queuedAt).toBe(stored.jobs[0].queuedAt);
    const sent: Uint8Array[] = [];
    const out = await after.flush(async (bytes) => {
      sent.push(bytes);
      return printed;
    });
    expect(out).toEqual([{ id: 'J00000007', state: 'printed', attempts: 2, confirmed: true }]);
    expect(sent).toEqual([slip]);
    expect(await new PrintQueue(journalJobStore(tmp.dir)).pending()).toEqual([]);
  });

  test("a slip whose printing process was killed is given up as interrupted, never sent again; a live printer's claim is left alone", async () => {
    const deadPid = spawnSync(process.execPath, ['-e', '']).pid!;
    const store = journalJobStore(tmp.dir);
    const live = store.claimToken!();
    const dead = live.replace(/^v2 \d+ /, `v2 ${deadPid} `);
    expect([store.claimGone!(live), store.claimGone!(dead), store.claimGone!(live.replace(/^(v2 \d+ )\S+/, '$1another-boot'))]).toEqual([false, true, true]);
    await store.save([
      { id: 'cut-off', bytes: Uint8Array.of(1), attempts: 0, queuedAt: Date.now(), claim: dead },
      { id: 'printing', bytes: Uint8Array.of(2), attempts: 0, queuedAt: Date.now(), claim: live },
    ]);
    const sent: number[] = [];
    const out = await new PrintQueue(journalJobStore(tmp.dir)).submitReporting('new', Uint8Array.of(3), async (b) => (sent.push(b[0]!), printed));
    expect(sent).toEqual([3]);
    expect(out.earlier).toEqual([{ id: 'cut-off', state: 'dropped', attempts: 0, reason: 'interrupted', why: 'interrupted' }]);
    expect((await store.load()).map((j) => [j.id, j.claim])).toEqual([['printing', live]]);
    expect(readdirSync(tmp.dir).filter((n) => n.includes('.lock'))).toEqual([]);
  });

  test('a missing or damaged queue file is an empty queue', async () => {
    expect(await journalJobStore(tmp.dir).load()).toEqual([]);
    writeFileSync(join(tmp.dir, 'print-queue.json'), '{"jobs": [ {"id": "a", "bytes"');
    expect(await journalJobStore(tmp.dir).load()).toEqual([]);
    writeFileSync(join(tmp.dir, 'print-queue.json'), '{"jobs": [{"id": 3}, {"id": "b", "bytes": "AQI=", "attempts": 0}]}');
    expect(await journalJobStore(tmp.dir).load()).toEqual([{ id: 'b', bytes: Uint8Array.of(1, 2), attempts: 0 }]);
  });
});
