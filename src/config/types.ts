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
  /** Self-test and diagnose: the whole run's budget in ms (hal/selfcheck.ts RUN_BUDGET); --budget overrides it. */
  checks?: { budgetMs?: number };
  journal?: { dir?: string };
  technician?: { pinHash?: string };
  /** The fleet server's section (src/config/fleet-schema.ts), checked by the fleet commands. */
  fleet?: unknown;
}
