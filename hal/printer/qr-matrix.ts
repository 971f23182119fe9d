/**
 * Text to a QR module matrix, for printers without a QR command of their own (the builder rasters it,
 * see qr-raster.ts). Byte mode over the UTF-8 bytes of the text, the smallest version that holds them.
 * Pure: lean-qr does the encoding (Reed–Solomon, masks); nothing here touches I/O.
 */
import { correction, generate, mode } from 'lean-qr';
import type { QrEcc } from './commands';

/**
 * The module matrix (true = dark), rows top to bottom; null when the text does not fit a version-40
 * code at this error-correction level (the caller then prints the text itself).
 */
export function encodeQrMatrix(text: string, ecc: QrEcc = 'M'): boolean[][] | null {
  // Plain byte mode without an ECI header: what receipt scanners read as UTF-8, and what a printer's own
  // GS ( k command produces for the same bytes. The level is held exactly (lean-qr would raise it when
  // the version has room), so the code matches what the profile asked for.
  const level = correction[ecc];
  try {
    const code = generate(mode.bytes(Buffer.from(text, 'utf8')), { minCorrectionLevel: level, maxCorrectionLevel: level });
    return Array.from({ length: code.size }, (_, y) => Array.from({ length: code.size }, (_, x) => code.get(x, y)));
  } catch {
    return null; // too long for any version at this level
  }
}
