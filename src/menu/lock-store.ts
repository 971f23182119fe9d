/**
 * The lockout state on disk: `<dataDir>/menu-lock.json`, written atomically (temporary file, fsync,
 * rename, fsync of the directory; see journal/durable-file.ts) so that a power cut leaves either the
 * old or the new state, never half a file, and a failed write leaves no temporary file behind.
 *
 * A lockout's end is kept twice: as wall-clock time (`lockedUntil`, what survives a reboot) and, with
 * the boot it belongs to, on the system's monotonic clock (`boot.until`), which no one can set. Read back
 * during the same boot, the monotonic end decides and is handed out as wall-clock time again, so
 * setting the terminal's clock forward (or back) between two menus neither ends a lockout nor stretches
 * it. After a reboot the monotonic clock starts again and the wall clock is all there is.
 */
import { readDataFile } from '../files/data-file';
import { FILE_LIMITS } from '../files/limits';
import { join } from 'node:path';
import { writeFileAtomic } from '../journal/durable-file';
import { ensureDataDir } from '../journal/data-dir';
import { withFileLock } from '../journal/lock-file';
import { bootId, monoNowMs } from '../journal/boot';
import { damagedLockState, LockoutOptions, LockState, parseLockState, UNLOCKED } from './lockout';

export const LOCK_FILE = 'menu-lock.json';

/** Where the store reads the time. */
export interface LockClocks {
  /** Wall-clock ms, the clock the lockout state is kept in. */
  wallNow(): number;
  /** Ms on the system's monotonic clock: shared by every process of one boot, never set. */
  monoNow(): number;
  /** Which boot monoNow belongs to; null where the system does not say (the wall clock alone counts). */
  bootId: string | null;
}

/** The system's clocks (see journal/boot.ts): every process of one boot reads the same monotonic time. */
export function systemLockClocks(): LockClocks {
  return { wallNow: () => Date.now(), monoNow: monoNowMs, bootId: bootId() };
}

interface BootMark {
  id: string;
  /** The lockout's end on that boot's monotonic clock. */
  until: number;
}

function bootMark(value: unknown): BootMark | null {
  const b = value as Partial<BootMark> | null;
  return typeof b === 'object' && b !== null && typeof b.id === 'string' && Number.isSafeInteger(b.until) ? (b as BootMark) : null;
}

export interface LockStore {
  load(): Promise<LockState>;
  save(state: LockState): Promise<void>;
  /**
   * Read, change and write the state as one step against every other menu on this terminal: `change`
   * sees the state as the others left it and returns the state to save (saved only when it differs)
   * and what to hand back. Throws when the state cannot be read under the lock or saved.
   */
  update<T>(change: (current: LockState) => { state: LockState; result: T }): Promise<T>;
}

const same = (a: LockState, b: LockState) => a.failures === b.failures && a.lockouts === b.lockouts && a.lockedUntil === b.lockedUntil;

export function fileLockStore(dataDir: string, options: LockoutOptions, clocks: LockClocks = systemLockClocks()): LockStore {
  const path = join(dataDir, LOCK_FILE);
  /** The stored lockout's end in today's wall-clock time, when it was stored during this boot. */
  const onThisBoot = (state: LockState, mark: BootMark | null): LockState => {
    if (!mark || clocks.bootId === null || mark.id !== clocks.bootId) return state;
    const left = mark.until - clocks.monoNow();
    return { ...state, lockedUntil: left > 0 ? clocks.wallNow() + left : 0 };
  };
  const store: LockStore = {
    async load() {
      let text: string;
      try {
        // A FIFO, device, link or oversized file in its place is set aside; damage never lifts a lockout.
        const read = readDataFile(path, FILE_LIMITS.menuLock);
        if (read.state === 'missing') return { ...UNLOCKED };
        if (read.state === 'damaged') return damagedLockState(options);
        text = read.data.toString('utf8');
      } catch {
        return damagedLockState(options);
      }
      try {
        const json: unknown = JSON.parse(text);
        const state = parseLockState(json);
        return state ? onThisBoot(state, bootMark((json as { boot?: unknown }).boot)) : damagedLockState(options);
      } catch {
        return damagedLockState(options);
      }
    },
    async save(state) {
      await ensureDataDir(dataDir);
      const left = state.lockedUntil - clocks.wallNow();
      const boot: BootMark | undefined = left > 0 && clocks.bootId !== null ? { id: clocks.bootId, until: clocks.monoNow() + left } : undefined;
      await writeFileAtomic(path, JSON.stringify(boot ? { ...state, boot } : state) + '\n');
    },
    async update(change) {
      // Held for a read and a write of a few bytes: a lock older than 4 s belongs to a dead process.
      // (Taking the lock creates the data directory when it is missing.)
      return withFileLock(
        `${path}.lock`,
        async () => {
          const current = await store.load();
          const { state, result } = change(current);
          if (!same(state, current)) await store.save(state);
          return result;
        },
        { staleMs: 4000, timeoutMs: 6000 },
      );
    },
  };
  return store;
}

/** In memory, for tests and for a terminal with no writable data directory. */
export function memoryLockStore(initial: LockState = UNLOCKED): LockStore & { state: LockState } {
  const store = {
    state: { ...initial },
    load: async () => ({ ...store.state }),
    save: async (s: LockState) => {
      store.state = { ...s };
    },
    // One process, and no await between reading and writing: nothing can come in between.
    update: async <T>(change: (current: LockState) => { state: LockState; result: T }) => {
      const { state, result } = change({ ...store.state });
      store.state = { ...state };
      return result;
    },
  };
  return store;
}
