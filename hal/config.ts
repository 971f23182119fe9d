/**
 * How the HAL is told where its devices are. The whole configuration file (src/config) embeds these;
 * they live here so that hal/ never imports from src/.
 */
export interface SerialDeviceConfig {
  path: string;
  baudRate: number;
}

export interface ReaderConfig extends SerialDeviceConfig {
  kind: 'pn532' | 'msr605';
}

export interface PrinterConfig extends SerialDeviceConfig {
  /** Paper roll width in mm: 58 (32 columns) or 80 (48 columns). */
  paperWidth: 58 | 80;
  /** A printer profile id (hal/printer profiles); default by paper width. */
  profile?: string;
}

export interface DevicesConfig {
  modem?: SerialDeviceConfig;
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
}
