/**
 * The GB18030 code space that the unit tables of ./gb18030.ts cover, as data and arithmetic: the two-byte
 * codes and the Basic Multilingual Plane's four-byte codes in byte order, and the one-call decode of a run
 * of them. Shared by the codec and by the table file's build-time maker (./gb18030-table-codegen.ts), so
 * neither imports the other.
 */
export const TWO_BYTE_CODES = 126 * 190;
export const BMP_FOUR_BYTE_CODES = 39420;
/** The table file: both unit tables as UTF-16LE, two-byte first. */
export const GB18030_TABLE_BYTES = (TWO_BYTE_CODES + BMP_FOUR_BYTE_CODES) * 2;

/** Every two-byte code in byte order: lead 0x81–0xFE, then trail 0x40–0x7E, 0x80–0xFE. */
export function twoByteCodes(): Uint8Array {
  const bytes = new Uint8Array(TWO_BYTE_CODES * 2);
  let at = 0;
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      bytes[at++] = lead;
      bytes[at++] = trail;
    }
  }
  return bytes;
}

/** The first BMP_FOUR_BYTE_CODES four-byte codes in byte order (0x81308130, 0x81308131, …). */
export function fourByteCodes(): Uint8Array {
  const bytes = new Uint8Array(BMP_FOUR_BYTE_CODES * 4);
  for (let n = 0; n < BMP_FOUR_BYTE_CODES; n++) bytes.set(fourBytes(0x81, n), n * 4);
  return bytes;
}

/**
 * Decodes `count` codes of `size` bytes in one call. Each complete code decodes to at least one unit, so
 * a result of exactly `count` units means one unit per code (what ICU gives); otherwise (a decoder that
 * yields surrogate pairs or splits a code) the codes are decoded one by one.
 */
export function decodeEach(decode: (bytes: Uint8Array) => string, bytes: Uint8Array, size: number): string {
  const count = bytes.length / size;
  const all = decode(bytes);
  if (all.length === count) return all;
  const units: string[] = [];
  for (let i = 0; i < count; i++) {
    const one = decode(bytes.subarray(i * size, (i + 1) * size));
    units.push(one.length === 1 ? one : '\ufffd');
  }
  return units.join('');
}

/** The four bytes of linear four-byte index `n` counted from lead byte `first` (0x81 BMP, 0x90 beyond). */
export function fourBytes(first: number, n: number): number[] {
  return [first + Math.floor(n / 12600), 0x30 + (Math.floor(n / 1260) % 10), 0x81 + (Math.floor(n / 10) % 126), 0x30 + (n % 10)];
}
