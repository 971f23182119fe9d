/** The menu state machine with stub services and a fake clock: PIN entry, lockout, items, cancel, idle. */
import { FakeClock } from '../../../mocks/fake-clock';
import type { Clock } from '../../../hal/clock';
import type { SelfTestResult } from '../../../hal/selfcheck';
import { memoryLockStore } from '../../../src/menu/lock-store';
import { MenuKey, MenuModel, Screen } from '../../../src/menu/model';
import type { MenuEvent, MenuServices, TestHooks } from '../../../src/menu/services';

const RIGHT = '2468';
const PASS: SelfTestResult = {
  devices: [{ device: 'printer', status: 'pass', ms: 12, findings: [{ id: 'printer.test-page', status: 'pass', message: 'check.printer.test-page.printed' }] }],
  ms: 12,
};

function stubs(over: Partial<MenuServices> = {}) {
  const events: Array<[MenuEvent, string | undefined]> = [];
  const lockStore = memoryLockStore();
  const calls: string[] = [];
  const services: MenuServices = {
    verifyPin: async (pin) => pin === RIGHT,
    lockStore,
    selfTest: async (scope, hooks) => {
      calls.push(`selfTest:${scope}`);
      for (const d of ['modem', 'network']) hooks.onDevice({ device: d, state: 'running' });
      hooks.onDevice({ device: 'modem', state: 'done', status: 'pass', ms: 5 });
      hooks.onDevice({ device: 'network', state: 'done', status: 'fail', ms: 7 });
      return {
        devices: [
          { device: 'modem', status: 'pass', ms: 5, findings: [] },
          { device: 'network', status: 'fail', ms: 7, findings: [] },
        ],
        ms: 7,
      };
    },
    readerTest: async (windowMs) => {
      calls.push(`reader:${windowMs}`);
      return PASS;
    },
    printerTestPage: async () => {
      calls.push('printer');
      return PASS;
    },
    reprintLast: async () => ({ state: 'printed', slipId: '000042' }),
    listJournal: async (limit) => [{ seq: 1, time: '2026-11-22T10:00:00+08:00', kind: 'menu', summary: `limit ${limit}` }],
    record: async (event, detail) => void events.push([event, detail]),
    ...over,
  };
  return { services, events, lockStore, calls };
}

const digit = (d: string): MenuKey => ({ kind: 'digit', digit: d });
const ENTER: MenuKey = { kind: 'enter' };
const CANCEL: MenuKey = { kind: 'cancel' };

async function type(m: MenuModel, text: string) {
  for (const ch of text) await m.press(digit(ch));
  await m.press(ENTER);
}

/** `wall.ms` moves the wall clock against the fake clock's steady time (someone sets the time). */
async function started(over: Partial<MenuServices> = {}, clock = new FakeClock(), wall = { ms: 0 }) {
  const s = stubs(over);
  const wallClock: Clock = { now: () => clock.now() + wall.ms, setTimeout: (f, ms) => clock.setTimeout(f, ms), clearTimeout: (h) => clock.clearTimeout(h) };
  const m = new MenuModel(s.services, wallClock, { monotonicNow: () => clock.now() });
  const screens: Screen[] = [];
  m.subscribe((x) => screens.push(x));
  await m.start();
  return { ...s, m, clock, screens };
}

afterEach(() => jest.useRealTimers());

test('right PIN opens the main menu and is journaled; the screen only ever knows the digit count', async () => {
  const t = await started();
  await type(t.m, RIGHT);
  expect(t.m.screen).toEqual({ kind: 'main' });
  expect(t.events).toEqual([['pin-ok', undefined]]);
  expect(JSON.stringify(t.screens)).not.toContain(RIGHT);
  expect(t.screens.filter((s) => s.kind === 'pin').map((s) => (s as { digits: number }).digits)).toEqual([0, 1, 2, 3, 4, 0]);
});

