/**
 * Telemetry's numeric settings (`telemetry` in the configuration), with defaults and ranges. Declared
 * here, outside the shipper's bundle, because the configuration's checks and the journal's rotation
 * guard need them in the terminal's bundle; the shipper resolves them through hal/options.ts.
 */
import type { OptionSpec } from '../../hal/options';

export type TelemetryOptionKey =
  | 'heartbeatMs'
  | 'flushTimeoutMs'
  | 'maxUnackedRecords'
  | 'connectTimeoutMs'
  | 'keepaliveS'
  | 'rewindMs'
  | 'backoffMinMs'
  | 'backoffMaxMs'
  | 'window'
  | 'holdBackMs';

export const TELEMETRY_OPTIONS: OptionSpec<TelemetryOptionKey> = {
  /** How often `telemetry run` republishes its status snapshot. */
  heartbeatMs: { default: 15 * 60_000, min: 1_000, max: 24 * 3_600_000 },
  /** `telemetry flush` gives up after this long, acknowledged or not (the records stay for the next one). */
  flushTimeoutMs: { default: 60_000, min: 1_000, max: 3_600_000 },
  /** Records the fleet has not acknowledged that rotation keeps beyond the journal's own files; past it the oldest go and are reported as the gap. */
  maxUnackedRecords: { default: 20_000, min: 100, max: 1_000_000 },
  /** A connection attempt (TCP, TLS, CONNACK) longer than this is dropped: a blackholed link must not hold the shipper. */
  connectTimeoutMs: { default: 10_000, min: 1_000, max: 120_000 },
  /** MQTT keepalive, below the carrier NAT's idle timeout. */
  keepaliveS: { default: 120, min: 10, max: 1_200 },
  /** Without the fleet's acknowledgement moving for this long, everything after it is sent again. */
  rewindMs: { default: 10_000, min: 500, max: 600_000 },
  /** Reconnect back-off: jittered, doubling from min to max. */
  backoffMinMs: { default: 2_000, min: 100, max: 600_000 },
  backoffMaxMs: { default: 600_000, min: 1_000, max: 3_600_000 },
  /** Records published and not yet PUBACKed at once. */
  window: { default: 20, min: 1, max: 200 },
  /** A state change identical to the last one published is held back for this long (a printer without paper, over and over). */
  holdBackMs: { default: 15 * 60_000, min: 0, max: 24 * 3_600_000 },
};
