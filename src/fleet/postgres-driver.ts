/**
 * The fleet database beyond one machine: PostgreSQL through `pg` (required only when a fleet command
 * opens PostgreSQL). The store's SQL writes placeholders as `?`; they are numbered here ($1, $2, …).
 */
import type { SqlDriver, SqlRunner } from './store';

/** `?` → `$n`, outside quoted strings (the store's SQL has no `?` inside one, but a literal must not break). */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  let quoted = false;
  let out = '';
  for (const ch of sql) {
    if (ch === "'") quoted = !quoted;
    out += ch === '?' && !quoted ? `$${++n}` : ch;
  }
  return out;
}

export async function openPostgres(url: string): Promise<SqlDriver> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Pool, types } = require('pg') as typeof import('pg');
  // bigint columns (ms since 1970, seq) as numbers: they stay far below 2^53.
  types.setTypeParser(20, (v: string) => Number(v));
  const pool = new Pool({ connectionString: url, max: 4 });
  // A dead server must fail the command, not an unhandled 'error' event of an idle client.
  pool.on('error', () => undefined);
  const text = new Map<string, string>();
  const numbered = (sql: string) => {
    let t = text.get(sql);
    if (t === undefined) text.set(sql, (t = numberPlaceholders(sql)));
    return t;
  };
  const on = (c: { query: import('pg').Pool['query'] }): SqlRunner => ({
    run: async (sql, params) => (await c.query(numbered(sql), params as unknown[])).rowCount ?? 0,
    all: async <T>(sql: string, params: readonly unknown[]) => (await c.query(numbered(sql), params as unknown[])).rows as T[],
  });
  await pool.query('select 1');
  return {
    kind: 'postgres',
    ...on(pool),
    exec: async (sql) => void (await pool.query(sql)),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const out = await fn(on(client as unknown as { query: import('pg').Pool['query'] }));
        await client.query('commit');
        return out;
      } catch (err) {
        await client.query('rollback').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