test('keys typed while the PIN is checked are kept and handled after, in order', async () => {
  const t = await started();
  for (const ch of RIGHT) await t.m.press(digit(ch));
  const check = t.m.press(ENTER);
  const keys = [t.m.press(digit('4')), t.m.press(ENTER)]; // item 4, then Enter on its result
  await Promise.all([check, ...keys]);
  expect(t.calls).toEqual(['printer']);
  expect(t.m.screen).toEqual({ kind: 'main' });
});

test('Backspace corrects, a short PIN is refused without costing an attempt', async () => {
  const t = await started();
  await t.m.press(digit('1'));
  await t.m.press(digit('2'));
  await t.m.press({ kind: 'backspace' });
  expect(t.m.screen).toMatchObject({ kind: 'pin', digits: 1 });
  await t.m.press(ENTER);
  expect(t.m.screen).toMatchObject({ kind: 'pin', notice: 'short', attemptsLeft: 5 });
  expect(t.lockStore.state.failures).toBe(0);
});

test('a wrong PIN says so, counts, and is journaled without the PIN', async () => {
  const t = await started();
  await type(t.m, '1111');
  expect(t.m.screen).toMatchObject({ kind: 'pin', notice: 'wrong', attemptsLeft: 4, digits: 0 });
  expect(t.events).toEqual([['pin-wrong', 'attempt 1']]);
  expect(t.lockStore.state).toEqual({ failures: 1, lockouts: 0, lockedUntil: 0 });
});

test('the attempt is saved before the PIN is checked (a kill mid-check still costs it)', async () => {
  let seenDuringVerify = -1;
  const t = await started({
    verifyPin: async () => {
      seenDuringVerify = t.lockStore.state.failures;
      return false;
    },
  });
  await type(t.m, '9999');
  expect(seenDuringVerify).toBe(1);
});

test('five wrong PINs lock for 30 s: entry refused, countdown, then open again; right PIN clears', async () => {
  const clock = new FakeClock();
  const t = await started({}, clock);
  for (let i = 0; i < 5; i++) await type(t.m, '0000');
  expect(t.m.screen).toMatchObject({ kind: 'pin', notice: 'locked', lockedMs: 30_000 });
  expect(t.events.map((e) => e[0])).toEqual(['pin-wrong', 'pin-wrong', 'pin-wrong', 'pin-wrong', 'pin-wrong', 'lockout']);
  expect(t.events[5]).toEqual(['lockout', 'lockout 1, 30 s']);
  await type(t.m, RIGHT); // refused while locked, not even checked
  expect(t.m.screen).toMatchObject({ kind: 'pin', notice: 'locked' });
  await clock.advance(10_000);
  expect(t.m.screen).toMatchObject({ kind: 'pin', lockedMs: 20_000 });
  await clock.advance(20_000);
  expect(t.m.screen).toMatchObject({ kind: 'pin', notice: null, lockedMs: 0, attemptsLeft: 1 });
  await type(t.m, '0000');
  expect(t.events.at(-1)).toEqual(['lockout', 'lockout 2, 60 s']);
  await clock.advance(60_000);
  await type(t.m, RIGHT);
  expect(t.m.screen).toEqual({ kind: 'main' });
  expect(t.lockStore.state).toEqual({ failures: 0, lockouts: 0, lockedUntil: 0 });
  await t.m.close();
});

test('a restart while locked stays locked (state from the store)', async () => {
  const clock = new FakeClock();
  await clock.advance(5_000);
  const t = await started({ lockStore: memoryLockStore({ failures: 0, lockouts: 1, lockedUntil: 20_000 }) }, clock);
  expect(t.m.screen).toMatchObject({ kind: 'pin', notice: 'locked', lockedMs: 15_000 });
  await t.m.close();
});

test('a lockout left half done by a kill is finished and journaled at start', async () => {
  const t = await started({ lockStore: memoryLockStore({ failures: 5, lockouts: 0, lockedUntil: 0 }) });
  expect(t.m.screen).toMatchObject({ kind: 'pin', notice: 'locked' });
  expect(t.events).toEqual([['lockout', 'lockout 1, 30 s']]);
  await t.m.close();
});

