/** Opens the fleet database the settings name, its tables made if missing. */
import { HalError } from '../../hal/errors';
import type { DatabaseSettings } from './config';
import { openPostgres } from './postgres-driver';
import { openSqlite } from './sqlite-driver';
import { FleetStore } from './store';

export async function openFleetStore(db: DatabaseSettings): Promise<FleetStore> {
  let store: FleetStore;
  try {
    store = new FleetStore(db.kind === 'sqlite' ? openSqlite(db.path) : await openPostgres(db.url));
  } catch (err) {
    // The URL may carry a password: only the kind and the driver's message are said.
    throw new HalError('Fleet_Database', `cannot open the fleet database (${db.kind}): ${(err as Error).message}`, { kind: db.kind });
  }
  await store.migrate();
  return store;
}
