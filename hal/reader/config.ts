/**
 * How a terminal configures its card readers (`devices.readers`, or one `devices.reader`). Which kinds
 * exist is the kind table's knowledge (hal/reader/kinds.ts), checked when the configuration loads.
 */
import type { SerialDeviceConfig } from '../transport/serial-config';

export interface ReaderConfig extends SerialDeviceConfig {
  /** A key of hal/reader/kinds.ts READER_KINDS: `pn532`, `msr605`, `ccid`. */
  kind: string;
  /** What the reader is called in reports, on the slip and in the menu; default from its kind and position. */
  name?: string;
  /** The interactive window plus the driver timing of the reader's kind (READER_KINDS[kind].timing). */
  timing?: ReaderTiming;
  /** `ccid`: the applications to select, hex, in order; default UnionPay first (hal/reader/ccid/ccid-options.ts). */
  aids?: string[];
  /** `ccid`: read the expiry (GPO + READ RECORD). GPO starts a transaction on the card: off by default. */
  readExpiry?: boolean;
}

export interface ReaderTiming {
  /** How long the interactive test waits for a tap or a swipe. */
  interactiveMs?: number;
  /** The kind's driver timing (commandTimeoutMs, …), held to the kind's spec at load. */
  [driverOption: string]: number | undefined;
}
