// Jest transform: TypeScript to CommonJS with esbuild, which the bundle already uses. No type checking
// here (`tsc --noEmit` in npm test does that), so the suites start fast.
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { transformSync, version } = require('esbuild');

// Jest caches transformed files; the key must change when this transform or esbuild changes.
const SELF = createHash('sha1').update(readFileSync(__filename)).update(version).digest('hex');

module.exports = {
  getCacheKey(source, filename) {
    return createHash('sha1').update(SELF).update(filename).update(source).digest('hex');
  },
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
