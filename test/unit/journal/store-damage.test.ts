/**
 * The stores beside the journal with damage in them: a stored slip far larger than a slip, a print
 * queue file or job beyond its limit, an oversized lock file or lockout state. Each is bounded when it
 * is written and when it is read; what is damaged is set aside and the rest keeps working.
 */
import { existsSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isHalError } from '../../../hal/errors';
import { FILE_LIMITS } from '../../../src/files/limits';
import { journalJobStore } from '../../../src/journal/job-store';
import { openJournal } from '../../../src/journal/journal';
import { loadSlip, saveSlip } from '../../../src/journal/slip-store';
import { fileLockStore } from '../../../src/menu/lock-store';
import { LOCKOUT_DEFAULTS, damagedLockState } from '../../../src/menu/lockout';
import { freshDir, menuRecord } from '../../helpers/journal-fixtures';

let tmp: ReturnType<typeof freshDir>;
beforeEach(() => (tmp = freshDir('posdiag-stores-')));
afterEach(() => tmp.remove());

const meta = { paperWidth: 58 as const, locale: 'zh-CN', code: '96', time: '2024-05-01T10:15:00.000+08:00' };
const MB20 = 20 * 1024 * 1024;

describe('a stored slip is bounded', () => {
  test('when it is stored: a slip larger than a slip can be is refused', async () => {
    const err = await saveSlip(tmp.dir, 'S1', new Uint8Array(FILE_LIMITS.slip + 1), meta).catch((e: unknown) => e);
    expect(isHalError(err, 'Usage_Invalid')).toBe(true);
    expect((err as Error).message).toMatch(/at most 16 KiB/);
    await expect(saveSlip(tmp.dir, 'S2', new Uint8Array(FILE_LIMITS.slip), meta)).resolves.toBeUndefined();
  });

  test('when it is read: a 20 MB stored slip is set aside and reads as no slip', async () => {
    await saveSlip(tmp.dir, 'S1', Uint8Array.of(0x1b, 0x40), meta);
    truncateSync(join(tmp.dir, 'slips', 'S1.escpos'), MB20);
    expect(await loadSlip(tmp.dir, 'last')).toBeNull();
    expect(readdirSync(join(tmp.dir, 'damaged'))).toEqual([expect.stringMatching(/^slips_S1\.escpos\./)]);
    expect(existsSync(join(tmp.dir, 'slips', 'S1.json'))).toBe(true); // only the damaged file moves
  });
});

describe('the print queue file', () => {
  test('a print-queue.json beyond its limit is set aside: an empty queue', async () => {
    writeFileSync(join(tmp.dir, 'print-queue.json'), '');
    truncateSync(join(tmp.dir, 'print-queue.json'), 1024 ** 3);
    expect(await journalJobStore(tmp.dir).load()).toEqual([]);
    expect(existsSync(join(tmp.dir, 'print-queue.json'))).toBe(false);
  });

  test('a waiting job larger than a slip is not loaded; the others are', async () => {
    const big = Buffer.alloc(FILE_LIMITS.slip + 1, 0x41).toString('base64');
    const doc = {
      version: 1,
      jobs: [
        { id: 'big', bytes: big, attempts: 0 },
        { id: 'ok', bytes: 'AQI=', attempts: 0 },
      ],
    };
    writeFileSync(join(tmp.dir, 'print-queue.json'), JSON.stringify(doc));
    expect((await journalJobStore(tmp.dir).load()).map((j) => j.id)).toEqual(['ok']);
  });
});

test('an oversized journal.lock (no one wrote it) is not read whole: the append goes on, and the file is gone', async () => {
  writeFileSync(join(tmp.dir, 'journal.lock'), '');
  truncateSync(join(tmp.dir, 'journal.lock'), 1024 ** 3);
  const j = openJournal(tmp.dir, { lock: { timeoutMs: 1000 } });
  expect((await j.append(menuRecord())).id).toBe('J00000001');
  expect(existsSync(join(tmp.dir, 'journal.lock'))).toBe(false);
});

test('an oversized menu-lock.json is set aside and counts as damaged: it never lifts a lockout', async () => {
  writeFileSync(join(tmp.dir, 'menu-lock.json'), '');
  truncateSync(join(tmp.dir, 'menu-lock.json'), 1024 ** 3);
  const clocks = { wallNow: () => 1_000_000, monoNow: () => 5_000, bootId: null };
  expect(await fileLockStore(tmp.dir, LOCKOUT_DEFAULTS, clocks).load()).toEqual(damagedLockState(LOCKOUT_DEFAULTS));
  expect(existsSync(join(tmp.dir, 'menu-lock.json'))).toBe(false);
});
