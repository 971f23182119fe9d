/**
 * The lockout state on disk: `<dataDir>/menu-lock.json`, written atomically (temporary file, fsync,
 * rename, fsync of the directory; see journal/durable-file.ts) so that a power cut leaves either the
 * old or the new state, never half a file, and a failed write leaves no temporary file behind.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../journal/durable-file';
import { ensureDataDir } from '../journal/data-dir';
import { withFileLock } from '../journal/lock-file';
import { damagedLockState, LockoutOptions, LockState, parseLockState, UNLOCKED } from './lockout';

export const LOCK_FILE = 'menu-lock.json';

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

export function fileLockStore(dataDir: string, options: LockoutOptions): LockStore {
  const path = join(dataDir, LOCK_FILE);
  const store: LockStore = {
    async load() {
      let text: string;
      try {
        text = await fs.readFile(path, 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ...UNLOCKED };
        return damagedLockState(options);
      }
      try {
        return parseLockState(JSON.parse(text)) ?? damagedLockState(options);
      } catch {
        return damagedLockState(options);
      }
    },
    async save(state) {
      await ensureDataDir(dataDir);
      await writeFileAtomic(path, JSON.stringify(state) + '\n');
    },
    async update(change) {
      await ensureDataDir(dataDir);
      // Held for a read and a write of a few bytes: a lock older than 4 s belongs to a dead process.
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
