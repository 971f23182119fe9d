/**
 * Reading posdiag's own files in the data directory (journal files, the slip store, the print queue,
 * lock files, the menu's lockout). posdiag writes each of them itself as a regular file within its
 * limit (files/limits.ts), so anything else found under such a name — a FIFO, a device, a symbolic
 * link, a file beyond the limit — is damage: it is set aside into damaged/ (files/set-aside.ts) and
 * read as absent, and the caller goes on without it.
 */
import { dirname, relative } from 'node:path';
import { readBounded } from './bounded-read';
import { setAside, type SetAsideFile } from './set-aside';

export type DataRead = { state: 'ok'; data: Buffer } | { state: 'missing' } | { state: 'damaged'; setAside: SetAsideFile };

/**
 * The file at `path`, at most `maxBytes` of it. `dataDir` is the data directory it belongs to (where
 * damaged/ is); by default the file's own directory. Throws only for what the file system says
 * (EACCES, EIO…): such a file is not damaged, just unreadable now.
 */
export function readDataFile(path: string, maxBytes: number, dataDir: string = dirname(path)): DataRead {
  for (let attempt = 1; ; attempt++) {
    const read = readBounded(path, { maxBytes, followLinks: false });
    if (read.state !== 'refused') return read;
    const moved = setAside(dataDir, path, read.detail, read);
    if (moved !== 'changed') return { state: 'damaged', setAside: moved };
    // Replaced while it was being moved: look at the new one, but not for ever.
    if (attempt === 3) return { state: 'damaged', setAside: { file: relative(dataDir, path), reason: read.detail, movedTo: null } };
  }
}

/** As readDataFile, for callers that treat a damaged file as an absent one: the bytes, or null. */
export function readDataBuffer(path: string, maxBytes: number, dataDir?: string): Buffer | null {
  const read = readDataFile(path, maxBytes, dataDir);
  return read.state === 'ok' ? read.data : null;
}
