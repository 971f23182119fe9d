/**
 * The chip reader's driver and check (about 40 KB) live outside dist/cli.js: build.mjs puts them in
 * dist/ccid.js (defining POSDIAG_CCID_BUNDLE as that file's name) and the `ccid` reader kind requires it
 * from there on its first check. From the TypeScript sources (jest, tsc) it is a plain require.
 * Without the file the chip reader's check reports that it is not installed (a warning, not a fault).
 */
import { join } from 'node:path';

export type CcidRunner = typeof import('./ccid-run');

declare const POSDIAG_CCID_BUNDLE: string | undefined;

let loaded: CcidRunner | undefined;

/** The runner; null when dist/cli.js was copied without dist/ccid.js (the check then says it is not installed). */
export function loadCcidRunner(): CcidRunner | null {
  if (loaded) return loaded;
  if (typeof POSDIAG_CCID_BUNDLE !== 'string') return (loaded = require('./ccid-run') as CcidRunner);
  // A computed path: the bundler leaves this require alone, Node resolves it next to the running bundle.
  const file = join(__dirname, POSDIAG_CCID_BUNDLE);
  try {
    return (loaded = require(file) as CcidRunner);
  } catch (err) {
    // Only a missing file means "not installed"; a damaged one throws on, and the check runner makes a
    // finding of it (a reader fault with its reason), not a quiet warning.
    if ((err as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && String((err as Error).message).includes(file)) return null;
    throw err;
  }
}
