/**
 * A small BER-TLV reader for EMV answers that keeps only an allow-list of primitive tags. Constructed
 * templates (6F, A5, BF0C, 61, 70, 77) are walked into but never kept: their value holds their children
 * verbatim, the card number (5A) and track 2 (57) included. Tags that carry the card number, track data
 * or the cardholder's name are never returned, whatever a caller puts in its allow-list. Pure.
 */

/** Never kept, never returned: card number, track data, discretionary data, cardholder name. */
export const NEVER_KEPT = new Set([0x5a, 0x57, 0x56, 0x9f6b, 0x5f20, 0x9f0b, 0x9f1f, 0x9f20]);

/** What a diagnosis needs from FCIs, directory records, GPO answers and AFL records. */
export const ALLOWED_TAGS = new Set([
  0x4f, // AID
  0x84, // DF name
  0x50, // application label
  0x87, // application priority indicator
  0x88, // SFI of the directory
  0x9f38, // PDOL
  0x82, // AIP
  0x94, // AFL
  0x5f24, // application expiration date
  0x5f25, // application effective date
  0x9f07, // application usage control
  0x5f28, // issuer country code
  0x9f08, // application version number
]);

export interface TlvItem {
  tag: number;
  value: Uint8Array;
}

/**
 * The allowed primitive items of `bytes`, in order, at any depth. Stops quietly at the first item that
 * runs past the end (a short answer yields what came before it).
 */
export function allowedItems(bytes: Uint8Array, allow: ReadonlySet<number> = ALLOWED_TAGS): TlvItem[] {
  const out: TlvItem[] = [];
  walk(bytes, 0, bytes.length, allow, out, 0);
  return out;
}

/** The first allowed value of `tag`, or null. */
export function findTag(items: readonly TlvItem[], tag: number): Uint8Array | null {
  return items.find((i) => i.tag === tag)?.value ?? null;
}

function walk(b: Uint8Array, from: number, to: number, allow: ReadonlySet<number>, out: TlvItem[], depth: number): void {
  let at = from;
  while (at < to) {
    // 00 and FF are padding between items (EMV Book 3 Annex B).
    if (b[at] === 0x00 || b[at] === 0xff) {
      at++;
      continue;
    }
    const first = b[at++];
    let tag = first;
    if ((first & 0x1f) === 0x1f) {
      // Subsequent tag bytes while bit 8 is set; EMV tags are at most 2 bytes here, 3 tolerated.
      let n = 0;
      do {
        if (at >= to || n++ >= 2) return;
        tag = (tag << 8) | b[at];
      } while (b[at++] & 0x80);
    }
    if (at >= to) return;
    let len = b[at++];
    if (len & 0x80) {
      const n = len & 0x7f;
      if (n === 0 || n > 2 || at + n > to) return;
      len = 0;
      for (let i = 0; i < n; i++) len = (len << 8) | b[at++];
    }
    const constructed = (first & 0x20) !== 0;
    // A template cut short still yields the whole items inside what arrived.
    if (at + len > to) {
      if (constructed && depth < 8) walk(b, at, to, allow, out, depth + 1);
      return;
    }
    if (constructed) {
      if (depth < 8) walk(b, at, at + len, allow, out, depth + 1);
    } else if (allow.has(tag) && !NEVER_KEPT.has(tag)) {
      out.push({ tag, value: b.slice(at, at + len) });
    }
    at += len;
  }
}
