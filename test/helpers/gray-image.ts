/** Gray pictures decoded by an independent PNG decoder (pngjs) and compared, for the PNG writer's tests. */
import { PNG } from 'pngjs';
import type { GrayImage } from '../../src/slip/png-writer';

/** The gray channel pngjs decodes (it always returns RGBA; R = G = B for a gray PNG, A = 255). */
export function decodeGray(png: Buffer): GrayImage {
  const img = PNG.sync.read(png);
  const data = new Uint8Array(img.width * img.height);
  for (let i = 0; i < data.length; i++) {
    const r = img.data[i * 4];
    if (img.data[i * 4 + 1] !== r || img.data[i * 4 + 2] !== r || img.data[i * 4 + 3] !== 255) throw new Error(`pixel ${i} is not opaque gray`);
    data[i] = r;
  }
  return { width: img.width, height: img.height, data };
}

/**
 * Where two pictures first differ ('' when they are equal). Comparing the pixel arrays with toEqual would
 * walk them element by element in the matcher, seconds for a slip-sized picture.
 */
export function difference(a: GrayImage, b: GrayImage): string {
  if (a.width !== b.width || a.height !== b.height) return `size ${a.width}×${a.height} vs ${b.width}×${b.height}`;
  const at = Buffer.from(a.data).findIndex((v, i) => v !== b.data[i]);
  return at < 0 ? '' : `pixel (${at % a.width}, ${Math.floor(at / a.width)}): ${a.data[at]} vs ${b.data[at]}`;
}
