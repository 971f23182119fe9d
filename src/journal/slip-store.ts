/**
 * Printed slips kept for reprint: `slips/<id>.escpos` (the exact printer bytes), `slips/<id>.json`
 * (what the slip was about) and `slips/last` (the id of the newest). Each file is written atomically;
 * the bytes go first and `last` last, so `last` never names a slip that is not all there.
 *
 * A slip's bytes are bounded (FILE_LIMITS.slip) both when it is stored and when it is read, so a stored
 * slip cannot hold the printer (and every diagnosis waiting for it) for longer than a real slip takes.
 * A stored file that is not a regular file or passes its limit is set aside as damaged and the slip is
 * read as absent (files/data-file.ts).
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { HalError } from '../../hal/errors';
import { ensureDataDir } from './data-dir';
import { readDataBuffer } from '../files/data-file';
import { FILE_LIMITS, formatSize } from '../files/limits';
import { writeFileAtomic } from './durable-file';
import { isoWithOffset } from './ids';
import { scrubRecord } from './scrub';

export interface SlipMeta {
  paperWidth: 58 | 80;
  locale: string;
  code: string;
  time: string;
}

export interface StoredSlip {
  id: string;
  bytes: Uint8Array;
  meta: SlipMeta;
}

export const SLIPS_DIR = 'slips';
const LAST = 'last';
/** A slip id is a file name: journal ids and the like, never a path. */
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * A new slip's id: S, the local time to the second, and random hex (S20240501T101500-3fa9c1). Unique
 * without asking the journal, so two diagnoses at once never write one slip; sorts by time as text.
 * The T keeps every digit run under 13 digits, so the journal's card-number scrubber never takes an id
 * for a PAN.
 */
export function newSlipId(time: Date): string {
  return `S${isoWithOffset(time).slice(0, 19).replace(/[-:]/g, '')}-${randomBytes(3).toString('hex')}`;
}

export function isSlipId(id: string): boolean {
  return SAFE_ID.test(id) && id !== LAST;
}

export async function saveSlip(dir: string, id: string, bytes: Uint8Array, meta: SlipMeta): Promise<void> {
  if (!isSlipId(id)) throw new HalError('Usage_Invalid', `slip id "${id}" is not a valid name (letters, digits, . _ -; at most 64)`, { id });
  if (bytes.length > FILE_LIMITS.slip)
    throw new HalError('Usage_Invalid', `slip ${id} is ${bytes.length} bytes; a slip is at most ${formatSize(FILE_LIMITS.slip)}`, { id });
  const slips = join(dir, SLIPS_DIR);
  await ensureDataDir(slips);
  // The exact bytes the printer got (`posdiag slip --escpos` promises them). Card numbers are masked
  // where the slip is laid out (src/slip/layout.ts); scrubbing printer bytes here would also hit
  // merchant ids, QR payloads and raster images that merely look like digits.
  await writeFileAtomic(join(slips, `${id}.escpos`), bytes);
  await writeFileAtomic(join(slips, `${id}.json`), JSON.stringify(scrubRecord({ id, ...meta }), null, 2) + '\n');
  await writeFileAtomic(join(slips, LAST), id + '\n');
}

/** A slip by id, or the newest with 'last'; null when there is none (or the id is not a slip name). */
export async function loadSlip(dir: string, idOrLast: string): Promise<StoredSlip | null> {
  const slips = join(dir, SLIPS_DIR);
  let id = idOrLast;
  if (idOrLast === LAST) {
    const last = readDataBuffer(join(slips, LAST), FILE_LIMITS.slipLast, dir);
    if (!last) return null;
    id = last.toString('utf8').trim();
  }
  if (!isSlipId(id)) return null;
  const bytes = readDataBuffer(join(slips, `${id}.escpos`), FILE_LIMITS.slip, dir);
  const metaText = readDataBuffer(join(slips, `${id}.json`), FILE_LIMITS.slipMeta, dir);
  if (!bytes || !metaText) return null;
  const meta = parseMeta(metaText.toString('utf8'));
  // A damaged description (hand-edited, a disk error) is a damaged slip: loaded as none.
  if (!meta) return null;
  return { id, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), meta };
}

/** The slip's description when it is whole: a paper width the printers have, and text for the rest. */
function parseMeta(text: string): SlipMeta | null {
  let parsed: Partial<Record<keyof SlipMeta, unknown>>;
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { paperWidth, locale, code, time } = parsed;
  if (paperWidth !== 58 && paperWidth !== 80) return null;
  if (!isText(locale) || !isText(code) || !isText(time)) return null;
  return { paperWidth, locale, code, time };
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}
