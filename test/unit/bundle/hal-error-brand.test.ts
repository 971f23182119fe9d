/**
 * dist/sim.js carries its own copy of hal/errors.ts; a HalError thrown there (socat missing, a bad
 * --link path) must still be a HalError to the CLI, which branches on `instanceof` for exit codes.
 */
import { HalError, isHalError } from '../../../hal/errors';

function otherCopy(): typeof import('../../../hal/errors') {
  let mod: typeof import('../../../hal/errors') | undefined;
  jest.isolateModules(() => {
    mod = require('../../../hal/errors');
  });
  if (!mod) throw new Error('module not loaded');
  return mod;
}

describe('HalError across two copies of hal/errors', () => {
  it('an error from the other copy is instanceof this HalError, with its code', () => {
    const other = otherCopy();
    expect(other.HalError).not.toBe(HalError); // really a second copy
    const err = new other.HalError('Usage_Invalid', 'bad');
    expect(err instanceof HalError).toBe(true);
    expect(isHalError(err, 'Usage_Invalid')).toBe(true);
    expect(isHalError(err, 'Config_Invalid')).toBe(false);
  });

  it.each([
    ['a plain Error', new Error('x')],
    ['an object with a code', { code: 'Usage_Invalid', message: 'x' }],
    ['null', null],
    ['a string', 'Usage_Invalid'],
  ])('%s is not a HalError', (_label, value) => {
    expect(value instanceof HalError).toBe(false);
  });

  it('the brand is invisible in JSON and in the enumerable keys', () => {
    const err = new HalError('Config_Invalid', 'bad', { field: 'a' });
    expect(Object.getOwnPropertySymbols(err)).toEqual([]);
    expect(JSON.parse(JSON.stringify(err))).toEqual({ name: 'HalError', code: 'Config_Invalid', context: { field: 'a' } });
  });
});
