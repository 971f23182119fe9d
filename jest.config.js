/** Jest runs the TypeScript sources through esbuild (test/helpers/esbuild-transform.js). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': '<rootDir>/test/helpers/esbuild-transform.js',
  },
  // PTY tests spawn socat and talk over real serial lines; give them room on a loaded machine.
  testTimeout: 20000,
  setupFiles: ['<rootDir>/test/helpers/sim-link-env.js'],
  detectOpenHandles: true,
  reporters: ['default', '<rootDir>/test/helpers/summary-reporter.js'],
};
