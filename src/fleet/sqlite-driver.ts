/**
 * The embedded fleet database: SQLite through better-sqlite3 (a native addon, kept out of every bundle
 * and required only when a fleet command opens SQLite). WAL with synchronous=NORMAL: a commit survives a
 * crash of posdiag; a power cut may lose the last commits, which were then never acknowledged either
 * (the ack is published after the commit returns), so the terminals send them again.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SqlDriver, SqlRunner } from './store';

type Database = import('better-sqlite3').Database;

export function openSqlite(path: string): SqlDriver {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const BetterSqlite = require('better-sqlite3') as typeof import('better-sqlite3');
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db: Database = new BetterSqlite(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  const cache = new Map<string, import('better-sqlite3').Statement>();
  const prepared = (sql: string) => {
    let s = cache.get(sql);
    if (!s) cache.set(sql, (s = db.prepare(sql)));
    return s;
  };
  const runner: SqlRunner = {
    run: async (sql, params) => prepared(sql).run(...(params as unknown[])).changes,
    all: async <T>(sql: string, params: readonly unknown[]) => prepared(sql).all(...(params as unknown[])) as T[],
  };
  let inTx = false;
  return {
    kind: 'sqlite',
    ...runner,
    exec: async (sql) => void db.exec(sql),
    async transaction(fn) {
      // One writer: the ingest serialises its commits, so a second transaction here is a bug, not a wait.
      if (inTx) throw new Error('sqlite: nested transaction');
      inTx = true;
      db.exec('begin immediate');
      try {
        const out = await fn(runner);
        db.exec('commit');
        return out;
      } catch (err) {
        if (db.inTransaction) db.exec('rollback');
        throw err;
      } finally {
        inTx = false;
      }
    },
    close: async () => void db.close(),
  };
}
