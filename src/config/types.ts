import type { DevicesConfig, HostConfig } from '../../hal/config';

export interface TerminalConfig {
  id: string;
  merchantId: string;
  merchantName?: string;
  location?: string;
  /** Acquirer profile id (`cup`, `lakala`, …); default `cup`. */
  acquirer?: string;
  locale?: 'zh-CN' | 'zh-TW' | 'zh-HK' | 'en';
}

export interface PosdiagConfig {
  terminal: TerminalConfig;
  devices: DevicesConfig;
  host?: HostConfig;
  journal?: { dir?: string };
  technician?: { pinHash?: string };
}
