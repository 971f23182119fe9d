/** menu-lock.json: survives a new store (a restart), missing is unlocked, damaged is one short of a lockout. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileLockStore, LOCK_FILE } from '../../../src/menu/lock-store';
import { resolveLockoutOptions, UNLOCKED } from '../../../src/menu/lockout';

const o = resolveLockoutOptions();
let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'posdiag-lock-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('no file: unlocked', async () => {
  await expect(fileLockStore(dir, o).load()).resolves.toEqual(UNLOCKED);
});

test('saved state is read back by a new store, file private', async () => {
  const sub = join(dir, 'data');
  await fileLockStore(sub, o).save({ failures: 0, lockouts: 2, lockedUntil: 123456 });
  await expect(fileLockStore(sub, o).load()).resolves.toEqual({ failures: 0, lockouts: 2, lockedUntil: 123456 });
  expect(statSync(join(sub, LOCK_FILE)).mode & 0o777).toBe(0o600);
  expect(statSync(sub).mode & 0o777).toBe(0o700);
  expect(JSON.parse(readFileSync(join(sub, LOCK_FILE), 'utf8'))).toEqual({ failures: 0, lockouts: 2, lockedUntil: 123456 });
});

test.each([['{"failures":'], ['"hello"'], ['{"failures":-3,"lockouts":0,"lockedUntil":0}']])(
  'damaged file %j: one wrong PIN short of a lockout',
  async (text) => {
    writeFileSync(join(dir, LOCK_FILE), text);
    await expect(fileLockStore(dir, o).load()).resolves.toEqual({ failures: 4, lockouts: 0, lockedUntil: 0 });
  },
);

test('a save that fails leaves no temporary file behind', async () => {
  const store = fileLockStore(dir, o);
  await store.save({ failures: 2, lockouts: 0, lockedUntil: 0 });
  // The rename cannot replace a directory: the save fails after the temporary file was written.
  rmSync(join(dir, LOCK_FILE));
  mkdirSync(join(dir, LOCK_FILE, 'x'), { recursive: true });
  await expect(store.save({ failures: 3, lockouts: 0, lockedUntil: 0 })).rejects.toThrow();
  expect(readdirSync(dir)).toEqual([LOCK_FILE]);
});

test('an update on a data directory not made yet creates it, private', async () => {
  const sub = join(dir, 'new', 'data');
  await expect(fileLockStore(sub, o).update((s) => ({ state: { ...s, failures: 1 }, result: 'saved' }))).resolves.toBe('saved');
  expect(statSync(sub).mode & 0o777).toBe(0o700);
  expect(readdirSync(sub)).toEqual([LOCK_FILE]);
});
