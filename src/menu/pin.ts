/**
 * The technician PIN, stored only as a salted scrypt hash in the configuration's `technician.pinHash`:
 *
 *     scrypt$<N>$<r>$<p>$<salt, base64>$<hash, base64>
 *
 * The parameters travel with the hash so that a stronger setting later does not invalidate existing
 * configurations. They are bounded when read, so a hostile configuration cannot make the terminal
 * spend minutes or gigabytes on one PIN entry. The PIN itself is never logged, journaled or returned.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { HalError } from '../../hal/errors';

/** A technician PIN: 4 to 12 digits, as a POS keypad enters it. */
export const PIN_PATTERN = /^[0-9]{4,12}$/;

export function isValidPin(pin: string): boolean {
  return PIN_PATTERN.test(pin);
}

export interface ScryptParams {
  /** CPU/memory cost, a power of two. Default 16384; range 2^10–2^19. */
  N: number;
  /** Block size. Default 8; range 1–32. */
  r: number;
  /** Parallelism. Default 1; range 1–16. */
  p: number;
}

export const PIN_HASH_DEFAULTS: ScryptParams & { saltBytes: number; keyBytes: number } = { N: 16384, r: 8, p: 1, saltBytes: 16, keyBytes: 32 };

const LIMITS = { N: [1 << 10, 1 << 19], r: [1, 32], p: [1, 16], salt: [8, 64], key: [16, 64] } as const;

/**
 * Each parameter alone is not enough: N = 2^19 with r = 32 wants 2 GiB. scrypt holds 128·N·r bytes at
 * once, and does that p times over, so memory is bounded by N·r and the time of one check by p·N·r.
 * The defaults (16 MiB, 2^17) leave room for a setting four times stronger in memory and sixteen in time.
 */
export const SCRYPT_MAX_MEMORY_BYTES = 64 * 1024 * 1024;
export const SCRYPT_MAX_WORK = 1 << 21; // p·N·r

interface ParsedHash extends ScryptParams {
  salt: Buffer;
  hash: Buffer;
}

/** Reads a stored hash; throws Config_Invalid naming technician.pinHash when it is not one. */
export function parsePinHash(encoded: string): ParsedHash {
  const bad = (why: string) =>
    new HalError('Config_Invalid', `technician.pinHash: ${why}; expected scrypt$N$r$p$<salt base64>$<hash base64> (make one with: posdiag menu --hash-pin)`);
  const parts = typeof encoded === 'string' ? encoded.split('$') : [];
  if (parts.length !== 6 || parts[0] !== 'scrypt') throw bad('not a posdiag PIN hash');
  const [N, r, p] = parts.slice(1, 4).map((s) => (/^[0-9]{1,8}$/.test(s) ? Number(s) : NaN));
  if (!(N >= LIMITS.N[0] && N <= LIMITS.N[1]) || (N & (N - 1)) !== 0) throw bad(`N must be a power of two from ${LIMITS.N[0]} to ${LIMITS.N[1]}`);
  if (!(r >= LIMITS.r[0] && r <= LIMITS.r[1])) throw bad(`r must be from ${LIMITS.r[0]} to ${LIMITS.r[1]}`);
  if (!(p >= LIMITS.p[0] && p <= LIMITS.p[1])) throw bad(`p must be from ${LIMITS.p[0]} to ${LIMITS.p[1]}`);
  if (128 * N * r > SCRYPT_MAX_MEMORY_BYTES)
    throw bad(`128·N·r must be at most ${SCRYPT_MAX_MEMORY_BYTES / (1024 * 1024)} MiB (N·r at most ${SCRYPT_MAX_MEMORY_BYTES / 128})`);
  if (p * N * r > SCRYPT_MAX_WORK) throw bad(`p·N·r must be at most ${SCRYPT_MAX_WORK}`);
  const b64 = /^[A-Za-z0-9+/]+={0,2}$/;
  if (!b64.test(parts[4]) || !b64.test(parts[5])) throw bad('salt and hash must be base64');
  const salt = Buffer.from(parts[4], 'base64');
  const hash = Buffer.from(parts[5], 'base64');
  if (salt.length < LIMITS.salt[0] || salt.length > LIMITS.salt[1]) throw bad(`salt must be ${LIMITS.salt[0]}–${LIMITS.salt[1]} bytes`);
  if (hash.length < LIMITS.key[0] || hash.length > LIMITS.key[1]) throw bad(`hash must be ${LIMITS.key[0]}–${LIMITS.key[1]} bytes`);
  return { N, r, p, salt, hash };
}

function derive(pin: string, salt: Buffer, keyBytes: number, o: ScryptParams): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; allow that plus headroom instead of node's 32 MiB default ceiling.
  const maxmem = 128 * o.N * o.r * 2 + 1024 * 1024;
  return new Promise((resolve, reject) => scrypt(pin, salt, keyBytes, { N: o.N, r: o.r, p: o.p, maxmem }, (err, key) => (err ? reject(err) : resolve(key))));
}

/** Makes a hash for the configuration. `salt` is for reproducible tests and fixtures only. */
export async function hashPin(pin: string, options: Partial<ScryptParams> & { salt?: Buffer } = {}): Promise<string> {
  if (!isValidPin(pin)) throw new HalError('Usage_Invalid', 'a technician PIN is 4 to 12 digits');
  const params: ScryptParams = { N: options.N ?? PIN_HASH_DEFAULTS.N, r: options.r ?? PIN_HASH_DEFAULTS.r, p: options.p ?? PIN_HASH_DEFAULTS.p };
  const salt = options.salt ?? randomBytes(PIN_HASH_DEFAULTS.saltBytes);
  const encoded = `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64')}$`;
  parsePinHash(encoded + 'A'.repeat(44)); // same bounds as on reading: never write a hash we would refuse
  const key = await derive(pin, salt, PIN_HASH_DEFAULTS.keyBytes, params);
  return encoded + key.toString('base64');
}

/**
 * True when the PIN matches. Compares in constant time; a malformed PIN is still run through scrypt
 * so that the answer takes the same time whatever was typed.
 */
export async function verifyPin(pin: string, encoded: string): Promise<boolean> {
  const stored = parsePinHash(encoded);
  const candidate = await derive(isValidPin(pin) ? pin : '', stored.salt, stored.hash.length, stored);
  return timingSafeEqual(candidate, stored.hash) && isValidPin(pin);
}
