/**
 * A QR module matrix as a 1-bit raster for GS v 0, for printers that cannot draw a QR code themselves.
 * Pure: a matrix in, bytes out; rows of ceil(width/8) bytes, most significant bit = leftmost dot,
 * 1 = black. Each module becomes a square of `moduleDots` dots; four modules of white on every side
 * (the quiet zone a scanner needs to find the code) are part of the image, so the text around it
 * cannot crowd the finder patterns.
 */

/** White modules around the code on every side (ISO/IEC 18004 asks for at least four). */
export const QR_QUIET_MODULES = 4;

export interface QrRaster {
  /** Dots across (the rows are padded with white to whole bytes). */
  width: number;
  /** Dots down (rows). */
  height: number;
  /** Rows of ceil(width/8) bytes, MSB leftmost. */
  bits: Uint8Array;
  /** Dots per module actually used: the wanted size, or smaller so that the code fits the paper. */
  moduleDots: number;
  /** Modules across the code itself, without the quiet zone. */
  modules: number;
}

/**
 * The dots per module to print with: the wanted size (at least 1), lowered until the code and its quiet
 * zone fit `paperDots`. Zero when even one dot per module does not fit.
 */
export function qrModuleDots(modules: number, wantedDots: number, paperDots: number): number {
  const span = modules + 2 * QR_QUIET_MODULES;
  const wanted = Math.max(1, Math.floor(Number.isFinite(wantedDots) ? wantedDots : 1));
  return Math.min(wanted, Math.floor(paperDots / span));
}

/**
 * Scales `matrix` (square, true = dark) to a raster with the quiet zone. The image is as wide as the code
 * and is placed on the paper by the current alignment (ESC a applies to GS v 0), not by padding here.
 * Returns null when the code cannot fit the paper at one dot per module.
 */
export function qrToRaster(matrix: readonly (readonly boolean[])[], wantedDots: number, paperDots: number): QrRaster | null {
  const n = matrix.length;
  const scale = qrModuleDots(n, wantedDots, paperDots);
  if (n === 0 || scale < 1) return null;
  const side = (n + 2 * QR_QUIET_MODULES) * scale;
  const rowBytes = Math.ceil(side / 8);
  const bits = new Uint8Array(rowBytes * side);
  const first = QR_QUIET_MODULES * scale;
  for (let my = 0; my < n; my++) {
    const row = matrix[my];
    // One packed row per module row, copied `scale` times below it.
    const packed = new Uint8Array(rowBytes);
    for (let mx = 0; mx < n; mx++) {
      if (!row[mx]) continue;
      for (let d = 0; d < scale; d++) {
        const x = first + mx * scale + d;
        packed[x >> 3] |= 0x80 >> (x & 7);
      }
    }
    for (let d = 0; d < scale; d++) bits.set(packed, (first + my * scale + d) * rowBytes);
  }
  return { width: side, height: side, bits, moduleDots: scale, modules: n };
}
