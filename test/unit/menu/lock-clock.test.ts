/**
 * A lockout survives the terminal's clock being set between two menus: during one boot its end is
 * kept on the monotonic clock (menu-lock.json's `boot`), after a reboot on the wall clock.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeClock } from '../../../mocks/fake-clock';
import { fileLockStore, LOCK_FILE, systemLockClocks, type LockClocks } from '../../../src/menu/lock-store';
import { resolveLockoutOptions, viewLock } from '../../../src/menu/lockout';
import { MenuModel } from '../../../src/menu/model';
import type { MenuServices } from '../../../src/menu/services';
import { pinOnlyServices } from '../../helpers/menu-services';

const o = resolveLockoutOptions(); // 5 wrong PINs lock for 30 s
let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'posdiag-lock-clock-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const WALL = Date.UTC(2026, 10, 22, 4, 0, 0);
const HOUR = 3_600_000;

/** Settable clocks: the wall clock as a technician could set it, the monotonic one as time really passes. */
function clocks(bootId: string | null = 'boot-1') {
  const c = { wall: WALL, mono: 5_000_000, bootId };
  const view: LockClocks = { wallNow: () => c.wall, monoNow: () => c.mono, bootId: c.bootId };
  return Object.assign(c, { view, pass: (ms: number) => ((c.wall += ms), (c.mono += ms)) });
}

const lockedFor30s = { failures: 0, lockouts: 1, lockedUntil: WALL + 30_000 };

test.each([
  // wall clock moved after the save, time really passed, boot of the reader -> ms still locked
  ['set forward 2 h, 10 s later, same boot', 2 * HOUR, 10_000, 'boot-1', 20_000],
  ['set back a day, 10 s later, same boot', -24 * HOUR, 10_000, 'boot-1', 20_000],
  ['untouched, 31 s later, same boot', 0, 31_000, 'boot-1', 0],
  ['set forward 2 h, after a reboot: the wall clock is all there is', 2 * HOUR, 10_000, 'boot-2', 0],
  ['untouched, 10 s later, after a reboot', 0, 10_000, 'boot-2', 20_000],
])('%s', async (_name, setBy, passed, readerBoot, lockedMs) => {
  const c = clocks();
  await fileLockStore(dir, o, c.view).save(lockedFor30s);
  c.pass(passed);
  c.wall += setBy;
  const reader = { ...c.view, bootId: readerBoot };
  const state = await fileLockStore(dir, o, reader).load();
  expect(viewLock(state, c.wall, o).remainingMs).toBe(lockedMs);
});

test('the file keeps the wall-clock end, and the monotonic end with its boot only while a lockout runs', async () => {
  const c = clocks();
  const store = fileLockStore(dir, o, c.view);
  await store.save(lockedFor30s);
  expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toEqual({ ...lockedFor30s, boot: { id: 'boot-1', until: 5_030_000 } });
  await store.save({ failures: 2, lockouts: 1, lockedUntil: WALL - 1 });
  expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toEqual({ failures: 2, lockouts: 1, lockedUntil: WALL - 1 });
});

test('without a boot id (not Linux) no monotonic end is written and the wall clock counts', async () => {
  const c = clocks(null);
  await fileLockStore(dir, o, c.view).save(lockedFor30s);
  expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toEqual(lockedFor30s);
  c.wall += 2 * HOUR;
  expect(viewLock(await fileLockStore(dir, o, c.view).load(), c.wall, o).locked).toBe(false);
});

test.each([['{"failures":0,"lockouts":1,"lockedUntil":1,"boot":{"id":7,"until":"x"}}'], ['{"failures":0,"lockouts":1,"lockedUntil":1,"boot":null}']])(
  'a malformed boot mark is ignored, the state kept: %s',
  async (text) => {
    require('node:fs').writeFileSync(join(dir, LOCK_FILE), text);
    await expect(fileLockStore(dir, o, clocks().view).load()).resolves.toEqual({ failures: 0, lockouts: 1, lockedUntil: 1 });
  },
);

test('this machine names its boot and its monotonic clock runs', () => {
  const c = systemLockClocks();
  expect(c.bootId).toMatch(/^[0-9a-f-]{36}$/);
  const a = c.monoNow();
  expect(Number.isSafeInteger(a) && a > 0).toBe(true);
  expect(c.monoNow()).toBeGreaterThanOrEqual(a);
});

function services(clock: LockClocks): MenuServices {
  return pinOnlyServices({ verifyPin: async () => false, lockStore: fileLockStore(dir, o, clock) });
}

test('five wrong PINs, the clock set forward an hour, a new menu: still locked', async () => {
  const c = clocks();
  // The menu reads the same settable wall clock (its timers never need to fire here).
  const wallClock = () => Object.assign(new FakeClock(), { now: () => c.wall });
  const first = new MenuModel(services(c.view), wallClock(), { monotonicNow: () => c.mono });
  await first.start();
  for (let i = 0; i < 5; i++) {
    for (const d of '0000') await first.press({ kind: 'digit', digit: d });
    await first.press({ kind: 'enter' });
  }
  expect(first.screen).toMatchObject({ kind: 'pin', notice: 'locked', lockedMs: 30_000 });
  await first.close();

  c.pass(5_000);
  c.wall += HOUR; // the technician sets the clock forward and starts the menu again
  const again = new MenuModel(services(c.view), wallClock(), { monotonicNow: () => c.mono });
  await again.start();
  expect(again.screen).toMatchObject({ kind: 'pin', notice: 'locked', lockedMs: 25_000 });
  await again.close();
});
