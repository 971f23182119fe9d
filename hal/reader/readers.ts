/**
 * A terminal's card readers as one list: `devices.readers`, or the single `devices.reader` as a list of
 * one. With several, each has a name for reports, the slip and the menu: its own, or its kind alone
 * when no other reader is of that kind, else the kind and its place among them (`pn532-1`, `pn532-2`).
 * A single reader keeps only a name it was given: "the reader" needs none, and its reports stay as they were.
 */
import type { DevicesConfig } from '../config';
import { HalError } from '../errors';
import type { ReaderConfig } from './config';

export function configuredReaders(devices: DevicesConfig): ReaderConfig[] {
  const list = devices.readers ?? (devices.reader ? [devices.reader] : []);
  const count = (kind: string) => list.filter((r) => r.kind === kind).length;
  const seen = new Map<string, number>();
  const named = list.map((r) => {
    const nth = (seen.get(r.kind) ?? 0) + 1;
    seen.set(r.kind, nth);
    if (r.name !== undefined || list.length < 2) return r;
    return { ...r, name: count(r.kind) > 1 ? `${r.kind}-${nth}` : r.kind };
  });
  const names = named.flatMap((r) => (r.name === undefined ? [] : [r.name]));
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined)
    throw new HalError('Config_Invalid', `devices.readers: two readers are named "${twice}"; give each its own name`, { field: 'devices.readers' });
  return named;
}
