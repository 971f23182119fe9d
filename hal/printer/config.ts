/** How a terminal configures its receipt printer (`devices.printer`). */
import type { SerialDeviceConfig } from '../transport/serial-config';

export interface PrinterTiming {
  /** Each DLE EOT reply. Real-time commands are answered within milliseconds, even when offline. */
  statusTimeoutMs: number;
  /** Bytes per write; between writes the driver looks at ASB, so a paper-out stops the job early. */
  chunkBytes: number;
  /** Added to the job's wire time to wait for the end-of-job marker (covers the mechanism's speed). */
  jobSlackMs: number;
}

export interface PrinterConfig extends SerialDeviceConfig {
  /** Paper roll width in mm: 58 (32 columns) or 80 (48 columns). */
  paperWidth: 58 | 80;
  /** A printer profile id (hal/printer profiles); default by paper width. */
  profile?: string;
  /** Status and job timing (hal/printer/driver.ts PRINTER_TIMING). */
  timing?: Partial<PrinterTiming>;
}
