/** Jest runs the TypeScript sources through swc: no type checking here (tsc --noEmit does that), so tests start fast. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  // PTY tests spawn socat and talk over real serial lines; give them room on a loaded machine.
  testTimeout: 20000,
  detectOpenHandles: true,
  reporters: ['default', '<rootDir>/test/helpers/summary-reporter.js'],
};
