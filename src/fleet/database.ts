/** Opens the fleet database the settings name, its tables made if missing. */
import type { DatabaseSettings } from './config';
import { openPostgres } from './postgres-driver';
import { openSqlite } from './sqlite-driver';
import { FleetStore } from './store';

export async function openFleetStore(db: DatabaseSettings): Promise<FleetStore> {
  let store: FleetStore;
  try {
    store = new FleetStore(db.kind === 'sqlite' ? openSqlite(db.path) : await openPostgres(db.url));
  } catch (err) {
    // The URL may carry a password: only the kind and the driver's message are said. Not a HalError: the
    // terminal's error codes each carry a message for the cashier's screens; this one exits 1 like any failure.
    throw new Error(`cannot open the fleet database (${db.kind}): ${(err as Error).message}`, { cause: err });
  }
  await store.migrate();
  return store;
}
