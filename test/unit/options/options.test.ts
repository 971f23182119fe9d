import { clampOptions, optionDefaults, resolveOptions } from '../../../hal/options';

const SPEC = { waitMs: { default: 100, min: 10, max: 1000 }, tries: { default: 3, min: 1, max: 5 } };

test('defaults fill what is not given', () => {
  expect(resolveOptions(SPEC, { tries: 2 })).toEqual({ waitMs: 100, tries: 2 });
  expect(optionDefaults(SPEC)).toEqual({ waitMs: 100, tries: 3 });
});

test.each([
  [{ waitMs: 5 }, 'x.waitMs must be a number from 10 to 1000, got 5'],
  [{ tries: Number.NaN }, 'x.tries must be a number from 1 to 5, got NaN'],
  [{ tries: '3' as unknown as number }, 'x.tries'],
])('resolveOptions refuses %j, naming the option', (given, message) => {
  expect(() => resolveOptions(SPEC, given, 'x.')).toThrow(message);
});

test('with integers, a fraction is refused too', () => {
  expect(() => resolveOptions(SPEC, { tries: 1.5 }, '', { integers: true })).toThrow('tries must be a whole number from 1 to 5');
  expect(resolveOptions(SPEC, { waitMs: 12.5 })).toMatchObject({ waitMs: 12.5 });
});

test.each([
  [{ waitMs: 5 }, { waitMs: 10, tries: 3 }],
  [
    { waitMs: 1e9, tries: 0 },
    { waitMs: 1000, tries: 1 },
  ],
  [{ tries: Number.NaN }, { waitMs: 100, tries: 3 }],
  [{ tries: 2.6 }, { waitMs: 100, tries: 3 }],
])('clampOptions(%j) pulls values into range', (given, expected) => {
  expect(clampOptions(SPEC, given)).toEqual(expected);
});
