/**
 * The GB18030 unit tables from posdiag's table file, for a Node whose TextDecoder lacks GB18030 (small ICU,
 * or no Intl such as nodejs-mobile's): dist/gb18030.bin beside the running bundle, which build.mjs writes;
 * from the sources, made from iconv-lite as build.mjs makes the file. The one file of the printer's text
 * path that reads the file system, and only when Chinese is printed or previewed there.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HalError } from '../errors';
import { GB18030_TABLE_BYTES, TWO_BYTE_CODES } from './gb18030-codes';

/** The file name build.mjs gives the table beside the bundle; undefined when running from the sources. */
declare const POSDIAG_GB18030_TABLE: string | undefined;

let fileTables: [string, string] | undefined;
/** The unit tables from the table file (from the sources: made from iconv-lite, as build.mjs makes the file). */
export function tablesFromFile(): [string, string] {
  if (fileTables) return fileTables;
  // Beside the running bundle (dist/cli.js, dist/index.js): build.mjs writes it there.
  const path = typeof POSDIAG_GB18030_TABLE === 'string' ? join(__dirname, POSDIAG_GB18030_TABLE) : null;
  let bytes: Buffer;
  try {
    // The condition is a constant in a bundle, so esbuild drops the build-time branch (and iconv-lite).
    bytes =
      typeof POSDIAG_GB18030_TABLE === 'string'
        ? readFileSync(path!)
        : (require('./gb18030-table-codegen') as typeof import('./gb18030-table-codegen')).gb18030TableFile();
    if (bytes.length !== GB18030_TABLE_BYTES) throw new Error(`${bytes.length} bytes, not ${GB18030_TABLE_BYTES}`);
  } catch (err) {
    throw new HalError(
      'Printer_NoGb18030',
      `no GB18030 for Chinese printing: this Node.js has no ICU decoder for it, and ${path ?? 'the table'}: ${(err as Error).message}`,
      { table: path },
      { cause: err },
    );
  }
  return (fileTables = [bytes.toString('utf16le', 0, TWO_BYTE_CODES * 2), bytes.toString('utf16le', TWO_BYTE_CODES * 2)]);
}
