/**
 * The modem's batch runner (combined command lines and the split of their replies, about 3 KB) lives
 * outside dist/cli.js: build.mjs puts it in dist/modem-batch.js (defining POSDIAG_MODEM_BATCH_BUNDLE as
 * that file's name) and it is required from there on first use. From the TypeScript sources (jest, tsc)
 * it is a plain require.
 */
import { join } from 'node:path';

export type BatchRunner = typeof import('./batch-run');

declare const POSDIAG_MODEM_BATCH_BUNDLE: string | undefined;

/** The runner; null when dist/cli.js was copied without it (the modem check then asks one command a line). */
export function loadBatchRunner(): BatchRunner | null {
  if (typeof POSDIAG_MODEM_BATCH_BUNDLE !== 'string') return require('./batch-run') as BatchRunner;
  // A computed path: the bundler leaves this require alone, Node resolves it next to the running bundle.
  try {
    return require(join(__dirname, POSDIAG_MODEM_BATCH_BUNDLE)) as BatchRunner;
  } catch {
    return null;
  }
}
