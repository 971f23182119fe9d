/**
 * ISO 8583:1987 data elements: the type, length and length prefix of each field, as far as a terminal
 * needs them to walk a reply. Fields are positional (a field's bytes start where the previous one ended),
 * so reading field 39 of an 0810 needs the formats of every field that may come before it. A field that
 * is not in this table stops the decoder; what was read up to there is kept.
 *
 * Lengths: for `n`, `z` the number of digits; for `an`, `ans`, `x+n` characters; for `b` bytes.
 * `prefix` is the number of length digits (LL = 2, LLL = 3) of a variable field, 0 for a fixed one.
 */
export type FieldKind = 'n' | 'an' | 'ans' | 'z' | 'b' | 'xn';

export interface FieldSpec {
  kind: FieldKind;
  /** Fixed length, or the maximum for a variable field. */
  length: number;
  prefix: 0 | 2 | 3;
}

const fixed = (kind: FieldKind, length: number): FieldSpec => ({ kind, length, prefix: 0 });
const ll = (kind: FieldKind, max: number): FieldSpec => ({ kind, length: max, prefix: 2 });
const lll = (kind: FieldKind, max: number): FieldSpec => ({ kind, length: max, prefix: 3 });

/** The 1987 table (fields 2–128; field 1 is the secondary bitmap and is handled by the codec). */
export const ISO87_FIELDS: Readonly<Record<number, FieldSpec>> = {
  2: ll('n', 19), // primary account number
  3: fixed('n', 6), // processing code
  4: fixed('n', 12), // amount, transaction
  5: fixed('n', 12), // amount, settlement
  6: fixed('n', 12), // amount, cardholder billing
  7: fixed('n', 10), // transmission date and time MMDDhhmmss
  8: fixed('n', 8),
  9: fixed('n', 8),
  10: fixed('n', 8),
  11: fixed('n', 6), // systems trace audit number (STAN)
  12: fixed('n', 6), // time, local transaction hhmmss
  13: fixed('n', 4), // date, local transaction MMDD
  14: fixed('n', 4), // date, expiration
  15: fixed('n', 4), // date, settlement
  16: fixed('n', 4),
  17: fixed('n', 4),
  18: fixed('n', 4), // merchant type
  19: fixed('n', 3),
  20: fixed('n', 3),
  21: fixed('n', 3),
  22: fixed('n', 3), // POS entry mode
  23: fixed('n', 3), // card sequence number
  24: fixed('n', 3), // network international identifier
  25: fixed('n', 2), // POS condition code
  26: fixed('n', 2), // POS PIN capture code
  27: fixed('n', 1),
  28: fixed('xn', 9),
  29: fixed('xn', 9),
  30: fixed('xn', 9),
  31: fixed('xn', 9),
  32: ll('n', 11), // acquiring institution id
  33: ll('n', 11), // forwarding institution id
  34: ll('ans', 28),
  35: ll('z', 37), // track 2 (never logged by posdiag)
  36: lll('n', 104), // track 3
  37: fixed('an', 12), // retrieval reference number
  38: fixed('an', 6), // authorization id response
  39: fixed('an', 2), // response code
  40: fixed('an', 3),
  41: fixed('ans', 8), // card acceptor terminal id
  42: fixed('ans', 15), // card acceptor id (merchant)
  43: fixed('ans', 40),
  44: ll('an', 25), // additional response data
  45: ll('an', 76), // track 1
  46: lll('an', 999),
  47: lll('an', 999),
  48: lll('ans', 999),
  49: fixed('an', 3), // currency code, transaction
  50: fixed('an', 3),
  51: fixed('an', 3),
  52: fixed('b', 8), // PIN data
  53: fixed('n', 16), // security related control information
  54: lll('an', 120),
  55: lll('b', 999), // ICC data (binary in the CUP form)
  56: lll('ans', 999),
  57: lll('ans', 999),
  58: lll('ans', 999),
  59: lll('ans', 999),
  60: lll('ans', 999), // reserved private; the CUP form packs it as digits, see codec
  61: lll('ans', 999),
  62: lll('ans', 999),
  63: lll('ans', 999),
  64: fixed('b', 8), // MAC
  66: fixed('n', 1),
  67: fixed('n', 2),
  68: fixed('n', 3),
  69: fixed('n', 3),
  70: fixed('n', 3), // network management information code
  71: fixed('n', 4),
  72: fixed('n', 4),
  73: fixed('n', 6),
  74: fixed('n', 10),
  75: fixed('n', 10),
  76: fixed('n', 10),
  77: fixed('n', 10),
  78: fixed('n', 10),
  79: fixed('n', 10),
  80: fixed('n', 10),
  81: fixed('n', 10),
  82: fixed('n', 12),
  83: fixed('n', 12),
  84: fixed('n', 12),
  85: fixed('n', 12),
  86: fixed('n', 16),
  87: fixed('n', 16),
  88: fixed('n', 16),
  89: fixed('n', 16),
  90: fixed('n', 42), // original data elements
  99: ll('n', 11),
  100: ll('n', 11),
  128: fixed('b', 8), // MAC
};

/**
 * Where the CUP form departs from the ISO table: field 60 (reserved private) carries digits, packed as BCD
 * with a 3-digit length (60.1 message type code n2, 60.2 batch number n6, 60.3 network management code n3).
 */
export const CUP_FIELD_OVERRIDES: Readonly<Record<number, FieldSpec>> = {
  60: lll('n', 17),
};
