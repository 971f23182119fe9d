import type { DevicesConfig, HostConfig } from '../../hal/config';
import type { DeadlineProfile } from '../../hal/deadline-profiles';
import type { ConfigLocale } from '../i18n/locale';

export interface TerminalConfig {
  id: string;
  merchantId: string;
  merchantName?: string;
  location?: string;
  /** Acquirer profile id (`cup`, `lakala`, …); default `cup`. */
  acquirer?: string;
  /** A tag of the locale list (src/i18n/locale.ts). */
  locale?: ConfigLocale;
}

export interface PosdiagConfig {
  terminal: TerminalConfig;
  devices: DevicesConfig;
  host?: HostConfig;
  /**
   * Self-test and diagnose: the whole run's budget in ms (hal/selfcheck.ts RUN_BUDGET; --budget overrides it),
   * and the deadline profile of every command (hal/deadline-profiles.ts; --profile overrides it; else each command's own).
   */
  checks?: { budgetMs?: number; profile?: DeadlineProfile };
  journal?: { dir?: string };
  technician?: { pinHash?: string };
  /** The fleet server's section (src/config/fleet-schema.ts), checked by the fleet commands. */
  fleet?: unknown;
  /** The fleet link (README "Telemetry"); numeric settings in src/fleet/options.ts. */
  telemetry?: TelemetryConfig;
}

export interface TelemetryConfig {
  broker: string;
  cert: string;
  key: string;
  ca: string;
  topicPrefix?: string;
  heartbeatMs?: number;
  flushTimeoutMs?: number;
  maxUnackedRecords?: number;
  connectTimeoutMs?: number;
  keepaliveS?: number;
  rewindMs?: number;
  backoffMinMs?: number;
  backoffMaxMs?: number;
  window?: number;
  holdBackMs?: number;
}
