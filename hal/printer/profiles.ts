/**
 * Printer profiles as data: what a model can do, so that the builder and the slip layout never guess.
 * Geometry is 203 dpi thermal: 58 mm paper = 384 dots, 32 columns of font A (12×24); 80 mm = 576 dots,
 * 48 columns. A Hanzi in the printer's own font is 24×24, two columns. Every ESC/POS profile here takes
 * ESC $ (absolute print position), which the builder uses instead of long runs of padding spaces.
 */
import { HalError } from '../errors';

export interface PrinterProfile {
  id: string;
  description: string;
  paperWidth: 58 | 80;
  /** Font A columns. */
  columns: number;
  /** Printable dots across. */
  dots: number;
  /**
   * Dots per horizontal motion unit: ESC $ places text at (nL + nH×256) of these units from the line
   * start. GS P sets the unit and posdiag never sends GS P, so this is the model's power-on default;
   * on 203 dpi printers that is one dot (1/203 inch), as in Citizen's BD2-1220 manual.
   */
  motionUnitDots: number;
  /** A resident GB18030 font reached with FS &. Without it Chinese text is replaced, not rastered. */
  chineseFont: boolean;
  /** QR with GS ( k; without it the builder prints the QR as a raster image. */
  nativeQr: boolean;
  cutter: boolean;
  /** The printer sends Automatic Status Back when GS a enables it. */
  asb: boolean;
  /** Lines to feed before a cut, so the last line clears the cutter blade. */
  feedBeforeCut: number;
}

export const PRINTER_PROFILES: Readonly<Record<string, PrinterProfile>> = {
  'generic-58': {
    id: 'generic-58',
    description: 'Built-in 58 mm thermal printer of a smart POS terminal, GB18030 font, native QR, tear bar',
    paperWidth: 58,
    columns: 32,
    dots: 384,
    motionUnitDots: 1,
    chineseFont: true,
    nativeQr: true,
    cutter: false,
    asb: true,
    feedBeforeCut: 3,
  },
  'generic-80': {
    id: 'generic-80',
    description: '80 mm desktop thermal printer, GB18030 font, native QR, auto-cutter',
    paperWidth: 80,
    columns: 48,
    dots: 576,
    motionUnitDots: 1,
    chineseFont: true,
    nativeQr: true,
    cutter: true,
    asb: true,
    feedBeforeCut: 4,
  },
  'basic-58': {
    id: 'basic-58',
    description: 'Low-cost 58 mm module without a Chinese font or native QR (raster QR, Chinese replaced)',
    paperWidth: 58,
    columns: 32,
    dots: 384,
    motionUnitDots: 1,
    chineseFont: false,
    nativeQr: false,
    cutter: false,
    asb: false,
    feedBeforeCut: 3,
  },
};

/** The profile a configuration names, else the generic one for its paper width. */
export function resolveProfile(config: { paperWidth: 58 | 80; profile?: string }): PrinterProfile {
  if (config.profile) {
    // Own properties only: "constructor" or "__proto__" must not find Object's.
    const p = Object.hasOwn(PRINTER_PROFILES, config.profile) ? PRINTER_PROFILES[config.profile] : undefined;
    if (!p) {
      throw new HalError(
        'Config_Invalid',
        `devices.printer.profile: unknown profile "${config.profile}"; expected one of ${Object.keys(PRINTER_PROFILES).join(', ')}`,
        {
          field: 'devices.printer.profile',
        },
      );
    }
    return p;
  }
  return config.paperWidth === 80 ? PRINTER_PROFILES['generic-80'] : PRINTER_PROFILES['generic-58'];
}
