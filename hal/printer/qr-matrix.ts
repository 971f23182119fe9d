/**
 * Text to a QR module matrix, for printers without a QR command of their own (the builder rasters it,
 * see qr-raster.ts). Byte mode over the UTF-8 bytes of the text, the smallest version that holds them.
 * Pure: qrcode-generator does the encoding (Reed–Solomon, masks); nothing here touches I/O.
 */
import qrcode from 'qrcode-generator';
import type { QrEcc } from './commands';

/**
 * The module matrix (true = dark), rows top to bottom; null when the text does not fit a version-40
 * code at this error-correction level (the caller then prints the text itself).
 */
export function encodeQrMatrix(text: string, ecc: QrEcc = 'M'): boolean[][] | null {
  // qrcode-generator turns a string into bytes through a setting shared by the whole module (by default
  // the low byte of each UTF-16 unit). Handing it one character per UTF-8 byte gives the right bytes
  // without changing that setting for anyone else.
  const bytes = Buffer.from(text, 'utf8');
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  try {
    const code = qrcode(0, ecc);
    code.addData(binary, 'Byte');
    code.make();
    const n = code.getModuleCount();
    return Array.from({ length: n }, (_, y) => Array.from({ length: n }, (_, x) => code.isDark(y, x)));
  } catch {
    return null; // too long for any version at this level
  }
}