test.each([
  ['1', 'selfTest:full', 'selftest: fail'],
  ['2', 'selfTest:modem-network', 'modem-network: fail'],
  ['3', 'reader:10000', 'reader: pass'],
  ['4', 'printer', 'printer-page: pass'],
])('item %s runs %s and journals "%s"', async (key, call, detail) => {
  const t = await started();
  await type(t.m, RIGHT);
  await t.m.press(digit(key));
  expect(t.calls).toEqual([call]);
  expect(t.m.screen).toMatchObject({ kind: 'result', result: { kind: 'checks' } });
  expect(t.events.at(-1)).toEqual(['test', detail]);
  await t.m.press(ENTER);
  expect(t.m.screen).toEqual({ kind: 'main' });
});

test('progress: each device shows running, then its status, in a stable order', async () => {
  const t = await started();
  await type(t.m, RIGHT);
  await t.m.press(digit('2'));
  const running = t.screens
    .filter((s) => s.kind === 'running')
    .map((s) => (s as { devices: Array<{ device: string; state: string }> }).devices.map((d) => `${d.device}:${d.state}`).join(' '));
  expect(running).toEqual(['', 'modem:running', 'modem:running network:running', 'modem:done network:running', 'modem:done network:done']);
});

test('reprint and journal items', async () => {
  const t = await started();
  await type(t.m, RIGHT);
  await t.m.press(digit('5'));
  expect(t.m.screen).toMatchObject({ kind: 'result', result: { kind: 'reprint', outcome: { state: 'printed' } } });
  expect(t.events.at(-1)).toEqual(['reprint', 'reprint: printed']);
  await t.m.press(CANCEL);
  await t.m.press(digit('6'));
  expect(t.m.screen).toMatchObject({ kind: 'result', result: { kind: 'journal', lines: [{ summary: 'limit 10' }] } });
});

test('Cancel during the reader test aborts it and shows cancelled', async () => {
  let hooksSeen: TestHooks | null = null;
  const t = await started({
    readerTest: (_ms, hooks) =>
      new Promise((_resolve, reject) => {
        hooksSeen = hooks;
        hooks.signal.addEventListener('abort', () => reject(hooks.signal.reason));
      }),
  });
  await type(t.m, RIGHT);
  const running = t.m.press(digit('3'));
  expect(t.m.screen).toMatchObject({ kind: 'running', item: 'reader', readerWindowMs: 10_000 });
  await t.m.press(digit('1')); // ignored while running
  await t.m.press(CANCEL);
  await running;
  expect(hooksSeen!.signal.aborted).toBe(true);
  expect(t.m.screen).toMatchObject({ kind: 'result', result: { kind: 'cancelled' } });
  expect(t.events.at(-1)).toEqual(['test', 'reader: cancelled']);
});

test('a service that throws shows an error result, the menu carries on', async () => {
  const t = await started({ printerTestPage: async () => Promise.reject(new Error('port gone')) });
  await type(t.m, RIGHT);
  await t.m.press(digit('4'));
  expect(t.m.screen).toMatchObject({ kind: 'result', result: { kind: 'error', message: 'port gone' } });
});

test('a journal that cannot be written does not stop the menu', async () => {
  const t = await started({ record: async () => Promise.reject(new Error('disk full')) });
  await type(t.m, RIGHT);
  expect(t.m.screen).toEqual({ kind: 'main' });
});

test('0 or Cancel on the main menu exits, journaled; Cancel on PIN entry exits too', async () => {
  const t = await started();
  await type(t.m, RIGHT);
  await t.m.press(digit('0'));
  await expect(t.m.done).resolves.toBe('user');
  expect(t.events.at(-1)).toEqual(['exit', 'user']);
  const u = await started();
  await u.m.press(CANCEL);
  expect(u.m.screen).toEqual({ kind: 'exit', reason: 'user' });
  expect(u.clock.pending()).toBe(0);
});

