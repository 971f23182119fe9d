/** Menu services for tests about PIN entry: given a PIN check and a lock store, every item rejects and events go nowhere. */
import type { MenuServices } from '../../src/menu/services';

export function pinOnlyServices(given: Pick<MenuServices, 'verifyPin' | 'lockStore'> & Partial<MenuServices>): MenuServices {
  const none = () => Promise.reject(new Error('not in this test'));
  return { selfTest: none, readerTest: none, printerTestPage: none, reprintLast: none, listJournal: none, record: async () => undefined, ...given };
}
