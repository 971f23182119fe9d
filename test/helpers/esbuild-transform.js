// Jest transform: TypeScript to CommonJS with esbuild, which the bundle already uses. No type checking
// here (`tsc --noEmit` in npm test does that), so the suites start fast.
const { transformSync } = require('esbuild');

module.exports = {
  process(source, filename) {
    const { code } = transformSync(source, {
      loader: 'ts',
      format: 'cjs',
      target: 'node20',
      sourcemap: 'inline',
      sourcefile: filename,
      // jest's module sandbox cannot run import(); esbuild turns it into a require.
      supported: { 'dynamic-import': false },
    });
    return { code };
  },
};
