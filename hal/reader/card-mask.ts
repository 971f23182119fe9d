/**
 * The only form in which a card number may leave the reader code: first 6 and last 4 digits, the rest
 * replaced (PCI DSS 3.4). Pure.
 */

/** Masks a PAN of 13–19 digits; anything else is not a card number we show at all (null). */
export function maskPan(digits: string): string | null {
  if (!/^\d{13,19}$/.test(digits)) return null;
  return digits.slice(0, 6) + '*'.repeat(digits.length - 10) + digits.slice(-4);
}

/** Already in the one allowed form (first 6, 3–9 stars, last 4): safe to show as it is. */
export function isMaskedPan(text: string): boolean {
  return /^\d{6}\*{3,9}\d{4}$/.test(text);
}

/** A contactless UID is not a card number, but is shown the same careful way: first and last byte. */
export function maskUid(uid: ArrayLike<number>): string {
  const hex = Array.from(uid, (b) => b.toString(16).toUpperCase().padStart(2, '0'));
  if (hex.length <= 2) return '*'.repeat(hex.length * 2);
  return hex[0] + '*'.repeat((hex.length - 2) * 2) + hex[hex.length - 1];
}
