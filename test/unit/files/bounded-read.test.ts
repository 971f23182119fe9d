/**
 * The one reader of every file posdiag reads: only regular files, never past the limit, links followed
 * only when asked; damaged data files set aside into damaged/ and reported. No FIFO is opened in this
 * process (a regression would block it): FIFOs and devices are exercised through the CLI in
 * test/integration/damaged-files-cli.test.ts, in child processes with a timeout.
 */
import { lstatSync, mkdirSync, readdirSync, readlinkSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readBounded, readHead } from '../../../src/files/bounded-read';
import { readDataFile } from '../../../src/files/data-file';
import { countDamaged, setAsideLine, setAsideMark, setAsideSince } from '../../../src/files/set-aside';
import { FILE_LIMITS, formatSize, journalFileLimit } from '../../../src/files/limits';
import { freshDir } from '../../helpers/journal-fixtures';

let tmp: ReturnType<typeof freshDir>;
beforeEach(() => (tmp = freshDir('posdiag-files-')));
afterEach(() => tmp.remove());

const GiB = 1024 ** 3;

describe('readBounded', () => {
  test.each([
    ['a regular file within the limit', (p: string) => writeFileSync(p, 'hello'), { state: 'ok', data: Buffer.from('hello') }],
    ['no file', () => undefined, { state: 'missing' }],
    [
      'a sparse 1 GiB file (never read)',
      (p: string) => (writeFileSync(p, ''), truncateSync(p, GiB)),
      { state: 'refused', why: 'too-large', detail: 'larger than 1 KiB (1048576 KiB)' },
    ],
    ['a directory', (p: string) => mkdirSync(p), { state: 'refused', why: 'not-regular', detail: 'not a regular file (a directory)' }],
    [
      'a link to /dev/zero, followed',
      (p: string) => symlinkSync('/dev/zero', p),
      { state: 'refused', why: 'not-regular', detail: 'not a regular file (a character device)' },
    ],
  ])('%s', (_what, make, expected) => {
    const path = join(tmp.dir, 'f');
    make(path);
    expect(readBounded(path, { maxBytes: 1024, followLinks: true })).toMatchObject(expected);
  });

  test('a link is refused unless followed; a link to a regular file is read when followed', () => {
    writeFileSync(join(tmp.dir, 'target.json'), '{}');
    symlinkSync(join(tmp.dir, 'target.json'), join(tmp.dir, 'link'));
    expect(readBounded(join(tmp.dir, 'link'), { maxBytes: 1024, followLinks: false })).toMatchObject({ state: 'refused', why: 'symlink' });
    expect(readBounded(join(tmp.dir, 'link'), { maxBytes: 1024, followLinks: true })).toEqual({ state: 'ok', data: Buffer.from('{}') });
  });

  test('a file whose size says 0 (procfs) is read to its end, and refused past the limit', () => {
    const read = readBounded('/proc/self/status', { maxBytes: 64 * 1024, followLinks: true });
    expect(read.state).toBe('ok');
    expect((read as { data: Buffer }).data.toString()).toMatch(/^Name:/);
    expect(readBounded('/proc/self/status', { maxBytes: 16, followLinks: true })).toMatchObject({ state: 'refused', why: 'too-large' });
  });

  test('exactly at the limit is read; one byte more is not', () => {
    writeFileSync(join(tmp.dir, 'f'), 'x'.repeat(256));
    expect(readBounded(join(tmp.dir, 'f'), { maxBytes: 256, followLinks: false }).state).toBe('ok');
    expect(readBounded(join(tmp.dir, 'f'), { maxBytes: 255, followLinks: false }).state).toBe('refused');
  });
});

test('readHead: the start of a regular file however large; nothing from a link or a directory', () => {
  const path = join(tmp.dir, 'big');
  writeFileSync(path, 'records first');
  truncateSync(path, GiB);
  expect(readHead(path, 7)).toEqual(Buffer.from('records'));
  writeFileSync(join(tmp.dir, 'small'), 'abc');
  expect(readHead(join(tmp.dir, 'small'), 1024)).toEqual(Buffer.from('abc'));
  symlinkSync('/dev/zero', join(tmp.dir, 'link'));
  expect(readHead(join(tmp.dir, 'link'), 16)).toBeNull();
  expect(readHead(tmp.dir, 16)).toBeNull();
});

describe('readDataFile: damage is set aside', () => {
  test('a link to /dev/zero in the data directory is moved (the link, not its target) into damaged/ and reported', () => {
    mkdirSync(join(tmp.dir, 'slips'));
    const path = join(tmp.dir, 'slips', 'S1.escpos');
    symlinkSync('/dev/zero', path);
    const mark = setAsideMark();
    const read = readDataFile(path, FILE_LIMITS.slip, tmp.dir);
    expect(read).toEqual({
      state: 'damaged',
      setAside: { file: 'slips/S1.escpos', reason: 'a symbolic link', movedTo: expect.stringMatching(/^damaged\/slips_S1\.escpos\.\d{8}T\d{6}Z-[0-9a-f]{4}$/) },
    });
    const movedTo = (read as { setAside: { movedTo: string } }).setAside.movedTo;
    expect(readlinkSync(join(tmp.dir, movedTo))).toBe('/dev/zero');
    expect(readdirSync(join(tmp.dir, 'slips'))).toEqual([]);
    expect(setAsideSince(mark, tmp.dir)).toEqual([(read as { setAside: unknown }).setAside]);
    expect(setAsideSince(mark, join(tmp.dir, 'elsewhere'))).toEqual([]);
    expect(countDamaged(tmp.dir)).toBe(1);
    expect(setAsideLine((read as Extract<typeof read, { state: 'damaged' }>).setAside)).toMatch(
      /^slips\/S1\.escpos: a symbolic link; set aside as damaged\/slips_S1/,
    );
  });

  test('an oversized file is set aside without being read; a missing one is just missing', () => {
    const path = join(tmp.dir, 'print-queue.json');
    writeFileSync(path, '');
    truncateSync(path, GiB);
    expect(readDataFile(path, FILE_LIMITS.printQueue)).toMatchObject({
      state: 'damaged',
      setAside: { file: 'print-queue.json', reason: 'larger than 4096 KiB (1048576 KiB)' },
    });
    expect(() => lstatSync(path)).toThrow(/ENOENT/);
    expect(readDataFile(path, FILE_LIMITS.printQueue)).toEqual({ state: 'missing' });
  });

  test('where damaged/ cannot be made, the file is left in place, unread, and still reported', () => {
    writeFileSync(join(tmp.dir, 'damaged'), 'a file in the way');
    mkdirSync(join(tmp.dir, 'journal.log'));
    expect(readDataFile(join(tmp.dir, 'journal.log'), 1024)).toEqual({
      state: 'damaged',
      setAside: { file: 'journal.log', reason: 'not a regular file (a directory)', movedTo: null },
    });
    expect(lstatSync(join(tmp.dir, 'journal.log')).isDirectory()).toBe(true);
  });
});

test('the limits: named, and a journal file may pass the rotation size by one record', () => {
  expect(formatSize(FILE_LIMITS.config)).toBe('256 KiB');
  expect(formatSize(FILE_LIMITS.slip)).toBe('16 KiB');
  expect(journalFileLimit(1024 * 1024)).toBe(1024 * 1024 + 64 * 1024);
});
