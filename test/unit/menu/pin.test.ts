/** Technician PIN hashes: format, round trip, bounds on stored parameters, constant-shape refusal. */
import { hashPin, isValidPin, parsePinHash, verifyPin } from '../../../src/menu/pin';

const FAST = { N: 1024, r: 8, p: 1 };

test.each([
  ['1234', true],
  ['000000000000', true],
  ['123', false],
  ['1234567890123', false],
  ['12a4', false],
  ['１２３４', false], // full-width digits are not keypad digits
  ['', false],
])('isValidPin(%j) is %s', (pin, ok) => {
  expect(isValidPin(pin)).toBe(ok);
});

test('a hash has the documented shape and verifies only its own PIN', async () => {
  const h = await hashPin('482913', FAST);
  expect(h).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/]+={0,2}\$[A-Za-z0-9+/]+={0,2}$/);
  expect(h).not.toContain('482913');
  await expect(verifyPin('482913', h)).resolves.toBe(true);
  await expect(verifyPin('482914', h)).resolves.toBe(false);
  await expect(verifyPin('48291', h)).resolves.toBe(false);
  await expect(verifyPin('', h)).resolves.toBe(false);
});

test('two hashes of one PIN differ (random salt); a given salt reproduces', async () => {
  const salt = Buffer.alloc(16, 7);
  expect(await hashPin('1234', FAST)).not.toBe(await hashPin('1234', FAST));
  expect(await hashPin('1234', { ...FAST, salt })).toBe(await hashPin('1234', { ...FAST, salt }));
});

test('the default parameters are the documented ones', async () => {
  expect(await hashPin('1234')).toMatch(/^scrypt\$16384\$8\$1\$/);
});

test('hashPin refuses a PIN that is not 4-12 digits', async () => {
  await expect(hashPin('12', FAST)).rejects.toMatchObject({ code: 'Usage_Invalid' });
});

/** A stored hash that is refused is a configuration error naming the field to fix. */
function expectConfigError(encoded: string) {
  expect(() => parsePinHash(encoded)).toThrow(expect.objectContaining({ code: 'Config_Invalid', message: expect.stringContaining('technician.pinHash') }));
}

const SALT = Buffer.alloc(16, 1).toString('base64');
const KEY = Buffer.alloc(32, 2).toString('base64');
test.each([
  ['not a hash', 'plain1234'],
  ['other scheme', `bcrypt$1024$8$1$${SALT}$${KEY}`],
  ['N not a power of two', `scrypt$1000$8$1$${SALT}$${KEY}`],
  ['N too large (minutes of CPU per entry)', `scrypt$4194304$8$1$${SALT}$${KEY}`],
  ['r zero', `scrypt$1024$0$1$${SALT}$${KEY}`],
  ['p too large', `scrypt$1024$8$99$${SALT}$${KEY}`],
  ['salt too short', `scrypt$1024$8$1$AAAA$${KEY}`],
  ['hash not base64', `scrypt$1024$8$1$${SALT}$**`],
])('a stored hash with %s is a configuration error naming technician.pinHash', (_why, encoded) => {
  expectConfigError(encoded);
});

// Memory is 128·N·r bytes (at most 64 MiB) and the time of one check grows with p·N·r (at most 2^21),
// so a configuration cannot make one PIN entry take gigabytes or minutes.
test.each([
  // [N, r, p, accepted, why]
  [16384, 8, 1, true, 'the default: 16 MiB, work 2^17'],
  [1024, 1, 1, true, 'the smallest'],
  [65536, 8, 1, true, '64 MiB exactly, the memory ceiling'],
  [524288, 1, 1, true, 'N = 2^19 with r = 1: 64 MiB'],
  [16384, 8, 16, true, 'p = 16 at the default N and r: work 2^21 exactly'],
  [1048576, 32, 1, false, 'N = 2^20, r = 32: 4 GiB'],
  [1048576, 1, 1, false, 'N = 2^20: past the N range (128 MiB)'],
  [131072, 8, 1, false, '128 MiB'],
  [16384, 32, 1, true, 'r = 32 at N = 2^14: 64 MiB, work 2^19'],
  [65536, 8, 8, false, 'work 2^22: 64 MiB eight times over'],
  [16384, 8, 17, false, 'p past 16'],
  [32768, 32, 1, false, 'r = 32 at N = 2^15: 128 MiB'],
])('scrypt N=%i r=%i p=%i accepted: %s (%s)', (N, r, p, accepted, _why) => {
  const encoded = `scrypt$${N}$${r}$${p}$${SALT}$${KEY}`;
  if (accepted) expect(parsePinHash(encoded)).toMatchObject({ N, r, p });
  else expectConfigError(encoded);
});
