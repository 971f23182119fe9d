/**
 * Writing a file the user named (`slip --png/--escpos`, `journal export --out`). One rule for every
 * command: an empty name is bad usage (exit 2, args.ts); a write the system refuses (no such directory,
 * read-only, disk full) is "could not" (exit 1), since the command line itself was right.
 */
import { writeFile } from 'node:fs/promises';
import { HalError } from '../../hal/errors';

export async function writeOutputFile(option: string, path: string, data: Uint8Array | string, mode?: number): Promise<void> {
  try {
    await writeFile(path, data, mode === undefined ? undefined : { mode });
  } catch (err) {
    throw new HalError('Output_WriteFailed', `--${option}: cannot write ${path}: ${(err as Error).message}`, { path }, { cause: err });
  }
}
