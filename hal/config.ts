/**
 * How the HAL is told where its devices are and how to drive them. The whole configuration file
 * (src/config) embeds these; they live here so that hal/ never imports from src/. Each device's own
 * fields are its own file's (hal/<device>/config.ts); this file only puts them together. Every numeric option
 * group below is checked at load against the OptionSpec its driver declares (src/config/field-rules.ts).
 */
import type { ModemConfig } from './modem/config';
import type { HostConfig } from './network/config';
import type { PrinterConfig } from './printer/config';
import type { ReaderConfig } from './reader/config';

export type { SerialDeviceConfig, SerialLineConfig } from './transport/serial-config';
export type { HostConfig, ModemConfig, PrinterConfig, ReaderConfig };

export interface DevicesConfig {
  modem?: ModemConfig;
  /** The terminal's card readers, in any mix of kinds. */
  readers?: ReaderConfig[];
  /** One reader: accepted as a list of one (devices.readers). */
  reader?: ReaderConfig;
  printer?: PrinterConfig;
}
