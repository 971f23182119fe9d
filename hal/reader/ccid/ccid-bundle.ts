/**
 * The chip reader's driver and check (about 20 KB) live outside dist/cli.js: build.mjs puts them in
 * dist/ccid.js (defining POSDIAG_CCID_BUNDLE as that file's name) and the `ccid` reader kind requires it
 * from there on its first check. From the TypeScript sources (jest, tsc) it is a plain require.
 */
import { join } from 'node:path';

export type CcidRunner = typeof import('./ccid-run');

declare const POSDIAG_CCID_BUNDLE: string | undefined;

let loaded: CcidRunner | undefined;

/** The runner; a dist/cli.js copied without dist/ccid.js fails the chip reader's check with the require error. */
export function loadCcidRunner(): CcidRunner {
  if (loaded) return loaded;
  // A computed path: the bundler leaves this require alone, Node resolves it next to the running bundle.
  loaded = (typeof POSDIAG_CCID_BUNDLE !== 'string' ? require('./ccid-run') : require(join(__dirname, POSDIAG_CCID_BUNDLE))) as CcidRunner;
  return loaded;
}
