/**
 * The PNG preview's renderer (GNU Unifont glyphs and a PNG writer, about 4 KB) is needed only by
 * `slip --png` and the demo, so the terminal's bundle does not carry it: build.mjs puts it in
 * dist/png.js (defining POSDIAG_PNG_BUNDLE as that file's name) and it is required from there on first
 * use. From the TypeScript sources (jest, tsc) it is a plain require.
 */
import { join } from 'node:path';

export type PngRenderer = typeof import('./roll-png');

declare const POSDIAG_PNG_BUNDLE: string | undefined;

export function loadPngRenderer(): PngRenderer {
  if (typeof POSDIAG_PNG_BUNDLE !== 'string') return require('./roll-png') as PngRenderer;
  // A computed path: the bundler leaves this require alone, Node resolves it next to the running bundle.
  const path = join(__dirname, POSDIAG_PNG_BUNDLE);
  try {
    require.resolve(path);
  } catch {
    throw new Error(`the PNG preview is not installed: no ${path} (the text preview, --text, needs nothing)`);
  }
  return require(path) as PngRenderer;
}
