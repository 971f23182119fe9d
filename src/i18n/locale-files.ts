/**
 * Reads one locale's texts, src/i18n/locales/<tag>.json, on first use. The bundles do not carry the
 * texts: build.mjs writes each locale beside them as dist/locales/<tag>.json, so a terminal reads only
 * the files of its own locale's fallback chain. The path is relative to this module's directory, the
 * same from the TypeScript sources (src/i18n/) and from a bundle (dist/). Read and parsed directly, not
 * required: half the time (about 1 ms for 31 KB), and nothing for the bundler to follow. This is the one
 * place i18n touches the file system.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where a locale's texts come from: the parsed file, or a test's stand-in. May throw. */
export type LocaleSource = (tag: string) => unknown;

export const LOCALES_DIR = 'locales';

export const readLocaleFile: LocaleSource = (tag) => {
  // Only tags of LOCALE_LIST reach this, so no path outside the directory.
  return JSON.parse(readFileSync(join(__dirname, LOCALES_DIR, `${tag}.json`), 'utf8')) as unknown;
};