test('idle for the idle time closes the menu; a key press restarts the wait', async () => {
  const t = await started();
  await type(t.m, RIGHT);
  await t.clock.advance(119_000);
  await t.m.press(digit('9')); // not an item, but a key
  await t.clock.advance(119_000);
  expect(t.m.screen).toEqual({ kind: 'main' });
  await t.clock.advance(1_000);
  await expect(t.m.done).resolves.toBe('idle');
  expect(t.events.at(-1)).toEqual(['exit', 'idle']);
});

test.each([
  [{ readerWindowMs: 500 }, 'menu.readerWindowMs'],
  [{ idleMs: 1 }, 'menu.idleMs'],
  [{ journalLines: 0 }, 'menu.journalLines'],
  [{ lockout: { maxAttempts: 100 } }, 'lockout.maxAttempts'],
])('bad option %j is refused, naming %s', (opts, field) => {
  expect(() => new MenuModel(stubs().services, new FakeClock(), opts)).toThrow(expect.objectContaining({ code: 'Config_Invalid', context: { field } }));
});

describe('a lock state that cannot be saved keeps the menu closed, with a message (fail closed)', () => {
  const failing = (failFrom: number) => {
    const store = memoryLockStore();
    const update = store.update;
    let n = 0;
    store.update = (change) => (++n >= failFrom ? Promise.reject(new Error('EROFS: read-only file system')) : update(change));
    return store;
  };

  test('the attempt cannot be counted: the PIN is not checked, the screen says why', async () => {
    let checked = 0;
    const t = await started({ lockStore: failing(2), verifyPin: async (pin) => (checked++, pin === RIGHT) });
    await type(t.m, RIGHT);
    expect(checked).toBe(0);
    expect(t.m.screen).toMatchObject({ kind: 'pin', notice: 'unavailable', digits: 0 });
    // Entry stays open: the next try saves again, and is refused again.
    await type(t.m, RIGHT);
    expect(t.m.screen).toMatchObject({ kind: 'pin', notice: 'unavailable' });
    await t.m.close();
  });

  test('a right PIN whose clearing cannot be saved does not open the menu', async () => {
    const t = await started({ lockStore: failing(3) });
    await type(t.m, RIGHT);
    expect(t.m.screen).toMatchObject({ kind: 'pin', notice: 'unavailable' });
    expect(t.events).toEqual([]);
    await t.m.close();
  });

  test('the state cannot be read at start: PIN entry shows the message', async () => {
    const t = await started({ lockStore: failing(1) });
    expect(t.m.screen).toMatchObject({ kind: 'pin', notice: 'unavailable' });
    await t.m.close();
  });
});

test('setting the wall clock forward or back does not end or stretch a lockout in the running menu', async () => {
  const clock = new FakeClock();
  const NOW = Date.parse('2026-11-22T10:00:00+08:00'); // a real wall time: the stored lock end is absolute
  const wall = { ms: NOW };
  let checked = 0;
  const t = await started({ verifyPin: async (pin) => (checked++, pin === RIGHT) }, clock, wall);
  for (let i = 0; i < 5; i++) await type(t.m, '0000');
  expect(t.m.screen).toMatchObject({ kind: 'pin', notice: 'locked', lockedMs: 30_000 });
  await clock.advance(5_000);
  wall.ms = NOW + 3_600_000; // an hour forward: by the wall clock the lockout ended long ago
  await type(t.m, RIGHT);
  expect(checked).toBe(5);
  expect(t.m.screen).toMatchObject({ kind: 'pin', notice: 'locked', lockedMs: 25_000 });
  wall.ms = NOW - 3_600_000; // an hour back: the lockout still ends on time
  await clock.advance(25_000);
  expect(t.m.screen).toMatchObject({ kind: 'pin', notice: null, lockedMs: 0 });
  await type(t.m, RIGHT);
  expect(t.m.screen).toEqual({ kind: 'main' });
  await t.m.close();
});
