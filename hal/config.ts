/**
 * How the HAL is told where its devices are and how to drive them. The whole configuration file
 * (src/config) embeds these; they live here so that hal/ never imports from src/. Every numeric option
 * group below is checked at load against the OptionSpec its driver declares (src/config/field-rules.ts).
 */
import type { ModemTimeouts } from './modem/timeouts';
import type { NetworkCheckOptions } from './network/options';
import type { EchoForm } from './network/iso8583/echo';
import type { PrinterTiming } from './printer/driver';
import type { ReaderTiming } from './reader/reader-check';

/** Line settings a device may need beyond its speed; default 8N1, no flow control. */
export interface SerialLineConfig {
  dataBits?: 5 | 6 | 7 | 8;
  parity?: 'none' | 'even' | 'odd' | 'mark' | 'space';
  stopBits?: 1 | 1.5 | 2;
  /** Hardware flow control (RTS/CTS). */
  rtscts?: boolean;
  /** Software flow control, each direction. */
  xon?: boolean;
  xoff?: boolean;
}

export interface SerialDeviceConfig extends SerialLineConfig {
  path: string;
  baudRate: number;
}

export interface ModemConfig extends SerialDeviceConfig {
  /** Command deadlines and retries (hal/modem/timeouts.ts MODEM_TIMEOUTS). */
  timeouts?: Partial<ModemTimeouts>;
}

export interface ReaderConfig extends SerialDeviceConfig {
  kind: 'pn532' | 'msr605';
  /** The reader's timing for its kind, plus the interactive window (hal/reader/reader-check.ts READER_TIMING). */
  timing?: Partial<ReaderTiming>;
}

export interface PrinterConfig extends SerialDeviceConfig {
  /** Paper roll width in mm: 58 (32 columns) or 80 (48 columns). */
  paperWidth: 58 | 80;
  /** A printer profile id (hal/printer profiles); default by paper width. */
  profile?: string;
  /** Status and job timing (hal/printer/driver.ts PRINTER_TIMING). */
  timing?: Partial<PrinterTiming>;
}

export interface DevicesConfig {
  modem?: ModemConfig;
  reader?: ReaderConfig;
  printer?: PrinterConfig;
}

export interface HostConfig {
  address: string;
  port: number;
  /** Send an ISO 8583 0800 echo when the acquirer profile supports it. */
  echo?: boolean;
  /** TPDU header as hex, for acquirers that use one (CUP: 10 bytes BCD "6000030000"). */
  tpdu?: string;
  /** Echo form: 'iso' (ASCII, field 70) or 'cup' (BCD, field 60). Default 'cup' with a TPDU or the cup acquirer, else 'iso'. */
  echoForm?: EchoForm;
  /** Acquirer header after the TPDU, as hex. */
  header?: string;
  /** CUP 60.2 batch number for the echo, 0–999999. Default 1. */
  batch?: number;
  /** The network check's time limits and counts (hal/network/options.ts NETWORK_OPTIONS). */
  timing?: Partial<NetworkCheckOptions>;
}
