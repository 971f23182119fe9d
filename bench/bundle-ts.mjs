// The TypeScript parts of the benches (bench/<name>.ts), bundled with esbuild into
// node_modules/.cache/posdiag-bench/<name>.cjs, packages left external; returns the bundle's path.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const cache = join(root, 'node_modules/.cache/posdiag-bench');

export async function bundleBench(name) {
  mkdirSync(cache, { recursive: true });
  const outfile = join(cache, `${name}.cjs`);
  await build({
    entryPoints: [join(root, `bench/${name}.ts`)],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}
